"""STUB."""
import re
from datetime import date

_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def find_page_date(text: str) -> date | None:
    m = _DATE.search(text)
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None
