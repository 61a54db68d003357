"""Open Badges 3.0: each award as a signed OpenBadgeCredential, verified by an independent
verifier (openbadgeslib, which decodes with PyJWT; Chorus signs with joserfc), the issuer's
did:web document, key rotation, revocation through the status list, the baked PNG, the
production checks, and LinkedIn's "Add to profile" link."""

import base64
import io
import json
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openbadgeslib
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from openbadgeslib.ob3.verifier import OB3VerificationError, OB3Verifier
from openbadgeslib.verify import verify_badge
from PIL import Image

from leaderboard import credentials
from leaderboard.credentials_checks import badge_issuer_email_check, badge_signing_keys_check
from leaderboard.models import BadgeAward, BadgeIssuerSettings
from leaderboard.services import badge_award_revoke, points_award
from tests.courses.factories import CertificateFactory
from tests.leaderboard.factories import BadgeFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
OLD_KEY = credentials.new_key_entry("old-1")
NEW_KEY = credentials.new_key_entry("new-1")


@pytest.fixture
def award():
    BadgeFactory(name="First share", slug="first-share", criterion="shares", threshold=1)
    user = UserFactory(email="Ade@Example.com", first_name="Ade", last_name="Vasquez")
    points_award(user=user, reason="share", key="share:1")
    return BadgeAward.objects.get(user=user)


@pytest.fixture
def download(client):
    """The verifier's fetcher, answered by the portal itself (https://host/... → path)."""
    seen = []

    def fetch(url: str) -> bytes:
        seen.append(url)
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, (url, response.status_code)
        return response.content

    fetch.seen = seen
    return fetch


