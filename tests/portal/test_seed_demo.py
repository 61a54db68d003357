from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count
from wagtail import hooks

from courses.models import CoursePage, LessonPage, OnboardingRule, QuizPage
from courses.services import (
    lesson_complete,
    quiz_answer_save,
    quiz_attempt_start,
)
from people.models import ConsentRecord, Department, SocialNetwork, User
from people.selectors import consent_current
from policies.models import Acknowledgement, PolicyPage
from policies.services import policy_acknowledge
from portal.extensions import DEMO_SEED

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    from django.apps import apps

    seeding_apps = {step.__module__.split(".")[0] for step in hooks.get_hooks(DEMO_SEED)}
    assert {"people", "courses", "policies", "sharing", "leaderboard"} <= seeding_apps
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in seeding_apps | {"notifications", "wagtailcore", "auth"}
    }


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def test_seed_demo_twice_gives_the_same_counts_and_says_so():
    first = seed()
    after_first = counts()
    second = seed()
    assert "Demo content ready" in first
    assert "already seeded, nothing changed" in second
    assert counts() == after_first


def every_row() -> dict[str, list[dict]]:
    from django.apps import apps
    from django.db import connection

    tables = set(connection.introspection.table_names())
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.db_table in tables
    }


def test_a_second_run_after_people_used_the_demo_changes_no_row_of_any_table():
    """What `make run` does on a restart: hr publishes policy version 3, the new hire
    acknowledges it, reads every lesson, starts the quiz and answers a question; HR removes
    the onboarding rule. Re-seeding then must not touch any of it."""
    seed()
    hr = User.objects.get(username="hr")
    newhire = User.objects.get(username="newhire")
    policy = PolicyPage.objects.get(slug="policy")
    draft = policy.get_latest_revision_as_object()
    draft.what_changed = "Version 3: a new section on live streams."
    draft.material_change = True
    draft.save_revision(user=hr).publish(user=hr)
    policy.refresh_from_db()
    assert policy.version == 3
    policy_acknowledge(user=newhire, policy_id=policy.pk, version=3)
    basic = CoursePage.objects.get(slug="social-media-basics")
    for lesson in LessonPage.objects.live().child_of(basic):
        lesson_complete(user=newhire, lesson=lesson)
    attempt = quiz_attempt_start(user=newhire, quiz=QuizPage.objects.live().child_of(basic).get())
    first = attempt.questions[0]
    quiz_answer_save(
        user=newhire, attempt_id=attempt.pk, position=0, choice_ids=[first["choices"][0]["id"]]
    )
    OnboardingRule.objects.filter(course=basic).delete()
    before = every_row()

    out = seed()

    assert "already seeded, nothing changed" in out
    assert Acknowledgement.objects.filter(policy=policy, version=3).count() == 1
    after = every_row()
    assert after.keys() == before.keys()
    changed = [label for label in before if before[label] != after[label]]
    assert changed == []


def test_seed_demo_creates_the_people_design_md_promises(settings):
    seed()
    assert User.objects.count() >= 43
    departments = Department.objects.annotate(n=Count("members")).filter(n__gt=0)
    assert departments.count() >= 5
    hr = User.objects.get(username="hr")
    assert hr.has_perm("wagtailadmin.access_admin")
    newhire = User.objects.get(username="newhire")
    assert not newhire.has_perm("wagtailadmin.access_admin")
    assert not SocialNetwork.objects.filter(user=newhire).exists()
    assert not ConsentRecord.objects.filter(user=newhire).exists()
    advocate = User.objects.get(username="advocate")
    assert consent_current(user=advocate)["advocacy"] is True
    for username in ("hr", "newhire", "advocate"):
        assert authenticate(username=username, password=settings.DEMO_PASSWORD)
    # Varied history: some people opted in, some changed their minds.
    assert ConsentRecord.objects.filter(granted=False).exists()
    assert User.objects.filter(networks__isnull=True).exists()


def test_seed_demo_refuses_without_debug():
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.filter(username="hr").exists()
