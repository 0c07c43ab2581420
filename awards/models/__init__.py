"""Emulation and commendation: who was honoured, by which decision, with
what reward. The legal figures and what was verified: awards/law.py."""

from awards.models.decisions import AwardLine, AwardStatus, Decision
from awards.models.rates import BaseSalary, CollectiveMultiplier, FighterShareCap, RoundingRule, TitleCoefficient
from awards.models.recipients import Collective, CollectiveKind, Person
from awards.models.titles import AppliesTo, Title, TitleKind

__all__ = [
    "AppliesTo",
    "AwardLine",
    "AwardStatus",
    "BaseSalary",
    "Collective",
    "CollectiveKind",
    "CollectiveMultiplier",
    "Decision",
    "FighterShareCap",
    "Person",
    "RoundingRule",
    "Title",
    "TitleCoefficient",
    "TitleKind",
]
