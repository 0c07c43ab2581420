"""Seed the titles and forms of commendation with their reward coefficients,
and the base salaries, as verified in awards/law.py. Both stay editable in
the admin; running the seed again only adds what is missing."""

import datetime
from decimal import Decimal

from django.db import migrations

ND98 = "Nghị định 98/2023/NĐ-CP, Điều 54; giữ nguyên tại Nghị định 152/2025/NĐ-CP"

# In the order of the law, highest first (the award list follows it).
# code: (name, English name, kind, awarded to, coefficient person, coefficient collective, legal basis)
TITLES = {
    "cstd_toan_quoc": (
        "Chiến sĩ thi đua toàn quốc", "National Emulation Fighter",
        "individual_title", "person", "4.5", None, ND98,
    ),
    "cstd_tinh": (
        "Chiến sĩ thi đua cấp tỉnh", "Provincial Emulation Fighter",
        "individual_title", "person", "3.0", None, ND98,
    ),
    "cstd_co_so": (
        "Chiến sĩ thi đua cơ sở", "Grassroots Emulation Fighter",
        "individual_title", "person", "1.0", None, ND98,
    ),
    "ldtt": (
        "Lao động tiên tiến", "Advanced Worker",
        "individual_title", "person", "0.3", None, ND98,
    ),
    "co_thi_dua_tinh": (
        "Cờ thi đua của Ủy ban nhân dân tỉnh", "Emulation Flag of the Province",
        "collective_title", "collective", None, "8.0", ND98,
    ),
    "tt_ldxs": (
        "Tập thể lao động xuất sắc", "Excellent Labour Collective",
        "collective_title", "collective", None, "1.5", ND98,
    ),
    "tt_ldtt": (
        "Tập thể lao động tiên tiến", "Advanced Labour Collective",
        "collective_title", "collective", None, "0.8", ND98,
    ),
    "bang_khen_tinh": (
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Certificate of Commendation of the Province",
        "commendation", "both", "1.5", "3.0",
        "Nghị định 152/2025/NĐ-CP, Điều 54 (từ 01/7/2025; trước đó 1,0 và 2,0 theo Nghị định 91/2017/NĐ-CP)",
    ),
    "giay_khen": (
        "Giấy khen", "Certificate of Merit",
        "commendation", "both", "0.3", "0.6",
        "Nghị định 98/2023/NĐ-CP, Điều 58 (tập thể gấp hai lần cá nhân); Nghị định 152/2025/NĐ-CP, Điều 54",
    ),
}  # fmt: skip

BASE_SALARIES = [
    (datetime.date(2018, 7, 1), 1_390_000, "Nghị định 72/2018/NĐ-CP"),
    (datetime.date(2019, 7, 1), 1_490_000, "Nghị định 38/2019/NĐ-CP"),
    (datetime.date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (datetime.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
]


def seed(apps, schema_editor):
    Title = apps.get_model("awards", "Title")
    BaseSalary = apps.get_model("awards", "BaseSalary")
    for position, (code, row) in enumerate(TITLES.items(), start=1):
        name, name_en, kind, applies_to, person, collective, basis = row
        Title.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "kind": kind,
                "applies_to": applies_to,
                "coefficient_person": Decimal(person) if person else None,
                "coefficient_collective": Decimal(collective) if collective else None,
                "legal_basis": basis,
                "position": position,
            },
        )
    for effective_from, amount, basis in BASE_SALARIES:
        BaseSalary.objects.get_or_create(
            effective_from=effective_from, defaults={"amount": amount, "legal_basis": basis}
        )


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
