"""The Vietnamese catalogue is complete: no empty or fuzzy entry, and every
placeholder of the English text is kept."""

import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%%")


def _string(block, keyword):
    """The whole text of ``keyword`` (msgid, msgstr) in an entry: its first
    line and every continuation line ("...") after it; None if absent."""
    match = re.search(rf'^{keyword} "(.*)"\n?((?:^".*"$\n?)*)', block, re.M)
    if match is None:
        return None
    return match.group(1) + "".join(re.findall(r'^"(.*)"$', match.group(2), re.M))


def _entries(text=None):
    text = CATALOGUE.read_text(encoding="utf-8") if text is None else text
    for block in text.split("\n\n")[1:]:
        msgid, msgstr = _string(block, "msgid"), _string(block, "msgstr")
        if msgid is not None and msgstr is not None:
            yield block, msgid, msgstr


def test_entries_are_read_whole():
    text = (
        'msgid ""\nmsgstr ""\n"Language: vi\\n"\n\n'
        '#: a.py\nmsgid ""\n"A long message "\n"on two lines"\nmsgstr ""\n"Một thông điệp dài "\n"trên hai dòng"\n\n'
        '#: b.py\nmsgid ""\n"Untranslated, "\n"on two lines"\nmsgstr ""\n'
    )
    assert [(msgid, msgstr) for _b, msgid, msgstr in _entries(text)] == [
        ("A long message on two lines", "Một thông điệp dài trên hai dòng"),
        ("Untranslated, on two lines", ""),
    ]


def test_every_message_is_translated():
    untranslated = [msgid for _b, msgid, msgstr in _entries() if msgid and not msgstr]
    assert untranslated == []


def test_no_entry_is_fuzzy():
    assert [msgid for block, msgid, _s in _entries() if "#, fuzzy" in block] == []


def test_placeholders_are_kept():
    broken = [
        msgid
        for _b, msgid, msgstr in _entries()
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr))
    ]
    assert broken == []
