"""The advocate's own sharing preferences on /me/, and what /me/ says sharing records."""

import json

import pytest
from django.test import Client
from taggit.models import Tag

from sharing.models import SharingPreferences
from sharing.services import share_create, suggestion_create
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_me_shows_the_sharing_preferences_panel_with_the_librarys_topics():
    post_create(topics=("Product", "Hiring"))
    html = client_for(UserFactory()).get("/me/").content.decode()
    assert "Sharing preferences" in html
    assert "Product" in html and "Hiring" in html
    assert "below the programme's 5" in html


def test_following_topics_is_saved_and_shown_checked():
    post_create(topics=("Product", "Hiring"))
    user = UserFactory()
    client = client_for(user)
    product = Tag.objects.get(name="Product")
    response = client.post("/share/preferences/topics/", {"topics": [str(product.pk)]})
    assert response.status_code == 302
    assert response["Location"] == "/me/#sharing-preferences"
    assert list(SharingPreferences.objects.get(user=user).topics.all()) == [product]
    html = client.get("/me/").content.decode()
    assert f'value="{product.pk}" id="id_topics_0" checked' in html or (
        f'value="{product.pk}"' in html and "checked" in html
    )


def test_unknown_topics_change_nothing():
    user = UserFactory()
    client_for(user).post("/share/preferences/topics/", {"topics": ["99999"]})
    assert not SharingPreferences.objects.filter(user=user).exists()


def test_a_personal_cap_is_saved_cleared_and_validated():
    user = UserFactory()
    client = client_for(user)
    client.post("/share/preferences/cap/", {"weekly_cap": "3"})
    assert SharingPreferences.objects.get(user=user).weekly_cap == 3
    response = client.post("/share/preferences/cap/", {"weekly_cap": "0"}, follow=True)
    assert "from 1 to 50" in response.content.decode()
    assert SharingPreferences.objects.get(user=user).weekly_cap == 3
    client.post("/share/preferences/cap/", {"weekly_cap": ""})
    assert SharingPreferences.objects.get(user=user).weekly_cap is None


def test_the_personal_data_export_includes_shares_and_suggestions():
    user = advocate_make()
    share = share_create(user=user, post=post_create(), platform="linkedin", text="Hi").share
    suggestion_create(user=user, url="https://a.example/x", note="Good")
    data = json.loads(client_for(user).get("/me/export.json").content)
    assert data["sharing"]["shares"][0]["tracked_link"].endswith(f"/l/{share.code}")
    assert data["sharing"]["suggestions"][0]["url"] == "https://a.example/x"


def test_the_dashboard_shows_this_weeks_sharing_once_someone_has_shared():
    user = advocate_make()
    assert "Your sharing" not in client_for(user).get("/").content.decode()
    share_create(user=user, post=post_create(), platform="linkedin", text="Hi")
    html = client_for(user).get("/").content.decode()
    assert "Your sharing" in html
    assert "1 of 5 shares that earn points" in html
