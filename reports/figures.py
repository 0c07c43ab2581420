"""What the report reads from the plan, in one place.

``plan_lines`` is the only function of the report that knows how planning
stores its figures: ``planning.progress.plan_report`` (the plan over the
area it was set for, units in the plan's words, written definitions).
Everything else in the report reads ``PlanLine``s.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from django.utils import translation
from django.utils.formats import number_format

from planning.measures import MEASURES
from planning.models import Indicator
from planning.progress import PlanStatus, percent_of_plan, plan_report, resolve_area
from planning.units import Unit

# Sections of the plan sheet, in the order of the provincial reports:
# (key, title). The plan's groups map onto them below.
SECTIONS = [
    ("htx", "Hợp tác xã"),
    ("union", "Liên hiệp hợp tác xã"),
    ("tht", "Tổ hợp tác"),
    ("quality", "Chất lượng, hiệu quả hoạt động của HTX"),
    ("income", "Thu nhập, việc làm"),
    ("alliance", "Hoạt động của Liên minh HTX"),
]
_SECTION_OF_GROUP = {
    Indicator.Group.HTX: "htx",
    Indicator.Group.THT: "tht",
    Indicator.Group.QUALITY: "quality",
    Indicator.Group.INCOME: "income",
    # Poor households helped out of poverty: the Alliance's own work.
    Indicator.Group.SOCIAL: "alliance",
}


@dataclass
class PlanLine:
    """One row of the plan sheet and one figure of the narrative."""

    code: str
    section: str  # a key of SECTIONS
    name: str
    unit: str  # "HTX", "%", "triệu đồng/người/năm"
    measure: str  # the registry measure it is computed from; "" when typed in
    comparison: str  # Indicator.Comparison
    previous: Decimal | None  # last year's actual
    target: Decimal | None
    actual: Decimal | None
    status: PlanStatus
    definition: str  # how the figure is obtained
    evidence: str  # the note of a typed-in actual
    target_source: str

    @property
    def percent(self):
        """Actual ÷ target × 100, rounded half-up to one decimal (133,8)."""
        return _one_decimal(percent_of_plan(self.actual, self.target))

    @property
    def versus_previous(self):
        """Actual ÷ last year's actual × 100, one decimal."""
        return _one_decimal(percent_of_plan(self.actual, self.previous))

    @property
    def met(self):
        """The target is reached (exactly or beyond)."""
        return self.status in (PlanStatus.ACHIEVED, PlanStatus.EXCEEDED)

    def note(self, finished):
        """The "Ghi chú" of the plan table: a year still running is "Chưa
        đạt" where a finished one is "Không đạt"."""
        if self.target is None:
            return "Không giao chỉ tiêu"
        if self.status == PlanStatus.NOT_ACHIEVED:
            return "Không đạt" if finished else "Chưa đạt"
        return str(self.status.label)

    def shown(self, value):
        """A figure as the report prints it: rates to one decimal, half up."""
        return _one_decimal(value) if self.is_rate else value

    @property
    def is_rate(self):
        return self.unit in ("%", "triệu đồng/người/năm")

    @property
    def target_text(self):
        """The target as the plan words it, for a table whose unit has its own
        column: "trên 22", "từ 62 trở lên", "không quá 5"; None when the plain
        number says it (counts to reach, or 100%)."""
        return self.target_words(with_unit=False)

    def target_words(self, with_unit=True):
        """The target in words, with its unit for running text: "trên 22%",
        "từ 60 triệu đồng/người/năm trở lên", "80 HTX"; None without a
        target, or (``with_unit`` False) when the plain number says it."""
        if self.target is None:
            return None
        number = vn_number(self.target)
        if with_unit:
            number += self.unit if self.unit == "%" else f" {self.unit}".rstrip()
        if self.comparison == Indicator.Comparison.MORE_THAN:
            return f"trên {number}"
        if self.comparison == Indicator.Comparison.AT_MOST:
            return f"không quá {number}"
        if self.is_rate and not (self.unit == "%" and self.target >= 100):
            return f"từ {number} trở lên"
        return number if with_unit else None


def _one_decimal(value):
    if value is None:
        return None
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def vn_number(value, decimals=None):
    """A number as Vietnamese documents print it: 1.183, 133,8, 22."""
    if value is None:
        return ""
    value = Decimal(value)
    if decimals is not None:
        with localcontext() as ctx:
            ctx.rounding = ROUND_HALF_UP
            value = value.quantize(Decimal(1).scaleb(-decimals))
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    else:
        value = value.normalize()
    return number_format(value, use_l10n=True, force_grouping=True)


def ocop_cooperatives(year, scope):
    """How many HTX the year's supported OCOP products belong to."""
    return MEASURES["ocop_supported"].records(year, scope).values("cooperative").distinct().count()


def _unit_words(unit):
    """A unit as the report writes it, in Vietnamese whatever the reader's language."""
    if unit == Unit.COUNT:
        return ""
    with translation.override("vi"):
        return str(unit.label)


def _definition_text(measure):
    """A measure's written definition as one line of the notes sheet."""
    if measure is None:
        return "Số liệu nhập có minh chứng"
    with translation.override("vi"):
        parts = measure.definition
        text = [f"{measure.label}: {parts['numerator']}"]
        if parts["denominator"]:
            text.append(f"chia cho {parts['denominator']}")
        if parts["condition"]:
            text.append(parts["condition"].rstrip("."))
        text.append(f"thời điểm: {parts['as_of']}")
        text.append(f"nguồn: {parts['source']}")
    return "; ".join(text)


def plan_area_scope(year, scope):
    """The scope of the area the year's plan was set for within ``scope``
    (e.g. the former Yên Bái within today's Lào Cai): the annexes list the
    records behind the plan's figures, so over the same area."""
    return resolve_area(year, scope)[0].scope


def plan_lines(year, scope):
    """The plan for ``year`` within ``scope``, over the area it was set for
    (``planning.progress.plan_report``): every indicator with a target, an
    actual or last year's actual, in section order."""
    lines = []
    for row in plan_report(year, scope).rows:
        if row.target is None and row.actual is None and row.previous_actual is None:
            continue
        indicator = row.indicator
        lines.append(
            PlanLine(
                code=indicator.code,
                section=_SECTION_OF_GROUP[indicator.group],
                name=indicator.name,
                unit=_unit_words(row.unit),
                measure=indicator.measure,
                comparison=indicator.comparison,
                previous=row.previous_actual,
                target=row.target,
                actual=row.actual,
                status=row.status,
                definition=_definition_text(row.measure),
                evidence=row.manual.note if row.manual else "",
                target_source=row.target_source,
            )
        )
    order = [key for key, _title in SECTIONS]
    lines.sort(key=lambda line: order.index(line.section))  # stable: planning's order within a section
    return lines
