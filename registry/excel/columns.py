"""The columns of the registry spreadsheets. Headers are the Vietnamese
labels; the English ones are accepted too. Import, export and the template
all read this one list, so an exported file imports back unchanged."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from coopportal.lib.text import fold
from registry.excel.formats import read_table
from registry.excel.values import parse_text
from registry.excel.widgets import ChoiceWidget, DateWidget, IntegerWidget, TextWidget, YesNoWidget
from registry.models import Cooperative, CooperativeGroup, Sector

# The template: its notes column, the mark of its example row (left in, the
# row is refused), how many rows its drop-down lists cover, its notes.
NOTES_HEADER = "Ghi chú"
EXAMPLE_NOTE = "Dòng ví dụ: xóa trước khi nhập"
TEMPLATE_ROWS = 5000
TEMPLATE_NOTES = [
    "Mỗi dòng là một hồ sơ; dòng 1 là tiêu đề cột, giữ nguyên như mẫu (có thể thêm dòng tiêu đề văn bản phía trên, "
    "cột STT và cột Ghi chú).",
    "Xóa dòng ví dụ trước khi nhập: dòng có Ghi chú là “Dòng ví dụ: xóa trước khi nhập” bị từ chối.",
    "Mọi dòng được kiểm tra trước; chỉ cần một lỗi là không có gì được ghi, và mọi lỗi được liệt kê cùng lúc.",
    "Hồ sơ đã có được cập nhật: hợp tác xã theo mã số HTX, tổ hợp tác theo tên và xã, phường.",
]

# Columns offices add for people, read by no one here: the row number
# (STT, số thứ tự) and notes (Ghi chú).
IGNORED_HEADERS = {"stt", "tt", "so tt", "so thu tu", "no.", "no", "ghi chu", "note", "notes"}


@dataclass(frozen=True)
class Column:
    key: str  # the model field, or a pseudo-field the importer handles
    vi: str
    en: str
    kind: str = "text"  # text, date, integer, money, bool, choice, commune_code, commune_name
    required: bool = False
    choices: type | None = None
    width: int = 18

    @cached_property
    def widget(self):
        """The django-import-export widget that reads and writes this column."""
        if self.kind == "choice":
            return ChoiceWidget(self.choices)
        return {
            "date": DateWidget,
            "integer": IntegerWidget,
            "money": IntegerWidget,
            "bool": YesNoWidget,
        }.get(self.kind, TextWidget)()

    @property
    def options(self):
        """The values a drop-down list offers for this column, in Vietnamese."""
        if self.kind == "choice":
            return list(self.widget.labels.values())
        if self.kind == "bool":
            return ["Có", "Không"]
        return []

    def parser(self, value):
        """The value of a filled cell; CellError says why it cannot be read."""
        return self.widget.clean(value)

    def export(self, value):
        """The cell written for a model value."""
        return self.widget.render(value)


@dataclass(frozen=True)
class Sheet:
    kind: str  # "cooperatives" or "groups"
    model: type
    title: str
    columns: list = field(default_factory=list)
    example: dict = field(default_factory=dict)  # the template's example row
    related: tuple = ("commune",)  # what an export reads with each record

    @cached_property
    def known_headers(self):
        """Every header name of the sheet, folded."""
        return {fold(name) for column in self.columns for name in (column.vi, column.en)}

    def read(self, data, filename):
        """The Table of an uploaded file of this sheet (title rows skipped)."""
        return read_table(data, filename, self.known_headers, IGNORED_HEADERS)

    def header_map(self, headers):
        """{column key: position} for a file's header row; unknown headers are
        returned apart so the reader can name them."""
        names = {}
        for column in self.columns:
            names[fold(column.vi)] = column
            names[fold(column.en)] = column
        found, unknown = {}, []
        for position, header in enumerate(headers):
            column = names.get(fold(parse_text(header)))
            if fold(parse_text(header)) in IGNORED_HEADERS:
                continue  # the row number and notes are for people
            if column is None:
                if parse_text(header):
                    unknown.append(parse_text(header))
                continue
            found[column.key] = position
        return found, unknown

    @cached_property
    def _by_key(self):
        # The importer asks for a column per cell: a dict, not a scan.
        return {c.key: c for c in self.columns}

    def column(self, key):
        return self._by_key[key]

    def has_column(self, key):
        return key in self._by_key


COOPERATIVES = Sheet(
    "cooperatives",
    Cooperative,
    "Hợp tác xã",
    [
        Column("registration_code", "Mã số HTX", "Registration code", required=True, width=14),
        Column("name", "Tên HTX", "Name", required=True, width=45),
        Column("kind", "Loại hình", "Kind", "choice", choices=Cooperative.Kind, width=16),
        Column("abbreviation", "Tên viết tắt", "Abbreviation"),
        Column("name_en", "Tên tiếng Anh", "English name", width=30),
        Column("sector", "Ngành nghề", "Sector", "choice", choices=Sector, width=24),
        Column("commune_code", "Mã xã", "Commune code", "commune_code", width=9),
        Column("commune", "Xã, phường", "Commune", "commune_name", width=24),
        Column("address", "Địa chỉ", "Street address", width=30),
        Column("registration_date", "Ngày đăng ký", "Registration date", "date", required=True, width=13),
        Column("charter_capital", "Vốn điều lệ (đồng)", "Charter capital (VND)", "money", width=16),
        Column("representative", "Người đại diện", "Legal representative", width=22),
        Column("representative_phone", "Điện thoại", "Phone", width=13),
        Column("founding_members", "Số thành viên sáng lập", "Founding members", "integer", width=10),
        Column("status", "Tình trạng", "Status", "choice", choices=Cooperative.Status, width=18),
        Column("converted_on", "Ngày chuyển đổi HTX kiểu mới", "Converted to new-type on", "date", width=13),
        Column("under_law", "Theo Luật HTX", "Under the Law", "bool", width=9),
    ],
    {
        "registration_code": "5209000001",
        "name": "Hợp tác xã Chè Shan tuyết Trạm Tấu",
        "kind": "Hợp tác xã",
        "sector": "Nông, lâm, thủy sản",
        "commune_code": "04606",
        "commune": "Xã Trạm Tấu",
        "address": "Thôn Km 19",
        "registration_date": datetime.date(2021, 7, 1),
        "charter_capital": 1_500_000_000,
        "representative": "Nguyễn Văn An",
        "representative_phone": "0912345678",
        "founding_members": 7,
        "status": "Đang hoạt động",
        "under_law": "Có",
    },
)

GROUPS = Sheet(
    "groups",
    CooperativeGroup,
    "Tổ hợp tác",
    [
        Column("name", "Tên tổ hợp tác", "Name", required=True, width=40),
        Column("commune_code", "Mã xã", "Commune code", "commune_code", width=9),
        Column("commune", "Xã, phường", "Commune", "commune_name", width=24),
        Column("established_on", "Ngày thành lập", "Established on", "date", required=True, width=13),
        Column("representative", "Người đại diện", "Representative", width=22),
        Column("members", "Số thành viên", "Members", "integer", width=10),
        Column("sector", "Ngành nghề", "Sector", "choice", choices=Sector, width=24),
        Column("status", "Tình trạng", "Status", "choice", choices=CooperativeGroup.Status, width=18),
        Column("upgraded_to", "Mã số HTX phát triển thành", "Grew into (registration code)", width=14),
    ],
    {
        "name": "Tổ hợp tác chăn nuôi Bản Mù",
        "commune_code": "04606",
        "commune": "Xã Trạm Tấu",
        "established_on": datetime.date(2021, 3, 15),
        "representative": "Giàng A Chứ",
        "members": 12,
        "sector": "Nông, lâm, thủy sản",
        "status": "Đang hoạt động",
    },
    related=("commune", "upgraded_to"),
)

SHEETS = {sheet.kind: sheet for sheet in (COOPERATIVES, GROUPS)}
