"""Small builders for the awards tests. Rule tests use 2022–2025 and their
own people, away from the demo's 2019–2021 awards."""

import datetime
import itertools

from awards.models import AwardLine, Collective, CollectiveKind, Decision, FighterShareCap, Person, Title

_numbers = itertools.count(100)


def title(code):
    return Title.objects.get(code=code)


def decision(year, issued_on=None, **fields):
    """A decision of the Alliance honouring ``year``, signed in January after it."""
    fields.setdefault("number", f"{next(_numbers)}/QĐ-TEST")
    fields.setdefault("signer", "Chủ tịch Liên minh HTX tỉnh")
    return Decision.objects.create(year=year, issued_on=issued_on or datetime.date(year + 1, 1, 15), **fields)


def person(full_name="Nguyễn Văn An", unit="Văn phòng Liên minh HTX tỉnh", job_title="Chuyên viên"):
    return Person.objects.create(full_name=full_name, unit=unit, job_title=job_title)


def unit(name="Ban Kiểm tra"):
    return Collective.objects.create(kind=CollectiveKind.ALLIANCE_UNIT, name=name)


def build(on, code, recipient, **fields):
    """An unsaved line giving ``recipient`` the title ``code`` in decision ``on``."""
    who = "collective" if isinstance(recipient, Collective) else "person"
    return AwardLine(decision=on, title=title(code), **{who: recipient}, **fields)


def award(on, code, recipient, **fields):
    """A line checked like any entry, then saved."""
    line = build(on, code, recipient, **fields)
    line.full_clean()
    line.save()
    return line


def without_share_cap():
    """Lift the 15% share of Chiến sĩ thi đua cơ sở (Decree 91/2017) for a
    test about other rules, whose few people could not meet it."""
    FighterShareCap.objects.filter(percent__isnull=False).update(percent=None)
