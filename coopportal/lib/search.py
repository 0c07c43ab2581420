"""Search that ignores Vietnamese diacritics and case, on SQLite and
PostgreSQL alike: models keep a folded ``search_text`` column (see
coopportal.lib.text.fold) and their querysets inherit this one method."""

from django.db import models

from coopportal.lib.text import fold


class FoldedSearchQuerySet(models.QuerySet):
    def search(self, query):
        """Every word of ``query`` must occur, diacritics and case ignored."""
        qs = self
        for term in fold(query).split():
            qs = qs.filter(search_text__contains=term)
        return qs
