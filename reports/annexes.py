"""The annex sheets of the year-end report: the records behind the plan's
figures, the HTX's yearly reports and the awards, each a printable table
with the sheet's title and year at the top and a "Cộng" row at the end.

Rows are read with ``values_list`` (no model instance per row): at national
scale these tables hold tens of thousands of rows.
"""

import datetime
from dataclasses import dataclass, field

from coopportal.lib.collation import vietnamese
from planning.measures import MEASURES
from registry.models import Classification, Cooperative, CooperativeGroup
from reports.figures import vn_number
from reports.sheets import LINE_HEIGHT, cell_format, fits, lines_needed, merged, print_setup, sum_formula, write_value

HEADER_ROW = 3  # 0-based: title, area, blank, then the header


@dataclass
class Column:
    header: str
    width: float
    path: str = ""  # a values_list path; "" for the row number
    summed: bool = False  # the "Cộng" row sums it
    show: dict = field(default_factory=dict)  # stored value -> what is printed


_COOP_STATUS = {value: label for value, label in Cooperative.Status.choices}
_GROUP_STATUS = {value: label for value, label in CooperativeGroup.Status.choices}
_CLASSIFICATION = {value: label for value, label in Classification.choices}


@dataclass
class Annex:
    """One annex: a sheet listing a measure's records for the year."""

    sheet: str  # the tab's name (31 characters at most)
    title: str  # printed at the top, with the year
    noun: str  # what one row is, for the "Cộng" row: "HTX", "THT"
    measure: str
    columns: list
    order: list

    def columns_for(self, scope):
        """The columns; within one province, not the province's name on every row."""
        if scope.province:
            return [c for c in self.columns if not c.path.endswith("province__name")]
        return self.columns

    def rows(self, year, scope):
        records = MEASURES[self.measure].records(year, scope).order_by(*self.order)
        paths = [c.path for c in self.columns_for(scope) if c.path]
        return records.values_list(*paths).iterator(chunk_size=5000)


def _status_labels():
    # Labels are lazy: read them in the report's language, when it is written.
    return {
        "coop": {k: str(v) for k, v in _COOP_STATUS.items()},
        "group": {k: str(v) for k, v in _GROUP_STATUS.items()},
        "class": {k: str(v) for k, v in _CLASSIFICATION.items()},
    }


def record_annexes():
    labels = _status_labels()
    no = Column("STT", 6)
    coop_columns = [
        no,
        Column("Mã số HTX", 13, "registration_code"),
        Column("Tên hợp tác xã", 42, "name"),
        Column("Xã, phường", 22, "commune__name"),
        Column("Ngày đăng ký", 13, "registration_date"),
        Column("Ngày chuyển đổi thành HTX kiểu mới", 15, "converted_on"),
        Column("Tình trạng", 16, "status", show=labels["coop"]),
    ]
    return [
        Annex("HTX thành lập mới", "DANH SÁCH HTX THÀNH LẬP MỚI NĂM", "HTX", "htx_registered",
              coop_columns, ["registration_date", vietnamese("name")]),
        Annex("THT thành lập mới", "DANH SÁCH TỔ HỢP TÁC THÀNH LẬP MỚI NĂM", "THT", "tht_established", [
            no,
            Column("Tên tổ hợp tác", 44, "name"),
            Column("Xã, phường", 24, "commune__name"),
            Column("Ngày thành lập", 13, "established_on"),
            Column("Số thành viên", 11, "members", summed=True),
            Column("Tình trạng", 16, "status", show=labels["group"]),
        ], ["established_on", vietnamese("name")]),
        Annex("HTX chuyển đổi", "DANH SÁCH HTX CHUYỂN ĐỔI THÀNH HTX KIỂU MỚI NĂM", "HTX", "htx_converted",
              coop_columns, ["converted_on", vietnamese("name")]),
        Annex("Mô hình chuỗi giá trị", "MÔ HÌNH HTX SẢN XUẤT GẮN VỚI CHUỖI GIÁ TRỊ NĂM", "mô hình",
              "value_chain_models", [
            no,
            Column("Tên mô hình", 40, "name"),
            Column("Sản phẩm", 20, "product"),
            Column("Hợp tác xã", 38, "cooperative__name"),
            Column("Xã, phường", 22, "cooperative__commune__name"),
            Column("Ngày xây dựng", 13, "built_on"),
        ], ["built_on", vietnamese("name")]),
        Annex("Sản phẩm OCOP", "SẢN PHẨM OCOP ĐƯỢC LIÊN MINH HTX TƯ VẤN, HỖ TRỢ NĂM", "sản phẩm",
              "ocop_supported", [
            no,
            Column("Tên sản phẩm", 36, "name"),
            Column("Hạng sao", 9, "stars"),
            Column("Hợp tác xã", 38, "cooperative__name"),
            Column("Xã, phường", 22, "cooperative__commune__name"),
            Column("Ngày công nhận", 13, "certified_on"),
        ], ["certified_on", vietnamese("name")]),
        Annex("Báo cáo HTX năm", "TÌNH HÌNH HOẠT ĐỘNG CỦA CÁC HTX NĂM", "HTX", "htx_regular_jobs", [
            no,
            Column("Mã số HTX", 13, "cooperative__registration_code"),
            Column("Tên hợp tác xã", 40, "cooperative__name"),
            Column("Xã, phường", 20, "cooperative__commune__name"),
            Column("Tỉnh, thành phố", 16, "cooperative__commune__province__name"),
            Column("Thành viên", 11, "members", summed=True),
            Column("Lao động thường xuyên", 12, "regular_workers", summed=True),
            Column("Doanh thu (đồng)", 18, "revenue", summed=True),
            Column("Thu nhập bình quân (đồng/người/năm)", 16, "avg_income"),
            Column("Xếp loại", 14, "classification", show=labels["class"]),
        ], ["cooperative__commune__province_id", vietnamese("cooperative__commune__name"),
            vietnamese("cooperative__name")]),
    ]  # fmt: skip


