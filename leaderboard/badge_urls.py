"""Public Open Badges URLs under /badges/ (namespace "badges")."""

from django.urls import path

from leaderboard import views

app_name = "badges"

urlpatterns = [
    path("issuer.json", views.issuer, name="issuer"),
    path("classes/<slug:slug>.json", views.badge_class, name="badge_class"),
    path("classes/<slug:slug>.png", views.badge_image, name="badge_image"),
    path("assertions/<uuid:uid>.json", views.assertion, name="assertion"),
    path("a/<uuid:uid>/", views.verify, name="verify"),
    path("a/<uuid:uid>/baked.png", views.baked, name="baked"),
]
