"""Addresses of the people, organization and event pages (the ``organizations`` URL namespace).

The A–Z indexes are the organizations app's own views; an entity's page lists its coverage and so
is served from here, the articles side.
"""

from django.urls import path

from articles.public import entities
from articles.public.feeds import entity_feed, feed_paths
from organizations import views
from organizations.models import Event, Organization, Person

app_name = "organizations"

urlpatterns = [
    path("people/", views.PersonIndexView.as_view(), name="person_index"),
    path("people/<slug:slug>/", entities.PersonDetailView.as_view(), name="person_detail"),
    *feed_paths("people/<slug:slug>/feed/", entity_feed(Person, entities.person_articles), "person_feed"),
    path("organizations/", views.OrganizationIndexView.as_view(), name="organization_index"),
    path("organizations/<slug:slug>/", entities.OrganizationDetailView.as_view(), name="organization_detail"),
    *feed_paths(
        "organizations/<slug:slug>/feed/",
        entity_feed(Organization, entities.organization_articles),
        "organization_feed",
    ),
    path("events/", views.EventIndexView.as_view(), name="event_index"),
    path("events/<slug:slug>/", entities.EventDetailView.as_view(), name="event_detail"),
    *feed_paths("events/<slug:slug>/feed/", entity_feed(Event, entities.event_articles), "event_feed"),
]
