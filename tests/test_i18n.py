"""The Vietnamese catalogue is complete: no empty or fuzzy entry, and every
placeholder of the English text is kept."""

import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s|%%")


def _entries():
    text = CATALOGUE.read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        msgid = re.search(r'^msgid "(.*)"$', block, re.M)
        msgstr = re.search(r'^msgstr "(.*)"$', block, re.M)
        if msgid and msgstr:
            yield block, msgid.group(1), msgstr.group(1)


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
