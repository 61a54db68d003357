"""Acknowledgements are read-only in the admin: listed and inspectable, never edited."""

import pytest

from policies.models import Acknowledgement
from tests.people.factories import EditorFactory, UserFactory
from tests.policies.factories import PolicyPageFactory, acknowledge_current

pytestmark = pytest.mark.django_db
INDEX = "/admin/policy-acknowledgements/"


@pytest.fixture
def record():
    PolicyPageFactory()
    person = UserFactory(username="ann")
    acknowledge_current(person)
    return Acknowledgement.objects.get(user=person)


def test_editors_can_list_and_inspect_records(client, record):
    client.force_login(EditorFactory())
    html = client.get(INDEX).content.decode()
    assert "Social media policy" in html
    assert f"{INDEX}edit/" not in html and f"{INDEX}add/" not in html
    response = client.get(f"{INDEX}inspect/{record.pk}/")
    assert response.status_code == 200
    assert str(record.revision_id) in response.content.decode()


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("add/", 404),  # no add view at all
        ("edit/{pk}/", 302),  # Wagtail sends a refused action back to the dashboard
        ("delete/{pk}/", 302),
    ],
)
def test_nobody_can_add_edit_or_delete_through_the_admin(client, record, path, status):
    client.force_login(EditorFactory())
    url = INDEX + path.format(pk=record.pk)
    response = client.get(url)
    assert response.status_code == status
    if status == 302:
        assert response["Location"] == "/admin/"
    client.post(url, {"version": 9})
    assert Acknowledgement.objects.get().version == record.version
    assert Acknowledgement.objects.count() == 1
