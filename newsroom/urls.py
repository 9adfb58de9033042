"""The project's URL tree: the admin, health checks, and the site (included by dotted path)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from newsroom import metrics, views

admin.site.site_header = f"{settings.NEWSROOM_SITE_NAME} editors"
admin.site.site_title = f"{settings.NEWSROOM_SITE_NAME} admin"
admin.site.index_title = "Newsroom workplace"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("admin/", admin.site.urls),
    path("", include("website.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
