"""Vietnamese alphabetical order for every list a person reads.

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y:
"Âu Lâu" comes after "An" and before "Yên Bái", "Đông Cuông" after
"Dương". Tones count only when the letters are equal (a à ả ã á ạ), then
case. On PostgreSQL this is ICU's Vietnamese collation; on SQLite the same
order is a collation of that name registered on every connection, with the
key computed by ``sort_key`` below. Order a queryset with
``.order_by(vietnamese("name"))`` or put ``vietnamese("name")`` in
``Meta.ordering``."""

import functools
import unicodedata

from django.db.models.functions import Collate

COLLATION = "vi-x-icu"

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Letters made with a combining mark that is part of the letter, not a tone.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# Tones in dictionary order: none, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}


def vietnamese(field):
    """``field`` in Vietnamese order, for ``order_by`` and ``Meta.ordering``."""
    return Collate(field, COLLATION)


@functools.lru_cache(maxsize=65536)
def sort_key(text):
    """The key that sorts ``text`` in Vietnamese order: letters first, then
    tones, then case, then the text itself (so that the order is total)."""
    letters = []  # primary: one rank per letter
    tones = []  # secondary: one tone per letter
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in _TONES and letters:
            tones[-1] = _TONES[char]
        elif unicodedata.combining(char):
            kind, rank = letters[-1] if letters else (0, 0)
            made = _LETTER_MARKS.get((_ALPHABET[rank], char)) if kind == 1 else None
            if made:
                letters[-1] = (1, _RANK[made])
        elif char in _RANK:
            letters.append((1, _RANK[char]))
            tones.append(0)
        else:
            # spaces and punctuation before digits before letters, as ICU does
            letters.append((0, ord(char)))
            tones.append(0)
    case = tuple(char.isupper() for char in text)
    return (tuple(letters), tuple(tones), case, text)


def compare(left, right):
    """The SQLite collation: -1, 0 or 1, as ``sort_key`` orders them."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def register_on_sqlite(sender, connection, **kwargs):
    """connection_created handler: SQLite learns the collation's name."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, compare)
