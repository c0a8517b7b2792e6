"""`manage.py migrate` alone gives a site where sign-in works: a migration creates the database
cache table that allauth's rate limits use, without REDIS_URL (it is the cache) and with it (it
is where the limits go while Redis is down). Run in child processes on a fresh database, as a
deployment runs them; on PostgreSQL too when the suite runs there."""

import json
import os
import sqlite3

import psycopg2
import pytest
from django.conf import settings

from tests.smtp import free_port

from .embedded import environment, manage

SIGN_IN = """
import json
from django.db import connection
from django.test import Client
from dbt_training.users.models import User
User.objects.create_user(email="dana@example.org", password="a-Long-passphrase-42")
browser = Client()
signed_in = browser.post(
    "/accounts/login/", {"login": "dana@example.org", "password": "a-Long-passphrase-42"}
)
dashboard = browser.get("/dashboard/")
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*) FROM django_cache WHERE cache_key LIKE '%%allauth%%'")
    counters = cursor.fetchone()[0]
print(json.dumps({
    "sign_in": [signed_in.status_code, signed_in.get("Location")],
    "dashboard": dashboard.status_code,
    "counters": counters,
}))
"""


def fresh_sqlite(tmp_path):
    path = tmp_path / "fresh.sqlite3"

    def tables():
        with sqlite3.connect(path) as db:
            return {row[0] for row in db.execute("SELECT name FROM sqlite_master")}

    yield f"sqlite:///{path}", tables


def fresh_postgres(tmp_path):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the suite runs on SQLite; set DATABASE_URL to run this on PostgreSQL")
    db = settings.DATABASES["default"]
    name = f"dbt_training_fresh_{os.getpid()}"
    server = {
        "host": db["HOST"] or None,
        "port": db["PORT"] or None,
        "user": db["USER"] or None,
        "password": db["PASSWORD"] or None,
    }
    admin = psycopg2.connect(dbname="postgres", **server)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')

    def tables():
        with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            names = {row[0] for row in cursor.fetchall()}
        conn.close()
        return names

    credentials = f"{db['USER']}:{db['PASSWORD']}@" if db["PASSWORD"] else f"{db['USER']}@"
    try:
        yield f"postgres://{credentials}{db['HOST']}:{db['PORT'] or 5432}/{name}", tables
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_database(request, tmp_path):
    make = {"sqlite": fresh_sqlite, "postgresql": fresh_postgres}[request.param]
    generator = make(tmp_path)
    yield next(generator)
    generator.close()


@pytest.mark.parametrize("redis", ["without REDIS_URL", "with REDIS_URL, Redis down"])
def test_migrate_alone_creates_the_cache_table_and_sign_in_works(fresh_database, redis):
    url, tables = fresh_database
    # Nothing listens on a fresh free port: the cache falls over to the table at once.
    variables = {"REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"} if "with" in redis else {}
    env = environment(url, **variables)

    manage("migrate", "--noinput", env=env)

    assert "django_cache" in tables()
    result = json.loads(manage("shell", "-c", SIGN_IN, env=env).stdout.strip().splitlines()[-1])
    assert result["sign_in"] == [302, "/dashboard/"]
    assert result["dashboard"] == 200
    assert result["counters"] > 0, "the rate-limit counters are in the table"
