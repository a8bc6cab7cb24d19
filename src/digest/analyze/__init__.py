"""Stage 4: what an article is about: summary, key figures, keywords and topic."""
