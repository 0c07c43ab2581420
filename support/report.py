"""The year-end report's sheets for the Alliance's own work: one table per
kind of record, in Vietnamese whatever the user's language (the report is
an official document). reports.workbook (a layer above) calls
``report_sheets``."""

from django.utils import translation

from planning import drilldown
from support.measures import BY_CODE

# (sheet title, measure whose records it lists)
SHEETS = [
    ("Thành viên Liên minh", "alliance_members"),
    ("Quỹ hỗ trợ - dư nợ", "fund_loans_outstanding"),
    ("Quỹ hỗ trợ - giải ngân", "fund_loans_disbursed"),
    ("Lớp bồi dưỡng", "training_classes"),
    ("Học viên", "training_participants"),
    ("Tư vấn, hỗ trợ", "support_cases"),
    ("Xúc tiến thương mại", "trade_contracts_value"),
    ("Hộ thoát nghèo", "poor_households_escaped"),
]


# Column widths (characters) by what a column holds, read from its English
# header: names and free text wide, dates and small numbers narrow.
_WIDE = ("Borrower", "Organisation", "Full name", "Purpose", "Topic", "Subject", "Support given", "Outcome",
         "Products", "Event", "Class", "Programme", "Head of household", "Place", "Organiser")  # fmt: skip
_NARROW = ("date", " on", "Role", "Kind", "Term", "Interest rate", "(year)", "Contracts signed", "Village")


def _width(english):
    if english.startswith(_WIDE):
        return 30
    if "(VND)" in english:
        return 17
    if any(word in english for word in _NARROW):
        return 12
    return 18


def _summed(english):
    """Amounts and counts of contracts add up in the "Cộng" row; rates and
    terms do not."""
    return "(VND)" in english or english == "Contracts signed"


def report_sheets(year, scope):
    """[(title, headers, rows, widths, summed)] for ``year`` within ``scope``;
    rows are generators, numbered from 1 in the first column; ``summed``
    says which columns the total row adds up."""
    sheets = []
    for title, code in SHEETS:
        records = drilldown.prepare(BY_CODE[code].records(year, scope))
        labels = drilldown.headers(records.model)
        with translation.override("en"):
            english = drilldown.headers(records.model)
        rows = ([i, *drilldown.cells(obj)] for i, obj in enumerate(records.iterator(chunk_size=2000), start=1))
        widths = [6] + [_width(e) for e in english]
        summed = [False] + [_summed(e) for e in english]
        sheets.append((title, ["STT", *labels], rows, widths, summed))
    return sheets
