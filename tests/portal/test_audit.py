"""The audit trail: what editors, HR and the system did to people, recorded as it happens,
append-only, readable only with the audit permission, and in a person's own export only
as their own actions."""

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from courses.models import OnboardingRule
from leaderboard.services import points_award
from people.services import person_deactivate
from portal.audit import (
    ONBOARDING_RULE_CHANGE,
    POINTS_CORRECT,
    POST_RETRACT,
    REPORT_EXPORT,
    SETTINGS_CHANGE,
    audit_record,
)
from portal.models import AuditLogEntry, RetentionSettings
from sharing.services import share_create
from tests.courses.factories import CoursePageFactory
from tests.people.factories import EditorFactory, UserFactory
from tests.sharing.factories import advocate_make, post_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    return admin


def test_a_retraction_is_recorded_with_who_and_how_many_were_told(client, admin):
    post = post_create()
    share_create(user=advocate_make(), post=post, platform="linkedin", text="Hi")
    reason = "The offer in it has ended."
    client.post(reverse("sharing_retract", args=[post.pk]), {"reason": reason})
    entry = AuditLogEntry.objects.get(action=POST_RETRACT)
    assert (entry.user, entry.object_id, entry.data["people_told"]) == (admin, str(post.pk), 1)
    assert entry.data["reason"] == reason


def test_a_points_correction_is_recorded_once_even_if_the_form_is_sent_twice(client, admin):
    person = UserFactory()
    points_award(user=person, reason="share", key="share:audit")
    form = client.get(reverse("points_ledger:add")).content.decode()
    token = re.search(r'name="token" value="([0-9a-f]+)"', form).group(1)
    data = {"user": person.pk, "points": -2, "note": "Retracted post.", "token": token}
    client.post(reverse("points_ledger:add"), data)
    client.post(reverse("points_ledger:add"), data)
    entry = AuditLogEntry.objects.get(action=POINTS_CORRECT)
    assert (entry.user, entry.object_id, entry.data["points"]) == (admin, str(person.pk), -2)


def test_a_programme_settings_edit_records_each_changed_value(client, admin):
    pk = RetentionSettings.load().pk
    url = reverse("wagtailsettings:edit", args=["portal", "retentionsettings", pk])
    form = {
        "raw_clicks_days": 30,
        "visitor_hashes_days": 7,
        "read_notifications_days": 90,
        "erasure_months": 12,
    }
    assert client.post(url, form).status_code == 302
    client.post(url, form)  # saved again unchanged: nothing more to record
    entry = AuditLogEntry.objects.get(action=SETTINGS_CHANGE)
    assert entry.user == admin
    assert entry.data["changed"] == {"raw_clicks_days": ["90", "30"]}


def test_onboarding_rule_changes_are_recorded(client, admin):
    course = CoursePageFactory()
    client.post(reverse("onboarding_rules:add"), {"course": course.pk, "due_days": 14})
    rule = OnboardingRule.objects.get()
    client.post(
        reverse("onboarding_rules:edit", args=[rule.pk]), {"course": course.pk, "due_days": 30}
    )
    client.post(reverse("onboarding_rules:delete", args=[rule.pk]))
    changes = [
        (e.data["change"], e.data["due_days"])
        for e in AuditLogEntry.objects.filter(action=ONBOARDING_RULE_CHANGE).order_by("pk")
    ]
    assert changes == [("create", 14), ("edit", 30), ("delete", 30)]


def test_every_report_export_is_recorded_with_its_filters(client, admin):
    response = client.get(
        reverse("chorus_reports:training"),
        {"start": "2026-01-01", "end": "2026-03-31", "export": "csv"},
    )
    assert response.status_code == 200
    entry = AuditLogEntry.objects.get(action=REPORT_EXPORT)
    assert entry.user == admin and entry.label == "Training"
    assert entry.data["format"] == "csv"
    assert entry.data["filters"] == {"start": "2026-01-01", "end": "2026-03-31"}


def test_the_trail_is_append_only():
    entry = audit_record(actor=None, action=REPORT_EXPORT, instance=AuditLogEntry, label="x")
    entry.label = "changed"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()
    with pytest.raises(ValueError, match="Unknown audit action"):
        audit_record(actor=None, action="chorus.typo", instance=AuditLogEntry)


def test_only_people_with_the_audit_permission_see_it_in_site_history(client):
    person = UserFactory(first_name="Ottoline", last_name="Marchbanks")
    person_deactivate(user=person, source="test")
    audit_record(actor=None, action=REPORT_EXPORT, instance=AuditLogEntry, label="Secret export")
    editor = EditorFactory()  # may edit people, yet may not read the trail
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Secret export" not in page
    editor.user_permissions.add(Permission.objects.get(codename="view_auditlogentry"))
    editor = type(editor).objects.get(pk=editor.pk)
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Secret export" in page


def test_a_personal_export_holds_only_ones_own_actions_and_names_no_one_else(client):
    hr = EditorFactory()
    other_hr = EditorFactory()
    person = UserFactory(first_name="Ottoline", last_name="Marchbanks")
    audit_record(actor=hr, action=POINTS_CORRECT, instance=person, data={"points": 1})
    audit_record(actor=other_hr, action=REPORT_EXPORT, instance=AuditLogEntry, label="Theirs")
    client.force_login(hr)
    export = json.loads(client.get(reverse("people:export")).content)
    assert [(a["action"], a["object"]) for a in export["audit"]] == [(POINTS_CORRECT, None)]
    assert "Marchbanks" not in json.dumps(export)
    client.force_login(person)
    assert json.loads(client.get(reverse("people:export")).content)["audit"] == []
