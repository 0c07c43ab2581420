"""The demo plan: the indicators and targets of the Alliance's 2021 report
and 2022 plan, with exactly these codes. Both plans were set for the former
Yên Bái (province code 15 before 1 July 2025), now part of Lào Cai: their
targets name it, and their actuals are computed over its communes."""

from decimal import Decimal

from django.conf import settings

from planning.models import Indicator, Target

U, C, G = Indicator.Unit, Indicator.Comparison, Indicator.Group

# code: (Vietnamese name, English name, unit, comparison, group, measure, position)
INDICATORS = {
    "htx_new": ("Thành lập mới HTX", "New HTX established", U.HTX, C.AT_LEAST, G.HTX, "htx_registered", 1),
    "htx_converted": (
        "HTX chuyển đổi thành HTX kiểu mới", "HTX converted to new-type HTX",
        U.HTX, C.AT_LEAST, G.HTX, "htx_converted", 2,
    ),
    "htx_value_chain": (
        "Mô hình HTX sản xuất gắn với chuỗi giá trị", "HTX production models linked to a value chain",
        U.MODELS, C.AT_LEAST, G.HTX, "value_chain_models", 3,
    ),
    "ocop_products": (
        "Sản phẩm OCOP được tư vấn, hỗ trợ", "OCOP products supported",
        U.PRODUCTS, C.AT_LEAST, G.HTX, "ocop_supported", 4,
    ),
    "htx_new_lawful_share": (
        "HTX thành lập mới tổ chức, hoạt động theo Luật HTX", "New HTX organised and operating under the Law",
        U.PERCENT, C.AT_LEAST, G.HTX, "htx_new_lawful_share", 5,
    ),
    "tht_new": ("Thành lập mới tổ hợp tác", "New THT established", U.THT, C.AT_LEAST, G.THT, "tht_established", 1),
    "htx_effective": (
        "HTX hoạt động hiệu quả, bền vững (loại khá trở lên)", "HTX operating effectively (rated Khá or better)",
        U.HTX, C.AT_LEAST, G.QUALITY, "htx_good_or_fair", 1,
    ),
    "htx_good_share": (
        "Tỷ lệ HTX đang hoạt động đạt loại khá trở lên", "Share of operating HTX rated Khá or better",
        U.PERCENT, C.AT_LEAST, G.QUALITY, "htx_good_share", 2,
    ),
    "htx_manager_degree_share": (
        "Tỷ lệ cán bộ quản lý HTX có trình độ cao đẳng, đại học trở lên",
        "Share of HTX managers with a college or university degree",
        U.PERCENT, C.MORE_THAN, G.QUALITY, "htx_manager_degree_share", 3,
    ),
    "new_manager_trained_share": (
        "Tỷ lệ cán bộ quản lý tổ chức KTTT thành lập mới được tập huấn, bồi dưỡng",
        "Share of managers of new collective-economy organisations trained",
        U.PERCENT, C.AT_LEAST, G.QUALITY, "new_manager_trained_share", 4,
    ),
    "htx_income_avg": (
        "Thu nhập bình quân của thành viên, người lao động trong HTX",
        "Average income of HTX members and workers",
        U.MILLION_VND, C.AT_LEAST, G.INCOME, "htx_income_avg", 1,
    ),
    "tht_income_avg": (
        "Thu nhập bình quân trong tổ hợp tác", "Average income in THT",
        U.MILLION_VND, C.AT_LEAST, G.INCOME, "tht_income_avg", 2,
    ),
    "htx_regular_jobs": (
        "Lao động thường xuyên trong các HTX", "Regular jobs in HTX",
        U.PEOPLE, C.MORE_THAN, G.INCOME, "htx_regular_jobs", 3,
    ),
    "poor_households_escaped": (
        "Hộ nghèo được hỗ trợ thoát nghèo bền vững", "Poor households helped out of poverty",
        U.HOUSEHOLDS, C.AT_LEAST, G.SOCIAL, "poor_households_escaped", 1,
    ),
}  # fmt: skip

FORMER_YEN_BAI = "15"  # the province code before 1 July 2025
PLAN_2021 = "Kế hoạch năm 2021 tỉnh giao cho Liên minh HTX tỉnh"
PLAN_2022 = "Kế hoạch năm 2022, Hội nghị tổng kết ngày 24/01/2022 (Chương trình hành động số 56-CTr/TU)"
TARGETS = {
    2021: {"htx_new": 65, "tht_new": 1000, "htx_converted": 20, "htx_value_chain": 3, "ocop_products": 5,
           "poor_households_escaped": 15},
    2022: {"htx_new": 80, "tht_new": 300, "htx_new_lawful_share": 100, "new_manager_trained_share": 100,
           "htx_good_share": 62, "htx_manager_degree_share": 22, "htx_income_avg": 60, "tht_income_avg": 45,
           "htx_regular_jobs": 9000},
}  # fmt: skip
SOURCES = {2021: PLAN_2021, 2022: PLAN_2022}


def load_demo_plan(user=None):
    """Create or update the demo indicators and targets (the poor households
    helped out of poverty are computed from the Alliance's household records,
    support.measures). Returns the number of targets."""
    indicators = {}
    for code, (name, name_en, unit, comparison, group, measure, position) in INDICATORS.items():
        indicators[code], _created = Indicator.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "unit": unit,
                "comparison": comparison,
                "group": group,
                "measure": measure,
                "position": position,
            },
        )
    count = 0
    for year, targets in TARGETS.items():
        for code, value in targets.items():
            Target.objects.update_or_create(
                indicator=indicators[code],
                year=year,
                province_id=settings.HOME_PROVINCE_CODE,
                commune=None,
                defaults={"value": Decimal(value), "source_document": SOURCES[year], "former_province": FORMER_YEN_BAI},
            )
            count += 1
    return count


def load_demo(seed=None):
    """PlanningConfig.demo_loader: the demo plan, as one line for ``load_demo``."""
    return f"Demo plan: {load_demo_plan()} targets."
