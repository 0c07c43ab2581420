"""Demo awards: those handed out at the Alliance's review meeting of
24/01/2022 for 2021 (see ../shared/seed), and the two years before, so
that a person's history spans several years. As the seed tells it:
Chiến sĩ thi đua cơ sở to Nguyễn Đức Lâm; Lao động tiên tiến to several
people; a reward (tiền thưởng, no Giấy khen) to individuals for the
Provincial Party Committee's Action Programme no. 18; Giấy khen and its
reward to Trần Thế Tuấn for the supply–demand connection programme. Names
other than Nguyễn Đức Lâm and Trần Thế Tuấn, and the amount of the
Programme 18 reward, are invented."""

import datetime
from importlib import import_module

from django.apps import apps
from django.core.exceptions import ValidationError

from awards import law
from awards.models import AwardLine, BaseSalary, Collective, CollectiveKind, Decision, Person, Title

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
# The collective "centre" is a unit of the Alliance.
YEARLY = "Hoàn thành tốt nhiệm vụ năm {year}"
P18 = "Có thành tích xuất sắc trong thực hiện Chương trình hành động số 18 của Tỉnh ủy năm 2021"
# The Programme 18 reward is a sum the decision states (invented for the demo).
P18_REWARD = {"override_amount": 500_000, "override_note": "Mức thưởng ghi trong Quyết định 06/QĐ-LMHTX"}

# (number, date signed, year of achievement, campaign, [(recipient, title code, achievement[, amount])])
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
        ("khanh", law.TIEN_THUONG, P18, P18_REWARD), ("dung", law.TIEN_THUONG, P18, P18_REWARD),
    ]),
    ("07/QĐ-LMHTX", datetime.date(2022, 1, 20), 2021, SUPPLY_DEMAND, [
        ("tuan", law.GIAY_KHEN, "Có thành tích xuất sắc trong Chương trình kết nối cung cầu năm 2021"),
    ]),
]  # fmt: skip


def ensure_reference_data():
    """The titles and the dated rates come from a migration; a test run
    that empties the database loses them, so they are seeded again the same
    way (only what is missing is added)."""
    if not Title.objects.exists() or not BaseSalary.objects.exists():
        import_module("awards.migrations.0005_seed_dated_rates_and_titles").seed(apps, None)


def _recipients():
    recipients = {}
    for key, (name, job_title, unit) in PEOPLE.items():
        recipients[key], _created = Person.objects.update_or_create(
            full_name=name, unit=unit, defaults={"job_title": job_title}
        )
    recipients["centre"], _created = Collective.objects.get_or_create(kind=CollectiveKind.ALLIANCE_UNIT, name=CENTRE)
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
        kept = []
        for key, code, reason, *amount in lines:
            recipient = recipients[key]
            who = {"collective": recipient} if isinstance(recipient, Collective) else {"person": recipient}
            line = AwardLine.objects.filter(decision=decision, title=titles[code], **who).first()
            line = line or AwardLine(decision=decision, title=titles[code], **who)
            line.reason = reason.format(year=year)
            for name, value in (amount[0] if amount else {}).items():
                setattr(line, name, value)
            try:
                line.full_clean()
            except ValidationError as exc:
                raise RuntimeError(f"Demo award {number} {key} {code}: {exc.messages}") from exc
            line.save()
            kept.append(line.pk)
            count += 1
        # Lines an earlier version of the demo gave this decision.
        for stale in decision.lines.exclude(pk__in=kept):
            stale.delete()
    return count


def load_demo(seed=None):
    """AwardsConfig.demo_loader: the demo awards, as one line for ``load_demo``."""
    return f"Demo awards: {load_demo_awards()} award lines."
