"""/.well-known/ documents for Open Badges 3.0: the issuer's did:web DID document."""

from django.urls import path

from leaderboard import badge_views

urlpatterns = [
    path("did.json", badge_views.did_document, name="did_document"),
]
