from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/export/", views.export_own_data, name="export"),
    path("profile/remove/", views.remove_own_account, name="remove"),
]
