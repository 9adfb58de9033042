"""Sitemaps for the people, organization and event pages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from newsroom.cache import depends_on
from organizations.models import Event, Organization, Person


class EntitySitemap(Sitemap):
    limit = 10000
    model = None

    def items(self):
        depends_on("list:sitemaps")
        return self.model.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.model.objects.aggregate(latest=Max("updated_at"))["latest"]


class PersonSitemap(EntitySitemap):
    model = Person


class OrganizationSitemap(EntitySitemap):
    model = Organization


class EventSitemap(EntitySitemap):
    model = Event
