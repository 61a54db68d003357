"""Each custom sharing admin action refuses an editor who lacks the permission it needs:
retracting needs unpublish (editing is not enough), reviewing a suggestion needs change,
accepting one also needs to add pages under the library."""

import itertools

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission

from notifications.models import Notification
from sharing.models import SharePostPage, Suggestion
from sharing.services import post_retract, share_create, suggestion_create
from tests.people.factories import UserFactory
from tests.sharing.factories import advocate_make, hub_get, post_create

pytestmark = pytest.mark.django_db
_groups = itertools.count(1)


def editor_with(*, pages=(), models=()):
    """A user in a group of their own with admin access, these page permissions on the
    library page (wagtailcore codenames) and these model permissions ("app.codename")."""
    group = Group.objects.create(name=f"Test group {next(_groups)}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in pages:
        GroupPagePermission.objects.create(
            group=group,
            page=hub_get(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    for name in models:
        app, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )
    user = UserFactory()
    user.groups.add(group)
    return user


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def shared_post():
    post = post_create(title="Wrong pricing")
    share = share_create(user=advocate_make(), post=post, platform="linkedin", text="a").share
    return post, share


def assert_untouched(post, share):
    post.refresh_from_db()
    share.refresh_from_db()
    assert post.live and post.retracted_at is None
    assert share.retracted_at is None
    assert not Notification.objects.filter(kind="retraction").exists()


def test_an_editor_who_may_only_edit_a_post_cannot_retract_it(shared_post):
    post, share = shared_post
    client = logged_in(editor_with(pages=["change_page"]))
    retract_url = reverse("sharing_retract", args=[post.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert edit.status_code == 200  # they may edit it...
    assert retract_url not in edit.content.decode()  # ...but see no Retract button
    listing = client.get(reverse("wagtailadmin_explore", args=[hub_get().pk]))
    assert listing.status_code == 200 and retract_url not in listing.content.decode()
    assert client.get(retract_url).status_code == 403
    assert client.post(retract_url).status_code == 403
    assert_untouched(post, share)


def test_an_editor_who_may_unpublish_a_post_retracts_it(shared_post):
    post, share = shared_post
    client = logged_in(editor_with(pages=["change_page", "publish_page"]))
    retract_url = reverse("sharing_retract", args=[post.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[post.pk]))
    assert retract_url in edit.content.decode()
    assert client.get(retract_url).status_code == 200
    assert client.post(retract_url, {"reason": "Out of date."}).status_code == 302
    post.refresh_from_db()
    share.refresh_from_db()
    assert not post.live and post.retracted_at is not None and share.retracted_at is not None
    assert Notification.objects.filter(kind="retraction", user=share.user).count() == 1


def test_the_service_refuses_an_editor_without_unpublish_and_an_anonymous_call(shared_post):
    post, share = shared_post
    with pytest.raises(PermissionDenied, match="permission to unpublish"):
        post_retract(post=post, by=editor_with(pages=["change_page"]))
    with pytest.raises(PermissionDenied):
        post_retract(post=post, by=None)
    assert_untouched(post, share)
    # The system (demo seed, maintenance) says so explicitly.
    assert post_retract(post=post, by=None, skip_permission_checks=True) == 1
    assert SharePostPage.objects.get(pk=post.pk).retracted_at is not None


def test_reviewing_a_suggestion_needs_the_change_permission():
    suggestion = suggestion_create(user=UserFactory(), url="https://news.example/a", note="n")
    review_url = reverse("sharing_suggestion:review", args=[suggestion.pk])
    viewer = logged_in(editor_with(pages=["add_page"], models=["sharing.view_suggestion"]))
    index = viewer.get(reverse("sharing_suggestion:index"))
    assert index.status_code == 200 and review_url not in index.content.decode()
    assert viewer.get(review_url).status_code == 403
    assert viewer.post(review_url, {"action": "accept"}).status_code == 403
    assert viewer.post(review_url, {"action": "decline", "reason": "no"}).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.state == "pending" and suggestion.post is None
    assert not SharePostPage.objects.filter(slug=f"suggestion-{suggestion.pk}").exists()


def test_accepting_a_suggestion_needs_to_add_pages_under_the_library():
    suggestion = suggestion_create(user=UserFactory(), url="https://news.example/a", note="n")
    review_url = reverse("sharing_suggestion:review", args=[suggestion.pk])
    client = logged_in(
        editor_with(
            pages=["change_page"],
            models=["sharing.view_suggestion", "sharing.change_suggestion"],
        )
    )
    review = client.get(review_url)
    assert review.status_code == 200 and "Accept and create" not in review.content.decode()
    assert client.post(review_url, {"action": "accept"}).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.state == "pending"
    assert not SharePostPage.objects.filter(slug=f"suggestion-{suggestion.pk}").exists()
    # Declining adds no page: they may still do that.
    declined = client.post(review_url, {"action": "decline", "reason": "Embargoed."})
    assert declined.status_code == 302
    assert Suggestion.objects.get(pk=suggestion.pk).state == "declined"
