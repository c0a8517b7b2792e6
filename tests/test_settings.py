"""Production mode: required variables, and `check --deploy` with zero warnings.

Settings are read once per process, so each case runs manage.py in a fresh interpreter with its
own environment, exactly as a deployment would start.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_PRODUCTION": "true",
    "SECRET_KEY": "k3y-for-tests-" + "x7Qp9Lm2Zr5Vt8Wn4Bc6Hd1Jf3Gs0Ya" * 2,
    "ALLOWED_HOSTS": "training.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SECRET_KEY", "ALLOWED_HOSTS"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "dbt_training.settings.base", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_passes_check_deploy_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_mode_names_the_missing_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}

    result = manage("check", **env)

    assert result.returncode != 0
    assert f"ImproperlyConfigured: {missing} must be set when DJANGO_PRODUCTION is true" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DJANGO_PRODUCTION", "maybe", "DJANGO_PRODUCTION must be true or false, not 'maybe'."),
        ("SIGNUP_OPEN", "nope", "SIGNUP_OPEN must be true or false, not 'nope'."),
        ("DATABASE_URL", "db.internal:5432", "DATABASE_URL must be a URL starting with one of"),
        ("REDIS_URL", "localhost:6379", "REDIS_URL must be a URL starting with one of redis://"),
        ("EMAIL_URL", "mail.example.org", "EMAIL_URL must be a URL starting with one of smtp://"),
        (
            "CELERY_TASK_TIME_LIMIT",
            "5m",
            "CELERY_TASK_TIME_LIMIT must be a whole number, not '5m'.",
        ),
    ],
)
def test_malformed_variable_stops_startup_naming_it(variable, value, message):
    result = manage("check", **{variable: value})

    assert result.returncode != 0
    assert f"ImproperlyConfigured: {message}" in result.stderr


def test_production_mode_refuses_optional_email_verification():
    result = manage("check", **PRODUCTION_ENV, ACCOUNT_EMAIL_VERIFICATION="optional")

    assert result.returncode != 0
    assert "ACCOUNT_EMAIL_VERIFICATION must be 'mandatory'" in result.stderr


def test_production_mode_refuses_to_seed_demo_accounts():
    result = manage("seed_demo", **PRODUCTION_ENV)

    assert result.returncode != 0
    assert "seed_demo refuses to run in production mode" in result.stderr


def test_embedded_defaults_need_no_environment(tmp_path):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.EMAIL_BACKEND,"
        " s.CACHES['default']['BACKEND'], s.DEBUG)",
        DATABASE_URL="",
        REDIS_URL="",
        EMAIL_URL="",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-5:] == [
        "django.db.backends.sqlite3",
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "django.core.cache.backends.db.DatabaseCache",
        "True",
    ]


def test_urls_switch_to_postgresql_and_redis():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'],"
        " s.CELERY_BROKER_URL, s.CELERY_TASK_ALWAYS_EAGER, s.CACHES['default']['BACKEND'])",
        DATABASE_URL="postgres://dbt:pw@db.internal:5432/dbt_training",
        REDIS_URL="redis://cache.internal:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-7:] == [
        "django.db.backends.postgresql",
        "dbt_training",
        "60",
        "True",
        "redis://cache.internal:6379/0",
        "False",
        "dbt_training.cache.FailoverCache",
    ]


def test_proxy_settings_come_from_the_environment():
    shown = (
        "from django.conf import settings as s;"
        "print(s.ALLAUTH_TRUSTED_PROXY_COUNT, s.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
    )

    behind = manage("shell", "-c", shown, TRUSTED_PROXY_COUNT="2", TRUSTED_CLIENT_IP_HEADER="")
    direct = manage("shell", "-c", shown)
    header = manage("shell", "-c", shown, TRUSTED_CLIENT_IP_HEADER="X-Real-IP")

    assert behind.stdout.split()[-2:] == ["2", "None"], behind.stderr
    assert direct.stdout.split()[-2:] == ["0", "None"], direct.stderr
    assert header.stdout.split()[-2:] == ["0", "X-Real-IP"], header.stderr
