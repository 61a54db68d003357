"""A form error is tied to its field: the field names the error's element in
aria-describedby and marks itself invalid, so a screen reader reads the error with the
field instead of leaving it somewhere on the page."""

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from tests.people.factories import UserFactory
from tests.policies.factories import PolicyPageFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db


def described_errors(html: str, field_name: str) -> list[str]:
    """The texts of the elements the named field points at with aria-describedby."""
    document = lxml.html.fromstring(html)
    (field,) = document.xpath(f'//*[@name="{field_name}"]')
    ids = (field.get("aria-describedby") or "").split()
    texts = []
    for element_id in ids:
        found = document.xpath(f'//*[@id="{element_id}"]')
        assert found, f"aria-describedby names #{element_id}, which is not on the page"
        texts.append(found[0].text_content().strip())
    return texts


@pytest.mark.parametrize("htmx", [False, True])
def test_a_caption_error_is_read_with_the_caption(htmx):
    post = post_create(captions={"x": ["short"]})
    client = Client()
    client.force_login(advocate_make(platforms=["x"]))
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(
        f"/share/posts/{post.pk}/x/", {"text": "a" * 260, "variant": "0"}, **headers
    )
    assert response.status_code in (400, 422)
    errors = described_errors(response.content.decode(), "text")
    assert any("characters too long for X" in text for text in errors), errors
    document = lxml.html.fromstring(response.content.decode())
    assert document.xpath('//*[@name="text"]')[0].get("aria-invalid") == "true"


def test_the_policy_confirm_error_is_read_with_the_box():
    policy = PolicyPageFactory()
    client = Client()
    client.force_login(UserFactory())
    response = client.post(
        reverse("policies:acknowledge", args=[policy.pk]),
        {"version": policy.version, "revision": policy.live_revision_id},
    )
    assert response.status_code == 400
    errors = described_errors(response.content.decode(), "confirm")
    assert any("Tick the box to confirm" in text for text in errors), errors
