"""STUB."""


def reflow(lines: list[str]) -> list[str]:
    return [l.strip() for l in lines if l.strip()]
