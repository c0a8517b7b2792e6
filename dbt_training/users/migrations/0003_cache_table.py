"""Create the database cache table, so that `migrate` alone gives a site where sign-in works.

allauth's rate limits keep their counters in the cache: the embedded default's cache is this
table, and with REDIS_URL it is where the counters go while Redis is down (dbt_training/cache.py).
Django's own `createcachetable` code builds the table, so its shape is the one Django expects;
a database where `createcachetable` already made it is left as it is.
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

# The table settings name (CACHES, and FailoverCache's FALLBACK_LOCATION); frozen here.
TABLE = "django_cache"


def create_cache_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("users", "0002_role_groups")]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table, elidable=False)]
