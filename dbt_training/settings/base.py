"""Settings for every deployment, read from the environment in this one place.

A fresh clone runs with nothing set: SQLite (WAL), eager Celery tasks, console email, a database
cache. A `.env` file in the project root, when there is one, fills in what the environment does not
set (the environment wins); the test settings never read it.
Production mode is switched on by one variable, ``DJANGO_PRODUCTION=true``; it then requires
``SECRET_KEY`` and ``ALLOWED_HOSTS`` and turns on every protection ``check --deploy`` looks for.
"""

import re
from email.utils import parseaddr
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

from dbt_training.settings.storage import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def _bool(name: str, default: bool) -> bool:
    """A yes/no variable; anything else stops startup (a typo must not mean 'off')."""
    raw = env.str(name, default=str(default)).strip().lower()
    if raw not in _TRUE | _FALSE:
        raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")
    return raw in _TRUE


def _int(name: str, default: int, minimum: int = 0) -> int:
    raw = env.str(name, default="").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def _choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    """One of a few words, in any case; anything else stops startup naming the variable (Django
    or a library would fail later, further from the cause, or quietly do something else)."""
    raw = env.str(name, default="").strip().lower() or default
    if raw not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, not {raw!r}.")
    return raw


def _email(name: str, value: str) -> str:
    """An address, optionally with a display name ('DBT Training <training@example.org>')."""
    address = parseaddr(value)[1]
    try:
        validate_email(address)
    except ValidationError:
        raise ImproperlyConfigured(f"{name} must be an email address, not {value!r}.") from None
    return value


def _url(name: str, default: str, schemes: tuple[str, ...]) -> str:
    """A service URL; an empty variable counts as unset, as in most process managers' env files."""
    raw = env.str(name, default="").strip() or default
    if raw and raw.split("://", 1)[0] not in schemes:
        expected = ", ".join(f"{scheme}://" for scheme in schemes)
        raise ImproperlyConfigured(f"{name} must be a URL starting with one of {expected}")
    return raw


# A developer's `.env` (NAME=value lines, as .env.example) is read before any setting, so each one
# below can come from it; a variable already in the environment keeps its value. The test suite
# must test the code, not one developer's file: the test settings module (which imports this one)
# skips it, and tests that start manage.py set DJANGO_READ_DOT_ENV=false. DJANGO_DOT_ENV_FILE
# names another file.
DOT_ENV_FILE = Path(env.str("DJANGO_DOT_ENV_FILE", default="") or BASE_DIR / ".env")
_testing = env.str("DJANGO_SETTINGS_MODULE", default="").endswith(".settings.test")
if _bool("DJANGO_READ_DOT_ENV", default=not _testing) and DOT_ENV_FILE.is_file():
    environ.Env.read_env(DOT_ENV_FILE, overwrite=False)

PRODUCTION = _bool("DJANGO_PRODUCTION", default=False)


def _required_in_production(name: str) -> None:
    if PRODUCTION and not env.str(name, default="").strip():
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_PRODUCTION is true (see .env.example)."
        )


_required_in_production("SECRET_KEY")
_required_in_production("ALLOWED_HOSTS")

# The embedded key is for a laptop only; production refuses to start without its own.
SECRET_KEY = env.str(
    "SECRET_KEY", default="django-insecure-embedded-key-for-local-development-only"
)
DEBUG = _bool("DJANGO_DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_celery_beat",
    "django_htmx",
    "csp",
    # Our apps, bottom layer first (see docs/architecture.md).
    "dbt_training.outbox",
    "dbt_training.users",
    "courses",
    "reminders",
    "modules",
    "assessments",
    "dbt_training",
]

MIDDLEWARE = [
    # First: the request id and the access line cover everything below, redirects included.
    "dbt_training.core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "dbt_training.core.middleware.ControlCharacterMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "dbt_training.users.audit.RoleAuditMiddleware",
    "dbt_training.users.permissions.RememberedPermissionsMiddleware",
    "dbt_training.middleware.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "dbt_training.middleware.SiteCSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "dbt_training.users.second_factor.StaffSecondFactorMiddleware",
]

