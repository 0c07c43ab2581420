"""Where a figure or a list is computed: everywhere, one province, or some
communes of one province. Users' scopes (accounts.scoping), the plan's
measures and the imports all speak in these terms."""

from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class Scope:
    """Where a figure is computed: everywhere, one province, or some communes
    (of one province)."""

    province: str | None = None
    communes: frozenset | None = None

    def q(self, path=""):
        """A filter for a model whose commune is reached through ``path``."""
        condition = Q()
        if self.province:
            condition &= Q(**{f"{path}commune__province_id": self.province})
        if self.communes:
            condition &= Q(**{f"{path}commune_id__in": sorted(self.communes)})
        return condition

    def q_commune_itself(self):
        condition = Q()
        if self.province:
            condition &= Q(province_id=self.province)
        if self.communes:
            condition &= Q(code__in=sorted(self.communes))
        return condition

    def allows(self, commune):
        if self.province and commune.province_id != self.province:
            return False
        return not self.communes or commune.code in self.communes

    @property
    def single_commune(self):
        return next(iter(self.communes)) if self.communes and len(self.communes) == 1 else None


EVERYWHERE = Scope()
