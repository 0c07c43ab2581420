"""Deterministic demo registry for the home province (former Yên Bái, now
Lào Cai) from which the figures of the Alliance's 2021 report follow:

- 87 HTX registered in 2021, 1,183 THT established in 2021;
- 30 HTX converted to new-type HTX in 2021; 5 value-chain models in 2021;
- 5 OCOP products certified in 2021 with the Alliance's support, for 4 HTX;
- 309 HTX rated Tốt or Khá for 2021;

plus the years around it (2000–2025, yearly reports 2020–2022), so that the
dashboard has a previous year and the 2022 plan has actuals. The counts are
constructed, not sampled, so they hold for any seed; the seed only makes
names, dates and figures vary plausibly.
"""

import datetime
import random

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from places.admin_units import communes_from_legacy_province
from places.models import Commune
from registry.models import (
    Classification,
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    CooperativeStatusChange,
    DataVersion,
    GroupReport,
    OcopProduct,
    Sector,
    ValueChainModel,
)

DEMO = "Demo data"  # the change reason of every history row the demo writes
SEED = 20220124  # the day of the Alliance's 2021 review meeting
FIRST_CODE = 5200100001  # Yên Bái's enterprise codes begin with 52
LEGACY_YEN_BAI = "15"
TRAM_TAU_COMMUNE = "04606"  # Xã Trạm Tấu, today's code

# HTX registered per year, in the former Yên Bái.
HTX_PER_YEAR = {
    2013: 30, 2014: 35, 2015: 40, 2016: 45, 2017: 50, 2018: 55, 2019: 60, 2020: 70,
    2021: 87, 2022: 92, 2023: 75, 2024: 70, 2025: 64,
}  # fmt: skip
OLD_LAW_HTX = 60  # registered 2000–2012, before the 2012 Law took effect
CONVERSIONS_PER_YEAR = {2020: 18, 2021: 30, 2022: 8}  # taken from the old-law HTX
THT_PER_YEAR = {2018: 250, 2019: 300, 2020: 450, 2021: 1183, 2022: 336, 2023: 280, 2024: 240, 2025: 210}
VALUE_CHAIN_PER_YEAR = {2020: 2, 2021: 5, 2022: 6}
# (supported products, HTX they belong to, unsupported products) per year
OCOP_PER_YEAR = {2020: (3, 3, 1), 2021: (5, 4, 2), 2022: (7, 6, 1)}
DISSOLVED_BEFORE_2021 = 20
SUSPENDED_IN_2021 = 6
# Ratings of the operating, rated HTX: 82 + 227 = 309 Tốt/Khá for 2021.
RATINGS = {
    2020: {Classification.GOOD: 70, Classification.FAIR: 190, Classification.AVERAGE: 60, Classification.WEAK: 29},
    2021: {Classification.GOOD: 82, Classification.FAIR: 227, Classification.AVERAGE: 88, Classification.WEAK: 22},
    2022: {Classification.GOOD: 95, Classification.FAIR: 235, Classification.AVERAGE: 140, Classification.WEAK: 36},
}
REPORT_YEARS = (2020, 2021, 2022)

