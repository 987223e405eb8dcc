from django.urls import path

from . import views

app_name = "forums"

urlpatterns = [
    path("", views.index, name="index"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read-all/", views.mark_all_read, name="mark_all_read"),
    path("notifications/<int:pk>/", views.open_notification, name="open_notification"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("reports/<int:pk>/<str:action>/", views.handle_report, name="handle_report"),
    path("feed-address/renew/", views.reset_feed_address, name="reset_feed_address"),
    path("feed/<str:token>/<slug:slug>/", views.forum_feed, name="feed"),
    path("topic/<int:pk>/", views.topic_detail, name="topic"),
    path("topic/<int:pk>/reply/", views.reply, name="reply"),
    path("topic/<int:pk>/follow/", views.follow_topic, name="follow_topic"),
    path("topic/<int:pk>/accept/", views.accept_answer, name="accept_answer"),
    path("topic/<int:pk>/move/", views.move_topic, name="move_topic"),
    path("topic/<int:pk>/moderate/<str:action>/", views.moderate_topic, name="moderate_topic"),
    path("post/<int:pk>/", views.post_redirect, name="post"),
    path("post/<int:pk>/edit/", views.edit_post, name="edit_post"),
    path("post/<int:pk>/history/", views.post_history, name="post_history"),
    path("post/<int:pk>/report/", views.report_post, name="report_post"),
    path("post/<int:pk>/react/", views.react, name="react"),
    path("post/<int:pk>/moderate/<str:action>/", views.moderate_post, name="moderate_post"),
    path("attachments/<int:pk>/<str:filename>", views.attachment, name="attachment"),
    path("<slug:slug>/", views.forum_detail, name="forum"),
    path("<slug:slug>/new/", views.new_topic, name="new_topic"),
    path("<slug:slug>/follow/", views.follow_forum, name="follow_forum"),
    path("<slug:slug>/people/", views.mention_candidates, name="mention_candidates"),
    path("<slug:slug>/feed-address/", views.create_feed_address, name="create_feed_address"),
]