def jwt_of(client, award) -> str:
    response = client.get(reverse("badges:credential", args=[award.uid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.content.decode()


def parts(token: str) -> tuple[dict, dict]:
    header, payload, _ = token.split(".")
    decode = lambda part: json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))  # noqa: E731
    return decode(header), decode(payload)


def verify(token: str, download, *, status=True):
    did = parts(token)[1]["iss"]
    verifier = OB3Verifier.for_issuer_did(did, download=download)
    return verifier.verify(token, check_status=status, verify_status_list=True, download=download)


def test_each_award_is_an_open_badge_credential_with_the_vc_2_0_shape(client, award):
    header, credential = parts(jwt_of(client, award))
    assert header["alg"] == "EdDSA" and header["typ"] == "vc+jwt"
    assert header["kid"] == f"{credentials.issuer_did()}#test-1"
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == credential["jti"]
    assert credential["issuer"]["id"] == credential["iss"] == credentials.issuer_did()
    assert {"type", "name", "url", "email"} <= set(credential["issuer"])
    assert credential["validFrom"].endswith("Z")
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    (identity,) = subject["identifier"]
    assert identity["identityHash"] == award.recipient_hash
    assert identity["identityType"] == "emailAddress" and identity["hashed"] is True
    achievement = subject["achievement"]
    assert {"id", "type", "name", "description", "criteria", "image"} <= set(achievement)
    assert achievement["id"].endswith(reverse("badges:badge_class", args=["first-share"]))
    assert credential["credentialStatus"]["type"] == "BitstringStatusListEntry"
    assert credential["credentialStatus"]["statusPurpose"] == "revocation"
    assert "Ade@Example.com".lower() not in json.dumps(credential).lower()


def defined_terms() -> set[str]:
    """Every term the VC 2.0 and OB 3.0.3 JSON-LD contexts define (as openbadgeslib bundles
    them), at any scope: a property outside them would be dropped by a JSON-LD processor."""
    folder = Path(openbadgeslib.__file__).parent / "ob3" / "contexts"
    terms: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if not key.startswith("@"):
                    terms.add(key)
                walk(value)

    for name in ("credentials-v2.json", "ob-v3p0-context-3.0.3.json"):
        walk(json.loads((folder / name).read_text())["@context"])
    return terms


def used_terms(node) -> set[str]:
    if isinstance(node, list):
        return set().union(*(used_terms(item) for item in node)) if node else set()
    if not isinstance(node, dict):
        return set()
    keys = {key for key in node if not key.startswith("@")}
    return keys.union(*(used_terms(value) for value in node.values()))


def test_every_property_of_the_credential_is_defined_by_its_contexts(client, award):
    _, credential = parts(jwt_of(client, award))
    registered_claims = {"iss", "nbf", "jti"}
    assert not used_terms(credential) - registered_claims - defined_terms()
    # And the types it names are ones the contexts define.
    terms = defined_terms()
    assert {"OpenBadgeCredential", "AchievementSubject", "Achievement", "IdentityObject"} <= terms
    assert "BitstringStatusListEntry" in terms


def test_an_independent_verifier_accepts_the_credential_via_did_web(client, award, download):
    result = verify(jwt_of(client, award), download)
    assert result.achievement.name == "First share"
    assert result.issuer.id == credentials.issuer_did()
    # It found the key in the DID document and checked the signed status list.
    assert any(url.endswith("/.well-known/did.json") for url in download.seen)
    assert any("/badges/status/0.jwt" in url for url in download.seen)


def test_a_tampered_credential_fails_verification(client, award, download):
    token = jwt_of(client, award)
    header, payload, signature = token.split(".")
    claims = parts(token)[1]
    claims["credentialSubject"]["achievement"]["name"] = "Top of the month"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(OB3VerificationError, match="signature"):
        verify(f"{header}.{forged}.{signature}", download)
    # A signature by some other key fails too, even with the portal's key id.
    other = credentials.parse_key(credentials.new_key_entry("test-1"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(credentials, "current_key", lambda: other)
        foreign = credentials.credential_jwt(award)
    with pytest.raises(OB3VerificationError):
        verify(foreign, download)


def test_revoking_an_award_sets_its_bit_in_the_status_list(client, award, download):
    token = jwt_of(client, award)
    verify(token, download)
    badge_award_revoke(award=award, reason="Shared before the policy was acknowledged.")
    with pytest.raises(OB3VerificationError, match="revocation"):
        verify(token, download)
    # Other awards on the same list stay valid.
    BadgeFactory(slug="second", criterion="shares", threshold=1)
    other_user = UserFactory(email="b@example.com")
    points_award(user=other_user, reason="share", key="share:b")
    verify(jwt_of(client, BadgeAward.objects.get(user=other_user, badge__slug="second")), download)


def test_the_status_list_is_a_signed_bitstring_status_list_credential(client, award):
    response = client.get(reverse("badges:status_list", args=[0]))
    assert response["Content-Type"] == "application/vc+jwt"
    assert response["Access-Control-Allow-Origin"] == "*"
    _, document = parts(response.content.decode())
    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    subject = document["credentialSubject"]
    assert subject["type"] == "BitstringStatusList" and subject["statusPurpose"] == "revocation"
    assert subject["encodedList"].startswith("u")


def test_the_baked_png_carries_the_signed_credential(client, award, download):
    url = reverse("badges:baked_credential", args=[award.uid])
    assert client.get(url).status_code == 302
    client.force_login(award.user)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.text["openbadgecredential"].count(".") == 2
    result = verify_badge(
        response.content, "3", resolve_did=True, check_status=True, download=download
    )
    assert result.valid and result.trusted, result.reason


def test_old_keys_stay_published_so_rotation_breaks_nothing(client, award, download, settings):
    settings.BADGE_SIGNING_KEYS = [OLD_KEY]
    before = jwt_of(client, award)
    settings.BADGE_SIGNING_KEYS = [NEW_KEY, OLD_KEY]
    after = jwt_of(client, award)
    assert parts(before)[0]["kid"].endswith("#old-1")
    assert parts(after)[0]["kid"].endswith("#new-1")
    document = client.get("/.well-known/did.json").json()
    assert [m["id"].rsplit("#")[1] for m in document["verificationMethod"]] == ["new-1", "old-1"]
    assert all("d" not in m["publicKeyJwk"] for m in document["verificationMethod"])
    verify(before, download)
    verify(after, download)
    # Dropping a key from the list is what retires the credentials it signed.
    settings.BADGE_SIGNING_KEYS = [NEW_KEY]
    with pytest.raises(OB3VerificationError):
        verify(before, download)


def test_production_refuses_to_sign_without_a_key(settings, award):
    settings.BADGE_SIGNING_KEYS = []
    with pytest.raises(ImproperlyConfigured, match="BADGE_SIGNING_KEYS"):
        credentials.credential_jwt(award)
    assert [e.id for e in badge_signing_keys_check()] == ["chorus.E011"]
    settings.BADGE_SIGNING_KEYS = ["broken"]
    assert [e.id for e in badge_signing_keys_check()] == ["chorus.E011"]
    settings.BADGE_SIGNING_KEYS = [NEW_KEY]
    assert badge_signing_keys_check() == []


def test_deploy_check_refuses_an_empty_or_placeholder_issuer_email(settings):
    settings.BADGE_ISSUER_EMAIL = ""
    settings.DEFAULT_FROM_EMAIL = "Chorus <chorus@localhost>"
    BadgeIssuerSettings.objects.update_or_create(defaults={"email": ""})
    assert [e.id for e in badge_issuer_email_check()] == ["chorus.E010"]
    BadgeIssuerSettings.objects.update_or_create(defaults={"email": "badges@northwind.com"})
    assert badge_issuer_email_check() == []


def test_signing_keys_must_be_well_formed(settings):
    for entry in ["no-seed", "k=" + "A" * 10, "bad id=" + NEW_KEY.split("=", 1)[1]]:
        with pytest.raises(ImproperlyConfigured):
            credentials.parse_key(entry)


def linkedin_params(html: str) -> dict:
    start = html.index("https://www.linkedin.com/profile/add?")
    href = html[start : html.index('"', start)].replace("&amp;", "&")
    return {key: values[0] for key, values in parse_qs(urlsplit(href).query).items()}


def test_the_owner_adds_a_badge_to_linkedin_from_its_page(client, award):
    url = reverse("badges:verify", args=[award.uid])
    assert "linkedin.com" not in client.get(url).content.decode()  # not for visitors
    client.force_login(award.user)
    params = linkedin_params(client.get(url).content.decode())
    assert params["startTask"] == "CERTIFICATION_NAME"
    assert params["name"] == "First share"
    assert params["organizationName"] == BadgeIssuerSettings.load().name
    assert params["issueYear"] == str(award.awarded_at.year)
    assert params["issueMonth"] == str(award.awarded_at.month)
    assert params["certUrl"].endswith(url)
    assert params["certId"] == str(award.uid)
    assert "expirationYear" not in params


def test_a_certificate_page_offers_linkedin_with_its_expiry(client):
    certificate = CertificateFactory(expires_on=date(2027, 6, 30))
    client.force_login(certificate.user)
    url = reverse("courses:certificate", args=[certificate.code])
    params = linkedin_params(client.get(url).content.decode())
    assert params["name"] == certificate.course_title
    assert params["certId"] == certificate.code
    assert params["certUrl"].endswith(url)
    assert (params["issueYear"], params["issueMonth"]) == (
        str(certificate.issued_at.year),
        str(certificate.issued_at.month),
    )
    assert (params["expirationYear"], params["expirationMonth"]) == ("2027", "6")
