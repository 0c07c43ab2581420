"""Admin pieces every app's admin shares."""


class FoldedSearchMixin:
    """Admin search through the model's ``search()`` queryset method, which
    ignores diacritics and case ("tram tau" finds "Trạm Tấu")."""

    search_fields = ["search_text"]  # shows the search box; the lookup is ours

    def get_search_results(self, request, queryset, search_term):
        if not search_term:
            return queryset, False
        return queryset.search(search_term), False
