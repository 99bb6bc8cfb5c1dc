"""Hearthside settings.

Every knob is read from the environment (see README, "Configuration"). The
defaults suit a local run on one machine; `hearthside check` refuses to call a
deployment safe while any of the local-only defaults is still in place.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
CONTENT_DIR = PACKAGE_DIR / "data"
DATA_DIR = Path(os.environ.get("HEARTHSIDE_DATA_DIR", "var")).resolve()

# Marks the built-in key so `hearthside check` can refuse it in production.
INSECURE_DEFAULT_SECRET_KEY = "insecure-local-only-key-set-HEARTHSIDE_SECRET_KEY-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("HEARTHSIDE_SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)
DEBUG = env_bool("HEARTHSIDE_DEBUG")
ALLOWED_HOSTS_FROM_ENVIRONMENT = "HEARTHSIDE_ALLOWED_HOSTS" in os.environ
ALLOWED_HOSTS = env_list("HEARTHSIDE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("HEARTHSIDE_CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("HEARTHSIDE_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1

INSTALLED_APPS = [
    "hearthside.pairs",
    "hearthside.privacy",
    "hearthside.activity",
    "hearthside.balance",
    "hearthside.today",
    "hearthside.questions",
    "hearthside.checkins",
    "hearthside.shares",
    "hearthside.needs",
    "hearthside.deck",
    "hearthside.design",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hearthside.pairs.middleware.SignedInResponsesNotStored",
    "hearthside.api.JsonErrorsUnderApi",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hearthside.pairs.middleware.RememberPairsForTheRequest",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "hearthside.pairs.middleware.PersonalTimeZoneMiddleware",
    "hearthside.web.UserErrorMiddleware",
    "hearthside.web.RefuseUnstorableText",
    "hearthside.pairs.middleware.AccountAttemptLimits",
]

ROOT_URLCONF = "hearthside.urls"
WSGI_APPLICATION = "hearthside.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hearthside.pairs.context_processors.pair",
                "hearthside.web.navigation",
            ],
            "builtins": [
                "template_partials.templatetags.partials",
                "django.contrib.humanize.templatetags.humanize",
                "django.templatetags.i18n",
                "hearthside.design.templatetags.design",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite in WAL mode under DATA_DIR by default; PostgreSQL through DATABASE_URL.
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "hearthside.sqlite3",
            "OPTIONS": {
                # IMMEDIATE takes the write lock when a transaction starts, so two
                # writers queue on the busy timeout instead of failing to upgrade.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
            # Opening a connection runs the pragmas above and reads the schema:
            # keep one per web thread rather than one per request.
            "CONN_MAX_AGE": 600,
            "TEST": {"NAME": DATA_DIR / "test.sqlite3"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ---------------------------------------------------------------------
# Rate limits count sign-in, sign-up and password-reset attempts in the cache,
# so every web process and machine must share it: the database by default
# (`hearthside migrate` creates its table), Redis when an operator names one.
REDIS_URL = os.environ.get("HEARTHSIDE_REDIS_URL", "").strip()
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            "HEARTHSIDE_REDIS_URL must be a redis://, rediss:// or unix:// URL, "
            f"e.g. redis://127.0.0.1:6379/0 (it is {REDIS_URL!r})."
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "hearthside",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "hearthside_cache",
            # Past MAX_ENTRIES the table drops expired entries, then arbitrary
            # ones, which would forget live rate-limit counts: keep it roomy.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# --- Accounts ---------------------------------------------------------------
AUTH_USER_MODEL = "pairs.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "today"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_SIGNUP_FORM_CLASS = "hearthside.pairs.forms.SignupDetailsForm"
# Sign-up never tells whether an address has an account (allauth's
# ACCOUNT_PREVENT_ENUMERATION): both answers are "we sent you an email", the
# owner of a taken address learns of the attempt by mail. allauth can keep that
# promise only when a new person confirms the address before signing in; the
# link signs them in when opened in the browser they signed up with.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Hearthside: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
ACCOUNT_ADAPTER = "hearthside.pairs.adapters.AccountAdapter"
# hearthside.pairs.ratelimits limits sign-in, sign-up and reset per address
# *and client*, and says when to try again; allauth's own limits on them would
# lock a person out from everywhere. (Its "login_failed" limit still guards the
# two-factor step, which only someone with the password reaches.)
ACCOUNT_RATE_LIMITS = {"login": None, "signup": None, "reset_password": None}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Hearthside"
# Tracking would write to the database on every page view.
USERSESSIONS_TRACK_ACTIVITY = False

# --- Email --------------------------------------------------------------------
# Mail is queued as a background task; the worker hands it to the delivery
# backend: SMTP when HEARTHSIDE_EMAIL_HOST is set, the console otherwise.
EMAIL_BACKEND = "hearthside.mail.QueuedEmailBackend"
EMAIL_HOST = os.environ.get("HEARTHSIDE_EMAIL_HOST", "")
EMAIL_DELIVERY_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("HEARTHSIDE_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("HEARTHSIDE_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("HEARTHSIDE_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("HEARTHSIDE_EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("HEARTHSIDE_FROM_EMAIL", "Hearthside <hearthside@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background work -----------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Content encryption at rest ----------------------------------------------------
# Fernet keys, newest first; older keys still decrypt, so keys can be rotated.
# Without the variable a key file is created in DATA_DIR (back it up!).
ENCRYPTION_KEYS = env_list("HEARTHSIDE_ENCRYPTION_KEYS")
ENCRYPTION_KEY_FILE = DATA_DIR / "encryption.key"

# --- Pairing and days ---------------------------------------------------------------
INVITATION_VALID_DAYS = int(os.environ.get("HEARTHSIDE_INVITATION_DAYS", "7"))
# A person's day begins at this local hour, so a late-night answer still
# belongs to the evening it was written in.
DAY_STARTS_AT_HOUR = 4
DEFAULT_TIME_ZONE = os.environ.get("HEARTHSIDE_DEFAULT_TIME_ZONE", "UTC")

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# `hearthside serve` collects (and hashes) the static files before it starts;
# `hearthside serve --dev` turns DEBUG on and serves them from the package.

# --- Security ---------------------------------------------------------------------
HTTPS = SITE_URL.startswith("https://")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
SECURE_SSL_REDIRECT = HTTPS and env_bool("HEARTHSIDE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("HEARTHSIDE_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Rate limits count per client: the one the proxy names in X-Forwarded-For.
    ALLAUTH_TRUSTED_PROXY_COUNT = 1
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HEARTHSIDE_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
