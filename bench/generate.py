"""A national-scale registry for the benchmark, deterministic (seeded):
34 provinces with their communes, cooperatives and groups spread over them,
ten years of yearly reports, targets for every province and year, awards.

Written with plain bulk inserts: this is a data set, not a history of user
changes, so no change-history rows are made for it."""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from awards import law
from awards.models import AwardLine, BaseSalary, Decision, Person, Title
from awards.models.rates import coefficient_on
from coopportal.lib.text import fold
from places.models import Commune, Province
from planning.demo import INDICATORS, load_demo_plan
from planning.models import Indicator, Target
from registry.models import (
    Classification,
    Cooperative,
    CooperativeGroup,
    CooperativeReport,
    CooperativeStatusChange,
    DataVersion,
    GroupReport,
    OcopProduct,
    ValueChainModel,
)

YEARS = list(range(2016, 2026))  # ten years of yearly reports
BATCH = 5000
ACTIVITIES = ["Nông nghiệp", "Dịch vụ tổng hợp", "Chè", "Quế", "Chăn nuôi", "Thủy sản", "Dược liệu", "Rau an toàn",
              "Cây ăn quả", "Mây tre đan", "Vận tải", "Xây dựng", "Du lịch cộng đồng", "Gạo", "Mật ong"]  # fmt: skip
GRADES = [Classification.GOOD] * 2 + [Classification.FAIR] * 5 + [Classification.AVERAGE] * 2 + [Classification.WEAK]
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
         "Đặng Văn Hải", "Bùi Thị Hoa", "Lò Văn Khánh", "Giàng A Lử"]  # fmt: skip


def _registration_year(rng, index, total):
    """Older cooperatives are more numerous; 2024 gets about 2,000 nationally
    (the real figure was 1,942)."""
    share_2024 = 2000 / 35000
    if rng.random() < share_2024:
        return 2024
    return rng.choice([y for y in range(2000, 2026) if y != 2024])


def registry_size():
    return Cooperative.objects.count(), CooperativeGroup.objects.count()


@transaction.atomic
def generate(cooperatives=35_000, groups=80_000, awards=5_000, seed=2025, provinces=None, code_offset=0):
    """Add ``cooperatives`` and ``groups`` (and their reports) spread over
    ``provinces`` (all 34 by default). Several calls add up: the scale series
    grows one database step by step."""
    rng = random.Random(seed + code_offset)
    province_codes = provinces or list(Province.objects.values_list("code", flat=True))
    communes = list(Commune.objects.filter(province_id__in=province_codes).only("code", "name", "province_id"))
    coop_objects = []
    for i in range(cooperatives):
        commune = rng.choice(communes)
        year = _registration_year(rng, i, cooperatives)
        registered = datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
        coop = Cooperative(
            registration_code=f"{int(commune.province_id):02d}{code_offset + i:08d}",
            name=f"Hợp tác xã {rng.choice(ACTIVITIES)} {commune.name.split(' ', 1)[-1]} {code_offset + i}",
            commune_id=commune.code,
            registration_date=registered,
            status_since=registered,
            charter_capital=rng.randrange(50, 5000) * 1_000_000,
            representative=rng.choice(NAMES),
            converted_on=registered + datetime.timedelta(days=rng.randrange(400, 3000))
            if year < 2013 and rng.random() < 0.6
            else None,
        )
        if coop.converted_on and coop.converted_on > datetime.date(2025, 12, 31):
            coop.converted_on = None
        coop.search_text = fold(f"{coop.name} {coop.registration_code} {coop.representative} {commune.name}")
        coop_objects.append(coop)
    Cooperative.objects.bulk_create(coop_objects, batch_size=BATCH)
    CooperativeStatusChange.record(coop_objects)  # status_since is the registration date
    _coop_reports(rng, coop_objects)
    group_objects = _groups(rng, communes, groups, code_offset)
    _group_reports(rng, group_objects)
    _chains_and_ocop(rng, coop_objects)
    _targets(province_codes)
    if awards:
        _awards(rng, awards, province_codes)
    DataVersion.bump()  # bulk writes send no signals
    return len(coop_objects), len(group_objects)


