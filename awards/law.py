"""What the law says about reward money and the order of titles, as far as
it could be checked, and the few rules the portal enforces from it.

Verified (sources found while building this app):

- Decree 98/2023/NĐ-CP (31/12/2023, in force 1/1/2024), Art. 54, reward per
  emulation title x base salary: Chiến sĩ thi đua toàn quốc 4.5; Chiến sĩ thi
  đua bộ, ban, ngành, tỉnh 3.0; Chiến sĩ thi đua cơ sở 1.0; Lao động tiên
  tiến 0.3; Tập thể lao động xuất sắc 1.5; Tập thể lao động tiên tiến 0.8;
  Cờ thi đua of a ministry or province 8.0 (of the Government 12.0).
  [phuongduc.thuathienhue.gov.vn, 26/01/2024, quoting Art. 54; the same
  table at 1,800,000 on sonoivu.namdinh.gov.vn and baoquocte.vn]
- Decree 152/2025/NĐ-CP replaced 98/2023 from 1/7/2025 and keeps these
  coefficients. [dantri.com.vn 06/12/2025; laodong.vn]
- Reward principles of Decree 98/2023: the money is computed on the base
  salary in force on the date of the decision conferring the title or form,
  and "tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn số
  lên hàng chục nghìn đồng", i.e. rounded UP to the next 10,000 VND.
  [phunuvietnam.vn / VGP, 07/01/2024] The same wording was in Decree
  91/2017, Art. 68(2), and the Central Emulation and Commendation Board
  answered that 1,112,000 becomes 1,120,000 [banthiduakhenthuongtw.gov.vn,
  11/10/2018].
- Giấy khen: 0.3 x base salary for an individual; a collective receives
  twice the individual's reward (Decree 98/2023, Art. 58(1) and (2)(c), as
  the Ministry of Home Affairs answered on 12/9/2024 [laodong.vn]); 0.3 also
  under Decree 152/2025, Art. 54(1)(e) [laodong.vn]. The collective's 0.6 is
  multiplied and then rounded, like every other coefficient.
- Bằng khen of a ministry or province: 1.5 x base salary under Decree
  152/2025, Art. 54(1)(b) [giadinh.suckhoedoisong.vn 11/08/2025; laodong.vn];
  it was 1.0 (collective 2.0) under Decree 91/2017 [hieuluat.vn].
- Base salary: 1,390,000 from 1/7/2018 (Decree 72/2018) [toquoc.vn];
  1,490,000 from 1/7/2019 (Decree 38/2019) [thuvienphapluat.vn]; the raise
  planned for 1/7/2020 was not made [hieuluat.vn]; 1,800,000 from 1/7/2023
  (Decree 24/2023) [sonoivu.namdinh.gov.vn]; 2,340,000 from 1/7/2024
  (Decree 73/2024) [laodong.vn; lawnet.vn].
- Law 06/2022/QH15 (in force 1/1/2024): Chiến sĩ thi đua cơ sở requires the
  standard of Lao động tiên tiến (Art. 23(1)) [laodong.vn]; Chiến sĩ thi đua
  toàn quốc is chosen among those with 2 consecutive provincial titles
  (Art. 21) [lawnet.vn]; one achievement earns one form of commendation, not
  several (principles of commendation) [moj.gov.vn]; a decision is cancelled
  and the items and money recovered for fraud, false records, unlawful
  appraisal or a later finding (Chapter VII) [vietjack.me].
- Chiến sĩ thi đua cấp tỉnh: chosen among those who were Chiến sĩ thi đua
  cơ sở three consecutive times, considered in the year of the third
  (Law 2003 Art. 22 and Decree 91/2017 Art. 9(2)) [tdkt.toaan.gov.vn;
  thuvienphapluat.vn; the Ministry of Industry and Trade's
  emulation pages].

Not verified, so kept as editable data or a setting:

- The exact wording of Law 06/2022, Art. 22 (three consecutive times is
  the settled rule; AWARDS_CSTD_PROVINCE_STREAK keeps the window).
- Whether Decree 152/2025 keeps the rounding rule and the doubling for
  collectives; the Bằng khen coefficients under Decree 98/2023.
- The portal requires the Lao động tiên tiến title itself for Chiến sĩ thi
  đua cơ sở, where the law speaks of meeting its standard.
- The national title's "two consecutive provincial titles" is not enforced.

Coefficients are not dated: an award keeps the coefficient it was valued
with, so editing a title changes only awards entered afterwards. A Bằng
khen decided before 1/7/2025 (1.0 under Decree 91/2017) needs its amount set
by hand, with a note.
"""

from decimal import ROUND_CEILING, Decimal

from django.conf import settings

# Amounts are rounded up to this step (VND).
ROUNDING_STEP = 10_000

# Stable codes of the seeded titles, used by the rules below.
LDTT = "ldtt"
CSTD_CO_SO = "cstd_co_so"
CSTD_TINH = "cstd_tinh"
CSTD_TOAN_QUOC = "cstd_toan_quoc"
TT_LDTT = "tt_ldtt"
TT_LDXS = "tt_ldxs"
CO_THI_DUA_TINH = "co_thi_dua_tinh"
GIAY_KHEN = "giay_khen"
BANG_KHEN_TINH = "bang_khen_tinh"


def reward_money(coefficient, base_salary):
    """coefficient x base salary, rounded up to the next 10,000 VND:
    0.3 x 1,490,000 = 447,000 -> 450,000."""
    exact = Decimal(coefficient) * Decimal(base_salary)
    steps = (exact / ROUNDING_STEP).to_integral_value(rounding=ROUND_CEILING)
    return int(steps) * ROUNDING_STEP


def prerequisite(code):
    """The title a title requires, and in how many consecutive years ending
    with the year of achievement: (code, years), or None."""
    if code == CSTD_CO_SO:
        return LDTT, 1
    if code == CSTD_TINH:
        return CSTD_CO_SO, settings.AWARDS_CSTD_PROVINCE_STREAK
    return None


def dependants(code):
    """The titles that rest on ``code``: [(code, years)]."""
    found = []
    for dependant in (CSTD_CO_SO, CSTD_TINH):
        required, years = prerequisite(dependant)
        if required == code:
            found.append((dependant, years))
    return found
