"""``.restrict(user, action)`` on a model's queryset, as NetBox has it: the
records ``user`` may view (or change, add, delete) within the scope on the
profile.

The rules are in ``accounts.scoping``; the queryset lives here, below every
app, so that models of any layer (``places`` sits under ``accounts``) can
have it without importing upward. ``accounts`` hands its rule function over
when it starts (``AccountsConfig.ready``)."""

from django.core.exceptions import ImproperlyConfigured
from django.db import models

_rules = None


def use_rules(restrict):
    """Called once by ``accounts``: ``restrict(queryset, user, action)``."""
    global _rules
    _rules = restrict


class RestrictedQuerySet(models.QuerySet):
    """Base of every scoped model's queryset (combine it with another
    queryset class by listing it first)."""

    def restrict(self, user, action="view"):
        if _rules is None:
            raise ImproperlyConfigured("accounts is not installed: no scoping rules to restrict with")
        return _rules(self, user, action)
