"""SkillBridge settings: one module, read from the environment.

Local work needs no variables at all (SQLite under var/, DEBUG on, mail to the
console). Production switches on with DEBUG=false, which makes SECRET_KEY and
ALLOWED_HOSTS mandatory and turns on every HTTPS protection. The README lists
every variable.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from skillbridge.common.countries import country_overrides
from skillbridge.env import (
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_required,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(env_str("SKILLBRIDGE_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY") or "django-insecure-local-only-skillbridge-development-key"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
else:
    SECRET_KEY = env_required("SECRET_KEY", reason="when DEBUG is off")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [
        env_required("ALLOWED_HOSTS", reason="when DEBUG is off")
    ]

SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    # Only for its catalogues: country names in French and the other languages CLDR has.
    "django_countries",
    "django_tasks_db",
    "skillbridge.common",
    "skillbridge.programmes",
    "skillbridge.people",
    "skillbridge.calls",
    "skillbridge.review",
    "skillbridge.grants",
    "skillbridge.experts",
    "skillbridge.pairing",
    "skillbridge.missions",
    "skillbridge.results",
    "skillbridge.api",
    "skillbridge.portal",
    "skillbridge.demo",
]

MIDDLEWARE = [
    "skillbridge.common.logs.RequestLogMiddleware",
    # Outside WhiteNoise, so static files carry the header too.
    "skillbridge.common.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "skillbridge.people.middleware.LanguagePreferenceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "skillbridge.people.middleware.MfaRequiredMiddleware",
]

ROOT_URLCONF = "skillbridge.urls"
WSGI_APPLICATION = "skillbridge.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "skillbridge.portal.context_processors.navigation",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in
# production and CI). Connections are kept for a minute (0 opens one per
# request, which doubled the time of light pages under load), and checked
# before reuse so a restarted database server costs no failed request.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'skillbridge.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Zero set-up: the default database file lives in var/, made on first use.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE transactions and WAL let the web server and the task worker
    # share the file without "database is locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # SQLite builds a covering index (PostgreSQL's INCLUDE) from its key columns only,
    # which is all a small installation needs: only the read speed differs.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = env_str("CACHE_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# django-allauth: email is the only identifier; addresses must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming the address (in the browser that signed up) signs the person in and sends
# them on to where they were going (`next`): an invitation, a proposal, a profile.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "skillbridge.people.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[SkillBridge] "
ACCOUNT_PRESERVE_USERNAME_CASING = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Staff roles must sign in with a second factor. Demo accounts (addresses at
# example.org) may skip it locally; a system check refuses this with DEBUG off.
MFA_EXEMPT_DEMO_ACCOUNTS = env_bool("MFA_EXEMPT_DEMO_ACCOUNTS", default=DEBUG)
# One limiter, in the shared cache, for every way in: the web sign-in, the
# admin site (which signs in through it) and the API token endpoint. Failed
# attempts count per client address and per account.
ACCOUNT_RATE_LIMITS = {"login_failed": env_str("LOGIN_FAILED_RATE", "10/m/ip,5/5m/key")}
# X-Forwarded-For is believed only from these proxies (addresses or networks).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# API tokens expire, and die with a password change, an MFA change or
# "sign out everywhere".
API_TOKEN_LIFETIME = timedelta(hours=env_int("API_TOKEN_LIFETIME_HOURS", 24 * 7, minimum=1))

# Languages: every applicant- and professional-facing page in English, French
# and Kinyarwanda. Django ships no Kinyarwanda locale, so it is declared here.
LANG_INFO["rw"] = {
    "bidi": False,
    "code": "rw",
    "name": "Kinyarwanda",
    "name_local": "Ikinyarwanda",
}
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("rw", _("Kinyarwanda"))]
# locale/ is ours (makemessages writes it); locale_django/ holds Kinyarwanda for the
# strings of Django and allauth that we show (Django has no rw catalogue), written by
# hand and never touched by makemessages: see docs/translating.md.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_django"]
# Dates and numbers: Django has no formats for rw; ours come from CLDR (common/formats.py).
FORMAT_MODULE_PATH = ["skillbridge.formats"]
# Country names in the reader's language, Kinyarwanda included (common/countries.py).
COUNTRIES_OVERRIDE = country_overrides()
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Africa/Kigali"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
# Uploaded and generated files go through Django's storage API only. With
# STORAGE_BACKEND=s3 they live in a private bucket of S3-compatible object storage,
# shared by every web and worker process; downloads still stream through views that
# check permission, so the bucket is never public.
STORAGE_BACKEND = env_choice("STORAGE_BACKEND", "local", ("local", "s3"))
if STORAGE_BACKEND == "s3":
    _reason = "when STORAGE_BACKEND is s3"
    _DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "bucket_name": env_required("S3_BUCKET", reason=_reason),
            "access_key": env_required("S3_ACCESS_KEY_ID", reason=_reason),
            "secret_key": env_required("S3_SECRET_ACCESS_KEY", reason=_reason),
            "region_name": env_str("S3_REGION", "us-east-1"),
            "addressing_style": "path",
            "signature_version": "s3v4",
            # Objects carry no ACL (the bucket stays private) and a name is never
            # reused, so one upload cannot replace another's file.
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": 300,
        },
    }
else:
    _DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Mail: every message is written to the outbox (common.OutboxMessage) first;
# a background task delivers it through this backend.
_MAIL_DELIVERY = env_choice("EMAIL_DELIVERY", "console" if DEBUG else "smtp", ("console", "smtp"))
MAILERS = {
    "default": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 587, minimum=1),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", default=True),
                "timeout": 20,
            },
        }
        if _MAIL_DELIVERY == "smtp"
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "SkillBridge <noreply@skillbridge.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: Django's tasks framework. "immediate" runs a task in the
# request that queued it (tests, the simplest local set-up); "database" queues
# it for `skillbridge db_worker` processes on any number of machines.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django.tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env_choice("TASKS_BACKEND", "immediate", ("immediate", "database"))],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "skillbridge.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The browsable API is a development aid: production answers JSON only.
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        *(["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
    ],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # A service's ValidationError answers 400 (409 for a ledger conflict), a message per field.
    "EXCEPTION_HANDLER": "skillbridge.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "SkillBridge API",
    "DESCRIPTION": "REST API v1 of SkillBridge. Send `Authorization: Bearer <token>`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "skillbridge.api.schema.document_common_errors",
    ],
}

# Content security policy: every asset comes from this site, and no inline
# script or style is allowed anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Features no page uses are switched off for every page and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe the health endpoint over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^health/live/$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    if env_bool("BEHIND_HTTPS_PROXY", default=True):
        # The reverse proxy terminates TLS and says so in this header.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# LOG_FORMAT=json: one JSON object per line on stdout, with the request id, the
# user id (never the email), path, status and duration, for a log collector.
LOG_FORMAT = env_choice("LOG_FORMAT", "text", ("text", "json"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "skillbridge.common.logs.RequestContextFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "skillbridge.common.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            # JSON goes to stdout for the log collector; text stays on stderr, apart
            # from what commands print.
            "stream": "ext://sys.stdout" if LOG_FORMAT == "json" else "ext://sys.stderr",
            "filters": ["request"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports each step of every PDF and stylesheet at INFO: noise, not events.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}
