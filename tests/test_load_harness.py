"""The load harness (benchmarks/load) and seed_load's ANALYZE, on PostgreSQL only.

The harness test is one small real run: a database of its own (`dbt_load_test_<xdist worker>`,
made and marked by the harness, dropped here afterwards), three trainees signed in, one gunicorn
worker in production mode, 0.4 s rounds with the harness's asyncio client. It checks the shape
of the figures, never their size.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from courses.models import Enrollment
from dbt_training.load import build_load
from tests.smtp import free_port

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "lesson player",
    "quiz autosave (one answer)",
    "worksheet draft autosave",
    "dashboard",
    "cohort home",
    "certificate checklist",
    "grading queue",
    "gradebook",
    "who is behind",
    "completion",
}


def postgres_only() -> None:
    if connection.vendor != "postgresql":
        # Not a missing service: on SQLite there is nothing to analyze and no shared server.
        pytest.skip("PostgreSQL only: set DATABASE_URL=postgres://… (the suite runs on SQLite)")


@pytest.mark.django_db
def test_seed_load_leaves_postgresql_with_statistics():
    postgres_only()
    table = Enrollment._meta.db_table
    build_load(cohorts=2, trainees_per_cohort=6, course_modules=2, lessons_per_module=2)
    with connection.cursor() as cursor:
        # A table never analyzed has reltuples -1 and no pg_stats rows; autovacuum cannot have
        # done it, since the rows are not committed (the test's transaction).
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        assert cursor.fetchone()[0] == 12
        cursor.execute("SELECT count(*) FROM pg_stats WHERE tablename = %s", [table])
        assert cursor.fetchone()[0] > 0


@pytest.fixture
def harness_database():
    url = os.environ.get("DATABASE_URL", "")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"dbt_load_test_{worker}"
    yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    from benchmarks.load.harness import MARK, _connect

    server = _connect(url, "postgres")
    try:
        with server.cursor() as cursor:
            cursor.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                [name],
            )
            row = cursor.fetchone()
            if row and (row[0] or "").startswith(MARK):  # only a database the harness made
                cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        server.close()


def test_pages_mode_measures_every_page(harness_database, tmp_path):
    postgres_only()
    out = tmp_path / "pages.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.load",
            "pages",
            "--database-url",
            harness_database,
            "--rebuild",
            "--trainees",
            "6",
            "--trainees-per-cohort",
            "6",
            "--course-modules",
            "2",
            "--lessons-per-module",
            "2",
            "--workers",
            "1",
            "--seconds",
            "0.4",
            "--python-client",
            "--page-users",
            "3",
            "--port",
            str(free_port()),
            "--json",
            str(out),
        ],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "PYTEST_XDIST_WORKER"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(out.read_text())
    rows = {row["page"]: row for row in report["rows"]}
    assert set(rows) == PAGES | {"bare Django view"}
    # The fallback client: wrk rounds last whole seconds, and CI machines may lack wrk.
    assert report["tool"] == "python-asyncio"
    for row in rows.values():
        assert row["rps"] > 0, row
        assert isinstance(row["queries"], int), row
        assert row["errors"] == 0, row
    assert rows["bare Django view"]["queries"] == 0
    assert all(rows[page]["queries"] > 0 for page in PAGES)
    assert "| lesson player | trainee |" in run.stdout
