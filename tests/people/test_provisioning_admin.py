"""The admin's provisioning screens: SCIM tokens, roster import with preview, deactivation."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from people.models import ScimToken, User
from portal.audit import PERSON_DEACTIVATE
from portal.models import AuditLogEntry
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "email,first_name,last_name,department,job_title,joined_on,left_on\n"


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_a_token_is_shown_once_and_can_be_revoked(admin_client):
    response = admin_client.post("/admin/people/scim-tokens/", {"name": "Entra ID"})
    html = response.content.decode()
    token = ScimToken.objects.get(name="Entra ID")
    raw = html.split("<code data-scim-token>")[1].split("</code>")[0]
    assert raw.startswith("chorus_scim_") and token.prefix in raw
    assert raw not in admin_client.get("/admin/people/scim-tokens/").content.decode()
    again = admin_client.post("/admin/people/scim-tokens/", {"name": "Entra ID"})
    assert "exists already" in again.content.decode()
    admin_client.post(f"/admin/people/scim-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert not token.active


def test_roster_preview_saves_nothing_then_the_import_does(admin_client):
    roster = HEADER + (
        "new@corp.example,New,Person,Sales,,2025-01-06,\nbroken,No,Email,Sales,,2025-01-06,\n"
    )
    upload = SimpleUploadedFile("roster.csv", roster.encode(), content_type="text/csv")
    preview = admin_client.post("/admin/people/roster/", {"roster": upload})
    html = preview.content.decode()
    assert "1 to create, 0 to update, 0 unchanged, 1 refused." in " ".join(html.split())
    assert "email &#x27;broken&#x27; is not an email address." in html
    assert not User.objects.filter(email="new@corp.example").exists()
    key = html.split('name="key" value="')[1].split('"')[0]
    done = admin_client.post("/admin/people/roster/import/", {"key": key}, follow=True)
    text = " ".join(done.content.decode().split())
    assert "Done: created 1, updated 0, unchanged 0, refused 1." in text
    assert "Line 3: email" in text
    assert User.objects.get(email="new@corp.example").department.name == "Sales"
    # The upload is gone once imported: the same key cannot import twice.
    again = admin_client.post("/admin/people/roster/import/", {"key": key}, follow=True)
    assert "upload the file again" in again.content.decode()


def test_a_bad_file_is_refused_with_a_reason(admin_client):
    upload = SimpleUploadedFile("roster.xlsx", b"not a workbook")
    response = admin_client.post("/admin/people/roster/", {"roster": upload})
    assert "not an XLSX workbook" in response.content.decode()


def test_the_template_downloads(admin_client):
    response = admin_client.get("/admin/people/roster/template.csv")
    assert response.content.decode().splitlines()[0] == HEADER.strip()
    xlsx = admin_client.get("/admin/people/roster/template.xlsx")
    assert xlsx.content[:2] == b"PK"


def test_an_admin_deactivates_and_reactivates_a_person(admin_client):
    person = UserFactory()
    assert "Deactivate" in admin_client.get(f"/admin/people/{person.pk}/active/").content.decode()
    admin_client.post(f"/admin/people/{person.pk}/active/")
    person.refresh_from_db()
    assert not person.is_active
    entry = AuditLogEntry.objects.get(action=PERSON_DEACTIVATE, object_id=str(person.pk))
    assert entry.user.is_superuser and entry.data == {"source": "admin"}
    admin_client.post(f"/admin/people/{person.pk}/active/")
    person.refresh_from_db()
    assert person.is_active


def test_people_without_the_permission_are_refused():
    reader = UserFactory()
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(reader)
    person = UserFactory()
    for url in (
        "/admin/people/scim-tokens/",
        "/admin/people/roster/",
        f"/admin/people/{person.pk}/active/",
    ):
        # Wagtail answers a refused admin view by sending the person back to the dashboard.
        assert client.get(url).status_code in {302, 403}, url
    assert client.post(f"/admin/people/{person.pk}/active/").status_code in {302, 403}
    assert client.post("/admin/people/scim-tokens/", {"name": "Sneaky"}).status_code in {302, 403}
    assert not ScimToken.objects.exists()
    person.refresh_from_db()
    assert person.is_active
