"""The one rule for characters that text may not carry into the database.

PostgreSQL cannot store NUL in a text or jsonb value (psycopg2 refuses the query, a 500), and the
other control characters of C0 and C1 are invisible junk no keyboard types: pasted from a binary
file, a terminal or a tampered request. Every text that comes in goes through
`strip_control_characters` once: request parameters in `ControlCharacterMiddleware`, imported
files (GIFT, course zips, CSV) where their importer builds text.
"""

import re
from typing import Any

# C0 except tab, line feed and carriage return (text keeps its layout); DEL and C1; and lone
# surrogates, which only a JSON "\\ud800" escape can make and UTF-8 cannot encode.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def strip_control_characters(text: str) -> str:
    """`text` without its control characters: "a\\x00b\\x07" → "ab"; tabs and line breaks stay."""
    return CONTROL_CHARACTERS.sub("", text)


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None


def strip_control_characters_from(value: Any) -> Any:
    """A decoded JSON document with every string (object keys too) stripped; numbers, booleans
    and null unchanged."""
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list):
        return [strip_control_characters_from(item) for item in value]
    if isinstance(value, dict):
        return {
            strip_control_characters(key): strip_control_characters_from(item)
            for key, item in value.items()
        }
    return value
