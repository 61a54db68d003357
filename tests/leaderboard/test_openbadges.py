"""Open Badges 2.0 hosted verification: issuer, BadgeClass, Assertion, page, baked PNG."""

import hashlib
import io
import json
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from PIL import Image

from leaderboard.models import BadgeAward
from leaderboard.services import badge_award_revoke, points_award
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
CONTEXT = "https://w3id.org/openbadges/v2"
# Required properties per the Open Badges 2.0 specification.
REQUIRED = {
    "Issuer": {"@context", "type", "id", "name", "url"},
    "BadgeClass": {"@context", "type", "id", "name", "description", "image", "criteria", "issuer"},
    "Assertion": {"@context", "type", "id", "recipient", "badge", "verification", "issuedOn"},
}


@pytest.fixture
def award():
    BadgeFactory(name="First share", slug="first-share", criterion="shares", threshold=1)
    user = UserFactory(email="Ade@Example.com", first_name="Ade", last_name="Vasquez")
    points_award(user=user, reason="share", key="share:1")
    return BadgeAward.objects.get(user=user)


def fetch(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


def assert_valid(document: dict, kind: str):
    assert document["@context"] == CONTEXT
    assert document["type"] == kind
    missing = REQUIRED[kind] - set(document)
    assert not missing, f"{kind} lacks {missing}"
    assert document["id"].startswith("http")


def test_issuer_badge_class_and_assertion_are_public_and_complete(client, award):
    issuer = fetch(client, reverse("badges:issuer"))
    assert_valid(issuer, "Issuer")

    assertion = fetch(client, reverse("badges:assertion", args=[award.uid]))
    assert_valid(assertion, "Assertion")
    assert assertion["verification"]["type"] == "HostedBadge"
    assert assertion["id"].endswith(reverse("badges:assertion", args=[award.uid]))
    assert "revoked" not in assertion

    badge_class = fetch(client, urlsplit(assertion["badge"]).path)
    assert_valid(badge_class, "BadgeClass")
    assert badge_class["issuer"] == issuer["id"]
    assert badge_class["criteria"]["narrative"]
    image = client.get(reverse("badges:badge_image", args=["first-share"]))
    assert image["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).size == (256, 256)


def test_recipient_is_a_salted_sha256_of_the_email(client, award):
    recipient = fetch(client, reverse("badges:assertion", args=[award.uid]))["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    digest = hashlib.sha256(("ade@example.com" + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${digest}"
    assert "Ade@Example.com".lower() not in json.dumps(recipient).lower()


def test_verification_page_checks_an_email_and_names_the_badge(client, award):
    url = reverse("badges:verify", args=[award.uid])
    page = client.get(url).content.decode()
    assert "First share" in page and "Valid." in page and "Ade Vasquez" in page
    assert (
        "Yes: this badge was issued"
        in client.get(url, {"email": "ade@example.com"}).content.decode()
    )
    assert (
        "No: this badge was not issued"
        in client.get(url, {"email": "x@example.com"}).content.decode()
    )


def test_a_revoked_award_says_so_in_its_json_and_page(client, award):
    badge_award_revoke(award=award, reason="Shared before the policy was acknowledged.")
    document = fetch(client, reverse("badges:assertion", args=[award.uid]), status=410)
    assert_valid(document, "Assertion")
    assert document["revoked"] is True
    assert "policy" in document["revocationReason"]
    page = client.get(reverse("badges:verify", args=[award.uid]))
    assert page.status_code == 410
    assert "Revoked" in page.content.decode()


def test_only_the_owner_downloads_the_baked_png_and_it_carries_the_assertion(client, award):
    url = reverse("badges:baked", args=[award.uid])
    assert client.get(url).status_code == 302  # anonymous: log in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(award.user)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    baked = json.loads(image.text["openbadges"])
    assert baked["id"].endswith(reverse("badges:assertion", args=[award.uid]))
    assert_valid(baked, "Assertion")
    assert b"iTXt" in response.content


def test_unknown_award_is_404(client):
    assert (
        client.get("/badges/assertions/00000000-0000-0000-0000-000000000000.json").status_code
        == 404
    )
