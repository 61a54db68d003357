import pytest
from django.test import Client

from notifications.models import Notification
from notifications.services import notification_send
from sharing.notices import RETRACTION
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return UserFactory()


@pytest.fixture
def client_for(person):
    client = Client()
    client.force_login(person)
    return client


def _notify(user, n: int = 1):
    return [
        notification_send(
            user=user, kind=RETRACTION, title=f"Post {i} retracted", key=f"{user.pk}:{i}"
        )
        for i in range(n)
    ]


def test_bell_shows_unread_count_with_one_query(person, client_for, django_assert_num_queries):
    _notify(person, 3)
    page = client_for.get("/notifications/")
    html = page.content.decode()
    assert 'id="notify-bell"' in html
    assert 'data-count="3"' in html
    assert 'ws-connect="/ws/notifications/"' in html
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = person
    template = Template("{% load notifications_tags %}{% notification_bell %}")
    with django_assert_num_queries(1):
        template.render(Context({"request": request}))


def test_bell_count_is_the_same_query_for_many_notifications(
    person, client_for, django_assert_num_queries
):
    from django.template import Context, Template
    from django.test import RequestFactory

    template = Template("{% load notifications_tags %}{% notification_bell %}")
    request = RequestFactory().get("/")
    request.user = person
    for size in (1, 40):
        _notify(person, size)
        with django_assert_num_queries(1):
            html = template.render(Context({"request": request}))
        assert f'data-count="{Notification.objects.filter(user=person).count()}"' in html


def test_list_shows_only_own_notifications(person, client_for):
    _notify(person, 2)
    other = UserFactory()
    notification_send(user=other, kind=RETRACTION, title="Someone else's", key="x")
    html = client_for.get("/notifications/").content.decode()
    assert "Post 0 retracted" in html and "Post 1 retracted" in html
    assert "Someone else" not in html


def test_mark_read_without_javascript_redirects(person, client_for):
    [n] = _notify(person)
    response = client_for.post(f"/notifications/{n.pk}/read/")
    assert response.status_code == 302
    assert response["Location"] == "/notifications/"
    n.refresh_from_db()
    assert n.read_at is not None
    assert 'data-count="0"' in client_for.get("/notifications/").content.decode()


def test_mark_read_with_htmx_returns_the_item_and_new_count(person, client_for):
    first, second = _notify(person, 2)
    response = client_for.post(f"/notifications/{first.pk}/read/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="notification-{first.pk}"' in html
    assert f'id="notification-{second.pk}"' not in html  # only the fragment
    assert "<html" not in html
    assert 'hx-swap-oob="outerHTML"' in html and 'data-count="1"' in html
    assert "Mark read" not in html


def test_cannot_mark_someone_elses(client_for):
    other = UserFactory()
    [n] = _notify(other)
    assert client_for.post(f"/notifications/{n.pk}/read/").status_code == 404
    n.refresh_from_db()
    assert n.read_at is None


def test_mark_all_read_htmx_and_plain(person, client_for):
    _notify(person, 3)
    response = client_for.post("/notifications/read-all/", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="notification-list"' in html and "<html" not in html
    assert 'data-count="0"' in html
    assert not Notification.objects.filter(user=person, read_at__isnull=True).exists()
    _notify(UserFactory())
    assert client_for.post("/notifications/read-all/").status_code == 302


def test_get_cannot_mark_read(person, client_for):
    [n] = _notify(person)
    assert client_for.get(f"/notifications/{n.pk}/read/").status_code == 405


def test_anonymous_is_sent_to_login():
    response = Client().get("/notifications/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_personal_record_section_lists_only_own_notifications(person):
    from people.records import record_sections

    _notify(person, 1)
    _notify(UserFactory(), 1)
    [section] = [s for s in record_sections() if s.key == "notifications"]
    data = section.collect(person)
    assert [n["title"] for n in data["notifications"]] == ["Post 0 retracted"]
    assert data["notifications"][0]["email"] == "queued"
