from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("accessibility/", views.accessibility_statement, name="accessibility_statement"),
    path("accessibility/feedback/", views.accessibility_feedback, name="accessibility_feedback"),
]
