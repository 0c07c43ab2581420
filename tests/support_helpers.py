"""A small hand-built record set of the Alliance's work in Hà Nội (province
01, where the demo has nothing), whose figures are worked out by hand in
tests/test_support_measures.py."""

import datetime

from places.models import Commune
from registry.models import Cooperative, CooperativeGroup
from support.models import (
    CaseKind,
    Disbursement,
    EventKind,
    Installment,
    Loan,
    Membership,
    MembershipFee,
    ParticipantRole,
    Repayment,
    SupportCase,
    SupportedHousehold,
    TradeEvent,
    TradeParticipation,
    TrainingClass,
    TrainingParticipant,
)

D = datetime.date
M = 1_000_000


def build_hanoi_set():
    a, b = Commune.objects.filter(province_id="01").order_by("code")[:2]
    htx = {}
    for key, commune, registered in [
        ("old", a, D(2019, 1, 10)),
        ("b", b, D(2020, 5, 1)),
        ("new_a", a, D(2021, 3, 1)),
        ("new_b", b, D(2021, 6, 1)),
    ]:
        htx[key] = Cooperative.objects.create(
            registration_code=f"01099{len(htx):05d}",
            name=f"Hợp tác xã Nông nghiệp {key}",
            commune=commune,
            registration_date=registered,
            representative=f"Nguyễn Văn {key}",
        )
    group = CooperativeGroup.objects.create(name="Tổ hợp tác rau an toàn", commune=a, established_on=D(2021, 4, 1))

    # L1: partly repaid, nothing overdue at the end of 2021.
    l1 = Loan.objects.create(
        borrower=htx["old"], purpose="Mua máy sấy", amount=500 * M, interest_rate="5.40", term_months=18,
        decision_number="01/QĐ-HN", decision_date=D(2021, 2, 1),
    )  # fmt: skip
    Disbursement.objects.create(loan=l1, disbursed_on=D(2021, 2, 10), amount=500 * M)
    for due, principal in [(D(2021, 8, 10), 100), (D(2022, 2, 10), 200), (D(2022, 8, 10), 200)]:
        Installment.objects.create(loan=l1, due_on=due, principal=principal * M)
    Repayment.objects.create(loan=l1, paid_on=D(2021, 8, 9), principal=100 * M, interest=13 * M)
    Repayment.objects.create(loan=l1, paid_on=D(2022, 1, 5), principal=50 * M)
    # L2: disbursed in two parts across the year end; 60 million overdue since 15/12/2021.
    l2 = Loan.objects.create(
        borrower=htx["b"], purpose="Kho lạnh", amount=300 * M, interest_rate="5.40", term_months=24,
        decision_number="02/QĐ-HN", decision_date=D(2021, 3, 1),
    )  # fmt: skip
    Disbursement.objects.create(loan=l2, disbursed_on=D(2021, 3, 15), amount=200 * M)
    Disbursement.objects.create(loan=l2, disbursed_on=D(2022, 1, 10), amount=100 * M)
    for due, principal in [(D(2021, 9, 15), 60), (D(2021, 12, 15), 60), (D(2022, 6, 15), 180)]:
        Installment.objects.create(loan=l2, due_on=due, principal=principal * M)
    Repayment.objects.create(loan=l2, paid_on=D(2021, 9, 14), principal=60 * M)
    # L3: lent in 2020, repaid in full in 2021.
    l3 = Loan.objects.create(
        borrower=htx["old"], purpose="Vật tư", amount=100 * M, interest_rate="5.40", term_months=12,
        decision_number="03/QĐ-HN", decision_date=D(2020, 6, 1),
    )  # fmt: skip
    Disbursement.objects.create(loan=l3, disbursed_on=D(2020, 6, 10), amount=100 * M)
    Installment.objects.create(loan=l3, due_on=D(2021, 6, 10), principal=100 * M)
    Repayment.objects.create(loan=l3, paid_on=D(2021, 6, 1), principal=100 * M, interest=5 * M)

    c1 = TrainingClass.objects.create(
        topic="Quản lý HTX", starts_on=D(2021, 5, 10), ends_on=D(2021, 5, 12), place="Hội trường", commune=a
    )
    c2 = TrainingClass.objects.create(
        topic="Kế toán HTX", starts_on=D(2022, 1, 10), ends_on=D(2022, 1, 12), place="Hội trường", commune=b
    )
    manager, member, officer = ParticipantRole.MANAGER, ParticipantRole.MEMBER, ParticipantRole.OFFICER
    for klass, name, role, org, attended, completed in [
        (c1, "Nguyễn Văn new_a", manager, {"cooperative": htx["new_a"]}, True, True),
        (c1, "Nguyễn Văn new_b", manager, {"cooperative": htx["new_b"]}, True, False),
        (c1, "Lê Thị Hoa", manager, {"group": group}, True, True),
        (c1, "Phạm Văn Sơn", member, {"cooperative": htx["old"]}, True, True),
        (c1, "Đỗ Minh Hải", officer, {"organisation_name": "UBND xã", "commune": b}, False, False),
        (c2, "Nguyễn Văn new_b", manager, {"cooperative": htx["new_b"]}, True, True),
    ]:
        TrainingParticipant.objects.create(
            training_class=klass, full_name=name, role=role, attended=attended, completed=completed, **org
        )

    SupportCase.objects.create(
        kind=CaseKind.FOUNDING, subject="Thành lập", organisation_name="Nhóm sáng lập", commune=a,
        opened_on=D(2020, 12, 1), closed_on=D(2021, 3, 1), officer="Trần Thế Tuấn", produced_cooperative=htx["new_a"],
    )  # fmt: skip
    SupportCase.objects.create(
        kind=CaseKind.LEGAL,
        subject="Điều lệ",
        cooperative=htx["old"],
        opened_on=D(2021, 7, 1),
        officer="Nguyễn Đức Lâm",
    )
    SupportCase.objects.create(
        kind=CaseKind.FOUNDING, subject="Thành lập", organisation_name="Nhóm sáng lập 2", commune=b,
        opened_on=D(2021, 10, 1), officer="Trần Thế Tuấn",
    )  # fmt: skip

    e1 = TradeEvent.objects.create(
        province_id="01", name="Kết nối cung cầu", kind=EventKind.SUPPLY_DEMAND, starts_on=D(2021, 11, 20),
        ends_on=D(2021, 11, 22), place="Hà Nội", organiser="Liên minh HTX Việt Nam",
    )  # fmt: skip
    e2 = TradeEvent.objects.create(
        province_id="01", name="Hội chợ", kind=EventKind.FAIR, starts_on=D(2021, 12, 1), ends_on=D(2021, 12, 3),
        place="Hà Nội", organiser="Liên minh HTX thành phố",
    )  # fmt: skip
    for event, org, signed, value in [
        (e1, {"cooperative": htx["old"]}, 2, 150 * M),
        (e1, {"cooperative": htx["b"]}, 1, 50 * M),
        (e1, {"group": group}, 0, 0),
        (e2, {"cooperative": htx["old"]}, 1, 30 * M),
    ]:
        TradeParticipation.objects.create(event=event, contracts_signed=signed, contracts_value=value, **org)

    member = Membership.objects.create(cooperative=htx["old"], joined_on=D(2019, 3, 1))
    MembershipFee.objects.create(membership=member, year=2021, amount_due=M, amount_paid=M, paid_on=D(2021, 5, 4))
    Membership.objects.create(cooperative=htx["b"], joined_on=D(2020, 6, 1), left_on=D(2021, 12, 31))
    Membership.objects.create(organisation_name="Công ty TNHH Rau sạch", commune=b, joined_on=D(2021, 12, 31))
    Membership.objects.create(cooperative=htx["new_a"], joined_on=D(2022, 1, 15))

    for i, left in enumerate([2021, 2021, 2021, 2022, None]):
        SupportedHousehold.objects.create(
            head_name=f"Hộ {i}", commune=a, programme="Giảm nghèo", supported_year=2020, left_poverty_year=left
        )
    return {"a": a, "b": b, "htx": htx, "group": group, "loans": (l1, l2, l3)}
