from django.urls import path

from sharing import views

app_name = "sharing"

urlpatterns = [
    path("l/<str:code>", views.tracked_link, name="tracked_link"),
    path("share/mine/", views.mine, name="mine"),
    path("share/suggest/", views.suggest, name="suggest"),
    path("share/posts/<int:post_id>/<str:platform>/", views.share, name="share"),
    path("share/preferences/topics/", views.preferences_topics, name="preferences_topics"),
    path("share/preferences/cap/", views.preferences_cap, name="preferences_cap"),
]
