import django.db.models.deletion
from django.db import migrations, models


MODELS = ["province", "commune"]


def move_content_types(apps, schema_editor):
    """Permissions and admin log entries follow the models: their content
    types change app, rather than new ones being made beside stale ones."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(app_label="registry", model__in=MODELS).update(
        app_label="places"
    )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(app_label="places", model__in=MODELS).update(
        app_label="registry"
    )


class Migration(migrations.Migration):

    initial = True

    # The tables were made by registry's migrations.
    dependencies = [
        ("registry", "0005_data_version"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Province and Commune move here from registry: their tables keep their
    # names (registry_province, registry_commune) and every row; only
    # Django's idea of which app owns them changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Province',
                    fields=[
                        ('code', models.CharField(max_length=2, primary_key=True, serialize=False, verbose_name='code')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('short_name', models.CharField(max_length=100, verbose_name='short name')),
                    ],
                    options={
                        'verbose_name': 'province',
                        'verbose_name_plural': 'provinces',
                        'db_table': 'registry_province',
                        'ordering': ['code'],
                    },
                ),
                migrations.CreateModel(
                    name='Commune',
                    fields=[
                        ('code', models.CharField(max_length=5, primary_key=True, serialize=False, verbose_name='code')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('short_name', models.CharField(max_length=100, verbose_name='short name')),
                        ('kind', models.CharField(choices=[('xa', 'Commune'), ('phuong', 'Ward'), ('dac_khu', 'Special zone')], max_length=10, verbose_name='kind')),
                        ('search_text', models.CharField(default='', editable=False, max_length=200)),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='communes', to='places.province', verbose_name='province')),
                    ],
                    options={
                        'verbose_name': 'commune',
                        'verbose_name_plural': 'communes',
                        'db_table': 'registry_commune',
                        'ordering': ['province_id', 'name'],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
