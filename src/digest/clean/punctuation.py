"""STUB."""


def normalize_punctuation(text: str) -> str:
    return text
