"""Settings for Newsroom, read from the environment (see README, "Configuration").

Fails closed: with DJANGO_DEBUG off, a missing secret key or host list stops start-up.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from newsroom.media_settings import object_storage_from_env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    # Local development only: a throwaway key and the loopback hosts.
    SECRET_KEY = SECRET_KEY or "insecure-development-key-do-not-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, or DJANGO_DEBUG=1 for local use."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set. Set it to the site's host names, comma-separated "
            "(e.g. news.example.org), or set DJANGO_DEBUG=1 for local use."
        )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    "reversion",
    "django_tasks_db",
    # Repeated failed logins lock out that account from that address for a while (django-axes).
    "axes",
    "newsroom",
    "organizations",
    "articles",
    # The site: URL tree, sitemap index, demo, roles; the only package that knows every app.
    "website",
]

MIDDLEWARE = [
    # First: every log line of a request (and the response) carries its X-Request-ID.
    "newsroom.request_id.RequestIdMiddleware",
    # Outside everything else, the page cache included: counts, times, page-cache hits (/metrics).
    "newsroom.metrics.MetricsMiddleware",
    # Ahead of the rest of the stack: a reader's (no session, CSRF or messages cookie) GET is
    # answered from the page cache before sessions, CSRF, auth and messages run (newsroom/cache.py).
    "newsroom.cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A malformed admin filter (?headline__regex=() answers 400 with a message, not 500.
    "newsroom.bad_requests.AdminBadQueryMiddleware",
    # Anonymous GETs of public pages may read from a replica (newsroom/db_router.py).
    "newsroom.db_router.PublicReadMiddleware",
    # Inside the page cache: a cached page keeps the policy (and nonce) it was rendered with.
    "newsroom.csp.NewsroomCSPMiddleware",
    # After authentication: answers a locked-out login with the lockout page (HTTP 429).
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "newsroom.urls"
# Editors log in through the admin; after login without a usable ?next= they land on its index.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"
WSGI_APPLICATION = "newsroom.wsgi.application"

# Widgets from Django's Jinja2 copies of its widget templates, several times faster to render
# (a big article's change form has about 1,300 widgets); any other template as before.
FORM_RENDERER = "newsroom.form_rendering.JinjaFirstRenderer"

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
                "django.template.context_processors.csp",
                "website.context_processors.site",
            ],
        },
    },
]

# Database: PostgreSQL only. DATABASE_URL names a server; without it, the embedded server under var/.
if os.environ.get("DATABASE_URL"):
    # Behind PgBouncer in transaction pooling (DATABASE_PGBOUNCER=1): no connection kept between
    # requests and no server-side cursors, which do not survive a pooled transaction boundary.
    DATABASE_PGBOUNCER = env_bool("DATABASE_PGBOUNCER")
    _db = dj_database_url.parse(
        os.environ["DATABASE_URL"],
        conn_max_age=0 if DATABASE_PGBOUNCER else int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if DATABASE_PGBOUNCER:
        _db["DISABLE_SERVER_SIDE_CURSORS"] = True
    if _db.get("ENGINE") != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_URL must name a PostgreSQL server (postgres://user:password@host:5432/name); "
            f"got engine {_db.get('ENGINE')!r}. Newsroom runs on PostgreSQL only."
        )
else:
    from newsroom.embedded_db import embedded_database_settings

    _db = embedded_database_settings(VAR_DIR)
DATABASES = {"default": _db}
# Read replicas (newsroom/db_router.py): public reads of anonymous readers go to a healthy one.
DATABASE_REPLICA_URLS = env_list("DATABASE_REPLICA_URLS")
# A replica further behind than this many seconds is skipped; its health is checked at most every
# DATABASE_REPLICA_CHECK_SECONDS by each process.
DATABASE_REPLICA_MAX_LAG = float(os.environ.get("DATABASE_REPLICA_MAX_LAG", "10"))
DATABASE_REPLICA_CHECK_SECONDS = float(os.environ.get("DATABASE_REPLICA_CHECK_SECONDS", "5"))
if DATABASE_REPLICA_URLS:
    if not os.environ.get("DATABASE_URL"):
        raise ImproperlyConfigured("DATABASE_REPLICA_URLS needs DATABASE_URL (the primary) as well.")
    from newsroom.db_router import replica_databases

    DATABASES.update(replica_databases(DATABASE_REPLICA_URLS, _db))
DATABASE_ROUTERS = ["newsroom.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The newsroom's own timezone: times on the site and in the admin are shown in it, with its name.
TIME_ZONE = os.environ.get("NEWSROOM_TIME_ZONE", "Asia/Tehran")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Media on object storage when NEWSROOM_S3_BUCKET is set (newsroom/media.py), the local disk otherwise.
NEWSROOM_OBJECT_STORAGE = object_storage_from_env(os.environ)
if NEWSROOM_OBJECT_STORAGE:
    MEDIA_URL = NEWSROOM_OBJECT_STORAGE.public_url + "/"
# Local disk with DJANGO_DEBUG off: the app serves MEDIA_URL itself only on request (one node);
# otherwise the reverse proxy serves MEDIA_ROOT (docs/operations.md, "Media").
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA")
# A release's collectstatic adds its hashed files beside the older releases' ones (never --clear),
# so a page rendered by either release finds its CSS during a rolling deploy (docs/deployment.md);
# only hashed names are kept (an unhashed site.css would be the one file two releases disagree on).
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
STORAGES = {
    "default": NEWSROOM_OBJECT_STORAGE.storage
    if NEWSROOM_OBJECT_STORAGE
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Content-Security-Policy (Django's own, newsroom/csp.py): the public site runs no inline script
# (JSON-LD carries the response's nonce) and no inline style; pictures may come from the media host
# (DJANGO_MEDIA_URL's, or the bucket's public address).
_media_origin = "{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_URL)) if urlsplit(MEDIA_URL).netloc else None
if NEWSROOM_OBJECT_STORAGE:
    _media_origin = NEWSROOM_OBJECT_STORAGE.origin
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([_media_origin] if _media_origin else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# The admin's widgets and the rich-text editor set inline styles; scripts stay nonce-only there too.
NEWSROOM_ADMIN_CSP = {**SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # A Redis that is down or hangs is logged and treated as an empty cache: the site and
            # the admin keep working, and no save is lost to it (newsroom/tolerant_cache.py).
            "BACKEND": "newsroom.tolerant_cache.TolerantRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    # Without Redis: files under var/cache, shared by every process of this machine (gunicorn's
    # workers and cron's publish_scheduled see the same pages and versions; newsroom/file_cache.py).
    CACHES = {
        "default": {
            "BACKEND": "newsroom.file_cache.SharedFileCache",
            "LOCATION": os.environ.get("NEWSROOM_CACHE_DIR", str(VAR_DIR / "cache")),
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("NEWSROOM_CACHE_MAX_ENTRIES", "20000"))},
        }
    }

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    # Behind a TLS proxy that sets X-Forwarded-Proto (docs/deployment.md); plain HTTP is redirected.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    # Load balancers probe health over plain HTTP on the private network: never redirected.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
    # HSTS: browsers refuse plain HTTP for a year once they have seen the site over HTTPS.
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# Every line: time, level, request id, logger, message (NEWSROOM_LOG_FORMAT=json: one JSON object).
NEWSROOM_LOG_FORMAT = os.environ.get("NEWSROOM_LOG_FORMAT", "text")
if NEWSROOM_LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"NEWSROOM_LOG_FORMAT must be 'text' or 'json', not {NEWSROOM_LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.request_id.RequestIdFilter"}},
    "formatters": {
        "text": {
            "format": "%(asctime)s %(levelname)s %(request_id)s %(name)s %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
        },
        "json": {"()": "newsroom.request_id.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": NEWSROOM_LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

TAGGIT_CASE_INSENSITIVE = True

# Login throttling (django-axes, docs/operations.md "Locked-out accounts"): after this many wrong
# passwords for one account from one address, that pair waits NEWSROOM_LOGIN_COOLOFF_MINUTES. A
# colleague's account is not locked by someone else's guesses from another address.
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("NEWSROOM_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.views.login_locked_out"
AXES_VERBOSE = False

# Background work through django.tasks. Immediate (in the request) by default and in tests;
# NEWSROOM_TASKS=database queues tasks in PostgreSQL for `manage.py db_worker` (production).
NEWSROOM_TASKS = os.environ.get("NEWSROOM_TASKS", "immediate")
if NEWSROOM_TASKS == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif NEWSROOM_TASKS == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(f"NEWSROOM_TASKS must be 'immediate' or 'database', not {NEWSROOM_TASKS!r}.")
# A failed task (every task of ours, newsroom/task_retry.py) runs at most this many
# times, waiting NEWSROOM_TASK_RETRY_SECONDS, then twice that, and so on (at most an hour) between.
NEWSROOM_TASK_ATTEMPTS = int(os.environ.get("NEWSROOM_TASK_ATTEMPTS", "5"))
NEWSROOM_TASK_RETRY_SECONDS = int(os.environ.get("NEWSROOM_TASK_RETRY_SECONDS", "30"))
# A task RUNNING longer than this has lost its worker: `manage.py requeue_stale_tasks` queues it again.
NEWSROOM_TASK_STALE_SECONDS = int(os.environ.get("NEWSROOM_TASK_STALE_SECONDS", "1800"))

# Newsroom-specific settings.
NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")
# Fewer words than this in a body makes an article a stub that is never public.
NEWSROOM_STUB_MIN_WORDS = int(os.environ.get("NEWSROOM_STUB_MIN_WORDS", "60"))
NEWSROOM_RELATED_LIMIT = 20
# Related posts: a story this many days apart counts half as much (recency decay), and stories
# further apart than the maximum age are never related.
NEWSROOM_RELATED_HALF_LIFE_DAYS = int(os.environ.get("NEWSROOM_RELATED_HALF_LIFE_DAYS", "180"))
NEWSROOM_RELATED_MAX_AGE_DAYS = int(os.environ.get("NEWSROOM_RELATED_MAX_AGE_DAYS", "1095"))
# How long a shareable preview link works, in seconds (default three days).
NEWSROOM_PREVIEW_MAX_AGE = int(os.environ.get("NEWSROOM_PREVIEW_MAX_AGE", str(3 * 24 * 3600)))
# Public page cache (newsroom/cache.py): how long a page is kept server-side (0 turns it off), and
# the Cache-Control lifetimes for browsers (max-age) and CDNs or proxies (s-maxage).
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", "300"))
NEWSROOM_CACHE_MAX_AGE = int(os.environ.get("NEWSROOM_CACHE_MAX_AGE", "60"))
NEWSROOM_CACHE_S_MAXAGE = int(os.environ.get("NEWSROOM_CACHE_S_MAXAGE", "120"))
# After its time, a page nothing changed in may still be served this long while one request
# refreshes it (and CDNs get stale-while-revalidate); never past a scheduled publish or expiry.
NEWSROOM_PAGE_CACHE_STALE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_STALE_SECONDS", "60"))
# On a miss one request renders; the others wait up to this many seconds for its copy.
NEWSROOM_PAGE_CACHE_FILL_WAIT = float(os.environ.get("NEWSROOM_PAGE_CACHE_FILL_WAIT", "3"))
# Parts of pages kept by the versions of what they show (newsroom/fragments.py): the longest an
# unchanged part is kept, in seconds (0 turns it off). A change shows on the next render anyway.
NEWSROOM_FRAGMENT_CACHE_SECONDS = int(os.environ.get("NEWSROOM_FRAGMENT_CACHE_SECONDS", str(24 * 3600)))

# Operations (docs/deployment.md). /readyz answers 503 when a due task has waited longer than this.
NEWSROOM_READY_MAX_QUEUE_AGE = int(os.environ.get("NEWSROOM_READY_MAX_QUEUE_AGE", "300"))
# /metrics: only these addresses (or networks), reached without a proxy, or the bearer token.
NEWSROOM_METRICS_ALLOWED_IPS = env_list("NEWSROOM_METRICS_ALLOWED_IPS") or ["127.0.0.1", "::1"]
NEWSROOM_METRICS_TOKEN = os.environ.get("NEWSROOM_METRICS_TOKEN", "")

# Autosave of the article change form (docs/editor-guide.md): how large one autosaved form may be,
# how often the browser sends it, and after how many days `manage.py prune_autosaves` removes it.
NEWSROOM_AUTOSAVE_MAX_BYTES = int(os.environ.get("NEWSROOM_AUTOSAVE_MAX_BYTES", str(1024 * 1024)))
NEWSROOM_AUTOSAVE_SECONDS = int(os.environ.get("NEWSROOM_AUTOSAVE_SECONDS", "30"))
NEWSROOM_AUTOSAVE_KEEP_DAYS = int(os.environ.get("NEWSROOM_AUTOSAVE_KEEP_DAYS", "30"))
