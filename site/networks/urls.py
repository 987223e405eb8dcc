from django.urls import path

from . import views

app_name = "networks"

urlpatterns = [
    path("", views.network_list, name="list"),
    path("manage/", views.manage_memberships, name="manage"),
    path("memberships/<int:pk>/decide/", views.decide_membership, name="decide"),
    path("roles/<int:pk>/decide/", views.decide_role, name="decide_role"),
    path("<slug:slug>/join/", views.join_network, name="join"),
]
