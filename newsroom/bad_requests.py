"""Bad input in an admin address answers 400 with a message, never a 500 page.

The admin turns query-string filters into lookups (``?headline__regex=(``); PostgreSQL refuses a
malformed pattern or value only when the list is read, as a ``DataError``. That is the editor's
input, not a fault of the site.
"""

from django.db import DataError
from django.utils.translation import gettext as _


class AdminBadQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (request.path.startswith("/admin/") and request.method in ("GET", "HEAD")):
            return None
        if not isinstance(exception, DataError):
            return None
        from django.contrib import admin
        from django.template.response import TemplateResponse

        reason = str(exception).splitlines()[0].rstrip(".") + "."
        context = {
            **admin.site.each_context(request),
            "reason": reason,
            "title": _("This filter cannot be used"),
        }
        return TemplateResponse(request, "admin/bad_filter.html", context, status=400).render()
