"""What the law says about reward money and the order of titles, as far as
it could be checked, and the rules the portal enforces from it. The
figures themselves are dated data (awards/models/rates.py), seeded by
migration 0005 with the sources below; a row is marked verified only when
a published source was read.

Sources read (pages found with the search tool, 2026-11):

- Decree 91/2017/NĐ-CP (in force 15/9/2017 [date U]) Art. 69: Chiến sĩ thi
  đua toàn quốc 4.5, cấp tỉnh 3.0, cơ sở 1.0, Lao động tiên tiến 0.3; Tập
  thể lao động xuất sắc 1.5, Tập thể lao động tiên tiến 0.8; Cờ thi đua of
  the Government 12.0, of a ministry, province or central mass
  organisation 8.0 [thuvienphapluat.vn, quoting Art. 69]. Art. 73: Bằng
  khen of the Prime Minister 3.5, of a ministry or province 1.0
  [hoatieu.vn]; collectives twice the individual [hoatieu.vn, as in the
  domain notes]. Art. 66(2)(c): "trong cùng một thời điểm, cùng một thành
  tích, một đối tượng nếu đạt nhiều danh hiệu thi đua" is paid the highest
  reward only [danluat.thuvienphapluat.vn, quoting Art. 66]. Art. 68(2):
  rounded up to the next 10.000 đồng [kiemsat.vn;
  banthiduakhenthuongtw.gov.vn 11/10/2018: 1.112.000 -> 1.120.000].
- Decree 98/2023/NĐ-CP (in force 1/1/2024) Art. 54: the same title
  coefficients [phuongduc.thuathienhue.gov.vn; lsvn.vn; baoquocte.vn].
  Art. 53: money on the base salary in force on the decision's date,
  rounded up to the next 10.000 đồng; "trong cùng một thời điểm, một đối
  tượng đạt nhiều danh hiệu thi đua, có thời gian đạt được các danh hiệu
  thi đua đó khác nhau thì được nhận tiền thưởng của các danh hiệu thi đua
  tương ứng" (cl. 5), the same for forms with different periods and
  achievements (cl. 6), and a title plus a form at the same time are both
  paid (cl. 7) [phunuvietnam.vn / VGP 07/01/2024; the Ministry of Home
  Affairs' answer on phapluatkinhtequocte.vn, on Lao động tiên tiến and
  Chiến sĩ thi đua cơ sở of one year]. Art. 58: Giấy khen 0.3, a
  collective twice the individual [laodong.vn, Ministry of Home Affairs
  12/9/2024].
- Decree 152/2025/NĐ-CP (in force 1/7/2025) Art. 54(1): Bằng khen of the
  Prime Minister 3.5, of a ministry, sector or province 1.5, Kỷ niệm
  chương of a ministry, province or central organisation "không quá 0,6"
  [giadinh.suckhoedoisong.vn 11/08/2025]; the title coefficients kept
  [dantri.com.vn 06/12/2025].
- Base salary: 1.390.000 from 1/7/2018 (Decree 72/2018) [toquoc.vn];
  1.490.000 from 1/7/2019 (Decree 38/2019) [thuvienphapluat.vn; hoatieu.vn
  table]; 1.800.000 from 1/7/2023 (Decree 24/2023) [sonoivu.namdinh.gov.vn];
  2.340.000 from 1/7/2024 (Decree 73/2024) [laodong.vn; lawnet.vn].
- Law 06/2022/QH15 (in force 1/1/2024): Chiến sĩ thi đua cơ sở requires
  the standard of Lao động tiên tiến (Art. 23) [laodong.vn]; Chiến sĩ thi
  đua toàn quốc among those with two consecutive provincial titles
  (Art. 21) [lawnet.vn]; Chiến sĩ thi đua cấp tỉnh among those with three
  consecutive grassroots titles [tdkt.toaan.gov.vn; baoyenbai.com.vn].
- Decree 91/2017 capped Chiến sĩ thi đua cơ sở at 15% of the unit's Lao
  động tiên tiến [domain notes, V; the article not read].

Not verified (seeded unticked, or kept as a setting):

- Decree 161/2026/NĐ-CP, 2.530.000 from 1/7/2026: the amount and the date
  are confirmed by the Government's news portal (en.baochinhphu.vn, "Base
  salary may be increased by 8% from next July", 9/3/2026: "from VND 2.34
  million … to VND 2.53 million starting July 1, 2026"); the decree's
  number and text were not found, so the row stays unticked.
- The Bằng khen coefficients under Decree 98/2023 (1/1/2024-30/6/2025):
  seeded as under Decree 91/2017 (1.0; Prime Minister 3.5).
- Whether Decree 152/2025 keeps the rounding rule, the doubling for
  collectives and the one-reward rule (assumed kept), and its article
  numbers for them.
- Whether any cap on Chiến sĩ thi đua cơ sở applies from 1/1/2024: none
  found, so none is seeded and the year page reminds to check the
  body's own rules.
- Bằng khen and Cờ thi đua of the Vietnam Cooperative Alliance valued as
  those of a central mass organisation (đoàn thể trung ương); Kỷ niệm
  chương 0.6 is a ceiling and had no coefficient before 1/7/2025.
- The portal requires the Lao động tiên tiến title itself for Chiến sĩ thi
  đua cơ sở, where the law speaks of meeting its standard; "two
  consecutive provincial titles" is read as the provincial title for the
  year of achievement and for the period just before it.
"""