ACTIVITIES = [
    ("Nông nghiệp", Sector.AGRICULTURE, "Lúa, ngô"),
    ("Dịch vụ nông nghiệp", Sector.AGRICULTURE, "Vật tư nông nghiệp"),
    ("Chè Shan tuyết", Sector.AGRICULTURE, "Chè Shan tuyết"),
    ("Quế hữu cơ", Sector.AGRICULTURE, "Quế"),
    ("Chăn nuôi", Sector.AGRICULTURE, "Lợn, gà"),
    ("Thủy sản", Sector.AGRICULTURE, "Cá hồi, cá tầm"),
    ("Lâm nghiệp", Sector.AGRICULTURE, "Gỗ rừng trồng"),
    ("Dược liệu", Sector.AGRICULTURE, "Dược liệu"),
    ("Măng tre Bát độ", Sector.AGRICULTURE, "Măng tre Bát độ"),
    ("Cây ăn quả", Sector.AGRICULTURE, "Bưởi, nhãn"),
    ("Gạo nếp", Sector.AGRICULTURE, "Gạo nếp Tú Lệ"),
    ("Sơn tra", Sector.AGRICULTURE, "Sơn tra"),
    ("Cam", Sector.AGRICULTURE, "Cam sành"),
    ("Rau an toàn", Sector.AGRICULTURE, "Rau an toàn"),
    ("Mật ong", Sector.AGRICULTURE, "Mật ong"),
    ("Nấm", Sector.AGRICULTURE, "Nấm sò"),
    ("Mây tre đan", Sector.INDUSTRY, "Mây tre đan"),
    ("Thổ cẩm", Sector.INDUSTRY, "Thổ cẩm"),
    ("Dịch vụ tổng hợp", Sector.TRADE, "Dịch vụ"),
    ("Du lịch cộng đồng", Sector.TRADE, "Du lịch"),
    ("Vận tải", Sector.TRANSPORT, "Vận tải"),
    ("Xây dựng", Sector.CONSTRUCTION, "Xây dựng"),
]
VILLAGES = [
    "Bản Mù", "Tà Xi Láng", "Khe Cam", "Làng Nhì", "Km 5", "Đồng Tâm", "Làng Câm", "Khe Bốc", "Bản Tủ",
    "Nà Hẩu", "Phình Hồ", "Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", "Thôn 5", "Bản Lìm", "Làng Đẩu",
    "Suối Giàng", "Pang Cáng", "Giàng Pằng", "Bản Hốc", "Thác Hoa", "Khe Sặt", "Đồng Ruộng",
]  # fmt: skip
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Hà", "Lò", "Giàng", "Đỗ", "Vũ", "Đặng", "Bùi", "Lường", "Sùng"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hữu", "Thanh", "A", "Thị"]
GIVEN = [
    "Lâm",
    "Tuấn",
    "Hùng",
    "Lan",
    "Mai",
    "Dũng",
    "Sáu",
    "Pàng",
    "Chứ",
    "Hoa",
    "Thắng",
    "Hải",
    "Hương",
    "Bình",
    "Sơn",
]


