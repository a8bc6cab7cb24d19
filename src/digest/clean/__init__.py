"""Stage 2: repair the damage seeds carry, one small named function per kind of damage."""
