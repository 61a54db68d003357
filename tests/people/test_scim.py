"""SCIM 2.0 over real HTTP (pytest-django's live server): the request sequences Microsoft
Entra ID and Okta send, tokens, discovery, paging and refusals that change nothing."""

import io
import json
import urllib.error
import urllib.request

import pytest
from django.core.management import call_command

from people.models import Department, ScimToken, User
from people.scim.tokens import scim_token_create, scim_token_revoke
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


class Scim:
    def __init__(self, base: str, token: str | None):
        self.base, self.token = f"{base}/scim/v2", token

    def __call__(self, method: str, path: str, body=None, *, token: str | None | bool = True):
        token = self.token if token is True else token
        data = body if isinstance(body, bytes) else None if body is None else json.dumps(body)
        request = urllib.request.Request(
            f"{self.base}{path}",
            data=data.encode() if isinstance(data, str) else data,
            method=method,
            headers={"Content-Type": "application/scim+json", "Accept": "application/scim+json"},
        )
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=20) as response:  # noqa: S310
                raw, status, headers = response.read(), response.status, response.headers
        except urllib.error.HTTPError as error:
            raw, status, headers = error.read(), error.code, error.headers
        return status, (json.loads(raw) if raw else None), headers


@pytest.fixture
def scim(live_server):
    _, raw = scim_token_create(name="Provider")
    return Scim(live_server.url, raw)


def patch(*operations):
    return {"schemas": [PATCH_OP], "Operations": list(operations)}


def test_entra_id_sequence(scim):
    # Entra looks the person up first, then creates them with the enterprise extension.
    status, found, _ = scim("GET", '/Users?filter=userName+eq+"ada@contoso.example"')
    assert (status, found["totalResults"]) == (200, 0)
    status, created, _ = scim(
        "POST",
        "/Users",
        {
            "schemas": [USER, ENTERPRISE],
            "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
            "userName": "ada@contoso.example",
            "active": True,
            "emails": [{"primary": True, "type": "work", "value": "ada@contoso.example"}],
            "meta": {"resourceType": "User"},
            "name": {"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"},
            "title": "Analyst",
            "roles": [],
            ENTERPRISE: {"department": "Research"},
        },
    )
    assert status == 201, created
    ada = User.objects.get(pk=created["id"])
    assert (ada.username, ada.email, ada.first_name, ada.job_title) == (
        "ada@contoso.example",
        "ada@contoso.example",
        "Ada",
        "Analyst",
    )
    assert ada.department.name == "Research" and ada.is_active
    assert not ada.has_usable_password()
    status, found, _ = scim("GET", '/Users?filter=userName+eq+"ADA@contoso.example"')
    assert found["totalResults"] == 1 and found["Resources"][0]["id"] == created["id"]

    # Updates: capitalised ops and a filtered email path.
    status, body, _ = scim(
        "PATCH",
        f"/Users/{ada.pk}",
        patch(
            {
                "op": "Replace",
                "path": 'emails[type eq "work"].value',
                "value": "ada.l@contoso.example",
            },
            {"op": "Replace", "path": "name.familyName", "value": "King"},
            {"op": "Add", "path": f"{ENTERPRISE}:department", "value": "Engineering"},
        ),
    )
    assert status == 200, body
    ada.refresh_from_db()
    assert (ada.email, ada.last_name, ada.department.name) == (
        "ada.l@contoso.example",
        "King",
        "Engineering",
    )

    # Groups: look up, create, add and remove a member (Entra removes by value).
    status, found, _ = scim(
        "GET", '/Groups?excludedAttributes=members&filter=displayName+eq+"Sales"'
    )
    assert found["totalResults"] == 0
    status, group, _ = scim(
        "POST", "/Groups", {"schemas": [GROUP], "externalId": "8aa1a0c0", "displayName": "Sales"}
    )
    assert status == 201, group
    sales = Department.objects.get(pk=group["id"])
    member = [{"$ref": None, "value": str(ada.pk)}]
    status, _, _ = scim(
        "PATCH", f"/Groups/{sales.pk}", patch({"op": "Add", "path": "members", "value": member})
    )
    assert status == 204
    ada.refresh_from_db()
    assert ada.department == sales
    status, found, _ = scim("GET", f'/Groups?filter=id+eq+"{sales.pk}"+and+members+eq+"{ada.pk}"')
    assert found["totalResults"] == 1
    status, _, _ = scim(
        "PATCH", f"/Groups/{sales.pk}", patch({"op": "Remove", "path": "members", "value": member})
    )
    ada.refresh_from_db()
    assert status == 204 and ada.department is None

    # Disable: Entra sends the boolean as the string "False".
    status, body, _ = scim(
        "PATCH", f"/Users/{ada.pk}", patch({"op": "Replace", "path": "active", "value": "False"})
    )
    assert status == 200 and body["active"] is False
    ada.refresh_from_db()
    assert not ada.is_active and ada.left_on is not None

    # Hard delete, 30 days later: still a deactivation, the row stays for the records.
    status, _, _ = scim("DELETE", f"/Users/{ada.pk}")
    assert status == 204
    assert User.objects.filter(pk=ada.pk, is_active=False).exists()


