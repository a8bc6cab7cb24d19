"""Stage 3: cut a cleaned page into articles and read their metadata (titles, bylines, dates)."""
