from django.urls import path

from reference_site.views import page

urlpatterns = [path("", page, name="page")]
