"""Production mode: required variables, and `check --deploy` with zero warnings.

Settings are read once per process, so each case runs manage.py in a fresh interpreter with its
own environment, exactly as a deployment would start.
"""

import json
import os
import shutil
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


def manage(*args: str, **env: str | None) -> subprocess.CompletedProcess:
    """manage.py in a fresh interpreter; a variable given as None is left out."""
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "SECRET_KEY", "ALLOWED_HOSTS"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # A developer's .env must not change what these tests see (the .env tests ask for it).
        env={
            name: value
            for name, value in {
                **base,
                "DJANGO_SETTINGS_MODULE": "dbt_training.settings.base",
                "DJANGO_READ_DOT_ENV": "false",
                **env,
            }.items()
            if value is not None
        },
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
        (
            "LOG_LEVEL",
            "verbose",
            "LOG_LEVEL must be one of debug, info, warning, error, critical, not 'verbose'.",
        ),
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be one of json, plain, not 'xml'."),
        (
            "ACCOUNT_EMAIL_VERIFICATION",
            "sometimes",
            "ACCOUNT_EMAIL_VERIFICATION must be one of mandatory, optional, none, not 'sometimes'.",
        ),
        (
            "DEFAULT_FROM_EMAIL",
            "DBT Training",
            "DEFAULT_FROM_EMAIL must be an email address, not 'DBT Training'.",
        ),
        ("ADMINS", "ops@example.org,ops", "ADMINS must be an email address, not 'ops'."),
        (
            "TRUSTED_CLIENT_IP_HEADER",
            "X-Real-IP:",
            "TRUSTED_CLIENT_IP_HEADER must be a header name such as X-Real-IP, not 'X-Real-IP:'.",
        ),
        ("INVITATION_MAX_AGE_DAYS", "0", "INVITATION_MAX_AGE_DAYS must be at least 1, not 0."),
        ("TRUSTED_PROXY_COUNT", "-1", "TRUSTED_PROXY_COUNT must be at least 0, not -1."),
        ("DJANGO_READ_DOT_ENV", "sometimes", "DJANGO_READ_DOT_ENV must be true or false"),
    ],
)
def test_malformed_variable_stops_startup_naming_it(variable, value, message):
    result = manage("check", **{variable: value})

    assert result.returncode != 0
    assert f"ImproperlyConfigured: {message}" in result.stderr
    # Stopped by the check, not by whatever the value would have broken later.
    assert "ValueError" not in result.stderr


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


def test_well_formed_choices_are_taken_in_any_case():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s;"
        "print(s.LOG_LEVEL, s.LOG_FORMAT, s.ACCOUNT_EMAIL_VERIFICATION, s.ADMINS)",
        LOG_LEVEL="warning",
        LOG_FORMAT="JSON",
        ACCOUNT_EMAIL_VERIFICATION="None",
        ADMINS="ops@example.org",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == ("WARNING json none [('Admins', 'ops@example.org')]")


LOG_A_LINE = "import logging; logging.getLogger('reminders.scan').warning('Scanned %s', 3)"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "plain"),
        ({"LOG_FORMAT": "json"}, "json"),
        (PRODUCTION_ENV, "json"),
        ({**PRODUCTION_ENV, "LOG_FORMAT": "plain"}, "plain"),
    ],
    ids=["laptop", "asked", "production", "production-asked-plain"],
)
def test_log_lines_are_json_in_production_or_when_asked_and_plain_otherwise(env, expected):
    result = manage("shell", "-c", LOG_A_LINE, **env)

    assert result.returncode == 0, result.stderr
    line = result.stderr.strip().splitlines()[-1]
    if expected == "json":
        written = json.loads(line)
        assert written.pop("time").endswith("+00:00")
        assert written == {
            "level": "WARNING",
            "logger": "reminders.scan",
            "message": "Scanned 3",
            "request_id": "-",
        }
    else:
        assert line.endswith(" WARNING reminders.scan [-] Scanned 3")


def test_a_quiet_log_level_leaves_out_info_lines():
    result = manage(
        "shell", "-c", "import logging; logging.getLogger('x').info('hidden')", LOG_LEVEL="ERROR"
    )

    assert result.returncode == 0, result.stderr
    assert "hidden" not in result.stderr


SHOW_DOT_ENV = (
    "from django.conf import settings as s; print(s.SIGNUP_OPEN, repr(s.MFA_TOTP_ISSUER))"
)


@pytest.fixture
def dot_env(tmp_path):
    path = tmp_path / ".env"
    path.write_text("# a developer's file\nSIGNUP_OPEN=false\nMFA_TOTP_ISSUER=From the file\n")
    return str(path)


def test_a_dot_env_file_fills_in_what_the_environment_does_not_set(dot_env):
    result = manage(
        "shell",
        "-c",
        SHOW_DOT_ENV,
        DJANGO_READ_DOT_ENV="true",
        DJANGO_DOT_ENV_FILE=dot_env,
        MFA_TOTP_ISSUER="From the environment",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False 'From the environment'"


@pytest.mark.parametrize(
    "env",
    [
        {"DJANGO_READ_DOT_ENV": "false"},
        # What pytest runs with: the test settings never read one, unasked.
        {"DJANGO_SETTINGS_MODULE": "dbt_training.settings.test", "DJANGO_READ_DOT_ENV": None},
    ],
    ids=["switched-off", "test-settings"],
)
def test_a_dot_env_file_is_not_read_when_switched_off_or_under_the_test_settings(dot_env, env):
    base = manage("shell", "-c", SHOW_DOT_ENV, DJANGO_DOT_ENV_FILE=dot_env, **env)

    assert base.returncode == 0, base.stderr
    assert base.stdout.splitlines()[-1] == "True 'DBT Training'"


def test_the_dot_env_file_is_the_one_in_the_project_root(settings):
    assert settings.DOT_ENV_FILE == ROOT / ".env"


def test_the_brokerless_celery_queue_makes_kombu_give_no_hostname_warning():
    result = manage(
        "shell",
        "-c",
        "from dbt_training.celery import app\n"
        "with app.producer_or_acquire() as producer: print(app.conf.broker_url)",
        REDIS_URL="",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "memory://localhost/"
    assert "No hostname was supplied" not in result.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"PORT": "8123"}, "http://127.0.0.1:8123"),
        ({"HOST": "0.0.0.0", "PORT": "9000"}, "http://0.0.0.0:9000"),
        ({"PORT": "8123", "SITE_URL": "https://demo.example.org"}, "https://demo.example.org"),
    ],
)
def test_make_run_points_site_url_at_the_server_unless_given(env, expected):
    # Each command of the run target prints SITE_URL instead of running; the venv is taken as is.
    shown = 'sh -c \'printf "%s\\n" "$$SITE_URL"\' --'
    base = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "HOST", "PORT")}
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "run", f"PY={shown}"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [expected] * 3
