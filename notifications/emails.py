"""Build the emails: one plain and one HTML body per kind, unsubscribe tokens and headers."""

from dataclasses import replace
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from notifications.kinds import kind_get
from notifications.models import Notification
from people.models import User

UNSUBSCRIBE_SALT = "notifications.unsubscribe"
UNSUBSCRIBE_MAX_AGE = timedelta(days=60)


def absolute_url(path: str) -> str:
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_BASE_URL + path


def unsubscribe_token(*, user: User) -> str:
    """A signed, expiring token that turns off this person's optional emails."""
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_user_id(token: str) -> int:
    """The user id a token was made for; raises signing.BadSignature (or its subclass
    SignatureExpired) when it was tampered with or is too old."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise signing.BadSignature("Malformed unsubscribe token.")
    return data["u"]


def unsubscribe_url(*, user: User) -> str:
    return absolute_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user)]))


def _message(
    *, user: User, subject: str, template: str, context: dict, optional: bool
) -> EmailMultiAlternatives:
    context = {
        **context,
        "user": user,
        "site_url": settings.PORTAL_BASE_URL,
        "settings_url": absolute_url(reverse("people:me")),
        "notifications_url": absolute_url(reverse("notifications:list")),
        "optional": optional,
    }
    headers = {}
    if optional:
        link = unsubscribe_url(user=user)
        context["unsubscribe_url"] = link
        headers["List-Unsubscribe"] = f"<{link}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    text = render_to_string(f"notifications/email/{template}.txt", context)
    html = render_to_string(f"notifications/email/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[user.email], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


def notification_email(notification: Notification) -> EmailMultiAlternatives:
    """The email for one notification; its opening and footer come from its kind."""
    kind = kind_get(notification.kind)
    return _message(
        user=notification.user,
        subject=f"Chorus: {notification.title}",
        template="notification",
        context={
            "notification": notification,
            "intro": kind.intro,
            "link": absolute_url(notification.url),
            "reason": kind.reason,
        },
        optional=kind.optional,
    )


def digest_email(*, user: User, digest: dict) -> EmailMultiAlternatives:
    """The weekly digest (an optional email); its lines' portal paths become full URLs."""
    digest = {
        **digest,
        "sections": [
            replace(
                section,
                lines=[replace(line, url=absolute_url(line.url)) for line in section.lines],
            )
            for section in digest["sections"]
        ],
    }
    return _message(
        user=user,
        subject=f"Chorus: your week ({digest['week_start']:%d %b})",
        template="digest",
        context={"digest": digest},
        optional=True,
    )
