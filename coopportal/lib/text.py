"""Text folding for search that ignores Vietnamese diacritics and case."""

import unicodedata

# Characters below this are remembered (Latin with Vietnamese, the
# combining marks, Greek, Cyrillic, general punctuation).
_KEPT = 0x3000


class _Bare(dict):
    """The translation table of fold(): a combining mark maps to None (it is
    dropped), "đ"/"Đ" to "d" ("đ" is a letter of its own, not d plus a
    mark, so NFD leaves it), any other character to itself. Filled as
    characters are met, so that str.translate does the walk in C: the
    import folds every row's name, code and representative. Only the
    alphabetic scripts' block is kept, so that text of every other script
    cannot grow the table without bound."""

    def __missing__(self, code):
        value = None if unicodedata.combining(chr(code)) else code
        if code < _KEPT:
            self[code] = value
        return value


_BARE = _Bare({ord("đ"): "d", ord("Đ"): "d"})


def fold(text):
    """Return ``text`` lower-cased, without diacritics, with runs of spaces
    collapsed: "Trạm  Tấu" -> "tram tau", "Đồng" -> "dong"."""
    if not text:
        return ""
    bare = unicodedata.normalize("NFD", str(text)).translate(_BARE)
    return " ".join(bare.lower().split())
