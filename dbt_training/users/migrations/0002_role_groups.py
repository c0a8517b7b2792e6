"""Create the role groups and grant each its permissions (dbt_training/users/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen copy of roles.ROLE_PERMISSIONS as of this migration; later changes get a new migration.
ROLE_PERMISSIONS = {
    "trainer": [
        ("users", "author_courses"),
        ("users", "teach_cohorts"),
    ],
    "enrollment_admin": [
        ("users", "author_courses"),
        ("users", "manage_enrollments"),
        ("users", "view_user"),
        ("users", "add_user"),
        ("users", "change_user"),
    ],
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); make ours exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in perms:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("users", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