import datetime
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Stable codes of the seeded titles, used by the rules below.
LDTT = "ldtt"
CSTD_CO_SO = "cstd_co_so"
CSTD_TINH = "cstd_tinh"
CSTD_TOAN_QUOC = "cstd_toan_quoc"
TT_LDTT = "tt_ldtt"
TT_LDXS = "tt_ldxs"
CO_THI_DUA_CP = "co_thi_dua_cp"
CO_THI_DUA_TINH = "co_thi_dua_tinh"
CO_THI_DUA_VCA = "co_thi_dua_vca"
BANG_KHEN_TTG = "bang_khen_ttg"
BANG_KHEN_TINH = "bang_khen_tinh"
BANG_KHEN_VCA = "bang_khen_vca"
GIAY_KHEN = "giay_khen"
KY_NIEM_CHUONG = "ky_niem_chuong"
TIEN_THUONG = "tien_thuong"


class Rounding(models.TextChoices):
    UP = "up", _("Up")
    NEAREST = "nearest", _("To the nearest (half up)")
    DOWN = "down", _("Down")


_ROUNDING_MODES = {Rounding.UP: ROUND_CEILING, Rounding.NEAREST: ROUND_HALF_UP, Rounding.DOWN: ROUND_FLOOR}


def reward_money(coefficient, base_salary, step=10_000, direction=Rounding.UP):
    """coefficient x base salary, rounded to ``step`` in ``direction``:
    0.3 x 1.490.000 = 447.000 -> 450.000 (up to 10.000)."""
    exact = Decimal(coefficient) * Decimal(base_salary)
    steps = (exact / step).to_integral_value(rounding=_ROUNDING_MODES[direction])
    return int(steps) * step


def cap_allows(percent, ldtt_count):
    """How many Chiến sĩ thi đua cơ sở ``percent``% of ``ldtt_count`` Lao
    động tiên tiến allows ("không quá": rounded down): 15% of 7 -> 1."""
    return int(Decimal(percent) * ldtt_count / 100)


def prerequisite(code, year):
    """The title a title for ``year`` rests on and the years it is needed
    for: (code, [years]), or None."""
    if code == CSTD_CO_SO:
        return LDTT, [year]
    if code == CSTD_TINH:
        streak = settings.AWARDS_CSTD_PROVINCE_STREAK
        return CSTD_CO_SO, list(range(year - streak + 1, year + 1))
    if code == CSTD_TOAN_QUOC:
        # Two consecutive provincial titles: this period's and the one before.
        return CSTD_TINH, [year - settings.AWARDS_CSTD_PROVINCE_STREAK, year]
    return None


def dependants(code, year):
    """The titles that may rest on ``code`` for ``year``: [(code, [years])]."""
    found = []
    for dependant in (CSTD_CO_SO, CSTD_TINH, CSTD_TOAN_QUOC):
        # The dependant's years of achievement whose prerequisite includes ``year``.
        candidates = range(year, year + 2 * settings.AWARDS_CSTD_PROVINCE_STREAK + 1)
        years = [
            y for y in candidates if prerequisite(dependant, y)[0] == code and year in prerequisite(dependant, y)[1]
        ]
        if years:
            found.append((dependant, years))
    return found


def achievement_period(code):
    """How many years of achievement a title or form rewards, or None for
    one that is not paid against others (Kỷ niệm chương, a plain reward)."""
    if code in (KY_NIEM_CHUONG, TIEN_THUONG):
        return None
    if code == CSTD_TINH:
        return settings.AWARDS_CSTD_PROVINCE_STREAK
    if code == CSTD_TOAN_QUOC:
        return 2 * settings.AWARDS_CSTD_PROVINCE_STREAK
    return 1


# The rule "one achievement, one reward", by the decree in force on the
# decision's date.
ONE_REWARD_SOURCES = [
    (datetime.date(2017, 9, 15), "điểm c khoản 2 Điều 66 Nghị định 91/2017/NĐ-CP; nay là Điều 53 Nghị định 98/2023"),
    (datetime.date(2024, 1, 1), "Điều 53 Nghị định 98/2023"),
]


def one_reward_source(day):
    found = ONE_REWARD_SOURCES[0][1]
    for effective_from, source in ONE_REWARD_SOURCES:
        if day >= effective_from:
            found = source
    return found


def achievement_key(line):
    """Lines with the same key reward one achievement: same recipient, same
    kind (titles with titles, forms with forms), same year and period of
    achievement, same campaign (empty: the yearly emulation). None: paid
    whatever else the recipient receives."""
    period = achievement_period(line.title.code)
    if period is None or not line.is_counting:
        return None
    kind = "title" if line.title.is_title else "form"
    recipient = (line.person_id, line.collective_id)
    return recipient, kind, line.decision.year, period, line.decision.campaign.strip().casefold()


def settle(lines):
    """Which line is paid in each group of ``lines`` rewarding one
    achievement: the highest reward, then the higher title, then the first
    decided. Returns [(line, the line paid instead, or None when paid)]."""
    groups = {}
    for line in lines:
        groups.setdefault(achievement_key(line), []).append(line)
    result = []
    for key, members in groups.items():
        if key is None:
            result.extend((line, None) for line in members)
            continue
        paid = min(
            members,
            key=lambda line: (
                -(line.entitled_amount or 0),
                line.title.position,
                line.decision.issued_on,
                line.pk or float("inf"),
            ),
        )
        result.extend((line, None if line is paid else paid) for line in members)
    return result
