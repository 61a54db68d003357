from django.urls import path

from sharing import campaigns_views, preferences_views, views

app_name = "sharing"

urlpatterns = [
    path("l/<str:code>", views.tracked_link, name="tracked_link"),
    path("share/mine/", views.mine, name="mine"),
    path("share/suggest/", views.suggest, name="suggest"),
    path("share/campaigns/", campaigns_views.campaigns, name="campaigns"),
    path("share/campaigns/<slug:slug>/", campaigns_views.campaign, name="campaign"),
    path("share/campaigns/<slug:slug>/bar/", campaigns_views.campaign_bar, name="campaign_bar"),
    path("share/posts/<int:post_id>/", views.post_public, name="post_public"),
    path("share/posts/<int:post_id>/<str:platform>/", views.share, name="share"),
    path(
        "share/preferences/topics/", preferences_views.preferences_topics, name="preferences_topics"
    ),
    path("share/preferences/cap/", preferences_views.preferences_cap, name="preferences_cap"),
]
