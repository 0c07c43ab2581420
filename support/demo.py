"""Demo records of the Alliance's own work in the former Yên Bái, consistent
with the seed (../shared/seed) and the registry's demo: the support fund's
loans, training whose classes reached the managers of most 2021 HTX, the
Centre's cases behind a share of the 87 new HTX, the Vietnam Cooperative
Alliance's supply–demand connection programme (Trần Thế Tuấn), and the 25
households of Xã Trạm Tấu that left poverty in 2021 (plan: 15)."""

import datetime
import random

from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from places.models import Commune
from registry.demo import DEMO, GIVEN, MIDDLE, SURNAMES
from registry.models import Cooperative, DataVersion, OcopProduct
from support.models import (
    CaseKind,
    CaseOutcome,
    Disbursement,
    EventKind,
    FundingSource,
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

SEED = 20220124
D = datetime.date
TRAM_TAU = "04606"
ALLIANCE = "Liên minh Hợp tác xã tỉnh Yên Bái"
CENTRE_OFFICERS = ["Nguyễn Đức Lâm", "Trần Thế Tuấn", "Hoàng Thị Thu Hà", "Lương Văn Khánh", "Phạm Thị Minh Nguyệt"]
ESCAPED_2021 = 25
# What an HTX of each product borrows for.
LOAN_PURPOSES = {
    "Chè Shan tuyết": "Mua máy sao, vò chè, mở rộng xưởng chế biến chè Shan tuyết",
    "Quế, tinh dầu quế": "Đầu tư lò chưng cất tinh dầu quế",
    "Măng tre Bát độ": "Mở rộng vùng trồng và xưởng sơ chế măng tre Bát độ",
    "Gạo nếp Tú Lệ": "Mua máy xay xát, đóng gói gạo nếp Tú Lệ",
    "Sơn tra sấy khô": "Đầu tư lò sấy sơn tra",
    "Cam sành": "Xây dựng kho bảo quản, sơ chế cam sành",
    "Mật ong": "Mở rộng đàn ong, mua thiết bị lọc và đóng chai mật ong",
    "Thổ cẩm": "Mua khung dệt, mở rộng xưởng dệt thổ cẩm",
    "Dược liệu": "Đầu tư lò sấy, mở rộng vùng trồng dược liệu",
}
# (decision, decided, amount in million đồng, months, [(disbursed, million)],
#  [(due, principal million)], [(paid, principal million, interest đồng)])
LOANS = [
    ("08/QĐ-QHT", D(2019, 5, 6), 300, 24, [(D(2019, 5, 20), 300)],
     [(D(2020, 5, 20), 150), (D(2021, 5, 20), 150)],
     [(D(2020, 5, 18), 150, 16_200_000), (D(2021, 5, 19), 150, 8_100_000)]),
    ("21/QĐ-QHT", D(2020, 6, 15), 400, 36, [(D(2020, 6, 29), 400)],
     [(D(2021, 6, 29), 130), (D(2022, 6, 29), 130), (D(2023, 6, 29), 140)], [(D(2021, 6, 25), 130, 21_600_000)]),
    ("34/QĐ-QHT", D(2020, 10, 2), 250, 24, [(D(2020, 10, 16), 250)],
     [(D(2021, 10, 16), 125), (D(2022, 10, 16), 125)], [(D(2021, 10, 14), 125, 13_500_000)]),
    # 2021: partly repaid on time
    ("12/QĐ-QHT", D(2021, 3, 12), 500, 24, [(D(2021, 3, 22), 500)],
     [(D(2021, 9, 22), 125), (D(2022, 3, 22), 125), (D(2022, 9, 22), 125), (D(2023, 3, 22), 125)],
     [(D(2021, 9, 20), 125, 13_500_000)]),
    # 2021: the instalment of 15/10/2021 unpaid at the year end (overdue)
    ("18/QĐ-QHT", D(2021, 4, 5), 300, 24, [(D(2021, 4, 15), 300)],
     [(D(2021, 10, 15), 75), (D(2022, 4, 15), 75), (D(2022, 10, 15), 75), (D(2023, 4, 15), 75)], []),
    ("25/QĐ-QHT", D(2021, 6, 8), 800, 36, [(D(2021, 6, 21), 500), (D(2021, 9, 6), 300)],
     [(D(2022, 6, 21), 260), (D(2023, 6, 21), 270), (D(2024, 6, 21), 270)], []),
    ("31/QĐ-QHT", D(2021, 8, 16), 450, 36, [(D(2021, 8, 30), 450)],
     [(D(2022, 8, 30), 150), (D(2023, 8, 30), 150), (D(2024, 8, 30), 150)], []),
    ("40/QĐ-QHT", D(2021, 11, 3), 1000, 36, [(D(2021, 11, 17), 1000)],
     [(D(2022, 11, 17), 330), (D(2023, 11, 17), 330), (D(2024, 11, 17), 340)], []),
]  # fmt: skip
INTEREST_RATE = "5.40"
MILLION = 1_000_000

# (topic, starts, ends, commune name, place, funding)
NEW_MANAGER_TOPIC = "Bồi dưỡng kiến thức quản lý cho cán bộ quản lý HTX thành lập mới"
CLASSES = [
    (2021, D(2021, 4, 20), D(2021, 4, 22), "Phường Yên Bái", "Hội trường Liên minh HTX tỉnh"),
    (2021, D(2021, 6, 15), D(2021, 6, 17), "Phường Nghĩa Lộ", "Hội trường UBND thị xã Nghĩa Lộ (cũ)"),
    (2021, D(2021, 8, 24), D(2021, 8, 26), "Xã Lục Yên", "Hội trường UBND huyện Lục Yên (cũ)"),
    (2021, D(2021, 10, 19), D(2021, 10, 21), "Xã Trấn Yên", "Hội trường UBND huyện Trấn Yên (cũ)"),
    (2021, D(2021, 12, 14), D(2021, 12, 16), "Phường Yên Bái", "Hội trường Liên minh HTX tỉnh"),
    (2022, D(2022, 5, 17), D(2022, 5, 19), "Xã Mù Cang Chải", "Hội trường UBND huyện Mù Cang Chải (cũ)"),
    (2022, D(2022, 9, 13), D(2022, 9, 15), "Phường Yên Bái", "Hội trường Liên minh HTX tỉnh"),
    (2022, D(2022, 12, 6), D(2022, 12, 8), "Xã Văn Chấn", "Hội trường UBND huyện Văn Chấn (cũ)"),
]
OTHER_CLASSES = [
    ("Tập huấn nghiệp vụ kế toán HTX", D(2021, 7, 6), D(2021, 7, 8), "Phường Yên Bái",
     "Hội trường Liên minh HTX tỉnh", FundingSource.PROVINCIAL_BUDGET),
    ("Tập huấn ứng dụng chuyển đổi số, thương mại điện tử cho HTX", D(2021, 11, 9), D(2021, 11, 10),
     "Xã Yên Bình", "Hội trường UBND huyện Yên Bình (cũ)", FundingSource.VIETNAM_ALLIANCE),
    ("Bồi dưỡng kiến thức quản lý HTX", D(2020, 9, 22), D(2020, 9, 24), "Phường Yên Bái",
     "Hội trường Liên minh HTX tỉnh", FundingSource.PROVINCIAL_BUDGET),
]  # fmt: skip
TRADE_PRODUCTS = {
    "Chè Shan tuyết": "Chè Shan tuyết",
    "Quế hữu cơ": "Quế, tinh dầu quế",
    "Măng tre Bát độ": "Măng tre Bát độ",
    "Gạo nếp": "Gạo nếp Tú Lệ",
    "Sơn tra": "Sơn tra sấy khô",
    "Cam": "Cam sành",
    "Mật ong": "Mật ong",
    "Thổ cẩm": "Thổ cẩm",
    "Dược liệu": "Dược liệu",
}
VILLAGES_TRAM_TAU = ["Thôn Tà Chử", "Thôn Km 16", "Thôn Tà Tầu", "Thôn Pá Hu", "Thôn Tà Xùa"]
HMONG_SURNAMES = ["Giàng", "Sùng", "Vàng", "Thào", "Mùa", "Lý", "Hờ"]
HMONG_GIVEN = ["Sáu", "Chứ", "Páo", "Lử", "Dê", "Chu", "Nhà", "Tủa", "Pàng", "Cở", "Sình", "Lồng"]
POVERTY_PROGRAMME = "Hỗ trợ hộ nghèo thoát nghèo bền vững (Liên minh HTX tỉnh nhận đỡ đầu)"
POVERTY_SUPPORT = ["Hỗ trợ bò sinh sản", "Hỗ trợ lợn giống và thức ăn chăn nuôi", "Hỗ trợ giống ngô, phân bón",
                   "Hỗ trợ sửa chữa nhà ở", "Hỗ trợ cây giống sơn tra"]  # fmt: skip


def _bulk(model, rows):
    """Insert ``rows`` with their change history (as the registry's demo does)."""
    return bulk_create_with_history(list(rows), model, batch_size=500, default_change_reason=DEMO)


def _product(coop):
    for activity, product in TRADE_PRODUCTS.items():
        if coop.name.startswith(f"Hợp tác xã {activity} "):
            return product
    return None


class SupportDemo:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        self.htx = list(
            Cooperative.objects.cooperatives().filter(commune__province_id="15").order_by("registration_code")
        )
        self.communes = {c.name: c for c in Commune.objects.filter(province_id="15")}

    def person(self):
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def operating_before(self, year):
        return [c for c in self.htx if c.registration_date.year < year and c.status == Cooperative.Status.OPERATING]

    def build(self):
        counts = {
            "members": self.memberships(),
            "loans": self.loans(),
            "participants": self.training(),
            "cases": self.cases(),
            "events": self.trade(),
            "households": self.households(),
        }
        DataVersion.bump()  # bulk writes send no signals
        return counts

    def memberships(self):
        rows, fees = [], []
        for coop in self.htx:
            if coop.registration_date.year > 2022 or self.rng.random() > 0.7:
                continue
            joined = max(coop.registration_date, D(2015, 1, 1)) + datetime.timedelta(days=self.rng.randint(20, 200))
            left = coop.status_since if coop.status == Cooperative.Status.DISSOLVED else None
            if left and left < joined:
                continue
            rows.append(Membership(cooperative=coop, commune_id=coop.commune_id, joined_on=joined, left_on=left))
        for name, commune, joined in [
            ("Công ty TNHH Nông sản Sơn Thịnh", "Xã Văn Chấn", D(2018, 3, 12)),
            ("Công ty TNHH Thương mại Nông sản Mường Lò", "Phường Nghĩa Lộ", D(2019, 7, 1)),
        ]:
            rows.append(Membership(organisation_name=name, commune=self.communes[commune], joined_on=joined))
        _bulk(Membership, rows)
        for membership in rows:
            for year in (2020, 2021, 2022):
                if membership.joined_on.year <= year and (not membership.left_on or membership.left_on.year > year):
                    paid = self.rng.random() < 0.9
                    fees.append(
                        MembershipFee(
                            membership=membership,
                            year=year,
                            amount_due=1_000_000,
                            amount_paid=1_000_000 if paid else 0,
                            paid_on=D(year, self.rng.randint(3, 11), 15) if paid else None,
                        )
                    )
        _bulk(MembershipFee, fees)
        return len(rows)

    def loans(self):
        borrowers = self.rng.sample([c for c in self.operating_before(2019) if _product(c)], len(LOANS))
        for (number, decided, amount, months, paid_out, schedule, repaid), borrower in zip(
            LOANS, borrowers, strict=True
        ):
            loan = Loan.objects.create(
                borrower=borrower,
                purpose=LOAN_PURPOSES[_product(borrower)],
                amount=amount * MILLION,
                interest_rate=INTEREST_RATE,
                term_months=months,
                decision_number=number,
                decision_date=decided,
            )
            _bulk(Disbursement, [Disbursement(loan=loan, disbursed_on=day, amount=m * MILLION) for day, m in paid_out])
            _bulk(Installment, [Installment(loan=loan, due_on=day, principal=m * MILLION) for day, m in schedule])
            _bulk(
                Repayment,
                [
                    Repayment(loan=loan, paid_on=day, principal=m * MILLION, interest=interest)
                    for day, m, interest in repaid
                ],
            )
        return len(LOANS)

    def training(self):
        participants = []
        classes = {}
        for year, starts, ends, commune, place in CLASSES:
            classes.setdefault(year, []).append(
                TrainingClass.objects.create(
                    topic=f"{NEW_MANAGER_TOPIC} năm {year}",
                    starts_on=starts,
                    ends_on=ends,
                    place=place,
                    commune=self.communes[commune],
                    organiser=ALLIANCE,
                    funding_source=FundingSource.PROVINCIAL_BUDGET,
                )
            )
        for year, year_classes in classes.items():
            new = sorted((c for c in self.htx if c.registration_date.year == year), key=lambda c: c.registration_date)
            for coop in new:
                later = [k for k in year_classes if k.starts_on > coop.registration_date]
                if not later or self.rng.random() < 0.08:
                    continue  # registered after the last class, or did not come
                attended = self.rng.random() < 0.97
                participants.append(
                    TrainingParticipant(
                        training_class=later[0],
                        full_name=coop.representative,
                        role=ParticipantRole.MANAGER,
                        cooperative=coop,
                        commune_id=coop.commune_id,
                        attended=attended,
                        completed=attended,
                    )
                )
            for klass in year_classes:
                for _officer in range(3):
                    commune = self.rng.choice(list(self.communes.values()))
                    participants.append(
                        TrainingParticipant(
                            training_class=klass,
                            full_name=self.person(),
                            role=ParticipantRole.OFFICER,
                            organisation_name=f"UBND {commune.name[0].lower()}{commune.name[1:]}",  # "UBND xã Trạm Tấu"
                            commune=commune,
                            completed=True,
                        )
                    )
        for topic, starts, ends, commune, place, funding in OTHER_CLASSES:
            klass = TrainingClass.objects.create(
                topic=topic,
                starts_on=starts,
                ends_on=ends,
                place=place,
                commune=self.communes[commune],
                organiser=ALLIANCE,
                funding_source=funding,
            )
            for coop in self.rng.sample(self.operating_before(starts.year), 12):
                role = ParticipantRole.MEMBER if self.rng.random() < 0.6 else ParticipantRole.MANAGER
                name = coop.representative if role == ParticipantRole.MANAGER else self.person()
                participants.append(
                    TrainingParticipant(
                        training_class=klass,
                        full_name=name,
                        role=role,
                        cooperative=coop,
                        commune_id=coop.commune_id,
                        completed=True,
                    )
                )
        _bulk(TrainingParticipant, participants)
        return len(participants)

    def cases(self):
        rng = self.rng
        cases = []
        new_2021 = [c for c in self.htx if c.registration_date.year == 2021]
        for coop in rng.sample(new_2021, 36):
            opened = coop.registration_date - datetime.timedelta(days=rng.randint(30, 90))
            cases.append(
                SupportCase(
                    kind=CaseKind.FOUNDING,
                    subject=f"Tư vấn thành lập {coop.name}",
                    organisation_name=f"Nhóm sáng lập {coop.name}",
                    commune_id=coop.commune_id,
                    opened_on=opened,
                    closed_on=coop.registration_date,
                    officer=rng.choice(CENTRE_OFFICERS),
                    outcome=CaseOutcome.SUCCEEDED,
                    outcome_note="HTX được cấp giấy chứng nhận đăng ký",
                    produced_cooperative=coop,
                )
            )
        for commune in ("Xã Tú Lệ", "Xã Phình Hồ"):
            cases.append(
                SupportCase(
                    kind=CaseKind.FOUNDING,
                    subject="Tư vấn thành lập HTX dược liệu",
                    organisation_name=f"Nhóm sáng lập HTX dược liệu {commune.removeprefix('Xã ')}",
                    commune=self.communes[commune],
                    opened_on=D(2021, 11, rng.randint(1, 28)),
                    officer=rng.choice(CENTRE_OFFICERS),
                )
            )
        converted = list(Cooperative.objects.converted_in(2021).filter(commune__province_id="15").order_by("pk"))
        for coop in converted[:12]:
            cases.append(self._case(CaseKind.CONVERSION, "Tư vấn chuyển đổi, tổ chức lại theo Luật HTX", coop,
                                    coop.converted_on))  # fmt: skip
        ocop = OcopProduct.objects.filter(certified_on__year=2021, alliance_supported=True).select_related(
            "cooperative"
        )
        for product in ocop:
            cases.append(
                self._case(
                    CaseKind.OCOP, f"Hồ sơ OCOP sản phẩm {product.name}", product.cooperative, product.certified_on
                )
            )
        for loan in Loan.objects.filter(decision_date__year=2021).select_related("borrower"):
            cases.append(self._case(CaseKind.LOAN, f"Hồ sơ vay vốn Quỹ hỗ trợ ({loan.decision_number})",
                                    loan.borrower, loan.decision_date))  # fmt: skip
        for kind, subject, n in [
            (CaseKind.LEGAL, "Tư vấn sửa đổi điều lệ HTX", 4),
            (CaseKind.ACCOUNTING, "Hướng dẫn lập báo cáo tài chính năm", 6),
        ]:
            for coop in rng.sample(self.operating_before(2021), n):
                cases.append(self._case(kind, subject, coop, D(2021, rng.randint(2, 12), rng.randint(1, 28))))
        _bulk(SupportCase, cases)
        return len(cases)

    def _case(self, kind, subject, coop, closed):
        return SupportCase(
            kind=kind,
            subject=subject,
            cooperative=coop,
            commune_id=coop.commune_id,
            opened_on=closed - datetime.timedelta(days=self.rng.randint(20, 60)),
            closed_on=closed,
            officer=self.rng.choice(CENTRE_OFFICERS),
            outcome=CaseOutcome.SUCCEEDED,
        )

    def trade(self):
        sellers = [c for c in self.operating_before(2021) if _product(c)]
        events = [
            (
                "Hội chợ nông sản, sản phẩm OCOP tỉnh Yên Bái năm 2020", EventKind.FAIR, D(2020, 11, 26),
                D(2020, 11, 30), "Quảng trường 19/8, thành phố Yên Bái (cũ)", ALLIANCE, "Lương Văn Khánh", 10,
            ),
            (
                "Chương trình kết nối cung cầu sản phẩm HTX năm 2021", EventKind.SUPPLY_DEMAND, D(2021, 11, 24),
                D(2021, 11, 27), "Hà Nội", "Liên minh Hợp tác xã Việt Nam", "Trần Thế Tuấn", 9,
            ),
            (
                "Hội chợ nông sản, sản phẩm OCOP tỉnh Yên Bái năm 2021", EventKind.FAIR, D(2021, 12, 8),
                D(2021, 12, 12), "Quảng trường 19/8, thành phố Yên Bái (cũ)", ALLIANCE, "Lương Văn Khánh", 12,
            ),
            (
                "Tập huấn bán hàng trên sàn thương mại điện tử cho HTX", EventKind.ECOMMERCE, D(2021, 9, 14),
                D(2021, 9, 15), "Hội trường Liên minh HTX tỉnh", ALLIANCE, "Trần Thế Tuấn", 15,
            ),
        ]  # fmt: skip
        participations = []
        for name, kind, starts, ends, place, organiser, officer, n in events:
            event = TradeEvent.objects.create(
                province_id="15",
                name=name,
                kind=kind,
                starts_on=starts,
                ends_on=ends,
                place=place,
                organiser=organiser,
                officer=officer,
            )
            for coop in self.rng.sample(sellers, n):
                signed = 0 if kind == EventKind.ECOMMERCE else self.rng.randint(0, 3)
                participations.append(
                    TradeParticipation(
                        event=event,
                        cooperative=coop,
                        commune_id=coop.commune_id,
                        products=_product(coop),
                        contracts_signed=signed,
                        contracts_value=signed * self.rng.randint(8, 60) * 5 * MILLION,
                    )
                )
        _bulk(TradeParticipation, participations)
        return len(events)

    def households(self):
        rng = self.rng
        rows = []
        # 25 left poverty in 2021 (15 supported since 2020, 10 since 2021); 6 are still supported.
        for i in range(ESCAPED_2021 + 6):
            rows.append(
                SupportedHousehold(
                    head_name=f"{rng.choice(HMONG_SURNAMES)} A {rng.choice(HMONG_GIVEN)}",
                    commune_id=TRAM_TAU,
                    village=rng.choice(VILLAGES_TRAM_TAU),
                    programme=POVERTY_PROGRAMME,
                    support=rng.choice(POVERTY_SUPPORT),
                    supported_year=2020 if i < 15 else 2021,
                    left_poverty_year=2021 if i < ESCAPED_2021 else None,
                )
            )
        _bulk(SupportedHousehold, rows)
        return len(rows)


def demo_support_present():
    return Loan.objects.filter(decision_number=LOANS[0][0], decision_date=LOANS[0][1]).exists()


def load_demo_support(seed=SEED):
    """Create the demo records of the Alliance's work unless present; returns counts or None."""
    if demo_support_present() or not Cooperative.objects.filter(Q(commune__province_id="15")).exists():
        return None
    return SupportDemo(seed).build()


def load_demo(seed=None):
    """SupportConfig.demo_loader: the Alliance's demo records, as one line for ``load_demo``."""
    counts = load_demo_support(SEED if seed is None else seed)
    if counts is None:
        return "Demo Alliance work already present (or no demo registry); left as it is."
    return f"Demo Alliance work: {counts}."
