"""Settings shared by every environment; each value can be overridden from the environment.

Environment variables (documented in docs/deploy.md, checked by a test):
DATABASE_URL, HRDWATCH_DATA_DIR, SECRET_KEY, DEBUG, ALLOWED_HOSTS, REDIS_URL,
HRDWATCH_ALLOW_PRIVATE_URLS, HRDWATCH_LLM_URL, HRDWATCH_LLM_MODEL, HRDWATCH_LLM_API_KEY,
EMAIL_URL-style settings (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
EMAIL_USE_TLS, DEFAULT_FROM_EMAIL), HRDWATCH_SITE_URL, HRDWATCH_TRUSTED_PROXIES,
HRDWATCH_AUTHORITIES_FILE, HRDWATCH_CONTACT_EMAIL.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("HRDWATCH_DATA_DIR", "hrdwatch-data")).resolve()
ARCHIVE_DIR = DATA_DIR / "archive"
MEDIA_ROOT = str(DATA_DIR / "media")
MEDIA_URL = "/media/"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and (DATA_DIR / "secret_key").is_file():  # written once by ``hrdwatch init``
    SECRET_KEY = (DATA_DIR / "secret_key").read_text(encoding="utf-8").strip()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
    if h.strip()
]
SITE_URL = os.environ.get("HRDWATCH_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Whether SITE_URL was set: public links (embedded card, share image) then use it, else the host
# the request came to (so a site served elsewhere never links to 127.0.0.1).
SITE_URL_CONFIGURED = bool(os.environ.get("HRDWATCH_SITE_URL"))
# The organisation's public contact address, shown on /about/contact/ (empty: a neutral text).
HRDWATCH_CONTACT_EMAIL = os.environ.get("HRDWATCH_CONTACT_EMAIL", "")
# The network's own list of authorities letters are sent to (default: advocacy/data/authorities.yaml).
HRDWATCH_AUTHORITIES_FILE = os.environ.get("HRDWATCH_AUTHORITIES_FILE", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "ninja",  # serves the API docs page's scripts locally instead of from a CDN
    "django_tasks",
    "django_tasks_db",
    "hrdwatch.core",
    "hrdwatch.vocab",
    "hrdwatch.partners",
    "hrdwatch.records",
    "hrdwatch.ingestion",
    "hrdwatch.extraction",
    "hrdwatch.linkage",
    "hrdwatch.review",
    "hrdwatch.actions",
    "hrdwatch.editing",
    "hrdwatch.workspace",
    "hrdwatch.publication",
    "hrdwatch.statistics",
    "hrdwatch.exports",
    "hrdwatch.advocacy",
    "hrdwatch.api",
    "hrdwatch.audit",
    "hrdwatch.operations",
    "hrdwatch.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for slow phone connections (static files come pre-compressed from
    # WhiteNoise above); Django's GZip adds random padding against BREACH-style attacks.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hrdwatch.partners.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hrdwatch.project.urls"
WSGI_APPLICATION = "hrdwatch.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hrdwatch.publication.context.site_context",
                "hrdwatch.partners.context.partner_links",
            ],
        },
    },
]


def database_config() -> dict[str, object]:
    """PostgreSQL (or any engine) from DATABASE_URL, else SQLite in WAL mode inside the data dir."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "hrdwatch.sqlite3"),
        "OPTIONS": {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;"
            ),
            "transaction_mode": "IMMEDIATE",
        },
    }


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Backups serialise times to the microsecond (Django's "json" cuts them to milliseconds).
SERIALIZATION_MODULES = {"precise-json": "hrdwatch.operations.precise_json"}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
# Password-reset links work once and for one hour (hrdwatch.partners.password_reset).
PASSWORD_RESET_TIMEOUT = 60 * 60
HRDWATCH_RESET_RATE = "5/h"  # reset requests per client address
HRDWATCH_ALERT_SIGNUP_RATE = "5/h"  # alert sign-ups per client address
HRDWATCH_REPORT_RATE = "5/h"  # public "report a detention" submissions per client address
LOGIN_REDIRECT_URL = "/workspace/"  # members land on their workspace

# Languages of the interface; content falls back to English where no translation exists.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS: list[str] = []  # each app ships its own locale/ folder
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = str(DATA_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Sessions expire: people in danger share devices.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}


def trusted_proxies() -> list[str]:
    """Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDRs)."""
    return [
        p.strip() for p in os.environ.get("HRDWATCH_TRUSTED_PROXIES", "").split(",") if p.strip()
    ]


HRDWATCH_TRUSTED_PROXIES = trusted_proxies()

# Login throttling (django-axes): lock one account from one client address after repeated
# failures. The pair, not either alone: failures for one account never lock another account on
# the same address (a shared office, or everyone behind the proxy), and nobody can lock an
# account everywhere. The address comes from hrdwatch.core.addresses (trusted proxies only).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "hrdwatch.core.addresses.client_address"
AXES_RESET_ON_SUCCESS = True

REDIS_URL = os.environ.get("REDIS_URL", "")

CACHE_TABLE = "hrdwatch_cache"


def production_caches(redis_url: str) -> dict[str, dict[str, object]]:
    """A cache every worker and command shares: Redis, else a database table.

    Never a per-process memory cache: public pages are cached, and a withdrawal made in one
    process (a web worker, the command line) must reach every other at once. The table is
    created by ``hrdwatch migrate`` (``core.apps``: ``createcachetable`` after migrating).
    """
    if redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
        }
    }


CACHES = production_caches(REDIS_URL)
if REDIS_URL:
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    INSTALLED_APPS += ["django_tasks_rq", "django_rq"]  # django_rq provides the rqworker command
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hrdwatch <no-reply@localhost>")

HRDWATCH_ALLOW_PRIVATE_URLS = env_bool("HRDWATCH_ALLOW_PRIVATE_URLS", False)
HRDWATCH_LLM_URL = os.environ.get("HRDWATCH_LLM_URL", "")
HRDWATCH_LLM_MODEL = os.environ.get("HRDWATCH_LLM_MODEL", "")
HRDWATCH_LLM_API_KEY = os.environ.get("HRDWATCH_LLM_API_KEY", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "hrdwatch.core.logging.RedactRestrictedFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # The development server's request lines carry query strings: through the redacting handler.
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

# A published case not re-verified for this many days is shown as "unverified since …", kept out of
# "currently detained" and letters, and listed in the reviewers' "to re-verify" queue.
HRDWATCH_VERIFY_MAX_AGE_DAYS = 183
