"""Decode a seed's bytes. STUB: replaced by the cleaning work (issue 3)."""

from digest.model import SeedError


def decode_bytes(data: bytes, source_file: str) -> tuple[str, str]:
    if not data.strip():
        raise SeedError(source_file, "is empty")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as exc:
            raise SeedError(source_file, "cannot be decoded as Chinese text") from exc
