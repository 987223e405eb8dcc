from django.urls import path

from . import barometer_views, views
from .criteria_urls import criteria_urlpatterns

app_name = "participation"

urlpatterns = [
    path("", views.index, name="index"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/results/", views.results, name="results"),
    path("rounds/<int:pk>/results.csv", views.results_csv, name="results_csv"),
    path("needs/", views.needs, name="needs"),
    path("needs/propose/", views.propose_need, name="propose_need"),
    path("needs/<int:pk>/", views.need_detail, name="need"),
    path("needs/<int:pk>/merge/", views.merge_need, name="merge_need"),
    path("stories/<int:page_id>/answer/", views.answer_story, name="answer_story"),
    path("barometer/", barometer_views.index, name="barometer"),
    path("barometer/open/", barometer_views.open_round, name="barometer_open"),
    path("barometer/<int:pk>/", barometer_views.round_detail, name="barometer_round"),
    path("barometer/<int:pk>/results/", barometer_views.results, name="barometer_results"),
    path("barometer/<int:pk>/results.csv", barometer_views.results_csv, name="barometer_results_csv"),
]

urlpatterns += criteria_urlpatterns
