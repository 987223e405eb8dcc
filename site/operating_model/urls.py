from django.urls import include, path

from . import adoption_views, service_catalogue_urls, views
from .whoswho.urls import urlpatterns as whoswho_urlpatterns

app_name = "operating_model"

urlpatterns = [
    path("", views.baseline, name="baseline"),
    path("baseline.csv", views.baseline_csv, name="baseline_csv"),
    path("compare/", views.comparison, name="comparison"),
    path("compare.csv", views.comparison_csv, name="comparison_csv"),
    # Before the network addresses below, which would take "services" for a network's slug.
    path("services/", include(service_catalogue_urls)),
    # The adoption of national decisions (adoption_views).
    path("adoption/", adoption_views.dashboard, name="adoption_dashboard"),
    path("adoption.csv", adoption_views.dashboard_csv, name="adoption_dashboard_csv"),
    path("adoption/<str:decision>/remind/", adoption_views.remind, name="adoption_remind"),
    path("<slug:slug>/adoption/", adoption_views.network_adoption, name="network_adoption"),
    path("<slug:slug>/adoption.csv", adoption_views.network_adoption_csv, name="network_adoption_csv"),
    path("<slug:slug>/adoption/<str:decision>/", adoption_views.decision_status, name="adoption_decision"),
    path("<slug:slug>/", views.agreement, name="agreement"),
    path("<slug:slug>/agreement.csv", views.agreement_csv, name="agreement_csv"),
    path("<slug:slug>/versions/", views.versions, name="versions"),
    path("<slug:slug>/versions/<int:number>/", views.version, name="version"),
    path("<slug:slug>/edit/", views.edit_agreement, name="edit"),
]

urlpatterns += whoswho_urlpatterns
