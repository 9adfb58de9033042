from django.urls import path

from organizations import views

app_name = "organizations"

urlpatterns = [
    path("people/", views.PersonIndexView.as_view(), name="person_index"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("organizations/", views.OrganizationIndexView.as_view(), name="organization_index"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="organization_detail"),
    path("events/", views.EventIndexView.as_view(), name="event_index"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
]
