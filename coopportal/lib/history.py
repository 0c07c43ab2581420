"""Change history for bulk writes, copied inside the database.

django-simple-history's own bulk helper builds one Python object per
historical row and inserts them through the ORM; for a 10,000-row import
that costs more than the import's own insert. Here each batch of history
rows is one INSERT … SELECT from the rows just written: the same columns,
values and history fields that simple-history would have stored."""

from django.db import connection
from django.utils import timezone

# Ids per statement: below SQLite's bound-parameter limit.
CHUNK = 900


def copy_to_history(model, pks, history_type, user=None, reason="", date=None):
    """Add a history row ("+" created, "~" changed) for each of ``pks`` of
    ``model`` (a model with ``history = HistoricalRecords()``), as it now is."""
    history = model.history.model
    quote = connection.ops.quote_name
    tracked = [f.column for f in history._meta.concrete_fields if not f.name.startswith("history_")]
    columns = ", ".join(quote(column) for column in tracked)
    date = connection.ops.adapt_datetimefield_value(date or timezone.now())
    user_id = user.pk if user is not None else None
    pks = list(pks)
    with connection.cursor() as cursor:
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            placeholders = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} "
                f"({columns}, history_date, history_change_reason, history_type, history_user_id) "
                f"SELECT {columns}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({placeholders})",
                [date, reason, history_type, user_id, *chunk],
            )
