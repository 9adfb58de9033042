"""Sitemaps for the people, organization and event pages."""

from django.db.models import Max

from newsroom.cache import depends_on
from newsroom.sitemap_pages import IdRangeSitemap
from organizations.models import Event, Organization, Person


class EntitySitemap(IdRangeSitemap):
    """Every person, organization or event page, ``newsroom.sitemap_pages.PAGE_SIZE`` ids a sitemap page."""

    model = None

    def items(self):
        depends_on("list:sitemaps")
        return self.model.objects.only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.model.objects.aggregate(latest=Max("updated_at"))["latest"]


class PersonSitemap(EntitySitemap):
    model = Person
    url_name = "organizations:person_detail"


class OrganizationSitemap(EntitySitemap):
    model = Organization
    url_name = "organizations:organization_detail"


class EventSitemap(EntitySitemap):
    model = Event
    url_name = "organizations:event_detail"
