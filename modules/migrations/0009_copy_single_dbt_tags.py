"""Each module's one treatment priority and one skills module become the first (and only) entries
of its lists; backwards, the first entry of each list becomes the single value again."""

from django.db import migrations

BATCH = 500


def copy_to_lists(apps, schema_editor):
    Module = apps.get_model("modules", "Module")
    changed = []
    for module in Module.objects.exclude(treatment_priority="", skills_module="").iterator(
        chunk_size=BATCH
    ):
        module.treatment_priorities = (
            [module.treatment_priority] if module.treatment_priority else []
        )
        module.skills_modules = [module.skills_module] if module.skills_module else []
        changed.append(module)
    Module.objects.bulk_update(
        changed, ["treatment_priorities", "skills_modules"], batch_size=BATCH
    )


def copy_back(apps, schema_editor):
    Module = apps.get_model("modules", "Module")
    changed = []
    for module in Module.objects.iterator(chunk_size=BATCH):
        module.treatment_priority = (module.treatment_priorities or [""])[0]
        module.skills_module = (module.skills_modules or [""])[0]
        changed.append(module)
    Module.objects.bulk_update(changed, ["treatment_priority", "skills_module"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0008_module_dbt_tags"),
    ]

    operations = [migrations.RunPython(copy_to_lists, copy_back)]
