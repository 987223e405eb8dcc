"""URLs of the feature apps, mounted inside the language prefix before Wagtail's pages."""

from django.urls import include, path

urlpatterns = [
    path("knowledge/", include("knowledge.urls")),
    path("forums/", include("forums.urls")),
    path("participate/", include("forums.participation.urls")),
    path("calendar/", include("calendar_app.urls")),
    path("operating-model/", include("typ_site.operating_model.urls")),
    path("indicators/", include("typ_site.indicators.urls")),
    path("search/", include("search.urls")),
    path("", include("typ_site.core.urls")),
]
