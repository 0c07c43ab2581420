"""Finding today's commune for a spreadsheet cell: an official code, a
commune name, or a pre-2025 address ("Xã Bản Công, Huyện Trạm Tấu, Tỉnh Yên
Bái", now Xã Hạnh Phúc, Lào Cai)."""

from collections import defaultdict

from django.conf import settings
from django.utils.translation import gettext as _

from coopportal.lib.text import fold
from places.models import Commune
from registry.excel.values import CellError, is_blank, parse_text, shorten

_DISTRICT_WORDS = ("huyen", "quan", "thi xa", "thanh pho")


def _key(text):
    return fold(text).replace(" ", "")


class CommuneResolver:
    """Loaded once per import: every commune, indexed by code and by name."""

    def __init__(self, scope=None):
        """``scope`` (coopportal.lib.scope.Scope) is the importing user's area:
        names resolve within it first, and a commune outside it is refused."""
        self.scope = scope
        self.home = (scope.province if scope else None) or settings.HOME_PROVINCE_CODE
        self.by_code = {}
        self.by_name = defaultdict(list)
        for commune in Commune.objects.select_related("province").only(
            "code", "name", "short_name", "province__code", "province__name"
        ):
            self.by_code[commune.code] = commune
            self.by_name[_key(commune.name)].append(commune)
            if _key(commune.short_name) != _key(commune.name):
                self.by_name[_key(commune.short_name)].append(commune)
        self._cache = {}

    def resolve(self, code_value, name_value):
        """The commune for a row's code and name cells (the code wins)."""
        if not is_blank(code_value):
            code = parse_text(code_value)
            if code.isdigit() and len(code) < 5:
                code = code.zfill(5)  # a code typed as a number loses its leading zeros
            commune = self.by_code.get(code)
            if commune is None:
                raise CellError(_("No commune has the code %(code)s.") % {"code": shorten(code)})
            return self._allowed(commune)
        if is_blank(name_value):
            raise CellError(_("Give the commune's code or name."))
        text = parse_text(name_value)
        if text not in self._cache:
            try:
                self._cache[text] = (self._find(text), None)
            except CellError as error:
                self._cache[text] = (None, error)
        commune, error = self._cache[text]
        if error:
            raise error
        return self._allowed(commune)

    def _allowed(self, commune):
        if self.scope is not None and not self.scope.allows(commune):
            raise CellError(_("%(name)s is outside your area.") % {"name": f"{commune.name}, {commune.province.name}"})
        return commune

    def _find(self, text):
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if len(parts) > 1:
            return self._from_address(text, parts)
        candidates = self.by_name.get(_key(text), [])
        if not candidates:
            candidates = self._from_legacy_name(text)
        return self._choose(text, candidates)

    def _choose(self, text, candidates):
        unique = list({c.code: c for c in candidates}.values())
        if self.scope is not None and any(self.scope.allows(c) for c in unique):
            unique = [c for c in unique if self.scope.allows(c)]
        home = [c for c in unique if c.province_id == self.home]
        if len(home) == 1:
            return home[0]
        if len(unique) == 1:
            return unique[0]
        if not unique:
            raise CellError(_("No commune is called “%(name)s”.") % {"name": shorten(text)})
        listed = "; ".join(f"{c.name}, {c.province.name} ({c.code})" for c in (home or unique)[:6])
        raise CellError(
            _("“%(name)s” could be several communes: %(candidates)s. Give the commune's code.")
            % {"name": text, "candidates": listed}
        )

    def _from_address(self, text, parts):
        """A full address: a pre-2025 one (with a district) is converted to
        today's commune; a current one is parsed."""
        # Imported here: the package and its geometry libraries cost every
        # process some 26 MB, and only imports need them.
        from vietnamadminunits import ParseMode, convert_address, parse_address

        legacy = any(fold(p).startswith(_DISTRICT_WORDS) for p in parts[1:-1]) or len(parts) >= 3
        try:
            if legacy:
                unit = convert_address(text)
            else:
                unit = parse_address(text, mode=ParseMode.FROM_2025, keep_street=False, level=2)
        except Exception:  # the package raises plain exceptions for addresses it cannot read
            unit = None
        code = getattr(unit, "ward_code", None)
        if code and code in self.by_code:
            return self.by_code[code]
        raise CellError(_("The address “%(name)s” matches no commune of today.") % {"name": shorten(text)})

    def _from_legacy_name(self, text):
        """A pre-2025 commune name alone: today's communes it became, within
        the home province first."""
        from vietnamadminunits import convert_address
        from vietnamadminunits.database import query

        key = _key(text)
        rows = (
            query(
                "SELECT ward, district, province, provinceCode FROM admin_units_legacy "
                f"WHERE wardKey = '{key}' OR wardShortKey = '{key}'"
            )
            if key.isalnum()
            else []
        )
        found = []
        for row in rows:
            try:
                unit = convert_address(f"{row['ward']}, {row['district']}, {row['province']}")
            except Exception:  # see _from_address
                continue
            commune = self.by_code.get(getattr(unit, "ward_code", None))
            if commune:
                found.append(commune)
        return found
