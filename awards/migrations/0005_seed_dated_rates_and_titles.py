"""Seed the law as dated data (sources and what was verified: awards/law.py):
the titles an Alliance hands out or proposes, their coefficients under
Decrees 91/2017, 98/2023 and 152/2025, the collective multiplier, the
rounding rule, the cap on Chiến sĩ thi đua cơ sở and the base salaries up to
Decree 161/2026. Existing awards are valued again with the rates in force on
their decision's date, and of several awards for one achievement only the
highest is paid. Running the seed again only adds what is missing."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from django.db import migrations

from awards import law

D91 = datetime.date(2017, 9, 15)  # Decree 91/2017/NĐ-CP in force
D98 = datetime.date(2024, 1, 1)  # Decree 98/2023/NĐ-CP in force
D152 = datetime.date(2025, 7, 1)  # Decree 152/2025/NĐ-CP in force

SANG_KIEN = "có sáng kiến được cơ quan, đơn vị công nhận, hoặc đề tài, đề án khoa học đã được nghiệm thu, áp dụng"

# In the order of the law, highest first (the award list follows it).
# code: (name, English name, kind, awarded to, legal basis, what to check by hand)
TITLES = {
    law.CSTD_TOAN_QUOC: (
        "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter", "individual_title", "person",
        "Luật Thi đua, khen thưởng 2022, Điều 21",
        "Có sáng kiến, đề tài, đề án có phạm vi ảnh hưởng toàn quốc, được cấp có thẩm quyền công nhận.",
    ),
    law.CSTD_TINH: (
        "Chiến sĩ thi đua cấp tỉnh", "Provincial Emulation Fighter", "individual_title", "person",
        "Luật Thi đua, khen thưởng 2022, Điều 22",
        "Có sáng kiến, đề tài, đề án có phạm vi ảnh hưởng trong tỉnh, được cấp có thẩm quyền công nhận.",
    ),
    law.CSTD_CO_SO: (
        "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter", "individual_title", "person",
        "Luật Thi đua, khen thưởng 2022, Điều 23",
        f"Đạt tiêu chuẩn Lao động tiên tiến và {SANG_KIEN}.",
    ),
    law.LDTT: (
        "Lao động tiên tiến", "Advanced Worker", "individual_title", "person",
        "Luật Thi đua, khen thưởng 2022, Điều 24",
        "Hoàn thành tốt nhiệm vụ trở lên; có tinh thần tự lực, đoàn kết, tích cực tham gia phong trào thi đua.",
    ),
    law.CO_THI_DUA_CP: (
        "Cờ thi đua của Chính phủ", "Emulation Flag of the Government", "collective_title", "collective",
        "Luật Thi đua, khen thưởng 2022",
        "Tập thể tiêu biểu xuất sắc nhất trong phong trào thi đua của bộ, ngành, tỉnh; đối chiếu hồ sơ trình.",
    ),
    law.CO_THI_DUA_TINH: (
        "Cờ thi đua của Ủy ban nhân dân tỉnh", "Emulation Flag of the Province", "collective_title", "collective",
        "Luật Thi đua, khen thưởng 2022",
        "Tập thể tiêu biểu xuất sắc trong phong trào thi đua của tỉnh; đối chiếu tiêu chuẩn của tỉnh.",
    ),
    law.CO_THI_DUA_VCA: (
        "Cờ thi đua của Liên minh Hợp tác xã Việt Nam", "Emulation Flag of the Vietnam Cooperative Alliance",
        "collective_title", "collective",
        "Luật Thi đua, khen thưởng 2022; quy chế thi đua, khen thưởng của Liên minh HTX Việt Nam",
        "Đối chiếu tiêu chuẩn và tỷ lệ theo quy chế thi đua, khen thưởng của Liên minh HTX Việt Nam.",
    ),
    law.TT_LDXS: (
        "Tập thể lao động xuất sắc", "Excellent Labour Collective", "collective_title", "collective",
        "Luật Thi đua, khen thưởng 2022, Điều 27",
        "100% cá nhân hoàn thành nhiệm vụ, ít nhất 70% đạt Lao động tiên tiến; có cá nhân đạt Chiến sĩ thi đua "
        "cơ sở; nội bộ đoàn kết.",
    ),
    law.TT_LDTT: (
        "Tập thể lao động tiên tiến", "Advanced Labour Collective", "collective_title", "collective",
        "Luật Thi đua, khen thưởng 2022, Điều 28",
        "Hoàn thành tốt nhiệm vụ; trên 50% cá nhân đạt Lao động tiên tiến; không có cá nhân bị kỷ luật từ "
        "cảnh cáo trở lên (tiêu chuẩn theo quy định trước năm 2024, chưa đối chiếu Luật 2022).",
    ),
    law.BANG_KHEN_TTG: (
        "Bằng khen của Thủ tướng Chính phủ", "Certificate of Merit of the Prime Minister", "commendation", "both",
        "Luật Thi đua, khen thưởng 2022",
        "Đối chiếu tiêu chuẩn và hồ sơ đề nghị Thủ tướng Chính phủ tặng Bằng khen.",
    ),
    law.BANG_KHEN_TINH: (
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Certificate of Commendation of the Province",
        "commendation", "both", "Luật Thi đua, khen thưởng 2022",
        "Đối chiếu tiêu chuẩn và quy chế khen thưởng của tỉnh.",
    ),
    law.BANG_KHEN_VCA: (
        "Bằng khen của Liên minh Hợp tác xã Việt Nam", "Certificate of Commendation of the Vietnam Cooperative Alliance",
        "commendation", "both",
        "Luật Thi đua, khen thưởng 2022; quy chế thi đua, khen thưởng của Liên minh HTX Việt Nam",
        "Đối chiếu tiêu chuẩn theo quy chế thi đua, khen thưởng của Liên minh HTX Việt Nam.",
    ),
    law.GIAY_KHEN: (
        "Giấy khen", "Certificate of Merit", "commendation", "both",
        "Luật Thi đua, khen thưởng 2022",
        "Đối chiếu quy chế thi đua, khen thưởng của Liên minh HTX tỉnh.",
    ),
    law.KY_NIEM_CHUONG: (
        "Kỷ niệm chương của Liên minh Hợp tác xã Việt Nam", "Commemorative Medal of the Vietnam Cooperative Alliance",
        "commendation", "person",
        "Nghị định 152/2025/NĐ-CP, Điều 54",
        "Mức thưởng không quá 0,6 lần mức lương cơ sở; đối chiếu đối tượng và thời gian công tác theo quy chế "
        "của Liên minh HTX Việt Nam. Không tính gộp với thành tích của năm.",
    ),
    law.TIEN_THUONG: (
        "Tiền thưởng", "Reward money", "reward", "both",
        "Quyết định khen thưởng của cấp có thẩm quyền",
        "Không kèm danh hiệu hay hình thức khen thưởng: nhập số tiền ghi trong quyết định và lý do.",
    ),
}  # fmt: skip

ND91_69 = "Nghị định 91/2017/NĐ-CP, Điều 69"
ND98_54 = "Nghị định 98/2023/NĐ-CP, Điều 54"
ND152_54 = "Nghị định 152/2025/NĐ-CP, Điều 54"
UNVERIFIED = " (chưa đối chiếu văn bản)"

# (code, in force from, individual, collective, legal basis, verified)
COEFFICIENTS = []
for _code, _person, _collective in [
    (law.CSTD_TOAN_QUOC, "4.5", None),
    (law.CSTD_TINH, "3.0", None),
    (law.CSTD_CO_SO, "1.0", None),
    (law.LDTT, "0.3", None),
    (law.CO_THI_DUA_CP, None, "12.0"),
    (law.CO_THI_DUA_TINH, None, "8.0"),
    (law.TT_LDXS, None, "1.5"),
    (law.TT_LDTT, None, "0.8"),
]:
    COEFFICIENTS += [
        (_code, D91, _person, _collective, ND91_69, True),
        (_code, D98, _person, _collective, ND98_54, True),
        (_code, D152, _person, _collective, ND152_54, True),
    ]
_VCA = " (Liên minh HTX Việt Nam tính như đoàn thể trung ương)"
COEFFICIENTS += [
    (law.CO_THI_DUA_VCA, D91, None, "8.0", ND91_69 + _VCA + UNVERIFIED, False),
    (law.CO_THI_DUA_VCA, D98, None, "8.0", ND98_54 + _VCA + UNVERIFIED, False),
    (law.CO_THI_DUA_VCA, D152, None, "8.0", ND152_54 + _VCA + UNVERIFIED, False),
    # Forms of commendation: a collective gets the individual's x the collective multiplier.
    (law.BANG_KHEN_TTG, D91, "3.5", None, "Nghị định 91/2017/NĐ-CP, Điều 73", True),
    (law.BANG_KHEN_TTG, D98, "3.5", None, "Nghị định 98/2023/NĐ-CP" + UNVERIFIED, False),
    (law.BANG_KHEN_TTG, D152, "3.5", None, ND152_54 + ", khoản 1", True),
    (law.BANG_KHEN_TINH, D91, "1.0", None, "Nghị định 91/2017/NĐ-CP, Điều 73", True),
    (law.BANG_KHEN_TINH, D98, "1.0", None, "Nghị định 98/2023/NĐ-CP" + UNVERIFIED, False),
    (law.BANG_KHEN_TINH, D152, "1.5", None, ND152_54 + ", khoản 1", True),
    (law.BANG_KHEN_VCA, D91, "1.0", None, "Nghị định 91/2017/NĐ-CP, Điều 73" + _VCA + UNVERIFIED, False),
    (law.BANG_KHEN_VCA, D98, "1.0", None, "Nghị định 98/2023/NĐ-CP" + _VCA + UNVERIFIED, False),
    (law.BANG_KHEN_VCA, D152, "1.5", None, ND152_54 + ", khoản 1" + _VCA + UNVERIFIED, False),
    (law.GIAY_KHEN, D91, "0.3", None, "Nghị định 91/2017/NĐ-CP, Điều 73", True),
    (law.GIAY_KHEN, D98, "0.3", None, "Nghị định 98/2023/NĐ-CP, Điều 58", True),
    (law.GIAY_KHEN, D152, "0.3", None, ND152_54 + ", khoản 1", True),
    (law.KY_NIEM_CHUONG, D152, "0.6", None, ND152_54 + ", khoản 1 (mức tối đa)", True),
]

# (in force from, multiplier, legal basis, verified)
MULTIPLIERS = [
    (D91, "2.0", "Nghị định 91/2017/NĐ-CP: tập thể gấp hai lần cá nhân", True),
    (D98, "2.0", "Nghị định 98/2023/NĐ-CP, Điều 58: tập thể gấp hai lần cá nhân", True),
    (D152, "2.0", "Nghị định 152/2025/NĐ-CP" + UNVERIFIED, False),
]
# (in force from, step, direction, legal basis, verified)
ROUNDING = [
    (D91, 10_000, "up", "Nghị định 91/2017/NĐ-CP, Điều 68: làm tròn số lên hàng chục nghìn đồng", True),
    (D98, 10_000, "up", "Nghị định 98/2023/NĐ-CP, Điều 53: làm tròn số lên hàng chục nghìn đồng", True),
    (D152, 10_000, "up", "Nghị định 152/2025/NĐ-CP" + UNVERIFIED, False),
]
# (in force from, percent or None, legal basis, verified)
FIGHTER_CAPS = [
    (D91, 15, "Nghị định 91/2017/NĐ-CP: không quá 15% số cá nhân đạt Lao động tiên tiến", True),
    (D98, None, "Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP: không thấy quy định tỷ lệ" + UNVERIFIED, False),
]
# (in force from, amount, legal basis, verified)
BASE_SALARIES = [
    (datetime.date(2018, 7, 1), 1_390_000, "Nghị định 72/2018/NĐ-CP", True),
    (datetime.date(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP", True),
    (datetime.date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP", True),
    (datetime.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP", True),
    (datetime.date(2026, 7, 1), 2_530_000, "Nghị định 161/2026/NĐ-CP" + UNVERIFIED, False),
]


def _decimal(value):
    return Decimal(value) if value is not None else None


def seed(apps, schema_editor):
    Title = apps.get_model("awards", "Title")
    for position, (code, row) in enumerate(TITLES.items(), start=1):
        name, name_en, kind, applies_to, basis, reminder = row
        title, created = Title.objects.get_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "kind": kind, "applies_to": applies_to, "legal_basis": basis},
        )
        # The order and the reminders are the law's: set on existing titles too.
        title.position, title.reminder = position, title.reminder or reminder
        title.save(update_fields=["position", "reminder"])
    titles = {title.code: title for title in Title.objects.all()}
    TitleCoefficient = apps.get_model("awards", "TitleCoefficient")
    for code, effective_from, person, collective, basis, verified in COEFFICIENTS:
        TitleCoefficient.objects.get_or_create(
            title=titles[code],
            effective_from=effective_from,
            defaults={
                "coefficient_person": _decimal(person),
                "coefficient_collective": _decimal(collective),
                "legal_basis": basis,
                "verified": verified,
            },
        )
    for effective_from, multiplier, basis, verified in MULTIPLIERS:
        apps.get_model("awards", "CollectiveMultiplier").objects.get_or_create(
            effective_from=effective_from,
            defaults={"multiplier": Decimal(multiplier), "legal_basis": basis, "verified": verified},
        )
    for effective_from, step, direction, basis, verified in ROUNDING:
        apps.get_model("awards", "RoundingRule").objects.get_or_create(
            effective_from=effective_from,
            defaults={"step": step, "direction": direction, "legal_basis": basis, "verified": verified},
        )
    for effective_from, percent, basis, verified in FIGHTER_CAPS:
        apps.get_model("awards", "FighterShareCap").objects.get_or_create(
            effective_from=effective_from, defaults={"percent": percent, "legal_basis": basis, "verified": verified}
        )
    BaseSalary = apps.get_model("awards", "BaseSalary")
    for effective_from, amount, basis, verified in BASE_SALARIES:
        salary, created = BaseSalary.objects.get_or_create(
            effective_from=effective_from, defaults={"amount": amount, "legal_basis": basis, "verified": verified}
        )
        if not created and salary.amount == amount and not salary.verified:
            salary.verified = verified
            salary.save(update_fields=["verified"])


def _in_force(queryset, day):
    return queryset.filter(effective_from__lte=day).order_by("-effective_from").first()


def revalue(apps, schema_editor):
    """Value every award again with the rates in force on its decision's
    date (an amount set by hand stays), then pay one reward per achievement."""
    AwardLine = apps.get_model("awards", "AwardLine")
    models = {name: apps.get_model("awards", name) for name in ("TitleCoefficient", "CollectiveMultiplier")}
    models.update(rounding=apps.get_model("awards", "RoundingRule"), salary=apps.get_model("awards", "BaseSalary"))
    lines = list(AwardLine.objects.select_related("title", "decision"))
    for line in lines:
        day = line.decision.issued_on
        row = _in_force(models["TitleCoefficient"].objects.filter(title=line.title), day)
        coefficient = None
        if row is not None:
            coefficient = row.coefficient_person
            if line.collective_id is not None:
                multiplier = _in_force(models["CollectiveMultiplier"].objects.all(), day)
                coefficient = row.coefficient_collective or (
                    row.coefficient_person * multiplier.multiplier if row.coefficient_person and multiplier else None
                )
        salary = _in_force(models["salary"].objects.all(), day)
        rounding = _in_force(models["rounding"].objects.all(), day)
        line.coefficient = coefficient
        if salary is not None:
            line.base_salary = salary.amount
        if line.override_amount is not None:
            line.entitled_amount = line.override_amount
        elif coefficient is not None and salary is not None and rounding is not None:
            line.entitled_amount = law.reward_money(coefficient, salary.amount, rounding.step, rounding.direction)
        else:
            line.entitled_amount = line.reward_amount
    views = [
        SimpleNamespace(
            line=line,
            pk=line.pk,
            person_id=line.person_id,
            collective_id=line.collective_id,
            entitled_amount=line.entitled_amount,
            is_counting=line.status == "valid",
            decision=line.decision,
            title=SimpleNamespace(
                code=line.title.code,
                position=line.title.position,
                is_title=line.title.kind in ("individual_title", "collective_title"),
            ),
        )
        for line in lines
    ]
    for view, instead in law.settle(views):
        line = view.line
        line.paid_instead_id = instead.pk if instead is not None else None
        line.reward_amount = 0 if instead is not None else line.entitled_amount
        line.save(update_fields=["coefficient", "base_salary", "entitled_amount", "reward_amount", "paid_instead"])


class Migration(migrations.Migration):
    dependencies = [("awards", "0004_dated_rates_and_one_reward")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(revalue, migrations.RunPython.noop),
    ]
