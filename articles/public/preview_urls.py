from django.urls import path

from articles.public import preview

app_name = "preview"

urlpatterns = [
    path("articles/<int:pk>/", preview.StaffPreviewView.as_view(), name="article"),
    path("<str:token>/", preview.SharedPreviewView.as_view(), name="shared"),
]
