"""Demo awards: those handed out at the Alliance's review meeting of
24/01/2022 for 2021 (see ../shared/seed), and the two years before, so
that a person's history spans several years. Names other than Nguyễn Đức
Lâm and Trần Thế Tuấn are invented."""

import datetime
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ValidationError

from awards import law
from awards.models import AwardLine, BaseSalary, Collective, CollectiveKind, Decision, Person, Title
from registry.models import Cooperative

ALLIANCE = "Liên minh Hợp tác xã tỉnh Yên Bái"
SIGNER = "Chủ tịch Liên minh HTX tỉnh"
CENTRE = "Trung tâm Tư vấn hỗ trợ thành viên"
OFFICE = "Văn phòng Liên minh HTX tỉnh"
ORGANISATION = "Ban Tổ chức - Kiểm tra"
PROPAGANDA = "Ban Tuyên truyền và Hỗ trợ phát triển HTX"
FUND = "Quỹ Hỗ trợ phát triển HTX tỉnh"

PROGRAMME_18 = "Chương trình hành động số 18 của Tỉnh ủy"
SUPPLY_DEMAND = "Chương trình kết nối cung cầu của Liên minh HTX Việt Nam"

PEOPLE = {
    "lam": ("Nguyễn Đức Lâm", "Giám đốc Trung tâm", CENTRE),
    "tuan": ("Trần Thế Tuấn", "Chuyên viên", CENTRE),
    "ha": ("Hoàng Thị Thu Hà", "Chánh Văn phòng", OFFICE),
    "mai": ("Lò Thị Mai", "Kế toán", OFFICE),
    "khoi": ("Vũ Minh Khôi", "Phó Giám đốc Quỹ", FUND),
    "nhung": ("Phạm Thị Hồng Nhung", "Chuyên viên", ORGANISATION),
    "khanh": ("Đỗ Văn Khánh", "Trưởng ban", PROPAGANDA),
    "dung": ("Triệu Văn Dũng", "Chuyên viên", PROPAGANDA),
}
# Collectives: "centre" is the Alliance's unit, "htx" a cooperative of the demo registry.
YEARLY = "Hoàn thành tốt nhiệm vụ năm {year}"
P18 = "Có thành tích xuất sắc trong thực hiện Chương trình hành động số 18 của Tỉnh ủy năm 2021"

# (number, date signed, year of achievement, campaign, [(recipient, title code, achievement)])
DECISIONS = [
    ("04/QĐ-LMHTX", datetime.date(2020, 1, 15), 2019, "", [
        ("lam", law.LDTT, YEARLY), ("ha", law.LDTT, YEARLY), ("tuan", law.LDTT, YEARLY),
    ]),
    ("03/QĐ-LMHTX", datetime.date(2021, 1, 20), 2020, "", [
        ("lam", law.LDTT, YEARLY), ("ha", law.LDTT, YEARLY), ("tuan", law.LDTT, YEARLY),
        ("khoi", law.LDTT, YEARLY), ("nhung", law.LDTT, YEARLY),
    ]),
    ("05/QĐ-LMHTX", datetime.date(2022, 1, 20), 2021, "", [
        ("lam", law.LDTT, YEARLY), ("tuan", law.LDTT, YEARLY), ("ha", law.LDTT, YEARLY),
        ("mai", law.LDTT, YEARLY), ("khoi", law.LDTT, YEARLY), ("nhung", law.LDTT, YEARLY),
        ("khanh", law.LDTT, YEARLY),
        ("lam", law.CSTD_CO_SO, "Hoàn thành xuất sắc nhiệm vụ năm 2021, có sáng kiến được Hội đồng công nhận"),
        ("centre", law.TT_LDTT, YEARLY),
    ]),
    ("06/QĐ-LMHTX", datetime.date(2022, 1, 20), 2021, PROGRAMME_18, [
        ("khanh", law.GIAY_KHEN, P18), ("dung", law.GIAY_KHEN, P18), ("htx", law.GIAY_KHEN, P18),
    ]),
    ("07/QĐ-LMHTX", datetime.date(2022, 1, 20), 2021, SUPPLY_DEMAND, [
        ("tuan", law.GIAY_KHEN, "Có thành tích xuất sắc trong Chương trình kết nối cung cầu năm 2021"),
    ]),
]  # fmt: skip


def ensure_reference_data():
    """The titles and base salaries come from a migration; a test run that
    empties the database loses them, so they are seeded again the same way."""
    if not Title.objects.exists() or not BaseSalary.objects.exists():
        import_module("awards.migrations.0002_seed_titles_and_base_salaries").seed(apps, None)


def _demo_cooperative():
    """A cooperative the Alliance helped to an OCOP certificate in 2021."""
    return (
        Cooperative.objects.filter(ocop_products__alliance_supported=True, ocop_products__certified_on__year=2021)
        .order_by("registration_code")
        .first()
    )


def _recipients():
    recipients = {}
    for key, (name, job_title, unit) in PEOPLE.items():
        recipients[key], _created = Person.objects.update_or_create(
            full_name=name, unit=unit, defaults={"job_title": job_title}
        )
    recipients["centre"], _created = Collective.objects.get_or_create(kind=CollectiveKind.ALLIANCE_UNIT, name=CENTRE)
    cooperative = _demo_cooperative()
    if cooperative is not None:
        recipients["htx"], _created = Collective.objects.get_or_create(
            cooperative=cooperative, defaults={"kind": CollectiveKind.COOPERATIVE, "name": cooperative.name}
        )
    return recipients


def load_demo_awards():
    """Create or update the demo decisions and their award lines, checked
    like any entry. Returns the number of award lines."""
    ensure_reference_data()
    titles = {title.code: title for title in Title.objects.all()}
    recipients = _recipients()
    count = 0
    for number, issued_on, year, campaign, lines in DECISIONS:
        decision, _created = Decision.objects.update_or_create(
            number=number,
            issued_on=issued_on,
            defaults={
                "level": Decision.Level.ALLIANCE,
                "issuer": ALLIANCE,
                "signer": SIGNER,
                "year": year,
                "campaign": campaign,
            },
        )
        for key, code, reason in lines:
            recipient = recipients.get(key)
            if recipient is None:  # no demo registry to take a cooperative from
                continue
            who = {"collective": recipient} if isinstance(recipient, Collective) else {"person": recipient}
            line = AwardLine.objects.filter(decision=decision, title=titles[code], **who).first()
            line = line or AwardLine(decision=decision, title=titles[code], **who)
            line.reason = reason.format(year=year)
            try:
                line.full_clean()
            except ValidationError as exc:
                raise RuntimeError(f"Demo award {number} {key} {code}: {exc.messages}") from exc
            line.save()
            count += 1
    return count


def load_demo(seed=None):
    """AwardsConfig.demo_loader: the demo awards, as one line for ``load_demo``."""
    return f"Demo awards: {load_demo_awards()} award lines."
