from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("laki/<slug:statute_slug>/", views.statute, name="statute"),
    path("laki/<slug:statute_slug>/<str:section>/", views.law_section, name="law_section"),
    path("kaytannot/ehdota/", views.submit_practice, name="submit_practice"),
    path("kaytannot/omat/", views.my_submissions, name="my_submissions"),
    path("seuraa/<int:page_id>/", views.follow, name="follow"),
    path("lopeta-seuraaminen/<int:page_id>/", views.unfollow, name="unfollow"),
    path("seuratut/", views.following, name="following"),
]
