"""Template context shared by every public page."""

from django.conf import settings

from articles.models import Section


def site(request):
    """The site name and the section navigation (one query, evaluated lazily by the template)."""
    return {
        "site_name": settings.NEWSROOM_SITE_NAME,
        "nav_sections": Section.objects.order_by("position", "name").only("name", "slug"),
    }
