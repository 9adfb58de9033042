"""Django's Content-Security-Policy middleware, with the admin's policy for the admin's pages.

The public site's policy is ``SECURE_CSP``; pages under ``/admin/`` get ``NEWSROOM_ADMIN_CSP``
(the same, except that the admin's widgets may set inline styles).
"""

from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware


class NewsroomCSPMiddleware(ContentSecurityPolicyMiddleware):
    def process_response(self, request, response):
        if request.path.startswith("/admin/") and not hasattr(response, "_csp_config"):
            response._csp_config = settings.NEWSROOM_ADMIN_CSP
        return super().process_response(request, response)
