from django.urls import path

from . import views

app_name = "calendar_app"

urlpatterns = [
    path("", views.month_view, name="month"),
    path("<int:year>/<int:month>/", views.month_view, name="month_of"),
    path("agenda/", views.agenda_view, name="agenda"),
    path("wheel/", views.wheel_view, name="wheel"),
    path("wheel/<int:year>/", views.wheel_view, name="wheel_of"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("events/<int:pk>/event.ics", views.event_ics, name="event_ics"),
    path("events/<int:pk>/register/", views.register_view, name="register"),
    path("events/<int:pk>/cancel/", views.cancel_view, name="cancel"),
    path("events/<int:pk>/note/", views.note_view, name="note"),
    path("events/<int:pk>/registrants/", views.registrants_view, name="registrants"),
    path("events/<int:pk>/registrants.csv", views.registrants_csv, name="registrants_csv"),
    path("feeds/public.ics", views.feed_public, name="feed_public"),
    path("feeds/themes/<slug:theme>.ics", views.feed_theme, name="feed_theme"),
    path("feeds/private/<str:token>.ics", views.feed_private, name="feed_private"),
    path(
        "feeds/private/<str:token>/networks/<slug:network>.ics",
        views.feed_network,
        name="feed_network",
    ),
    path("feeds/address/", views.create_feed_token_view, name="feed_token_create"),
    path("feeds/address/revoke/", views.revoke_feed_token_view, name="feed_token_revoke"),
]
