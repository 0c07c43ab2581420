"""Emulation and commendation: who was honoured, by which decision, with
what reward. The legal figures and what was verified: awards/law.py."""

from awards.models.decisions import AwardLine, AwardStatus, Decision
from awards.models.recipients import Collective, CollectiveKind, Person
from awards.models.titles import AppliesTo, BaseSalary, Title, TitleKind

__all__ = [
    "AppliesTo",
    "AwardLine",
    "AwardStatus",
    "BaseSalary",
    "Collective",
    "CollectiveKind",
    "Decision",
    "Person",
    "Title",
    "TitleKind",
]