def test_okta_sequence(scim):
    status, listing, _ = scim("GET", "/Users?startIndex=1&count=2")  # "test connection"
    assert status == 200 and listing["startIndex"] == 1
    status, found, _ = scim(
        "GET", '/Users?filter=userName+eq+"grace@okta.example"&startIndex=1&count=100'
    )
    assert found["totalResults"] == 0
    status, created, _ = scim(
        "POST",
        "/Users",
        {
            "schemas": [USER],
            "userName": "grace@okta.example",
            "name": {"givenName": "Grace", "familyName": "Hopper"},
            "emails": [{"primary": True, "value": "grace@okta.example", "type": "work"}],
            "displayName": "Grace Hopper",
            "locale": "en-US",
            "externalId": "00ujl29u0le5T6Aj10h7",
            "groups": [],
            "password": "1mz050nq",
            "active": True,
        },
    )
    assert status == 201, created
    grace = User.objects.get(pk=created["id"])
    assert not grace.has_usable_password()  # Okta's password is never kept

    # Okta's profile push is a PUT of the whole user.
    replacement = {**created, "name": {"givenName": "Grace", "familyName": "Murray"}}
    replacement.pop("meta")
    status, body, _ = scim("PUT", f"/Users/{grace.pk}", replacement)
    assert status == 200, body
    grace.refresh_from_db()
    assert grace.last_name == "Murray"

    # Group push: create, rename, add and remove members.
    status, group, _ = scim(
        "POST", "/Groups", {"schemas": [GROUP], "displayName": "Navy", "members": []}
    )
    assert status == 201, group
    value = {"id": group["id"], "displayName": "Fleet"}
    status, _, _ = scim("PATCH", f"/Groups/{group['id']}", patch({"op": "replace", "value": value}))
    assert status == 204
    fleet = Department.objects.get(pk=group["id"])
    assert fleet.name == "Fleet"
    add = {"op": "add", "path": "members", "value": [{"value": str(grace.pk), "display": "grace"}]}
    scim("PATCH", f"/Groups/{fleet.pk}", patch(add))
    grace.refresh_from_db()
    assert grace.department == fleet
    status, body, _ = scim("GET", f"/Groups/{fleet.pk}")
    assert [m["value"] for m in body["members"]] == [str(grace.pk)]
    remove = {"op": "remove", "path": f'members[value eq "{grace.pk}"]'}
    status, _, _ = scim("PATCH", f"/Groups/{fleet.pk}", patch(remove))
    grace.refresh_from_db()
    assert status == 204 and grace.department is None

    # Deactivation: replace with a value object and no path.
    status, body, _ = scim(
        "PATCH", f"/Users/{grace.pk}", patch({"op": "replace", "value": {"active": False}})
    )
    assert status == 200 and body["active"] is False
    grace.refresh_from_db()
    assert not grace.is_active
    # Reassigned in Okta: reactivated.
    status, body, _ = scim(
        "PATCH", f"/Users/{grace.pk}", patch({"op": "replace", "value": {"active": True}})
    )
    grace.refresh_from_db()
    assert body["active"] is True and grace.is_active