def _coop_reports(rng, coops):
    batch = []
    for coop in coops:
        for year in YEARS:
            if year < coop.registration_date.year:
                continue
            managers = rng.randint(3, 7)
            batch.append(
                CooperativeReport(
                    cooperative_id=coop.pk,
                    year=year,
                    members=rng.randint(7, 80),
                    regular_workers=rng.randint(5, 30),
                    revenue=rng.randrange(200, 20_000) * 1_000_000,
                    avg_income=rng.randrange(35, 90) * 1_000_000,
                    classification=rng.choice(GRADES)
                    if year > coop.registration_date.year
                    else Classification.NOT_RATED,
                    managers_total=managers,
                    managers_degree=rng.randint(0, managers // 2),
                    managers_trained=rng.randint(managers - 1, managers),
                )
            )
            if len(batch) >= BATCH:
                CooperativeReport.objects.bulk_create(batch)
                batch = []
    CooperativeReport.objects.bulk_create(batch)


def _groups(rng, communes, count, offset):
    objects = []
    for i in range(count):
        commune = rng.choice(communes)
        group = CooperativeGroup(
            name=f"Tổ hợp tác {rng.choice(ACTIVITIES).lower()} số {offset + i}",
            commune_id=commune.code,
            established_on=datetime.date(rng.choice([*YEARS, 2012, 2013, 2014, 2015]), rng.randint(1, 12), 15),
            representative=rng.choice(NAMES),
            members=rng.randint(3, 20),
        )
        group.search_text = fold(f"{group.name} {group.representative} {commune.name}")
        objects.append(group)
    CooperativeGroup.objects.bulk_create(objects, batch_size=BATCH)
    return objects


def _group_reports(rng, groups):
    batch = []
    for group in groups:
        for year in YEARS:
            if year < group.established_on.year:
                continue
            batch.append(
                GroupReport(
                    group_id=group.pk, year=year, members=group.members, avg_income=rng.randrange(25, 70) * 1_000_000
                )
            )
            if len(batch) >= BATCH:
                GroupReport.objects.bulk_create(batch)
                batch = []
    GroupReport.objects.bulk_create(batch)


def _chains_and_ocop(rng, coops):
    chains, products = [], []
    for coop in rng.sample(coops, max(1, len(coops) // 20)):
        chains.append(
            ValueChainModel(
                cooperative_id=coop.pk, name=f"Chuỗi {coop.name}", built_on=datetime.date(rng.choice(YEARS), 6, 1)
            )
        )
    for coop in rng.sample(coops, max(1, len(coops) // 10)):
        products.append(
            OcopProduct(
                name=f"Sản phẩm của {coop.name}",
                cooperative_id=coop.pk,
                stars=rng.choice([3, 3, 4, 5]),
                certified_on=datetime.date(rng.choice(YEARS), 9, 1),
                alliance_supported=rng.random() < 0.6,
            )
        )
    ValueChainModel.objects.bulk_create(chains, batch_size=BATCH)
    OcopProduct.objects.bulk_create(products, batch_size=BATCH)


def _targets(province_codes):
    """The demo's indicators, and a target for every province, year and
    indicator the demo plans."""
    if not Indicator.objects.exists():
        load_demo_plan()
    indicators = list(Indicator.objects.filter(code__in=INDICATORS))
    existing = set(Target.objects.filter(commune__isnull=True).values_list("indicator_id", "year", "province_id"))
    targets = []
    for province in province_codes:
        for year in YEARS:
            for indicator in indicators:
                if (indicator.id, year, province) not in existing:
                    value = Decimal(60) if indicator.unit in ("percent", "million_vnd") else Decimal(50)
                    targets.append(Target(indicator=indicator, year=year, province_id=province, value=value))
    Target.objects.bulk_create(targets, batch_size=BATCH)


def _awards(rng, count, province_codes):
    ldtt = Title.objects.get(code=law.LDTT)
    salaries = list(BaseSalary.objects.order_by("effective_from"))
    decisions, people = [], []
    for province in province_codes:
        for year in YEARS:
            decisions.append(
                Decision(
                    number=f"{year % 100:02d}/QĐ-LMHTX-{province}",
                    issued_on=datetime.date(year + 1, 1, 20),
                    signer="Chủ tịch Liên minh HTX tỉnh",
                    year=year,
                    province_id=province,
                    search_text=fold(f"{year} {province}"),
                )
            )
    Decision.objects.bulk_create(decisions, batch_size=BATCH)
    for i in range(count // 5 + 1):
        province = rng.choice(province_codes)
        name = f"{rng.choice(NAMES)} {i}"
        people.append(
            Person(full_name=name, unit=f"Liên minh HTX {province}", province_id=province, search_text=fold(name))
        )
    Person.objects.bulk_create(people, batch_size=BATCH)
    by_province = {}
    for decision in decisions:
        by_province.setdefault(decision.province_id, []).append(decision)
    lines, used, coefficients = [], set(), {}
    while len(lines) < count:
        person = rng.choice(people)
        decision = rng.choice(by_province[person.province_id])
        if (person.pk, decision.year) in used:
            continue
        used.add((person.pk, decision.year))
        # the base salary in force at the decision (the earliest known before it)
        salary = ([s for s in salaries if s.effective_from <= decision.issued_on] or salaries[:1])[-1].amount
        if decision.issued_on not in coefficients:
            # before the first recorded decree (2017) Lao động tiên tiến was 0,3 too
            in_force = coefficient_on(ldtt, decision.issued_on, collective=False)
            coefficients[decision.issued_on] = in_force if in_force is not None else Decimal("0.3")
        coefficient = coefficients[decision.issued_on]
        amount = law.reward_money(coefficient, salary)
        lines.append(
            AwardLine(
                decision=decision,
                person=person,
                title=ldtt,
                coefficient=coefficient,
                base_salary=salary,
                entitled_amount=amount,
                reward_amount=amount,
            )
        )
    AwardLine.objects.bulk_create(lines, batch_size=BATCH)
