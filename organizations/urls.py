from django.urls import path

from articles.feeds import entity_feed
from organizations import views
from organizations.models import Event, Organization, Person

app_name = "organizations"

urlpatterns = [
    path("people/", views.PersonIndexView.as_view(), name="person_index"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<slug:slug>/feed/", entity_feed(Person, views.person_articles)(), name="person_feed"),
    path("organizations/", views.OrganizationIndexView.as_view(), name="organization_index"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization_detail"),
    path(
        "organizations/<slug:slug>/feed/",
        entity_feed(Organization, views.organization_articles)(),
        name="organization_feed",
    ),
    path("events/", views.EventIndexView.as_view(), name="event_index"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("events/<slug:slug>/feed/", entity_feed(Event, views.event_articles)(), name="event_feed"),
]