# Form widgets' templates may be overridden in templates/ (the admin's split date/time inputs get
# a label per part there).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "dbt_training.urls"
WSGI_APPLICATION = "dbt_training.wsgi.application"
ASGI_APPLICATION = "dbt_training.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dbt_training.context_processors.site",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------
# DATABASE_URL=postgres://user:pass@host:5432/name switches to PostgreSQL through psycopg2.
DATABASES = {
    "default": environ.Env.db_url_config(
        _url(
            "DATABASE_URL",
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            schemes=("postgres", "postgresql", "sqlite"),
        )
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections, checked before reuse so a restarted server costs one error, not many.
    DATABASES["default"]["CONN_MAX_AGE"] = _int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One file shared by web, worker and beat. WAL lets readers go on while one writer writes;
    # IMMEDIATE takes the write lock when a transaction begins, so a writer waits its turn (up to
    # the busy timeout) instead of failing with "database is locked" halfway through.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and Redis ----------------------------------------------------------------------------
# The cache holds allauth's rate limits (and the CSV upload's preview). Without REDIS_URL it lives
# in the database table `django_cache`, so the limits hold across every web process; a migration
# (dbt_training/users/migrations/0003_cache_table.py) creates the table. With REDIS_URL the cache
# is Redis, and while Redis cannot be reached each call goes to that same table instead, with a
# warning in the log (dbt_training/cache.py): sign-in works and stays limited when Redis is down.
REDIS_URL = _url("REDIS_URL", default="", schemes=("redis", "rediss"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "dbt_training.cache.FailoverCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "dbt",
            "OPTIONS": {
                "PRIMARY": "django.core.cache.backends.redis.RedisCache",
                # A Redis host that stops answering costs a request at most this, once per window.
                "PRIMARY_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
                "FALLBACK": "django.core.cache.backends.db.DatabaseCache",
                "FALLBACK_LOCATION": "django_cache",
                "FALLBACK_OPTIONS": {"MAX_ENTRIES": 10_000},
                # Seconds a process stays on the database after Redis failed, before trying again.
                "RETRY_AFTER": 5,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            # Rate-limit counters must not be culled under load (Django's default is 300 entries).
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# --- Celery -------------------------------------------------------------------------------------
# The in-memory transport ignores the host, but kombu warns "No hostname was supplied" whenever
# a URL lacks one (each eager task's producer clones the connection), so it is named.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
# With no broker, tasks run in the web process as they are queued; `send_reminders` covers beat.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SOFT_TIME_LIMIT = _int("CELERY_TASK_SOFT_TIME_LIMIT", default=240, minimum=1)
CELERY_TASK_TIME_LIMIT = _int("CELERY_TASK_TIME_LIMIT", default=300, minimum=1)
# A task that dies with its worker goes back on the queue instead of being lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = "UTC"

# --- Users and authentication -------------------------------------------------------------------
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "dbt_training.users.adapters.AccountAdapter"
# Institutes that enroll only by invitation or CSV close public sign-up with SIGNUP_OPEN=false.
SIGNUP_OPEN = _bool("SIGNUP_OPEN", default=True)
ACCOUNT_FORMS = {
    "signup": "dbt_training.users.forms.SignupForm",
    "reset_password": "dbt_training.users.forms.ResetPasswordForm",
}
ACCOUNT_EMAIL_VERIFICATION = _choice(
    "ACCOUNT_EMAIL_VERIFICATION",
    default="mandatory" if PRODUCTION else "optional",
    choices=("mandatory", "optional", "none"),
)
if PRODUCTION and ACCOUNT_EMAIL_VERIFICATION != "mandatory":
    raise ImproperlyConfigured(
        "ACCOUNT_EMAIL_VERIFICATION must be 'mandatory' when DJANGO_PRODUCTION is true."
    )
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Sign-up with a taken email must say so on the form (issue #2), which means allauth's
# enumeration protection is off; its rate limits below still bound how fast anyone can probe.
# Password reset does not say (users.forms.ResetPasswordForm): it answers the same for any
# address, and the email tells an address without an account so.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_RATE_LIMITS = {
    # The key is the account and the client together (users.adapters.AccountAdapter); the
    # account alone has a ceiling one client cannot reach (5 per 5 minutes is 60 an hour).
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_account": "100/h/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Behind a reverse proxy every request comes from the proxy's address, and a per-IP limit would
# lock everyone out at once. Name how many proxies append to X-Forwarded-For (or the one header a
# proxy sets to the client's address); with neither, X-Forwarded-For is ignored, so a client
# cannot forge its way around the limits.
ALLAUTH_TRUSTED_PROXY_COUNT = _int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env.str("TRUSTED_CLIENT_IP_HEADER", default="").strip() or None
# A misspelt header name would never match, and the limits would quietly count per proxy again.
if ALLAUTH_TRUSTED_CLIENT_IP_HEADER and not re.fullmatch(
    r"[A-Za-z0-9-]+", ALLAUTH_TRUSTED_CLIENT_IP_HEADER
):
    raise ImproperlyConfigured(
        "TRUSTED_CLIENT_IP_HEADER must be a header name such as X-Real-IP, not "
        f"{ALLAUTH_TRUSTED_CLIENT_IP_HEADER!r}."
    )
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[DBT Training] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"

# A second factor (allauth.mfa): an authenticator app (TOTP) or a security key / passkey
# (WebAuthn), with recovery codes. Staff must have one (users.second_factor); trainees may.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="DBT Training")
# The codes are shown (and downloadable) once, when generated: afterwards only how many are left.
MFA_RECOVERY_CODES_SHOW_ONCE = True
# The code of the step before or after the current one is accepted too (each code once): a
# phone whose clock is a few seconds off still works.
MFA_TOTP_TOLERANCE = 1
# Browsers treat http://localhost as secure, but the WebAuthn library wants https: allow plain
# http off production only.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
# Wrong codes count as failed sign-ins (login_failed above): 5 in 5 minutes per person, 10 a
# minute per client address.

# Sessions live in the database only, with or without Redis: a signed-in page must not depend on
# the cache (Django's cached_db engine writes to the cache unguarded when it loads a session), and
# a session copy in Redis could outlive a sign-out made while Redis was down. Reading one is one
# primary-key query on a database every signed-in page uses anyway.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Email --------------------------------------------------------------------------------------
# EMAIL_URL=smtp+tls://user:password@smtp.example.org:587 (django-environ's syntax).
vars().update(
    environ.Env.email_url_config(
        _url(
            "EMAIL_URL",
            default="consolemail://",
            schemes=(
                "smtp",
                "smtp+tls",
                "smtp+ssl",
                "smtps",
                "consolemail",
                "filemail",
                "memcachemail",
                "dummymail",
            ),
        )
    )
)
DEFAULT_FROM_EMAIL = _email(
    "DEFAULT_FROM_EMAIL",
    env.str("DEFAULT_FROM_EMAIL", default="DBT Training <training@example.org>").strip(),
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 10

# --- Internationalisation -----------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    # Local files under MEDIA_ROOT, or private objects in an S3-compatible bucket (storage.py).
    "default": media_storage(env.str("STORAGE_URL", default="")),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production WhiteNoise serves straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
# The site's own address, for links in emails sent by background tasks (no request there).
SITE_URL = _url("SITE_URL", default="http://127.0.0.1:8000", schemes=("http", "https"))
# How long an emailed cohort invitation link stays valid.
INVITATION_MAX_AGE_DAYS = _int("INVITATION_MAX_AGE_DAYS", default=14, minimum=1)


def _line(name: str, max_length: int) -> str:
    """One line of text, spaces collapsed; longer than the certificate's field stops startup
    (it would fail every claim instead)."""
    value = " ".join(env.str(name, default="").split())
    if len(value) > max_length:
        raise ImproperlyConfigured(f"{name} must be at most {max_length} characters.")
    return value


# The CE provider as every certificate and its verification page name it (CE boards ask for the
# provider's name, address and a contact), copied onto each certificate when it is issued.
# An empty name means the display name of DEFAULT_FROM_EMAIL ("DBT Training" without one).
CE_PROVIDER_NAME = _line("CE_PROVIDER_NAME", 200)
CE_PROVIDER_ADDRESS = _line("CE_PROVIDER_ADDRESS", 300)
CE_PROVIDER_CONTACT = _line("CE_PROVIDER_CONTACT", 200)

# Lesson attachments (PDF, DOCX, PPTX, MP3, MP4): the largest file a trainer may upload.
LESSON_ATTACHMENT_MAX_BYTES = _int("LESSON_ATTACHMENT_MAX_MB", default=100, minimum=1) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

# --- Security -----------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# No inline script or style anywhere: every page's JavaScript and CSS is a file under static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "https:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        # Lesson videos: only the privacy-enhanced players of YouTube and Vimeo.
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

if PRODUCTION:
    # TLS ends at the proxy; it tells us so with X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = _bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = _int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_AGE = 60 * 60 * 12

ADMINS = [("Admins", _email("ADMINS", a)) for a in env.list("ADMINS", default=[]) if a.strip()]

# Logs go to stderr, one line per record, each with the request id (dbt_training/core/logs.py):
# JSON objects for a log collector in production, readable lines on a laptop. Celery workers log
# through the same configuration (dbt_training/celery.py).
LOG_LEVEL = _choice(
    "LOG_LEVEL", default="info", choices=("debug", "info", "warning", "error", "critical")
).upper()
LOG_FORMAT = _choice(
    "LOG_FORMAT", default="json" if PRODUCTION else "plain", choices=("json", "plain")
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "dbt_training.core.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "dbt_training.core.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"level": "WARNING"},
        # Its DEBUG lines (with DJANGO_DEBUG) hold every query's parameters: answers, worksheets.
        "django.db.backends": {"level": "INFO"},
    },
}

# Demo accounts (`manage.py seed_demo`) exist only outside production mode.
DEMO_PASSWORD = "dbt-demo-2026"
