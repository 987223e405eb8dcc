from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.national, name="national"),
    path("indicators.csv", views.export_csv, name="export_csv"),
    path("indicator/<slug:key>/", views.indicator, name="indicator"),
    path("network/<slug:slug>/", views.network, name="network"),
    path("network/<slug:slug>/enter/<str:period_type>/", views.enter_figures, name="enter"),
    path("network/<slug:slug>/upload/", views.upload_figures, name="upload"),
]
