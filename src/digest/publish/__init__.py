"""Stage 5: write each article as a Markdown page, safely (escaped text, atomic, edit-aware)."""
