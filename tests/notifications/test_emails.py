import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import Client

from notifications.emails import UNSUBSCRIBE_MAX_AGE, unsubscribe_token
from notifications.kinds import kinds_registered
from notifications.services import notification_send
from people.models import ConsentKind, ConsentRecord
from people.selectors import consent_current
from policies.notices import POLICY_VERSION
from sharing.notices import PRIORITY_POST
from tests.notifications.factories import advocate
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def _send(user, kind, django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(user=user, kind=kind, key=f"{kind.key}:{user.pk}", **fields)
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def _html(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.mark.parametrize("kind", list(kinds_registered().values()), ids=lambda k: k.key)
def test_every_kind_has_plain_and_html_bodies(kind, django_capture_on_commit_callbacks):
    person = advocate(first_name="Ada", display_name="Ada L")
    message = _send(
        person,
        kind,
        django_capture_on_commit_callbacks,
        title="The title",
        body="Some <b>body</b> text",
        url="/somewhere/",
    )
    assert message.subject == "Chorus: The title"
    assert "Hello Ada L" in message.body
    assert "The title" in message.body
    assert "Some <b>body</b> text" in message.body  # plain text is not HTML-escaped
    assert f"{settings.PORTAL_BASE_URL}/somewhere/" in message.body
    html = _html(message)
    assert "The title" in html
    assert "Some &lt;b&gt;body&lt;/b&gt; text" in html  # and HTML is escaped
    assert 'href="' in html and "/somewhere/" in html


def test_required_email_says_why_and_has_no_unsubscribe(django_capture_on_commit_callbacks):
    message = _send(
        UserFactory(), POLICY_VERSION, django_capture_on_commit_callbacks, title="Policy v3"
    )
    assert "everyone must acknowledge the current social media policy" in message.body
    assert "everyone must acknowledge" in _html(message)
    assert "List-Unsubscribe" not in message.extra_headers
    assert "unsubscribe" not in message.body.lower()


def test_optional_email_has_unsubscribe_link_and_headers(django_capture_on_commit_callbacks):
    person = advocate()
    message = _send(person, PRIORITY_POST, django_capture_on_commit_callbacks, title="New")
    link = re.search(r"Stop optional emails with one click: (\S+)", message.body).group(1)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in _html(message)
    # The headers survive into the real MIME message.
    mime = message.message()
    assert mime["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_unsubscribe_link_works_once_without_login(django_capture_on_commit_callbacks):
    person = advocate()
    message = _send(person, PRIORITY_POST, django_capture_on_commit_callbacks, title="New")
    path = "/" + message.extra_headers["List-Unsubscribe"].strip("<>").split("/", 3)[3]
    client = Client(enforce_csrf_checks=True)  # anonymous, no CSRF token: as a mail client
    page = client.get(path)
    assert page.status_code == 200
    assert "Stop optional emails" in page.content.decode()
    assert consent_current(user=person)[ConsentKind.EMAIL_ALERTS] is True  # GET changes nothing

    done = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert "Optional emails are off" in done.content.decode()
    assert consent_current(user=person)[ConsentKind.EMAIL_ALERTS] is False
    record = ConsentRecord.objects.filter(user=person, kind=ConsentKind.EMAIL_ALERTS).first()
    assert (record.granted, record.source) == (False, "email-unsubscribe")

    again = client.post(path)
    assert "already off; nothing changed" in again.content.decode()
    assert ConsentRecord.objects.filter(user=person, kind=ConsentKind.EMAIL_ALERTS).count() == 2


@pytest.mark.parametrize("method", ["get", "post"])
def test_forged_token_changes_nothing(method):
    person = advocate()
    token = unsubscribe_token(user=person)
    other = UserFactory()
    forged = token.replace(token.split(":")[0], signing.b64_encode(b'{"u":%d}' % other.pk).decode())
    for bad in (forged, token[:-2] + "xx", "nonsense"):
        response = getattr(Client(), method)(f"/notifications/unsubscribe/{bad}/")
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
        assert "Nothing was changed" in response.content.decode()
    assert consent_current(user=person)[ConsentKind.EMAIL_ALERTS] is True
    assert not ConsentRecord.objects.filter(source="email-unsubscribe").exists()


def test_expired_token_says_so_and_changes_nothing(monkeypatch):
    person = advocate()
    token = unsubscribe_token(user=person)
    real_time = signing.time.time
    later = real_time() + UNSUBSCRIBE_MAX_AGE.total_seconds() + timedelta(days=1).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = Client().post(f"/notifications/unsubscribe/{token}/")
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()
    assert consent_current(user=person)[ConsentKind.EMAIL_ALERTS] is True


def test_alerts_turned_off_before_the_worker_runs_means_no_optional_email(
    django_capture_on_commit_callbacks,
):
    from people.services import consent_set

    person = advocate()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification_send(user=person, kind=PRIORITY_POST, title="New", key="p:1")
    consent_set(user=person, kind=ConsentKind.EMAIL_ALERTS, granted=False, source="test")
    for callback in callbacks:
        callback()
    assert mail.outbox == []
