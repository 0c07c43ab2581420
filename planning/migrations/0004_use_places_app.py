import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0001_initial'),
        ('planning', '0003_remove_target_target_one_per_year_and_more'),
    ]

    # Province and Commune moved from registry to places (same tables, same
    # rows): the foreign keys follow them. Nothing in the database changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalmanualactual',
                    name='commune',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='historicalmanualactual',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='Leave empty for a national figure.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicaltarget',
                    name='commune',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='Leave empty for the whole province.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='historicaltarget',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text='Leave empty for a national target.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='manualactual',
                    name='commune',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='manualactual',
                    name='province',
                    field=models.ForeignKey(blank=True, help_text='Leave empty for a national figure.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='target',
                    name='commune',
                    field=models.ForeignKey(blank=True, help_text='Leave empty for the whole province.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.commune', verbose_name='commune'),
                ),
                migrations.AlterField(
                    model_name='target',
                    name='province',
                    field=models.ForeignKey(blank=True, help_text='Leave empty for a national target.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.province', verbose_name='province'),
                ),
            ],
        ),
    ]
