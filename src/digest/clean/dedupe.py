"""STUB."""


def drop_duplicate_paragraphs(paragraphs: list[str]) -> list[str]:
    seen, out = set(), []
    for p in paragraphs:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
