"""Text folding for search that ignores Vietnamese diacritics and case."""

import unicodedata

# "đ" is a letter of its own, not d plus a combining mark, so NFD leaves it.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text):
    """Return ``text`` lower-cased, without diacritics, with runs of spaces
    collapsed: "Trạm  Tấu" -> "tram tau", "Đồng" -> "dong"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", str(text).translate(_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())
