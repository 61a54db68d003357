"""Public badge URLs under /badges/ (namespace "badges"): the catalogue, Open Badges 2.0
hosted documents and 3.0 credentials. The issuer's DID document is at the site root
(/.well-known/did.json, in portal/urls.py) because did:web resolves a bare host there."""

from django.urls import path

from leaderboard import badge_views as views

app_name = "badges"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("issuer.json", views.issuer, name="issuer"),
    path("issuer.png", views.issuer_image, name="issuer_image"),
    path("classes/<slug:slug>.json", views.badge_class, name="badge_class"),
    path("classes/<slug:slug>.png", views.badge_image, name="badge_image"),
    path("assertions/<uuid:uid>.json", views.assertion, name="assertion"),
    path("credentials/<uuid:uid>.jwt", views.credential, name="credential"),
    path("status/<int:number>.jwt", views.status_list, name="status_list"),
    path("a/<uuid:uid>/", views.verify, name="verify"),
    path("a/<uuid:uid>/baked.png", views.baked, name="baked"),
    path("a/<uuid:uid>/credential.png", views.baked_credential, name="baked_credential"),
]
