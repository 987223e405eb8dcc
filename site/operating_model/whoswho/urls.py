from django.urls import path

from . import views

# Joined to the operating model's URLs (namespace "operating_model").
urlpatterns = [
    path("<slug:slug>/people/", views.whoswho, name="whoswho"),
    path("<slug:slug>/people.csv", views.whoswho_csv, name="whoswho_csv"),
    path("<slug:slug>/people/add/", views.add_entry, name="whoswho_add"),
    path("<slug:slug>/people/review/", views.review_settings, name="whoswho_settings"),
    path("<slug:slug>/people/confirm/", views.confirm_all, name="whoswho_confirm_all"),
    path("<slug:slug>/people/<int:pk>/edit/", views.edit_entry, name="whoswho_edit"),
    path("<slug:slug>/people/<int:pk>/confirm/", views.confirm_entry, name="whoswho_confirm"),
    path("<slug:slug>/people/<int:pk>/delete/", views.delete_entry, name="whoswho_delete"),
]
