"""Rows derived from rows just written, copied inside the database.

django-simple-history's own bulk helper builds one Python object per
historical row and inserts them through the ORM; for a 10,000-row import
that costs more than the import's own insert. Here each batch of history
rows is one INSERT … SELECT from the rows just written: the same columns,
values and history fields that simple-history would have stored. The
registry's dated status rows are copied the same way (``copy_rows``)."""

from django.db import connection
from django.utils import timezone

# Ids per statement: below SQLite's bound-parameter limit; a database
# without such a limit (PostgreSQL) takes more per statement.
CHUNK = 900
UNBOUNDED_CHUNK = 5000


def copy_rows(source, target, columns, pks, constants=None):
    """Insert into ``target``'s table one row per row of ``source`` whose
    primary key is in ``pks``: ``columns`` maps a target field to the
    source field it is copied from, ``constants`` a target field to one
    value for every row. Field names, not columns: the models say which
    column each is. Returns the number of rows inserted."""
    quote = connection.ops.quote_name
    constants = constants or {}

    def column(model, name):
        return quote(model._meta.get_field(name).column)

    into = [column(target, name) for name in [*columns, *constants]]
    select = [column(source, name) for name in columns.values()] + ["%s"] * len(constants)
    values = [target._meta.get_field(name).get_db_prep_save(value, connection) for name, value in constants.items()]
    pks = list(pks)
    size = CHUNK if connection.features.max_query_params else UNBOUNDED_CHUNK
    inserted = 0
    with connection.cursor() as cursor:
        for start in range(0, len(pks), size):
            chunk = pks[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(target._meta.db_table)} ({', '.join(into)}) "
                f"SELECT {', '.join(select)} FROM {quote(source._meta.db_table)} "
                f"WHERE {quote(source._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})",
                [*values, *chunk],
            )
            inserted += cursor.rowcount
    return inserted


def copy_to_history(model, pks, history_type, user=None, reason="", date=None):
    """Add a history row ("+" created, "~" changed) for each of ``pks`` of
    ``model`` (a model with ``history = HistoricalRecords()``), as it now is."""
    history = model.history.model
    tracked = [f.attname for f in history._meta.concrete_fields if not f.name.startswith("history_")]
    constants = {
        "history_date": date or timezone.now(),
        "history_change_reason": reason,
        "history_type": history_type,
        "history_user_id": user.pk if user is not None else None,
    }
    return copy_rows(model, history, {name: name for name in tracked}, pks, constants)
