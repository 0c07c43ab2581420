import django.db.models.functions.comparison
from django.db import migrations

COLLATION = "vi-x-icu"  # coopportal.lib.collation.COLLATION when this was written


def create_collation(apps, schema_editor):
    """PostgreSQL's ICU Vietnamese collation, should this server lack it
    (coopportal.lib.collation; SQLite registers its own on each connection)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_collation WHERE collname = %s", [COLLATION])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE COLLATION "{COLLATION}" (provider = icu, locale = \'vi\')')


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_initial'),
    ]

    operations = [
        migrations.RunPython(create_collation, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name='commune',
            options={'ordering': ['province_id', django.db.models.functions.comparison.Collate('name', 'vi-x-icu')], 'verbose_name': 'commune', 'verbose_name_plural': 'communes'},
        ),
    ]
