"""Administrative units from the vietnamadminunits package (MIT), which ships
today's 34 provinces and 3,321 communes, the 63-province data before 1 July
2025 and the mapping between them. Everything is keyed on official codes."""

from functools import lru_cache

from django.dispatch import Signal

from places.models import Commune, Province

# Sent after every load: bulk writes send no post_save, and apps above
# (registry's cached plan figures) must know that communes may have moved.
units_loaded = Signal()

_KINDS = {"Xã": Commune.Kind.COMMUNE, "Phường": Commune.Kind.WARD, "Đặc khu": Commune.Kind.SPECIAL_ZONE}


def load_admin_units():
    """Create or update every province and commune; returns the two counts."""
    # Imported here, as below: the package and its geometry libraries cost
    # every process about 26 MB, and only loading units needs them.
    from vietnamadminunits.database import query

    rows = query(
        "SELECT DISTINCT provinceCode, province, provinceShort, wardCode, ward, wardShort, wardType "
        "FROM admin_units ORDER BY provinceCode, wardCode"
    )
    provinces = {}
    communes = []
    before = dict(Commune.objects.values_list("code", "province_id"))
    for row in rows:
        provinces[row["provinceCode"]] = Province(
            code=row["provinceCode"], name=row["province"], short_name=row["provinceShort"]
        )
        commune = Commune(
            code=row["wardCode"],
            province_id=row["provinceCode"],
            name=row["ward"],
            short_name=row["wardShort"],
            kind=_KINDS[row["wardType"]],
        )
        commune.search_text = commune.build_search_text()
        communes.append(commune)
    Province.objects.bulk_create(
        provinces.values(), update_conflicts=True, unique_fields=["code"], update_fields=["name", "short_name"]
    )
    Commune.objects.bulk_create(
        communes,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["province", "name", "short_name", "kind", "search_text"],
    )
    # Figures are computed by commune and province: only a commune added or
    # moved to another province makes them stale (a start-up reload of
    # unchanged units, as the Dockerfile does, must not throw them away).
    if before != {commune.code: commune.province_id for commune in communes}:
        units_loaded.send(sender=Commune)
    return len(provinces), len(communes)


def load_demo_units(seed=None):
    """The demo's first step (``load_demo``): the units, unless present."""
    if Commune.objects.exists():
        return None
    load_admin_units()
    return "Loaded the administrative units first."


@lru_cache(maxsize=64)
def communes_from_legacy_province(legacy_province_code):
    """Codes of today's communes that took in communes of a pre-2025
    province (e.g. "15", the former Yên Bái, now part of Lào Cai)."""
    from vietnamadminunits import convert_address
    from vietnamadminunits.database import query

    rows = query(
        "SELECT DISTINCT ward, district, province FROM admin_units_legacy "
        f"WHERE provinceCode = '{int(legacy_province_code):02d}'"
    )
    codes = set()
    for row in rows:
        unit = convert_address(f"{row['ward']}, {row['district']}, {row['province']}")
        if unit and unit.ward_code:
            codes.add(unit.ward_code)
    return sorted(codes)


@lru_cache(maxsize=128)
def legacy_province_name(legacy_province_code):
    """The name of a province before 1 July 2025 ("Tỉnh Yên Bái" for "15"),
    or None for an unknown code."""
    code = str(legacy_province_code or "")
    if not (code.isdigit() and len(code) == 2):
        return None
    from vietnamadminunits.database import query

    rows = query(f"SELECT province FROM admin_units_legacy WHERE provinceCode = '{code}' LIMIT 1")
    return rows[0]["province"] if rows else None


@lru_cache(maxsize=64)
def commune_locations(province_code):
    """{commune code: (latitude, longitude)} of today's communes of a province."""
    code = str(province_code or "")
    if not (code.isdigit() and len(code) == 2):
        return {}
    from vietnamadminunits.database import query

    rows = query(f"SELECT wardCode, wardLat, wardLon FROM admin_units WHERE provinceCode = '{code}'")
    return {r["wardCode"]: (r["wardLat"], r["wardLon"]) for r in rows if r["wardLat"] is not None}
