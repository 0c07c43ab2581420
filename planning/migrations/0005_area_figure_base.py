import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0002_vietnamese_order'),
        ('planning', '0004_use_places_app'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalmanualactual',
            name='commune',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Leave empty for the whole province.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.commune', verbose_name='commune'),
        ),
        migrations.AlterField(
            model_name='historicaltarget',
            name='province',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='Leave empty for a national figure.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='places.province', verbose_name='province'),
        ),
        migrations.AlterField(
            model_name='manualactual',
            name='commune',
            field=models.ForeignKey(blank=True, help_text='Leave empty for the whole province.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.commune', verbose_name='commune'),
        ),
        migrations.AlterField(
            model_name='target',
            name='province',
            field=models.ForeignKey(blank=True, help_text='Leave empty for a national figure.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.province', verbose_name='province'),
        ),
    ]
