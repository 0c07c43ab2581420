import django.db.models.functions.comparison
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('places', '0002_vietnamese_order'),
        ('registry', '0006_move_places_to_places_app'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='cooperative',
            options={'ordering': [django.db.models.functions.comparison.Collate('name', 'vi-x-icu')], 'verbose_name': 'cooperative', 'verbose_name_plural': 'cooperatives'},
        ),
        migrations.AlterModelOptions(
            name='cooperativegroup',
            options={'ordering': [django.db.models.functions.comparison.Collate('name', 'vi-x-icu')], 'verbose_name': 'cooperative group', 'verbose_name_plural': 'cooperative groups'},
        ),
        migrations.AlterModelOptions(
            name='ocopproduct',
            options={'ordering': ['-certified_on', django.db.models.functions.comparison.Collate('name', 'vi-x-icu')], 'verbose_name': 'OCOP product', 'verbose_name_plural': 'OCOP products'},
        ),
        migrations.AlterModelOptions(
            name='valuechainmodel',
            options={'ordering': ['-built_on', django.db.models.functions.comparison.Collate('name', 'vi-x-icu')], 'verbose_name': 'value-chain model', 'verbose_name_plural': 'value-chain models'},
        ),
    ]
