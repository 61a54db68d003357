"""Open Badges 2.0 hosted verification, strictly: issuer Profile, BadgeClass, Assertion,
media types, CORS, the verification page, the baked PNG, frozen slugs and recipients.

Field lists from the 2.0 specification (IMS Global, OBv2p0Final): "required" are the
properties it marks required (an issuer Profile also needs url and email); "recommended"
are those it recommends or that a hosted badge needs to be verified without guessing."""

import hashlib
import io
import json
from datetime import datetime
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from openbadgeslib.ob2.verifier import OB2VerificationError, OB2Verifier
from PIL import Image

from leaderboard.models import BadgeAward, BadgeIssuerSettings
from leaderboard.services import badge_award_revoke, points_award
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db
CONTEXT = "https://w3id.org/openbadges/v2"
REQUIRED = {
    "Issuer": {"@context", "type", "id", "name", "url", "email"},
    "BadgeClass": {"@context", "type", "id", "name", "description", "image", "criteria", "issuer"},
    "Assertion": {"@context", "type", "id", "recipient", "badge", "verification", "issuedOn"},
}
RECOMMENDED = {
    "Issuer": {"description", "image", "verification"},
    "BadgeClass": {"tags"},
    "Assertion": {"evidence"},
}
# What each property must look like (2.0 data types: IRI, Text, DateTime, Boolean, objects).
IRI_FIELDS = {
    "Issuer": {"id", "url", "image"},
    "BadgeClass": {"id", "image", "issuer"},
    "Assertion": {"id", "badge"},
}


@pytest.fixture
def award():
    BadgeFactory(name="First share", slug="first-share", criterion="shares", threshold=1)
    user = UserFactory(email="Ade@Example.com", first_name="Ade", last_name="Vasquez")
    points_award(user=user, reason="share", key="share:1")
    return BadgeAward.objects.get(user=user)


