import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('places', '0001_initial'),
    ]

    # Province and Commune moved from registry to places (same tables, same
    # rows): the foreign keys follow them. Nothing in the database changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='userprofile',
                    name='communes',
                    field=models.ManyToManyField(blank=True, help_text='Leave empty for the whole province.', related_name='+', to='places.commune', verbose_name='communes'),
                ),
                migrations.AlterField(
                    model_name='userprofile',
                    name='province',
                    field=models.ForeignKey(blank=True, help_text='Leave empty for a national scope.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='places.province', verbose_name='province'),
                ),
            ],
        ),
    ]
