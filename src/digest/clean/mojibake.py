"""STUB."""


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    return text, []
