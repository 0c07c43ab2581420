import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_initial'),
        ('registry', '0005_data_version'),
        # every foreign key to the two models points at places first
        ('accounts', '0002_use_places_app'),
        ('awards', '0004_use_places_app'),
        ('planning', '0004_use_places_app'),
    ]

    # Province and Commune now belong to places (same tables, same rows):
    # registry's foreign keys point there, and registry forgets the models.
    # Nothing in the database changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='commune',
                    name='province',
                ),
                migrations.AlterField(
                    model_name='historicalcooperative',
                    name='commune',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='cooperativegroup',
                    name='commune',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='groups', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='cooperative',
                    name='commune',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cooperatives', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='historicalcooperativegroup',
                    name='commune',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.commune', verbose_name='commune'),
                ),
                migrations.DeleteModel(
                    name='Province',
                ),
                migrations.DeleteModel(
                    name='Commune',
                ),
            ],
        ),
    ]
