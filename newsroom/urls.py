"""The project's URL tree: the admin, health checks, local media, and the site (included by dotted path)."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from newsroom import metrics, views
from newsroom.media import serve_media

admin.site.site_header = f"{settings.NEWSROOM_SITE_NAME} editors"
admin.site.site_title = f"{settings.NEWSROOM_SITE_NAME} admin"
admin.site.index_title = "Newsroom workplace"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("favicon.ico", views.favicon_ico, name="favicon_ico"),
    path("favicon.svg", views.favicon_svg, name="favicon_svg"),
    path("apple-touch-icon.png", views.apple_touch_icon, name="apple_touch_icon"),
    path("admin/", admin.site.urls),
    path("", include("website.urls")),
]

# Media on the local disk under a local MEDIA_URL: the view answers only in development or with
# NEWSROOM_SERVE_MEDIA=1 (one node); otherwise the reverse proxy (or the bucket) serves them.
if not urlsplit(settings.MEDIA_URL).netloc and settings.MEDIA_URL.strip("/"):
    _prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.append(re_path(rf"^{_prefix}(?P<path>.*)$", serve_media, name="media"))

handler500 = "newsroom.views.server_error"