class DemoGenerator:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        codes = communes_from_legacy_province(LEGACY_YEN_BAI)
        self.communes = list(Commune.objects.filter(code__in=codes).order_by("code"))
        if not self.communes:
            raise RuntimeError("Load the administrative units first: manage.py load_admin_units")
        self.next_code = FIRST_CODE
        self.htx_names = set()
        self.group_names = set()

    # -- small helpers ---------------------------------------------------
    def person(self):
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def phone(self):
        return "0" + self.rng.choice(["912", "983", "355", "868", "216"]) + f"{self.rng.randrange(10**6):06d}"

    def day_in(self, year, latest=None):
        start = datetime.date(year, 1, 1)
        end = latest or datetime.date(year, 12, 31)
        return start + datetime.timedelta(days=self.rng.randrange((end - start).days + 1))

    def htx_name(self):
        """A name not used yet, after an activity and the commune it is in."""
        for _attempt in range(200):
            commune = self.rng.choice(self.communes)
            activity, sector, product = self.rng.choice(ACTIVITIES)
            name = f"Hợp tác xã {activity} {commune.short_name}"
            if name not in self.htx_names:
                self.htx_names.add(name)
                return commune, name, sector, product
        raise RuntimeError("ran out of distinct cooperative names")

    # -- the registry ----------------------------------------------------
    def cooperative(self, year, kind=Cooperative.Kind.COOPERATIVE):
        if kind == Cooperative.Kind.UNION:
            commune = self.rng.choice(self.communes)
            name = f"Liên hiệp hợp tác xã {self.rng.choice(ACTIVITIES)[0]} Yên Bái"
            sector, product = Sector.AGRICULTURE, ""
        else:
            commune, name, sector, product = self.htx_name()
        registered = self.day_in(year)
        coop = Cooperative(
            kind=kind,
            registration_code=str(self.next_code),
            name=name,
            sector=sector,
            commune=commune,
            address=f"{self.rng.choice(VILLAGES)}, {commune.name}",
            registration_date=registered,
            charter_capital=self.rng.randrange(50, 3000) * 1_000_000,
            representative=self.person(),
            representative_phone=self.phone(),
            founding_members=self.rng.randint(7, 40) if year < 2024 else self.rng.randint(5, 30),
            status=Cooperative.Status.OPERATING,
            status_since=registered,
            under_law=year >= 2013,
        )
        coop.search_text = coop.build_search_text(commune)
        coop.demo_product = product  # remembered for value chains and OCOP names
        self.next_code += 1
        return coop

    def build(self):
        """Create the demo registry; returns a dict of counts."""
        old = [self.cooperative(self.rng.randint(2000, 2012)) for _ in range(OLD_LAW_HTX)]
        by_year = {year: [self.cooperative(year) for _ in range(n)] for year, n in HTX_PER_YEAR.items()}
        unions = [self.cooperative(2016, Cooperative.Kind.UNION), self.cooperative(2019, Cooperative.Kind.UNION)]

        # Conversions to new-type HTX, from the old-law cooperatives.
        convertible = list(old)
        self.rng.shuffle(convertible)
        for year, n in CONVERSIONS_PER_YEAR.items():
            for coop in [convertible.pop() for _ in range(n)]:
                coop.converted_on = self.day_in(year)
                coop.under_law = True

        # Dissolved before 2021, suspended during 2021: from the 2013–2018 cohorts.
        middle = [c for y in range(2013, 2019) for c in by_year[y]]
        self.rng.shuffle(middle)
        dissolved = middle[:DISSOLVED_BEFORE_2021]
        suspended = middle[DISSOLVED_BEFORE_2021 : DISSOLVED_BEFORE_2021 + SUSPENDED_IN_2021]
        everyone = old + [c for cs in by_year.values() for c in cs] + unions
        bulk_create_with_history(everyone, Cooperative, batch_size=500, default_change_reason=DEMO)
        CooperativeStatusChange.record(everyone)  # each from its registration date
        for coop in dissolved:
            coop.status = Cooperative.Status.DISSOLVED
            coop.status_since = self.day_in(self.rng.choice([2019, 2020]))
        for coop in suspended:
            coop.status = Cooperative.Status.SUSPENDED
            coop.status_since = self.day_in(2021, datetime.date(2021, 6, 30))
        bulk_update_with_history(
            dissolved + suspended, Cooperative, ["status", "status_since"], default_change_reason=DEMO
        )
        CooperativeStatusChange.record(dissolved)
        CooperativeStatusChange.record(suspended, note="Tạm ngừng sản xuất")

        htx = old + [c for cs in by_year.values() for c in cs]
        self.reports(htx, set(dissolved), set(suspended))
        groups = self.groups(by_year[2021])
        self.value_chains_and_ocop(htx, set(dissolved))
        DataVersion.bump()  # bulk writes send no signals
        return {"cooperatives": len(everyone), "groups": groups}

    def reports(self, htx, dissolved, suspended):
        rng = self.rng
        reports = []
        for year in REPORT_YEARS:
            existing = [c for c in htx if c.registration_date.year <= year and c not in dissolved]
            new_this_year = [c for c in existing if c.registration_date.year == year]
            rated = [c for c in existing if c.registration_date.year < year and c not in suspended]
            grades = [g for g, n in RATINGS[year].items() for _ in range(n)]
            if len(grades) != len(rated):
                raise RuntimeError(f"{year}: {len(rated)} HTX to rate, {len(grades)} ratings planned")
            rng.shuffle(grades)
            grade_of = dict(zip((c.registration_code for c in rated), grades, strict=True))
            trend = 1 + (year - 2020) * 0.06  # incomes grow about 6 % a year
            for coop in existing:
                managers = rng.randint(3, 7)
                is_new = coop in new_this_year
                reports.append(
                    CooperativeReport(
                        cooperative=coop,
                        year=year,
                        members=rng.randint(7, 60),
                        regular_workers=rng.randint(8, 24),
                        revenue=rng.randrange(300, 12_000) * 1_000_000,
                        profit=rng.randrange(-50, 600) * 1_000_000,
                        avg_income=int(rng.gauss(59, 9) * trend) * 1_000_000,
                        classification=grade_of.get(coop.registration_code, Classification.NOT_RATED),
                        managers_total=managers,
                        managers_degree=sum(rng.random() < 0.245 for _ in range(managers)),
                        managers_trained=managers if not is_new or rng.random() < 0.85 else managers - 1,
                    )
                )
        bulk_create_with_history(reports, CooperativeReport, batch_size=1000, default_change_reason=DEMO)

    def groups(self, htx_2021):
        rng = self.rng
        groups = []
        for year, n in THT_PER_YEAR.items():
            for _ in range(n):
                commune = rng.choice(self.communes)
                while True:
                    activity = rng.choice(ACTIVITIES)[0]
                    name = f"Tổ hợp tác {activity.lower()} {rng.choice(VILLAGES)}"
                    if (name, commune.code) not in self.group_names:
                        self.group_names.add((name, commune.code))
                        break
                group = CooperativeGroup(
                    name=name,
                    commune=commune,
                    established_on=self.day_in(year),
                    representative=self.person(),
                    members=rng.randint(3, 15),
                    sector=Sector.AGRICULTURE,
                )
                group.search_text = group.build_search_text(commune)
                groups.append(group)
        # Five groups of 2019 grew into cooperatives registered in 2021.
        upgraded = [g for g in groups if g.established_on.year == 2019][:5]
        for group, coop in zip(upgraded, htx_2021[:5], strict=True):
            group.status = CooperativeGroup.Status.UPGRADED
            group.upgraded_to = coop
        bulk_create_with_history(groups, CooperativeGroup, batch_size=1000, default_change_reason=DEMO)
        reports = []
        for year, mean in ((2021, 42.5), (2022, 44.2)):
            for group in groups:
                if group.established_on.year <= year and group.status == CooperativeGroup.Status.OPERATING:
                    reports.append(
                        GroupReport(
                            group=group,
                            year=year,
                            members=group.members,
                            avg_income=int(rng.gauss(mean, 6) * 1_000_000),
                        )
                    )
        bulk_create_with_history(reports, GroupReport, batch_size=1000, default_change_reason=DEMO)
        return len(groups)

    def value_chains_and_ocop(self, htx, dissolved):
        rng = self.rng
        active = [c for c in htx if c not in dissolved and c.registration_date.year < 2020]
        chains = []
        for year, n in VALUE_CHAIN_PER_YEAR.items():
            for coop in rng.sample(active, n):
                chains.append(
                    ValueChainModel(
                        cooperative=coop,
                        name=f"Chuỗi giá trị {coop.name.removeprefix('Hợp tác xã ').lower()}",
                        product=coop.demo_product,
                        built_on=self.day_in(year),
                    )
                )
        bulk_create_with_history(chains, ValueChainModel, default_change_reason=DEMO)
        products = []
        for year, (supported, owners, unsupported) in OCOP_PER_YEAR.items():
            coops = rng.sample(active, owners + unsupported)
            # `supported` products over `owners` cooperatives: the first gets the extras.
            supported_owners = coops[:owners] + [coops[0]] * (supported - owners)
            for i, coop in enumerate(supported_owners + coops[owners:]):
                products.append(
                    OcopProduct(
                        name=self.product_name(coop, i),
                        cooperative=coop,
                        stars=rng.choice([3, 3, 3, 4, 4, 5]),
                        certified_on=self.day_in(year),
                        alliance_supported=i < supported,
                    )
                )
        bulk_create_with_history(products, OcopProduct, default_change_reason=DEMO)

    def product_name(self, coop, i):
        base = coop.demo_product
        variants = ["", " đặc sản", " sấy khô", " túi lọc", " hữu cơ"]
        return f"{base}{variants[i % len(variants)]} {coop.commune.short_name}"


def demo_registry_present():
    return Cooperative.objects.filter(registration_code=str(FIRST_CODE)).exists()


def load_demo_registry(seed=SEED):
    """Create the demo registry unless it is there already; returns counts or None."""
    if demo_registry_present():
        return None
    return DemoGenerator(seed).build()


def load_demo(seed=None):
    """RegistryConfig.demo_loader: the demo registry, as one line for ``load_demo``."""
    counts = load_demo_registry(SEED if seed is None else seed)
    if counts is None:
        return "Demo registry already present; left as it is."
    return f"Demo registry: {counts['cooperatives']} cooperatives, {counts['groups']} groups."
