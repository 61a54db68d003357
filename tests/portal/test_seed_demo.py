from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count
from wagtail import hooks

from people.models import ConsentRecord, Department, SocialNetwork, User
from people.selectors import consent_current
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
    assert "nothing changed" in second
    assert counts() == after_first


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
