"""Site-wide views: liveness (/healthz), readiness (/readyz), the site's icons."""

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """200 when the app and its database answer, 503 otherwise (for load balancers and uptime checks)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@never_cache
@require_safe
def readyz(request):
    """200 when this node can serve readers: a real page renders, and the database (writable
    primary), cache, storage and task queue are fine; 503 with each check's reason otherwise."""
    from newsroom.health import readiness

    results = readiness(request)
    ready = all(reason is None for reason in results.values())
    body = {
        "status": "ok" if ready else "unavailable",
        "checks": {name: reason or "ok" for name, reason in results.items()},
    }
    return JsonResponse(body, status=200 if ready else 503)


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: the admin's look, how long to wait, whom to ask (429)."""
    from django.conf import settings
    from django.contrib import admin
    from django.template.response import TemplateResponse

    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    context = {**admin.site.each_context(request), "minutes": minutes}
    response = TemplateResponse(request, "admin/locked_out.html", context, status=429)
    return response.render()


def server_error(request):
    """The 500 page. In the admin it tells the editor that what they typed is kept in their browser
    (static/js/autosave.js), so they come back to it instead of typing it again. It needs nothing
    from the database: it is shown when the database is what failed."""
    from django.http import HttpResponseServerError
    from django.template import loader

    name = "admin/500.html" if request.path.startswith("/admin/") else "500.html"
    return HttpResponseServerError(loader.get_template(name).render({}))


# A day in browsers and CDNs: the icon changes with a release, not with the news.
ICON_CACHE = "public, max-age=86400"


@require_safe
def favicon_ico(request):
    """/favicon.ico: browsers and feed readers ask for it whatever the page links."""
    from newsroom.favicon import favicon_ico as drawn

    response = HttpResponse(drawn(), content_type="image/x-icon")
    response["Cache-Control"] = ICON_CACHE
    return response


@require_safe
def favicon_svg(request):
    from newsroom.favicon import favicon_svg as drawn

    response = HttpResponse(drawn(), content_type="image/svg+xml")
    response["Cache-Control"] = ICON_CACHE
    return response


@require_safe
def apple_touch_icon(request):
    from newsroom.favicon import favicon_png

    response = HttpResponse(favicon_png(), content_type="image/png")
    response["Cache-Control"] = ICON_CACHE
    return response
