"""A record's values as loaded from the database, so that ``save()`` can
tell what changed (a status, a decision's date, an award's title)."""

from django.db.models import DEFERRED


class RemembersLoadedValues:
    """Model mixin: list the fields in ``loaded_values``; ``self.loaded(name)``
    is the value as loaded or last saved (None for a record never saved).
    A field the query deferred is read from the database when asked for.
    Call ``self.remember_loaded()`` at the end of ``save()``."""

    loaded_values = ()

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.remember_loaded()
        return instance

    def remember_loaded(self):
        self._loaded_values = {name: self.__dict__.get(name, DEFERRED) for name in self.loaded_values}

    def loaded(self, name):
        values = getattr(self, "_loaded_values", None)
        if values is None:
            return None
        if values[name] is DEFERRED:
            values[name] = type(self)._base_manager.filter(pk=self.pk).values_list(name, flat=True).get()
        return values[name]
