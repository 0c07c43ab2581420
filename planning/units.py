"""The plan's units and rounding rule live in coopportal.lib.units, below
every app, so that the portal's display filters can use them; planning and
the apps above it keep importing them from here."""

from coopportal.lib.units import Unit, round_half_up, shown, unit_of

__all__ = ["Unit", "round_half_up", "shown", "unit_of"]