def test_tokens_are_checked_and_stored_hashed(scim, live_server):
    status, body, headers = scim("GET", "/Users", token=None)
    assert status == 401 and body["status"] == "401"
    assert "Bearer" in headers["WWW-Authenticate"]
    assert scim("GET", "/Users", token="chorus_scim_forged")[0] == 401
    assert scim("GET", "/ServiceProviderConfig", token=None)[0] == 200  # RFC 7643 §5

    token = ScimToken.objects.get(name="Provider")
    assert scim.token not in {token.token_hash, token.prefix}
    assert scim("GET", "/Users")[0] == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    scim_token_revoke(token=token)
    assert scim("GET", "/Users")[0] == 401

    out, err = io.StringIO(), io.StringIO()
    call_command("scim_token_create", "Okta", stdout=out, stderr=err)
    printed = out.getvalue().strip()
    assert "shown once" in err.getvalue()
    assert Scim(live_server.url, printed)("GET", "/Users")[0] == 200


def test_refused_requests_change_nothing(scim):
    person = UserFactory(username="linus", email="linus@example.com", last_name="Torvalds")
    before = User.objects.count()

    status, body, _ = scim("POST", "/Users", b"{not json")
    assert status == 400 and body["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert body["scimType"] == "invalidSyntax"
    status, body, _ = scim("POST", "/Users", {"schemas": [USER], "name": {"givenName": "X"}})
    assert status == 400 and body["detail"]
    status, body, _ = scim(
        "POST", "/Users", {"schemas": [USER], "userName": "x", "emails": [{"value": "not-mail"}]}
    )
    assert status == 400
    status, body, _ = scim("POST", "/Users", {"schemas": [USER], "userName": "LINUS"})
    assert status == 409 and body["scimType"] == "uniqueness"
    assert User.objects.count() == before

    # One good operation and one bad one: the whole PATCH is refused.
    status, body, _ = scim(
        "PATCH",
        f"/Users/{person.pk}",
        patch(
            {"op": "replace", "path": "name.familyName", "value": "Changed"},
            {"op": "frobnicate", "path": "active", "value": False},
        ),
    )
    assert status == 400 and body["scimType"]
    status, body, _ = scim(
        "PATCH", f"/Users/{person.pk}", patch({"op": "replace", "path": "userName", "value": ""})
    )
    assert status == 400
    person.refresh_from_db()
    assert (person.last_name, person.username, person.is_active) == ("Torvalds", "linus", True)
    assert scim("GET", "/Users/999999")[0] == 404
    status, body, _ = scim("GET", '/Users?filter=nickName+eq+"x"')
    assert status == 400 and body["scimType"] == "invalidFilter"


def test_discovery_and_paging(scim):
    status, config, _ = scim("GET", "/ServiceProviderConfig")
    assert config["patch"]["supported"] and config["filter"]["supported"]
    assert not config["bulk"]["supported"]
    status, types, _ = scim("GET", "/ResourceTypes")
    by_name = {t["name"]: t for t in types["Resources"]}
    assert by_name["User"]["schemaExtensions"][0]["schema"] == ENTERPRISE
    assert by_name["Group"]["endpoint"] == "/Groups"
    status, schemas, _ = scim("GET", "/Schemas")
    assert {USER, GROUP, ENTERPRISE} <= {s["id"] for s in schemas["Resources"]}

    UserFactory.create_batch(5)
    status, page, _ = scim("GET", "/Users?startIndex=3&count=2")
    assert (page["totalResults"], page["startIndex"], page["itemsPerPage"]) == (5, 3, 2)
    ids = [r["id"] for r in page["Resources"]]
    assert ids == [str(pk) for pk in User.objects.order_by("pk").values_list("pk", flat=True)[2:4]]
