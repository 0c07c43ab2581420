"""The year-end report's sheets for the Alliance's own work: one table per
kind of record, in Vietnamese whatever the user's language (the report is
an official document). reports.workbook (a layer above) calls
``report_sheets``."""

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


def report_sheets(year, scope):
    """[(title, headers, rows, widths)] for ``year`` within ``scope``; rows
    are generators, numbered from 1 in the first column."""
    sheets = []
    for title, code in SHEETS:
        records = drilldown.prepare(BY_CODE[code].records(year, scope))
        headers = ["STT", *drilldown.headers(records.model)]
        rows = ([i, *drilldown.cells(obj)] for i, obj in enumerate(records.iterator(chunk_size=2000), start=1))
        sheets.append((title, headers, rows, [6] + [22] * (len(headers) - 1)))
    return sheets
