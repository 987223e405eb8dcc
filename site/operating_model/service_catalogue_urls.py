"""The service catalogue's addresses, under the operating model's (`operating_model:` names)."""

from django.urls import path

from . import service_catalogue_views as views

urlpatterns = [
    path("", views.catalogue, name="services"),
    path("services.csv", views.catalogue_csv, name="services_csv"),
    path("national/", views.national, name="services_national"),
    path("national.csv", views.national_csv, name="services_national_csv"),
    path("network/<slug:slug>/", views.network_catalogue, name="network_services"),
    path("network/<slug:slug>/services.csv", views.network_catalogue_csv, name="network_services_csv"),
    path("network/<slug:slug>/add/", views.add_service, name="add_service"),
    path("network/<slug:slug>/<int:pk>/edit/", views.edit_service, name="edit_service"),
    path("network/<slug:slug>/<int:pk>/delete/", views.delete_service, name="delete_service"),
]
