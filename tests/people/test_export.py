import json

import pytest
from django.urls import reverse

from people.services import consent_set
from tests.people.factories import SocialNetworkFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_export_contains_exactly_my_own_data(client):
    me = UserFactory(username="nia", email="nia@example.com")
    other = UserFactory(username="omar", email="omar@example.com")
    SocialNetworkFactory(user=me, handle="in/nia")
    SocialNetworkFactory(user=other, handle="in/omar")
    consent_set(user=me, kind="advocacy", granted=True, source="me-page")
    consent_set(user=other, kind="leaderboard", granted=True, source="me-page")
    client.force_login(me)

    response = client.get(reverse("people:export"))

    assert response["Content-Type"] == "application/json"
    assert 'filename="chorus-nia.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["user"] == "nia"
    assert data["profile"]["email"] == "nia@example.com"
    assert [n["handle"] for n in data["networks"]] == ["in/nia"]
    assert [(c["consent"], c["granted"]) for c in data["consents"]] == [("advocacy", True)]
    text = response.content.decode()
    assert "omar" not in text


def test_every_exported_section_is_described_on_the_me_page(client):
    me = UserFactory()
    client.force_login(me)
    data = json.loads(client.get(reverse("people:export")).content)
    html = client.get(reverse("people:me")).content.decode()
    from people.records import record_sections

    for section in record_sections():
        assert section.key in data
        assert section.title in html
