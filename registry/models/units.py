"""Compatibility: provinces and communes now live in the ``places`` app.
Migration awards/0003 refers to ``home_province_code`` here."""

from places.models import home_province_code

__all__ = ["home_province_code"]
