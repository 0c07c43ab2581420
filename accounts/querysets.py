"""``.restrict(user, action)`` on a model's queryset, as NetBox has it: the
records ``user`` may view (or change, add, delete) within the scope on the
profile. The rules themselves are in ``accounts.scoping``."""

from django.db import models


class RestrictedQuerySet(models.QuerySet):
    """Base of every scoped model's queryset (combine it with another
    queryset class by listing it first)."""

    def restrict(self, user, action="view"):
        from accounts.scoping import restrict

        return restrict(self, user, action)