def fetch(client, url, status=200, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, response.content
    return response.json()


def local(client):
    """Serve https://<portal>/... from the test client, for the independent verifier."""

    def download(url: str) -> bytes:
        response = client.get(urlsplit(url).path)
        assert response.status_code in (200, 410), (url, response.status_code)
        return response.content

    return download


def assert_valid(document: dict, kind: str):
    assert document["@context"] == CONTEXT
    assert document["type"] == kind
    missing = REQUIRED[kind] - set(document)
    assert not missing, f"{kind} lacks required {missing}"
    for field in IRI_FIELDS[kind]:
        assert urlsplit(document[field]).scheme in ("http", "https"), (kind, field)


def test_issuer_profile_has_every_required_and_recommended_field(client, award):
    BadgeIssuerSettings.objects.update_or_create(defaults={"email": "badges@northwind.example"})
    issuer = fetch(client, reverse("badges:issuer"))
    assert_valid(issuer, "Issuer")
    assert not RECOMMENDED["Issuer"] - set(issuer)
    assert issuer["email"] == "badges@northwind.example"
    image = client.get(urlsplit(issuer["image"]).path)
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    # Hosted assertions live under the declared prefix, whatever the organisation's url.
    assertion_id = fetch(client, reverse("badges:assertion", args=[award.uid]))["id"]
    assert assertion_id.startswith(issuer["verification"]["startsWith"])


def test_the_issuer_always_has_an_email_even_when_the_setting_is_blank(client, settings):
    settings.BADGE_ISSUER_EMAIL = ""
    settings.DEFAULT_FROM_EMAIL = "Chorus <chorus@northwind.example>"
    BadgeIssuerSettings.objects.update_or_create(defaults={"email": ""})
    assert fetch(client, reverse("badges:issuer"))["email"] == "chorus@northwind.example"
    settings.BADGE_ISSUER_EMAIL = "recognition@northwind.example"
    assert fetch(client, reverse("badges:issuer"))["email"] == "recognition@northwind.example"


def test_badge_class_and_assertion_have_every_required_and_recommended_field(client, award):
    assertion = fetch(client, reverse("badges:assertion", args=[award.uid]))
    assert_valid(assertion, "Assertion")
    assert not RECOMMENDED["Assertion"] - set(assertion)
    assert assertion["verification"] == {"type": "HostedBadge"}
    assert assertion["id"].endswith(reverse("badges:assertion", args=[award.uid]))
    assert datetime.fromisoformat(assertion["issuedOn"]).tzinfo is not None
    assert assertion["evidence"]["narrative"]
    assert "revoked" not in assertion
    # The class names the image; the assertion does not repeat it.
    assert "image" not in assertion

    badge_class = fetch(client, urlsplit(assertion["badge"]).path)
    assert_valid(badge_class, "BadgeClass")
    assert not RECOMMENDED["BadgeClass"] - set(badge_class)
    assert badge_class["issuer"] == fetch(client, reverse("badges:issuer"))["id"]
    assert badge_class["criteria"]["narrative"]
    criteria_page = client.get(urlsplit(badge_class["criteria"]["id"]).path)
    assert criteria_page.status_code == 200 and "First share" in criteria_page.content.decode()
    image = client.get(urlsplit(badge_class["image"]).path)
    assert image["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).size == (256, 256)


def test_an_independent_verifier_accepts_the_hosted_assertion(client, award):
    document = fetch(client, reverse("badges:assertion", args=[award.uid]))
    verified = OB2Verifier(download=local(client)).verify_hosted(
        document, expected_recipient="Ade@Example.com", check_revocation=True
    )
    assert verified.id == document["id"]
    with pytest.raises(OB2VerificationError, match="Recipient mismatch"):
        OB2Verifier(download=local(client)).verify_hosted(
            document, expected_recipient="someone@example.com"
        )


def test_json_is_json_ld_unless_the_client_accepts_only_plain_json(client, award):
    url = reverse("badges:assertion", args=[award.uid])
    assert client.get(url)["Content-Type"] == "application/ld+json"
    assert client.get(url, headers={"accept": "application/ld+json"})["Content-Type"] == (
        "application/ld+json"
    )
    assert client.get(url, headers={"accept": "*/*"})["Content-Type"] == "application/ld+json"
    plain = client.get(url, headers={"accept": "application/json"})
    assert plain["Content-Type"] == "application/json"
    assert plain.json()["type"] == "Assertion"
    both = "application/json;q=0.9, application/ld+json"
    assert client.get(url, headers={"accept": both})["Content-Type"] == "application/ld+json"


@pytest.mark.parametrize("name", ["issuer", "badge_class", "badge_image", "assertion"])
def test_documents_and_images_allow_any_origin_and_answer_options(client, award, name):
    args = {"badge_class": ["first-share"], "badge_image": ["first-share"]}.get(name, [])
    if name == "assertion":
        args = [award.uid]
    url = reverse(f"badges:{name}", args=args)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(url, headers={"origin": "https://backpack.example"})
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert client.post(url).status_code == 405


def test_recipient_is_a_salted_sha256_of_the_email_as_issued(client, award):
    recipient = fetch(client, reverse("badges:assertion", args=[award.uid]))["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True
    digest = hashlib.sha256(("Ade@Example.com" + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${digest}"
    assert "example.com" not in json.dumps(recipient).lower()
    # A later change of address does not rewrite what was issued.
    award.user.email = "ade.vasquez@example.com"
    award.user.save()
    again = fetch(client, reverse("badges:assertion", args=[award.uid]))["recipient"]
    assert again["identity"] == recipient["identity"]


def test_a_person_without_an_email_gets_the_badge_but_no_made_up_identity(client):
    BadgeFactory(slug="first-share", criterion="shares", threshold=1)
    user = UserFactory(email="")
    points_award(user=user, reason="share", key="share:1")
    award = BadgeAward.objects.get(user=user)
    assert award.recipient_hash == "" and award.recipient_salt == ""
    assert client.get(reverse("badges:assertion", args=[award.uid])).status_code == 404
    assert client.get(reverse("badges:credential", args=[award.uid])).status_code == 404
    page = client.get(reverse("badges:verify", args=[award.uid])).content.decode()
    assert "no email address" in page and "@invalid" not in page
    client.force_login(user)
    assert client.get(reverse("badges:baked", args=[award.uid])).status_code == 404


def test_verification_page_checks_an_email_and_names_the_badge(client, award):
    url = reverse("badges:verify", args=[award.uid])
    page = client.get(url).content.decode()
    assert "First share" in page and "Valid." in page and "Ade Vasquez" in page
    yes = client.get(url, {"email": "Ade@Example.com"}).content.decode()
    assert "Yes: this badge was issued" in yes
    no = client.get(url, {"email": "x@example.com"}).content.decode()
    assert "No: this badge was not issued" in no


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


def badge_form(badge, **changes):
    return {
        "name": badge.name,
        "slug": badge.slug,
        "description": badge.description,
        "criterion": badge.criterion,
        "threshold": badge.threshold,
        "active": "on",
        **changes,
    }


def test_a_badge_slug_is_frozen_once_awarded_and_the_form_says_why(client, award):
    client.force_login(EditorFactory())
    badge = award.badge
    url = reverse("wagtailsnippets_leaderboard_badge:edit", args=[badge.pk])
    response = client.post(url, badge_form(badge, slug="first-post"))
    assert response.status_code == 200
    assert "its slug is frozen" in response.content.decode()
    badge.refresh_from_db()
    assert badge.slug == "first-share"
    # Everything else stays editable.
    response = client.post(url, badge_form(badge, name="First post shared"))
    assert response.status_code == 302
    badge.refresh_from_db()
    assert badge.name == "First post shared"


def test_a_badge_nobody_holds_may_change_its_slug(client):
    client.force_login(EditorFactory())
    badge = BadgeFactory(slug="draft-badge")
    url = reverse("wagtailsnippets_leaderboard_badge:edit", args=[badge.pk])
    assert client.post(url, badge_form(badge, slug="final-badge")).status_code == 302
    badge.refresh_from_db()
    assert badge.slug == "final-badge"
