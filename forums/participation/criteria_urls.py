"""Addresses of the criteria workspace, under participation's namespace (`urls` adds them)."""

from django.urls import path

from . import criteria_views as views

criteria_urlpatterns = [
    path("criteria/", views.workspace, name="criteria"),
    path("criteria/propose/", views.propose_statement, name="criterion_propose"),
    path("criteria/<int:pk>/", views.statement_detail, name="criterion"),
    path("criteria/<int:pk>/open/", views.open_validation, name="criterion_open"),
    path("criteria/<int:pk>/adopt/", views.adopt_statement, name="criterion_adopt"),
    path("criteria/<int:pk>/decline/", views.decline_statement, name="criterion_decline"),
    path("criteria/poll/<int:poll_id>/", views.statement_of_poll, name="criterion_of_poll"),
    path("criteria/stories/", views.story_proposals, name="story_proposals"),
    path("criteria/stories/propose/", views.propose_story, name="story_propose"),
    path("criteria/stories/<int:pk>/review/", views.review_story, name="story_review"),
]
