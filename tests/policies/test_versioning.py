"""Publishing: a material change starts version N+1 when it goes live; anything else keeps N."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Workflow, WorkflowPage

from notifications.models import Notification
from policies.models import PolicyPage, PolicyVersion
from policies.models.pages import PolicyPageForm
from policies.notices import POLICY_VERSION
from policies.selectors import policies_current
from tests.people.factories import EditorFactory, UserFactory
from tests.policies.factories import PolicyPageFactory, policy_publish

pytestmark = pytest.mark.django_db


def test_first_publication_is_version_1_even_if_marked_material():
    page = PolicyPageFactory(live=False)
    assert page.version == 0
    page = policy_publish(page, material=True)
    assert page.version == 1
    assert list(page.versions.values_list("number", flat=True)) == [1]


def test_material_change_starts_a_new_version_and_a_typo_fix_keeps_it():
    page = PolicyPageFactory()
    page = policy_publish(page, material=False, title="Social media policy (typo fixed)")
    assert page.version == 1
    page = policy_publish(page, material=True, what_changed="New AI rule.")
    assert page.version == 2
    v2 = PolicyVersion.objects.get(policy=page, number=2)
    assert v2.revision_id == page.live_revision_id
    assert v2.what_changed == "New AI rule."
    page = policy_publish(page, material=False)
    assert page.version == 2
    assert page.versions.count() == 2


def test_republishing_the_same_revision_does_not_bump_again():
    page = PolicyPageFactory()
    page = policy_publish(page, material=True)
    assert page.version == 2
    page.live_revision.publish()
    assert PolicyPage.objects.get(pk=page.pk).version == 2


def test_old_revision_content_never_brings_back_an_old_version_number():
    page = PolicyPageFactory()
    page = policy_publish(page, material=True)
    assert page.version == 2
    # An older draft loaded from its revision carries the live version, not its own.
    first = page.revisions.order_by("pk").first()
    assert first.as_object().version == 2


def test_scheduled_material_change_bumps_only_when_it_goes_live():
    page = PolicyPageFactory()
    draft = page.get_latest_revision_as_object()
    draft.material_change = True
    draft.what_changed = "Scheduled change."
    draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = draft.save_revision()
    revision.publish()
    page = PolicyPage.objects.get(pk=page.pk)
    assert page.version == 1
    assert policies_current()[0].version == 1

    # An hour later (as far as the revision knows): publish_scheduled makes it live.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page = PolicyPage.objects.get(pk=page.pk)
    assert page.version == 2
    assert page.live_revision_id == revision.pk
    # The cache of current versions follows the publication.
    assert policies_current()[0].version == 2


def test_workflow_approval_publishes_the_material_revision_and_bumps():
    page = PolicyPageFactory()
    workflow = Workflow.objects.get(name="Moderators approval")
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    editor = EditorFactory()
    draft = page.get_latest_revision_as_object()
    draft.material_change = True
    revision = draft.save_revision(user=editor)
    state = workflow.start(draft, editor)
    assert PolicyPage.objects.get(pk=page.pk).version == 1
    moderator = UserFactory(is_superuser=True)
    state.current_task_state.approve(user=moderator)
    page = PolicyPage.objects.get(pk=page.pk)
    assert page.live_revision_id == revision.pk
    assert page.version == 2


def test_the_edit_form_starts_unticked_after_a_material_publication():
    page = PolicyPageFactory()
    page = policy_publish(page, material=True)
    latest = page.get_latest_revision_as_object()
    assert latest.material_change is True  # stored with the revision that went live
    form_class = PolicyPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, PolicyPageForm)
    form = form_class(instance=latest, for_user=EditorFactory())
    assert form.initial["material_change"] is False


def test_the_edit_form_keeps_a_pending_material_draft_ticked():
    page = PolicyPageFactory()
    draft = page.get_latest_revision_as_object()
    draft.material_change = True
    draft.save_revision()
    page = PolicyPage.objects.get(pk=page.pk)
    latest = page.get_latest_revision_as_object()
    form_class = PolicyPage.get_edit_handler().get_form_class()
    form = form_class(instance=latest, for_user=EditorFactory())
    assert form.initial["material_change"] is True


def test_a_material_change_notifies_every_active_employee_once(django_capture_on_commit_callbacks):
    people = [UserFactory(), UserFactory()]
    UserFactory(is_active=False)
    page = PolicyPageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        policy_publish(page, material=False)
    assert not Notification.objects.exists()  # a typo fix asks nothing of anyone
    with django_capture_on_commit_callbacks(execute=True):
        page = policy_publish(page, material=True, what_changed="A new AI rule.")
    notes = Notification.objects.filter(kind=POLICY_VERSION.key)
    assert sorted(n.user_id for n in notes) == sorted(p.pk for p in people)
    note = notes.first()
    assert "version 2" in note.title and note.body == "A new AI rule."
    assert note.url == "/policy/"


def test_the_admin_publish_action_path_bumps_too():
    """The editor's Publish button runs PublishPageRevisionAction, not Page.publish."""
    page = PolicyPageFactory()
    editor = EditorFactory()
    draft = page.get_latest_revision_as_object()
    draft.material_change = True
    revision = draft.save_revision(user=editor)
    PublishPageRevisionAction(revision, user=editor).execute(skip_permission_checks=True)
    assert PolicyPage.objects.get(pk=page.pk).version == 2


def test_previewing_a_material_change_shows_the_next_version_number(rf):
    page = PolicyPageFactory()
    draft = page.get_latest_revision_as_object()
    draft.material_change = True
    request = rf.get("/policy/")
    request.user = UserFactory()
    request.is_preview = True
    assert draft.get_context(request)["display_version"] == 2
    request.is_preview = False
    assert page.get_context(request)["display_version"] == 1
