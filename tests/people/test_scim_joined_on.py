"""SCIM: the joining date from a configurable extension attribute (the onboarding rules'
due dates follow it), and deleting a group that Chorus still uses is refused."""

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from courses.models import Enrolment, OnboardingRule
from courses.services import onboarding_rule_create
from people.models import Department, User
from people.scim.tokens import scim_token_create
from tests.courses.factories import make_course
from tests.people.factories import DepartmentFactory, UserFactory
from tests.sharing.factories import post_create

pytestmark = pytest.mark.django_db

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
CHORUS = "urn:ietf:params:scim:schemas:extension:chorus:2.0:User"
# What an Entra ID admin might name the target of employeeHireDate in the app's mapping.
ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User"
JOINED = date(2026, 11, 2)


@pytest.fixture
def scim(client):
    _, raw = scim_token_create(name="Provider")

    def call(method: str, path: str, body=None):
        response = client.generic(
            method,
            f"/scim/v2{path}",
            json.dumps(body) if body is not None else "",
            content_type="application/scim+json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        return response.status_code, (json.loads(response.content) if response.content else None)

    return call


@pytest.fixture
def rule():
    course, _, _ = make_course()
    onboarding_rule_create(
        course=course, due_days=14, created_at=timezone.now() - timedelta(days=90)
    )
    return course


def okta_user(username: str, **extra) -> dict:
    return {
        "schemas": [USER, *[k for k in extra if k.startswith("urn:")]],
        "userName": username,
        "name": {"givenName": "Ines", "familyName": "Roth"},
        "emails": [{"primary": True, "value": username, "type": "work"}],
        "active": True,
        **extra,
    }


def test_okta_sends_the_joining_date_in_the_chorus_extension(scim, rule):
    status, body = scim(
        "POST", "/Users", okta_user("ines@okta.example", **{CHORUS: {"joinedOn": "2026-11-02"}})
    )
    assert status == 201, body
    ines = User.objects.get(pk=body["id"])
    assert ines.joined_on == JOINED
    assert Enrolment.objects.get(user=ines, course=rule).due_on == JOINED + timedelta(days=14)
    assert body[CHORUS] == {"joinedOn": "2026-11-02"}  # read back as it was sent


def test_the_attribute_is_configurable_and_takes_entra_s_datetime(scim, rule, settings):
    settings.SCIM_JOINED_ON_ATTRIBUTE = f"{ACME}:employeeHireDate"
    status, schemas = scim("GET", "/Schemas")
    declared = {s["id"]: s for s in schemas["Resources"]}
    assert [a["name"] for a in declared[ACME]["attributes"]] == ["employeeHireDate"]
    assert CHORUS not in declared
    status, types = scim("GET", "/ResourceTypes")
    user_type = next(t for t in types["Resources"] if t["name"] == "User")
    assert ACME in {e["schema"] for e in user_type["schemaExtensions"]}

    status, body = scim(
        "POST",
        "/Users",
        okta_user("ian@contoso.example", **{ACME: {"employeeHireDate": "2026-11-02T08:00:00Z"}}),
    )
    assert status == 201, body
    ian = User.objects.get(pk=body["id"])
    assert ian.joined_on == JOINED
    assert Enrolment.objects.get(user=ian, course=rule).due_on == JOINED + timedelta(days=14)

    # Entra's later update: an Add on the attribute's full path.
    status, body = scim(
        "PATCH",
        f"/Users/{ian.pk}",
        {
            "schemas": [PATCH_OP],
            "Operations": [
                {"op": "Add", "path": f"{ACME}:employeeHireDate", "value": "2026-11-09"}
            ],
        },
    )
    assert status == 200, body
    ian.refresh_from_db()
    assert ian.joined_on == date(2026, 11, 9)


def test_without_a_joining_date_a_new_person_joins_today_and_an_update_keeps_it(scim, rule):
    status, body = scim("POST", "/Users", okta_user("ola@okta.example"))
    assert status == 201, body
    ola = User.objects.get(pk=body["id"])
    today = timezone.localdate()
    assert ola.joined_on == today
    assert Enrolment.objects.get(user=ola, course=rule).due_on == today + timedelta(days=14)

    User.objects.filter(pk=ola.pk).update(joined_on=JOINED)
    replacement = {k: v for k, v in body.items() if k not in {"meta", CHORUS}}
    replacement["schemas"] = [USER]
    status, body = scim("PUT", f"/Users/{ola.pk}", replacement)
    assert status == 200, body
    ola.refresh_from_db()
    assert ola.joined_on == JOINED  # a PUT without the attribute moves nothing


def test_a_joining_date_that_is_not_a_date_is_refused_and_nothing_is_created(scim):
    status, body = scim(
        "POST", "/Users", okta_user("bad@okta.example", **{CHORUS: {"joinedOn": "next monday"}})
    )
    assert status == 400 and body["scimType"] == "invalidValue"
    assert "not a date" in body["detail"]
    assert not User.objects.filter(username="bad@okta.example").exists()


def test_deleting_a_group_that_onboarding_rules_or_posts_name_is_refused(scim):
    sales = DepartmentFactory(name="Sales")
    person = UserFactory(department=sales)
    course, _, _ = make_course()
    onboarding_rule_create(course=course, due_days=7, department=sales)
    post_create(departments=[sales])

    status, body = scim("DELETE", f"/Groups/{sales.pk}")
    assert status == 409, body
    assert "used by 1 onboarding rule and 1 shareable post" in body["detail"]
    assert Department.objects.filter(pk=sales.pk).exists()
    assert OnboardingRule.objects.filter(department=sales).count() == 1
    person.refresh_from_db()
    assert person.department == sales  # nothing changed


def test_deleting_a_group_nothing_uses_deletes_the_department_and_its_members_leave(scim):
    support = DepartmentFactory(name="Support")
    person = UserFactory(department=support)
    status, _ = scim("DELETE", f"/Groups/{support.pk}")
    assert status == 204
    assert not Department.objects.filter(pk=support.pk).exists()
    person.refresh_from_db()
    assert person.department is None and User.objects.filter(pk=person.pk).exists()
