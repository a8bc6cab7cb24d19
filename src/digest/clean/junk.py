"""STUB."""


def drop_junk_lines(lines: list[str]) -> list[str]:
    return [l for l in lines if l.strip()]