AWARD_COLUMNS = [
    Column("STT", 6),
    Column("Danh hiệu, hình thức khen thưởng", 28),
    Column("Cá nhân, tập thể", 28),
    Column("Chức vụ, đơn vị", 32),
    Column("Quyết định số", 14),
    Column("Ngày ký", 12),
    Column("Thành tích", 36),
    Column("Số tiền thưởng (đồng)", 16, summed=True),
    Column("Ghi chú", 30),
]


def _award_lines(year, scope):
    from awards.models import AwardLine

    lines = AwardLine.objects.for_report(year)
    if scope.province:
        lines = lines.filter(decision__province_id=scope.province)
    return lines


def award_count(year, scope):
    return _award_lines(year, scope).count()


def award_rows(year, scope):
    """The year's awards, through the awards app's own report queryset."""
    lines = _award_lines(year, scope)
    for line in lines.iterator(chunk_size=2000):
        person = line.person
        where = ", ".join(p for p in (person.job_title, person.unit) if p) if person else ""
        name = person.full_name if person else str(line.collective)
        yield (line.title.name, name, where, line.decision.number, line.decision.issued_on,
               line.reason, line.reward_amount, str(line.one_reward_note))  # fmt: skip


def _writer(sheet, formats, value, centred):
    """(method, format) that writes values like ``value`` in a column."""
    if isinstance(value, bool):
        return lambda r, c, v, f: write_value(sheet, r, c, v, f), formats.text_center
    if isinstance(value, int):
        return sheet.write_number, formats.integer
    if isinstance(value, float):
        return sheet.write_number, formats.decimal2
    if isinstance(value, datetime.date):
        return sheet.write_datetime, formats.date
    if isinstance(value, str):
        return sheet.write_string, formats.text_center if centred else formats.text
    return (lambda r, c, v, f: write_value(sheet, r, c, v, f)), cell_format(formats, value)


def write_table(workbook, formats, sheet_name, title, area, columns, rows, noun, empty=None):
    """A printable annex: title and year, area, header, the rows numbered,
    then "Cộng: <n> <noun>" with the sums of the summed columns; ``empty``
    says so in a row of its own when there are no rows."""
    sheet = workbook.add_worksheet(sheet_name[:31])
    widths = [c.width for c in columns]
    print_setup(sheet, widths, HEADER_ROW)
    last = len(columns) - 1
    sheet.set_row(0, 22)
    merged(sheet, 0, 0, last, title, formats.title)
    merged(sheet, 1, 0, last, area, formats.center_italic)
    sheet.set_row(HEADER_ROW, 48)
    for index, column in enumerate(columns):
        sheet.write_string(HEADER_ROW, index, str(column.header), formats.header)
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    row = HEADER_ROW
    sums = {index: 0 for index, c in enumerate(columns) if c.summed}
    shown = [(index, c.show) for index, c in enumerate(columns) if c.show]
    # How each column is written, chosen from its first value: the rows of a
    # column share a type, and at national scale this loop runs 400,000 times.
    writers = [None] * len(columns)
    for row, values in enumerate(rows, start=HEADER_ROW + 1):
        values = [None, *values]
        for index, show in shown:
            values[index] = show.get(values[index], values[index])
        lines = 1
        for index, value in enumerate(values):
            if value.__class__ is str and not fits(value, widths[index]):
                lines = max(lines, lines_needed(value, widths[index]))
        if lines > 1:
            sheet.set_row(row, LINE_HEIGHT * lines + 2)
        sheet.write_number(row, 0, row - HEADER_ROW, formats.text_center)
        for index in range(1, len(values)):
            value = values[index]
            if value is None:
                sheet.write_blank(row, index, None, formats.blank)
                continue
            writer = writers[index]
            if writer is None:
                writer = writers[index] = _writer(sheet, formats, value, bool(columns[index].show))
            writer[0](row, index, value, writer[1])
        for index in sums:
            sums[index] += values[index] or 0
    count = row - HEADER_ROW
    if count:
        sheet.autofilter(HEADER_ROW, 0, row, last)
    elif empty:
        row += 1
        merged(sheet, row, 0, last, empty, formats.text)
    total = row + 1
    # "Cộng: 1.183 THT" spans the columns before the first summed one.
    label_last = min(sums) - 1 if sums else min(2, last)
    merged(sheet, total, 0, label_last, f"Cộng: {vn_number(count)} {noun}", formats.total_text)
    for index in range(label_last + 1, len(columns)):
        if index in sums and count:
            # The value goes with the formula: LibreOffice shows it without recalculating.
            formula = sum_formula(index, HEADER_ROW + 1, row)
            sheet.write_formula(total, index, formula, formats.total_integer, sums[index])
        else:
            sheet.write_blank(total, index, None, formats.total_text)
    return sheet, count
