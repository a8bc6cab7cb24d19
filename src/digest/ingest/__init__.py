"""Stage 1: turn a seed file's bytes into Unicode text (any common Chinese encoding, or HTML)."""
