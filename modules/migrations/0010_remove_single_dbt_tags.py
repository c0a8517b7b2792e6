"""The single treatment priority and skills module, copied into the lists by 0009, go."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0009_copy_single_dbt_tags"),
    ]

    operations = [
        migrations.RemoveField(model_name="module", name="treatment_priority"),
        migrations.RemoveField(model_name="module", name="skills_module"),
    ]
