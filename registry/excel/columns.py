"""The columns of the registry spreadsheets. Headers are the Vietnamese
labels; the English ones are accepted too. Import, export and the template
all read this one list, so an exported file imports back unchanged."""

from dataclasses import dataclass, field
from functools import cached_property

from django.utils import translation

from coopportal.lib.text import fold
from registry.excel.values import choice_parser, parse_bool, parse_date, parse_integer, parse_text
from registry.models import Cooperative, CooperativeGroup, Sector


def vietnamese_labels(choices):
    with translation.override("vi"):
        return {member: str(member.label) for member in choices}


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
    def parser(self):
        if self.kind == "choice":
            return choice_parser(self.choices, vietnamese_labels(self.choices))
        return {
            "text": parse_text,
            "date": parse_date,
            "integer": parse_integer,
            "money": parse_integer,
            "bool": parse_bool,
        }.get(self.kind, parse_text)

    def export(self, value):
        """The cell written for a model value."""
        if self.kind == "choice":
            return vietnamese_labels(self.choices)[self.choices(value)] if value else ""
        if self.kind == "bool":
            return "Có" if value else "Không"
        return value


@dataclass(frozen=True)
class Sheet:
    kind: str  # "cooperatives" or "groups"
    model: type
    title: str
    columns: list = field(default_factory=list)

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
            if column is None:
                if parse_text(header):
                    unknown.append(parse_text(header))
                continue
            found[column.key] = position
        return found, unknown

    def column(self, key):
        return next(c for c in self.columns if c.key == key)

    def has_column(self, key):
        return any(c.key == key for c in self.columns)


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
)

SHEETS = {sheet.kind: sheet for sheet in (COOPERATIVES, GROUPS)}
