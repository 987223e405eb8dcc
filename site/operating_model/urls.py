from django.urls import include, path

from . import service_catalogue_urls, views

app_name = "operating_model"

urlpatterns = [
    path("", views.baseline, name="baseline"),
    path("baseline.csv", views.baseline_csv, name="baseline_csv"),
    path("compare/", views.comparison, name="comparison"),
    path("compare.csv", views.comparison_csv, name="comparison_csv"),
    # Before the network addresses below, which would take "services" for a network's slug.
    path("services/", include(service_catalogue_urls)),
    path("<slug:slug>/", views.agreement, name="agreement"),
    path("<slug:slug>/agreement.csv", views.agreement_csv, name="agreement_csv"),
    path("<slug:slug>/versions/", views.versions, name="versions"),
    path("<slug:slug>/versions/<int:number>/", views.version, name="version"),
    path("<slug:slug>/edit/", views.edit_agreement, name="edit"),
]
