import pytest

from people.services import consent_set
from tests.people.factories import DepartmentFactory, SocialNetworkFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_dashboard_greets_the_person_and_lists_their_steps(client):
    user = UserFactory(
        first_name="Nia",
        last_name="Hollis",
        job_title="Account Executive",
        department=DepartmentFactory(name="Sales", slug="sales"),
    )
    client.force_login(user)
    html = client.get("/").content.decode()
    assert "Hello, Nia Hollis" in html
    assert "Account Executive · Sales" in html
    assert "Complete your social media basic training" in html
    assert "Read and acknowledge the social media policy" in html
    assert "0 of 3 done" in html


def test_steps_without_a_section_yet_are_not_links(client):
    client.force_login(UserFactory())
    html = client.get("/").content.decode()
    assert 'href="/training/"' not in html
    assert 'href="/policy/"' not in html
    assert "Coming soon" in html


def test_advocacy_step_is_done_once_opted_in_with_a_network(client):
    user = UserFactory()
    client.force_login(user)
    SocialNetworkFactory(user=user)
    consent_set(user=user, kind="advocacy", granted=True, source="test")
    assert "1 of 3 done" in client.get("/").content.decode()


def test_advocacy_step_is_not_done_without_a_network_or_after_opting_out(client):
    user = UserFactory()
    client.force_login(user)
    consent_set(user=user, kind="advocacy", granted=True, source="test")
    assert "0 of 3 done" in client.get("/").content.decode()  # no network yet
    SocialNetworkFactory(user=user)
    consent_set(user=user, kind="advocacy", granted=False, source="test")
    assert "0 of 3 done" in client.get("/").content.decode()  # opted out again
    consent_set(user=user, kind="advocacy", granted=True, source="test")
    assert "1 of 3 done" in client.get("/").content.decode()
