"""The registry: who exists in the collective economy, where, since when."""

from registry.models.cooperatives import (
    Cooperative,
    CooperativeStatusChange,
    Sector,
    ValueChainModel,
)
from registry.models.groups import CooperativeGroup
from registry.models.reports import Classification, CooperativeReport, GroupReport, OcopProduct
from registry.models.version import DataVersion, StaleCommune

__all__ = [
    "Classification",
    "Cooperative",
    "CooperativeGroup",
    "CooperativeReport",
    "CooperativeStatusChange",
    "DataVersion",
    "GroupReport",
    "OcopProduct",
    "Sector",
    "StaleCommune",
    "ValueChainModel",
]
