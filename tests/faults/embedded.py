"""The embedded deployment run for real: manage.py in child processes on a fresh database."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What a deployment reads; the test's own environment must not leak into the child.
CLEARED = ("DJANGO_", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_", "REDIS_URL", "EMAIL_URL")


def environment(database_url: str, **variables: str) -> dict:
    base = {k: v for k, v in os.environ.items() if not k.startswith(CLEARED)}
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "dbt_training.settings.base",
        "DATABASE_URL": database_url,
        "EMAIL_URL": "dummymail://",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        **variables,
    }


def manage(*args: str, env: dict, timeout: float = 180) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}"
    return result


def popen_manage(*args: str, env: dict, log: Path) -> subprocess.Popen:
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
