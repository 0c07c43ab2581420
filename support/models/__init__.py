"""The Alliance's own work: members, the support fund's loans, training,
consulting and support, trade promotion, poverty support."""

from support.models.cases import CaseKind, CaseOutcome, SupportCase
from support.models.loans import Disbursement, Installment, Loan, Repayment
from support.models.membership import Membership, MembershipFee
from support.models.poverty import SupportedHousehold
from support.models.trade import EventKind, TradeEvent, TradeParticipation
from support.models.training import FundingSource, ParticipantRole, TrainingClass, TrainingParticipant

__all__ = [
    "CaseKind",
    "CaseOutcome",
    "Disbursement",
    "EventKind",
    "FundingSource",
    "Installment",
    "Loan",
    "Membership",
    "MembershipFee",
    "ParticipantRole",
    "Repayment",
    "SupportCase",
    "SupportedHousehold",
    "TradeEvent",
    "TradeParticipation",
    "TrainingClass",
    "TrainingParticipant",
]

# Records the plan's figures are computed from (support.apps bumps the data version on their writes).
FIGURE_SOURCES = [
    Membership,
    Loan,
    Disbursement,
    Installment,
    Repayment,
    TrainingClass,
    TrainingParticipant,
    SupportCase,
    TradeEvent,
    TradeParticipation,
    SupportedHousehold,
]
