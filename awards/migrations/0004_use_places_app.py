import django.db.models.deletion
import places.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0003_collective_province_decision_province_and_more'),
        ('places', '0001_initial'),
    ]

    # Province and Commune moved from registry to places (same tables, same
    # rows): the foreign keys follow them. Nothing in the database changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='collective',
                    name='province',
                    field=models.ForeignKey(default=places.models.home_province_code, help_text='The province whose Alliance keeps this record.', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='decision',
                    name='province',
                    field=models.ForeignKey(default=places.models.home_province_code, help_text='The province whose Alliance keeps this record.', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicalcollective',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, default=places.models.home_province_code, help_text='The province whose Alliance keeps this record.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicaldecision',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, default=places.models.home_province_code, help_text='The province whose Alliance keeps this record.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='historicalperson',
                    name='province',
                    field=models.ForeignKey(blank=True, db_constraint=False, default=places.models.home_province_code, help_text='The province whose Alliance keeps this record.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='person',
                    name='province',
                    field=models.ForeignKey(default=places.models.home_province_code, help_text='The province whose Alliance keeps this record.', on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.province', verbose_name='province'),
                ),
            ],
        ),
    ]
