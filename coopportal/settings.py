"""Settings for coopportal, read from the environment.

Every variable is listed in .env.example. Local defaults make
``migrate && runserver`` work on SQLite; with DEBUG off, a missing
SECRET_KEY or ALLOWED_HOSTS stops start-up instead of running insecurely.
"""

import os
import pyexpat
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from coopportal.lib.env import env_bool, env_int, env_list, env_str, parse_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (see .env.example), "
            "or set DEBUG=1 for a local development run."
        )
    # Development only: DEBUG is on, nothing here is meant to be reachable.
    SECRET_KEY = "dev-only-not-secret-" + "x" * 40

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. Give the host names the portal answers to, "
        "comma separated, e.g. ALLOWED_HOSTS=htx.example.gov.vn"
    )
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
    "import_export",
    "simple_history",
    "axes",
    # The portal's apps, bottom layer first: each imports only those above
    # it in this list (README, "Layout"; tests/test_layers.py).
    "places",
    "accounts",
    "portal",
    "jobs",
    "registry",
    "awards",
    "planning",
    "support",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "coopportal.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "coopportal.middleware.SessionIdleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "coopportal.middleware.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coopportal.urls"
WSGI_APPLICATION = "coopportal.wsgi.application"

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
                "django.template.context_processors.i18n",
                "coopportal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {"default": parse_database_url(env_str("DATABASE_URL", "sqlite:///var/coopportal.sqlite3"), BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # django-axes first, so that a locked-out login never reaches the check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Language and formats. Django's own "vi" formats read 01/07/2021 as 7 January
# and group no thousands; coopportal/formats/ fixes both.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# Our catalogue, then the Vietnamese of django-import-export's own pages.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "coopportal" / "locale_vendor"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Ho_Chi_Minh")
FORMAT_MODULE_PATH = ["coopportal.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "media/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_client_errors": {"()": "coopportal.lib.logs.OneLineClientErrors"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # django-axes logs every successful login at INFO; lockouts are warnings.
        "axes": {"level": "WARNING"},
        # Django's own loggers print once, through our handler (its default
        # adds a second console handler under DEBUG).
        "django": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO"), "propagate": False},
        # A 403 or 404 is one line; a 500 keeps its traceback.
        "django.request": {"filters": ["one_line_client_errors"]},
    },
}

# Security headers. With DEBUG off the defaults are those of an HTTPS
# deployment (`manage.py check --deploy` is clean); a portal served over
# plain HTTP on an intranet must turn SECURE_SSL_REDIRECT, SECURE_COOKIES and
# SECURE_HSTS_SECONDS off explicitly.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}

# Sessions end after 30 minutes without a request, and with the browser.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
# coopportal.middleware.SessionIdleMiddleware renews it while it is used.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-axes: lock a username+address pair out after repeated failures,
# for a cool-off (not forever); a success resets the count.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# The container's health check calls plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env_bool("BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The portal's own province: the demo is Lào Cai (code 15), which since
# 1 July 2025 includes the former Yên Bái.
HOME_PROVINCE_CODE = env_str("HOME_PROVINCE_CODE", "15")
# Decimals shown for "percent of plan" (87/65 -> 133,8 % at 1, 134 % at 0).
PLAN_PERCENT_DECIMALS = env_int("PLAN_PERCENT_DECIMALS", 1)
# Chiến sĩ thi đua cấp tỉnh needs Chiến sĩ thi đua cơ sở in this many
# consecutive years, ending with the year of achievement (see awards/law.py).
AWARDS_CSTD_PROVINCE_STREAK = env_int("AWARDS_CSTD_PROVINCE_STREAK", 3)

# Spreadsheet uploads: bounded before anything is parsed.
# openpyxl reads uploads with Python's C XML parser rather than defusedxml's
# pure-Python one, a tenth of an import's time: the guarded format
# (registry/excel/formats.py) refuses, before openpyxl sees it, any part
# with a document type declaration (the only place entities are declared)
# or in an encoding other than UTF-8, and expat from 2.4.1 bounds entity
# amplification by itself (Python's "XML vulnerabilities" table). openpyxl
# reads the variable when first imported, which is after the settings.
if pyexpat.version_info >= (2, 4, 1):
    os.environ.setdefault("OPENPYXL_DEFUSEDXML", "False")
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_UNCOMPRESSED_BYTES = env_int("IMPORT_MAX_UNCOMPRESSED_BYTES", 200 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 50_000)
IMPORT_MAX_COLUMNS = 60
# What parsing may cost (registry.excel.formats): a worksheet's XML, any other
# XML part (the shared strings are loaded whole), the XML tags of such a part,
# the cells read and the characters of one cell (Excel's own limit).
IMPORT_MAX_SHEET_PART_BYTES = env_int("IMPORT_MAX_SHEET_PART_BYTES", 64 * 1024 * 1024)
IMPORT_MAX_PART_BYTES = env_int("IMPORT_MAX_PART_BYTES", 16 * 1024 * 1024)
IMPORT_MAX_PART_TAGS = env_int("IMPORT_MAX_PART_TAGS", 1_000_000)
IMPORT_MAX_CELLS = env_int("IMPORT_MAX_CELLS", 1_000_000)
IMPORT_MAX_SHEET_TAGS = 5 * IMPORT_MAX_CELLS
IMPORT_MAX_CELL_CHARS = 32_767
# Uploads up to the import limit stay in memory (the reader needs the bytes);
# the size itself is checked by registry.excel.formats, and belongs at the proxy too.
FILE_UPLOAD_MAX_MEMORY_SIZE = IMPORT_MAX_BYTES + 1024 * 1024
# Uploaded spreadsheets wait here between preview and confirm (a day at most).
IMPORT_UPLOAD_DIR = Path(env_str("IMPORT_UPLOAD_DIR", str(BASE_DIR / "var" / "imports")))

# Background jobs (jobs/): the year-end report of an area with more HTX and
# THT than REPORT_JOB_THRESHOLD, and an import of more rows than
# IMPORT_JOB_THRESHOLD, run in a thread of the web process with their
# progress on a page, instead of inside the request (gunicorn's timeout).
REPORT_JOB_THRESHOLD = env_int("REPORT_JOB_THRESHOLD", 20_000)
IMPORT_JOB_THRESHOLD = env_int("IMPORT_JOB_THRESHOLD", 5_000)
# Their progress files and results (removed after a day).
JOBS_DIR = Path(env_str("JOBS_DIR", str(BASE_DIR / "var" / "jobs")))
# Tests run a job at once, in the request's thread.
JOBS_RUN_INLINE = False
