app_name = "calendar_app"

urlpatterns: list = []
