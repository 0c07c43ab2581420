"""The registry: who exists in the collective economy, where, since when."""

# Compatibility alias while other branches still write
# ``from registry.models import Commune, Province``: the models live in
# ``places``; import them from ``places.models`` in new code.
from places.models import Commune, Province
from registry.models.cooperatives import (
    Cooperative,
    CooperativeStatusChange,
    Sector,
    ValueChainModel,
)
from registry.models.groups import CooperativeGroup
from registry.models.reports import Classification, CooperativeReport, GroupReport, OcopProduct
from registry.models.version import DataVersion

__all__ = [
    "Classification",
    "Commune",
    "Cooperative",
    "CooperativeGroup",
    "CooperativeReport",
    "CooperativeStatusChange",
    "DataVersion",
    "GroupReport",
    "OcopProduct",
    "Province",
    "Sector",
    "ValueChainModel",
]
