import django.db.models.functions.comparison
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0002_vietnamese_order'),
        ('awards', '0004_use_places_app'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='collective',
            options={'ordering': [django.db.models.functions.comparison.Collate('name', 'vi-x-icu')], 'verbose_name': 'collective', 'verbose_name_plural': 'collectives'},
        ),
        migrations.AlterModelOptions(
            name='person',
            options={'ordering': [django.db.models.functions.comparison.Collate('full_name', 'vi-x-icu'), django.db.models.functions.comparison.Collate('unit', 'vi-x-icu')], 'verbose_name': 'individual', 'verbose_name_plural': 'individuals'},
        ),
    ]
