"""Geometry of the charts the dashboard draws as SVG on the server (no
script, nothing from outside): an indicator's trend over the years, and the
breakdown by commune as circles on a map. Templates draw what these return."""

import math
from dataclasses import dataclass
from decimal import Decimal

TREND_WIDTH, TREND_HEIGHT = 640, 260
TREND_TOP, TREND_BOTTOM, TREND_LEFT = 20, 40, 10
MAP_SIZE, MAP_MARGIN, MAX_RADIUS = 420, 24, 22


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: Decimal | None


@dataclass(frozen=True)
class TrendYear:
    year: int
    label_x: float
    actual: Bar | None
    target: Bar | None


def trend_bars(points):
    """``points``: [(year, actual or None, target or None)] oldest first.
    Actual and target side by side per year, on one scale from 0."""
    values = [v for _y, a, t in points for v in (a, t) if v is not None]
    top = max(values, default=Decimal(0)) or Decimal(1)
    plot_height = TREND_HEIGHT - TREND_TOP - TREND_BOTTOM
    slot = (TREND_WIDTH - 2 * TREND_LEFT) / max(len(points), 1)
    bar_width = slot * 0.35
    years = []
    for index, (year, actual, target) in enumerate(points):
        left = TREND_LEFT + index * slot + slot * 0.1

        def bar(value, x):
            if value is None:
                return None
            height = float(Decimal(value) / top) * plot_height
            return Bar(
                round(x, 1), round(TREND_TOP + plot_height - height, 1), round(bar_width, 1), round(height, 1), value
            )

        years.append(
            TrendYear(
                year=year,
                label_x=round(left + bar_width, 1),
                actual=bar(actual, left),
                target=bar(target, left + bar_width),
            )
        )
    return years


@dataclass(frozen=True)
class Dot:
    code: str
    name: str
    value: int
    x: float
    y: float
    r: float


def map_dots(values, locations, names):
    """Circles for ``values`` ({commune code: figure}) placed at
    ``locations`` ({code: (latitude, longitude)}) in a square of MAP_SIZE,
    north up; the area of a circle is proportional to the figure."""
    placed = [(code, v, locations[code]) for code, v in values.items() if code in locations and v]
    if not placed:
        return []
    lats = [lat for _c, _v, (lat, _lon) in placed]
    lons = [lon for _c, _v, (_lat, lon) in placed]
    span = max(max(lats) - min(lats), max(lons) - min(lons)) or 1
    inner = MAP_SIZE - 2 * MAP_MARGIN
    biggest = max(v for _c, v, _l in placed)
    dots = []
    for code, value, (lat, lon) in sorted(placed, key=lambda p: -p[1]):  # small circles on top
        dots.append(
            Dot(
                code=code,
                name=names.get(code, code),
                value=value,
                x=round(MAP_MARGIN + (lon - min(lons)) / span * inner, 1),
                y=round(MAP_MARGIN + (max(lats) - lat) / span * inner, 1),
                r=round(max(3.0, MAX_RADIUS * math.sqrt(value / biggest)), 1),
            )
        )
    return dots
