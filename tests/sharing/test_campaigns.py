"""Campaigns with a goal: validation, progress, who is named, departments, milestones,
hooks, badges, the pages and the live bar."""

from datetime import timedelta
from io import StringIO

import pytest
from channels.db import database_sync_to_async
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from leaderboard.models import BadgeAward, Criterion
from leaderboard.services.reconcile import badges_differences
from notifications.models import Notification
from people.models import ConsentKind
from people.services import consent_set
from portal.realtime.broadcaster import broadcaster
from sharing.campaigns import CAMPAIGN_MILESTONE, CAMPAIGN_STARTED
from sharing.captions import code_new
from sharing.models import (
    STARTED,
    Campaign,
    CampaignMilestone,
    CampaignPerson,
    Click,
    GoalKind,
    Share,
)
from sharing.selectors.campaigns import (
    campaign_departments,
    campaign_participants_named,
    campaign_progress,
    campaigns_progress,
)
from sharing.services import click_record, share_create
from sharing.services.campaigns import campaign_milestones_record, campaigns_start_due
from sharing.services.tallies import campaign_tally_add, campaign_tally_rebuild
from tests.leaderboard.factories import opted_in
from tests.people.factories import DepartmentFactory, EditorFactory, UserFactory
from tests.sharing.factories import advocate_make, post_create
from tests.threads import race
from tests.websockets import login_cookie, receive_matching, run, ws_connect

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
READER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def campaign_make(**fields) -> Campaign:
    values = {
        "name": "Hiring fair",
        "slug": "hiring-fair",
        "goal_kind": GoalKind.CLICKS,
        "target": 100,
        "starts_on": TODAY - timedelta(days=7),
        "ends_on": TODAY + timedelta(days=7),
    }
    values.update(fields)
    return Campaign.objects.create(**values)


def share_make(user, post, *, platform="linkedin", at=None) -> Share:
    """A share made past share_create (quicker in bulk), with the tally it would keep."""
    share = Share.objects.create(
        user=user,
        post=post,
        post_title=post.title,
        platform=platform,
        code=code_new(),
        caption="Come and meet us.",
        created_at=at or timezone.now(),
    )
    campaign_tally_add(campaign=post.campaign, user_id=user.pk, at=share.created_at, shares=1)
    return share


def clicks_make(share: Share, n: int, *, at=None, credited=True) -> None:
    """Clicks stored past click_record, with the tally its credited ones would keep."""
    at = at or timezone.now()
    Click.objects.bulk_create(
        Click(
            share=share, at=at, visitor_key=f"{share.pk}-{i}", ua_class="person", credited=credited
        )
        for i in range(n)
    )
    if credited:
        campaign_tally_add(campaign=share.post.campaign, user_id=share.user_id, at=at, clicks=n)


@pytest.fixture
def editor_client():
    client = Client()
    client.force_login(EditorFactory())
    return client


# Admin


def campaign_form(**fields) -> dict:
    data = {
        "name": "Hiring fair",
        "slug": "hiring-fair",
        "description": "",
        "goal_kind": "clicks",
        "target": "250",
        "starts_on": "2027-03-01",
        "ends_on": "2027-03-15",
        "badge": "",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"ends_on": "2027-02-20"}, "ends_on", "cannot end before it starts"),
        ({"target": "0"}, "target", "must be at least 1"),
        ({"target": "-5"}, "target", "must be at least 1"),
        ({"ends_on": ""}, "ends_on", "A goal needs an end date"),
    ],
)
def test_the_admin_refuses_a_goal_that_makes_no_sense_and_says_why(
    editor_client, fields, field, message
):
    url = reverse("wagtailsnippets_sharing_campaign:add")
    response = editor_client.post(url, campaign_form(**fields))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not Campaign.objects.exists()


def test_the_admin_saves_a_goal_and_a_campaign_without_one(editor_client):
    url = reverse("wagtailsnippets_sharing_campaign:add")
    assert editor_client.post(url, campaign_form()).status_code == 302
    campaign = Campaign.objects.get()
    assert (campaign.target, campaign.goal_kind, str(campaign.ends_on)) == (
        250,
        "clicks",
        "2027-03-15",
    )
    plain = campaign_form(slug="plain", target="", ends_on="")
    assert editor_client.post(url, plain).status_code == 302
    assert Campaign.objects.get(slug="plain").has_goal is False
    listing = editor_client.get(reverse("wagtailsnippets_sharing_campaign:list"))
    assert "250 credited clicks" in listing.content.decode()


def test_the_database_refuses_a_non_positive_target_too():
    with pytest.raises(ValidationError):
        Campaign(name="x", slug="x", target=0, ends_on=TODAY).full_clean()


# Progress


def test_progress_counts_each_kind_on_the_campaigns_posts_within_its_dates():
    campaign = campaign_make(target=10)
    post = post_create(campaign=campaign)
    other_post = post_create()
    ann, bo, cy = UserFactory(), UserFactory(), UserFactory()
    clicks_make(share_make(ann, post), 3)
    old = share_make(bo, post, at=timezone.now() - timedelta(days=30))  # before the start
    clicks_make(old, 2)  # ... but its clicks now count, and so does Bo
    clicks_make(old, 4, at=timezone.now() - timedelta(days=20))  # before: not counted
    clicks_make(share_make(cy, post, platform="x"), 5, credited=False)  # refused clicks
    clicks_make(share_make(cy, other_post), 9)  # another post
    progress = campaign_progress(campaign=campaign)
    assert (progress.total, progress.participants, progress.percent) == (5, 3, 50)
    assert [(m.percent, m.reached) for m in progress.milestones] == [
        (25, True),
        (50, True),
        (100, False),
    ]
    campaign.goal_kind = GoalKind.SHARES
    assert campaign_progress(campaign=campaign).total == 2  # Ann's and Cy's, not Bo's old one
    campaign.goal_kind = GoalKind.PEOPLE
    assert campaign_progress(campaign=campaign).percent == 30


@pytest.mark.parametrize("rows", [10, 1000])
def test_progress_takes_one_query_however_many_shares_and_clicks(
    rows, django_assert_max_num_queries
):
    campaigns = [campaign_make(slug=f"c{i}", target=rows) for i in range(3)]
    posts = [post_create(campaign=c) for c in campaigns]
    people = [UserFactory() for _ in range(5)]
    shares = [share_make(person, post) for post in posts for person in people]
    for share in shares[:-1]:
        clicks_make(share, rows // len(shares))
    clicks_make(shares[-1], rows - rows // len(shares) * (len(shares) - 1))
    with django_assert_max_num_queries(1):
        progress = campaigns_progress(campaigns=campaigns)
    assert sum(p.total for p in progress.values()) == rows
    assert all(p.participants == 5 for p in progress.values())


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_campaign_page_costs_the_same_at_any_size(rows, django_assert_max_num_queries):
    campaign = campaign_make(target=rows)
    post = post_create(campaign=campaign)
    people = [opted_in() for _ in range(4)]
    for person in people:
        clicks_make(share_make(person, post), rows // 4)
    client = Client()
    client.force_login(people[0])
    url = reverse("sharing:campaign", args=[campaign.slug])
    client.get(url)  # warm the site and settings caches
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert f"<strong>{rows // 4 * 4}</strong> of {rows}" in response.content.decode()


# Who is named


def test_only_participants_who_opted_in_to_the_leaderboard_are_named():
    campaign = campaign_make()
    post = post_create(campaign=campaign)
    named = opted_in(first_name="Nia", last_name="Named")
    quiet = UserFactory(first_name="Quinn", last_name="Quiet")
    opted_in(first_name="Olu", last_name="Outside")  # opted in but took no part
    share_make(named, post)
    share_make(quiet, post)
    assert campaign_participants_named(campaign=campaign) == ["Nia Named"]
    client = Client()
    client.force_login(quiet)
    page = client.get(reverse("sharing:campaign", args=[campaign.slug])).content.decode()
    assert "Nia Named and 1 other</p>" in page
    assert "Quinn Quiet" not in page.split("Who took part")[1].split("</section>")[0]
    assert "Olu Outside" not in page
    assert "You took part" in page


# Departments


def test_departments_are_shown_per_opted_in_member_and_only_from_three():
    campaign = campaign_make(goal_kind=GoalKind.CLICKS)
    post = post_create(campaign=campaign)
    small, big, tiny = (DepartmentFactory(name=n) for n in ("Small", "Big", "Tiny"))
    smalls = [opted_in(department=small) for _ in range(3)]
    bigs = [opted_in(department=big) for _ in range(6)]
    tinies = [opted_in(department=tiny) for _ in range(2)]
    hidden = UserFactory(department=small)  # not opted in: neither counted nor dividing
    clicks_make(share_make(smalls[0], post), 9)
    clicks_make(share_make(bigs[0], post), 6)
    clicks_make(share_make(bigs[1], post), 6)
    clicks_make(share_make(tinies[0], post), 50)
    clicks_make(share_make(hidden, post), 30)
    lines = campaign_departments(campaign=campaign)
    assert [(line.name, line.members, line.total, line.per_member) for line in lines] == [
        ("Small", 3, 9, 3.0),
        ("Big", 6, 12, 2.0),
    ]
    campaign.goal_kind = GoalKind.PEOPLE
    lines = campaign_departments(campaign=campaign)
    assert [(line.name, line.per_member) for line in lines] == [("Big", 33.3), ("Small", 33.3)]


# Milestones, thanks, badges, hooks


@pytest.fixture
def heard():
    events = []
    hooks.register(CAMPAIGN_STARTED, lambda campaign: events.append(("started", campaign.pk)))
    hooks.register(
        CAMPAIGN_MILESTONE, lambda campaign, percent: events.append((percent, campaign.pk))
    )
    yield events
    for name in (CAMPAIGN_STARTED, CAMPAIGN_MILESTONE):
        hooks._hooks[name] = [h for h in hooks._hooks[name] if h[0].__module__ != __name__]


def test_each_milestone_thanks_everyone_who_took_part_once_and_then_tells_the_hooks(
    heard, django_capture_on_commit_callbacks
):
    campaign = campaign_make(target=8)
    post = post_create(campaign=campaign)
    ann, bo = UserFactory(), UserFactory()
    bystander = UserFactory()
    a = share_make(ann, post)
    share_make(bo, post)
    clicks_make(a, 4)
    with django_capture_on_commit_callbacks(execute=True):
        assert campaign_milestones_record(campaign_id=campaign.pk) == [25, 50]
    assert heard == [("started", campaign.pk), (25, campaign.pk), (50, campaign.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        assert campaign_milestones_record(campaign_id=campaign.pk) == []
    assert len(heard) == 3
    thanks = Notification.objects.filter(kind="campaign_milestone")
    assert sorted(thanks.values_list("user_id", flat=True)) == sorted(
        [ann.pk, ann.pk, bo.pk, bo.pk]
    )
    assert not Notification.objects.filter(user=bystander).exists()
    title = thanks.filter(user=ann).order_by("pk").last().title
    assert title == "“Hiring fair” is 50% of the way there"
    assert "You and 1 colleague took part." in thanks.first().body
    assert not BadgeAward.objects.exists()


def test_reaching_the_goal_gives_each_participant_the_campaign_badge_which_reconcile_keeps(
    heard, django_capture_on_commit_callbacks
):
    campaign = campaign_make(target=4)
    post = post_create(campaign=campaign)
    ann, bo = UserFactory(), UserFactory()
    clicks_make(share_make(ann, post), 4)
    share_make(bo, post)
    with django_capture_on_commit_callbacks(execute=True):
        assert campaign_milestones_record(campaign_id=campaign.pk) == [25, 50, 100]
    campaign.refresh_from_db()
    assert campaign.badge.criterion == Criterion.CAMPAIGN
    awards = BadgeAward.objects.filter(badge=campaign.badge)
    assert sorted(awards.values_list("user_id", flat=True)) == sorted([ann.pk, bo.pk])
    assert (100, campaign.pk) in heard
    assert Notification.objects.filter(user=bo, title__endswith="reached its goal").exists()
    assert badges_differences(fix=True) == []
    assert awards.filter(revoked=False).count() == 2


def test_a_start_is_announced_once_when_its_day_comes(heard, django_capture_on_commit_callbacks):
    later = campaign_make(starts_on=TODAY + timedelta(days=2), ends_on=TODAY + timedelta(days=9))
    now = campaign_make(slug="now")
    campaign_make(slug="plain", target=None, ends_on=None)
    with django_capture_on_commit_callbacks(execute=True):
        assert campaigns_start_due() == 1
        assert campaigns_start_due() == 0
    assert heard == [("started", now.pk)]
    with django_capture_on_commit_callbacks(execute=True):
        assert campaigns_start_due(at=timezone.now() + timedelta(days=2)) == 1
    assert heard[-1] == ("started", later.pk)


def test_a_failing_hook_is_logged_and_the_others_still_hear(
    heard, django_capture_on_commit_callbacks, caplog
):
    def broken(campaign):
        raise RuntimeError("slack is down")

    hooks.register(CAMPAIGN_STARTED, broken, order=-1)
    campaign = campaign_make()
    with django_capture_on_commit_callbacks(execute=True):
        campaigns_start_due()
    assert heard == [("started", campaign.pk)]
    assert "chorus_campaign_started hook failed" in caplog.text


def test_concurrent_checks_record_each_milestone_once_and_thank_once(postgres):
    campaign = campaign_make(target=4)
    post = post_create(campaign=campaign)
    people = [UserFactory() for _ in range(3)]
    for person in people:
        share_make(person, post)
    clicks_make(Share.objects.first(), 4)
    outcomes = race(*[lambda: campaign_milestones_record(campaign_id=campaign.pk)] * 4)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sorted(m for o in outcomes for m in o) == [25, 50, 100]
    assert list(CampaignMilestone.objects.values_list("percent", flat=True)) == [0, 25, 50, 100]
    assert Notification.objects.filter(kind="campaign_milestone").count() == 3 * 3
    assert BadgeAward.objects.count() == 3


# Pages


def test_the_campaign_page_the_post_and_the_dashboard_show_the_figures_without_javascript():
    campaign = campaign_make(target=20, description="Meet the team at the fair.")
    post = post_create(campaign=campaign, title="Come to the fair")
    viewer = advocate_make()
    clicks_make(share_make(viewer, post), 12)
    client = Client()
    client.force_login(viewer)
    for url in ["/", post.url, reverse("sharing:campaign", args=[campaign.slug])]:
        html = client.get(url).content.decode()
        assert "<strong>12</strong> of 20 credited clicks" in html, url
        assert "60%" in html and "50% reached" in html and "1 person took part" in html, url
        assert f'ws-connect="/ws/campaigns/?campaign={campaign.pk}"' in html, url
    page = client.get(reverse("sharing:campaign", args=[campaign.slug])).content.decode()
    assert "Meet the team at the fair." in page and "Come to the fair" in page
    bar = client.get(reverse("sharing:campaign_bar", args=[campaign.slug])).content.decode()
    assert bar.strip().startswith(f'<div id="campaign-bar-{campaign.pk}"')
    campaign_make(
        name="Last year",
        slug="last-year",
        starts_on=TODAY - timedelta(days=400),
        ends_on=TODAY - timedelta(days=300),
    )
    listing = client.get(reverse("sharing:campaigns")).content.decode()
    assert "Hiring fair" in listing and "Last year" not in listing
    assert client.get(reverse("sharing:campaign", args=["nope"])).status_code == 404


def test_no_panel_or_bar_without_a_running_goal():
    plain = campaign_make(target=None, ends_on=None)
    post = post_create(campaign=plain)
    campaign_make(slug="over", starts_on=TODAY - timedelta(days=30), ends_on=TODAY - timedelta(1))
    client = Client()
    client.force_login(advocate_make())
    assert "campaign-bar" not in client.get("/").content.decode()
    assert "campaign-bar" not in client.get(post.url).content.decode()


# Live


@pytest.mark.django_db(transaction=True)
@pytest.mark.broadcasts
def test_a_credited_click_on_a_campaign_post_moves_the_bar_and_records_the_milestone():
    campaign = campaign_make(target=4)
    post = post_create(campaign=campaign)
    sharer = advocate_make()
    viewer = advocate_make()
    share = share_create(user=sharer, post=post, platform="linkedin", text="Come along.").share
    # The broadcaster checks (and here, with the immediate task backend, records) on its
    # own thread: let it finish before this thread writes again (in-memory SQLite locks
    # whole tables between connections).
    broadcaster.flush(timeout=10)
    assert campaign.milestones.filter(percent=STARTED).exists()  # announced by the push
    _, cookie = login_cookie(viewer)

    async def scenario():
        communicator, connected = await ws_connect(
            f"/ws/campaigns/?campaign={campaign.pk}&campaign=x", cookie
        )
        assert connected
        await database_sync_to_async(click_record)(
            code=share.code, method="GET", user_agent=READER, ip="203.0.113.5"
        )
        html = await receive_matching(communicator, "<strong>1</strong> of 4")
        assert f'id="campaign-bar-{campaign.pk}"' in html and "25% reached" in html
        await communicator.disconnect()

    run(scenario())
    broadcaster.flush(timeout=10)
    assert campaign.milestones.filter(percent=25).exists()
    assert Notification.objects.filter(user=sharer, kind="campaign_milestone").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_campaign_socket_refuses_anyone_not_signed_in():
    async def scenario():
        communicator, connected = await ws_connect("/ws/campaigns/?campaign=1", None)
        assert not connected
        await communicator.disconnect()

    run(scenario())


# Demo


def test_the_demo_has_a_running_campaign_at_sixty_percent():
    call_command("seed_demo", "--force", stdout=StringIO())
    campaign = Campaign.objects.get(slug="spring-launch")
    assert campaign.is_running() and campaign.has_goal
    assert campaign_progress(campaign=campaign).percent == 60
    assert set(campaign.milestones.values_list("percent", flat=True)) == {0, 25, 50}
    call_command("seed_demo", "--force", stdout=StringIO())
    assert campaign_progress(campaign=Campaign.objects.get(slug="spring-launch")).percent == 60


def test_leaving_the_leaderboard_removes_a_name_but_not_the_count():
    campaign = campaign_make()
    person = opted_in(first_name="Lee", last_name="Leaving")
    share_make(person, post_create(campaign=campaign))
    consent_set(user=person, kind=ConsentKind.LEADERBOARD, granted=False, source="test")
    assert campaign_participants_named(campaign=campaign) == []
    assert campaign_progress(campaign=campaign).participants == 1


def test_the_check_command_catches_up_on_what_no_push_recorded(heard):
    campaign = campaign_make(target=2)
    ann = UserFactory()
    clicks_make(share_make(ann, post_create(campaign=campaign)), 1)
    out = StringIO()
    call_command("campaigns_check", stdout=out)
    assert "1 campaigns started, 2 milestones recorded." in out.getvalue()
    assert set(campaign.milestones.values_list("percent", flat=True)) == {0, 25, 50}
    call_command("campaigns_check", stdout=out)
    assert "0 campaigns started, 0 milestones recorded." in out.getvalue()


def test_saving_a_running_campaign_in_the_admin_announces_it_after_commit(
    editor_client, heard, django_capture_on_commit_callbacks
):
    url = reverse("wagtailsnippets_sharing_campaign:add")
    running = campaign_form(starts_on=str(TODAY), ends_on=str(TODAY + timedelta(days=5)))
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, running).status_code == 302
    assert heard == [("started", Campaign.objects.get().pk)]
    later = campaign_form(slug="later", starts_on=str(TODAY + timedelta(days=1)))
    later["ends_on"] = str(TODAY + timedelta(days=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, later).status_code == 302
    assert len(heard) == 1  # not started yet: the cron check announces it on its day


def test_the_thanks_is_emailed_only_to_those_who_opted_in_to_alerts(
    mailoutbox, django_capture_on_commit_callbacks
):
    campaign = campaign_make(target=4)
    post = post_create(campaign=campaign)
    alerts = UserFactory(email="alerts@northwind.example")
    consent_set(user=alerts, kind=ConsentKind.EMAIL_ALERTS, granted=True, source="test")
    quiet = UserFactory(email="quiet@northwind.example")
    clicks_make(share_make(alerts, post), 1)
    share_make(quiet, post)
    with django_capture_on_commit_callbacks(execute=True):
        assert campaign_milestones_record(campaign_id=campaign.pk) == [25]
    assert [message.to for message in mailoutbox] == [["alerts@northwind.example"]]
    assert "25% of the way there" in mailoutbox[0].subject
    assert Notification.objects.filter(user=quiet, kind="campaign_milestone").count() == 1


def test_tallies_kept_by_shares_and_clicks_equal_a_recount_and_follow_the_dates_and_posts(
    django_capture_on_commit_callbacks,
):
    campaign = campaign_make(goal_kind=GoalKind.CLICKS, target=10)
    post = post_create(campaign=campaign)
    sharer, other = advocate_make(), advocate_make()
    share = share_create(user=sharer, post=post, platform="linkedin", text="Come along.").share
    for n in range(3):
        click_record(code=share.code, method="GET", user_agent=READER, ip=f"203.0.113.{n + 1}")
    click_record(code=share.code, method="GET", user_agent=READER, ip="203.0.113.1")  # repeat
    elsewhere = post_create()  # in no campaign: counts for none
    share_create(user=other, post=elsewhere, platform="linkedin", text="Not this one.")
    progress = campaign_progress(campaign=campaign)
    assert (progress.total, progress.participants) == (3, 1)
    kept = set(CampaignPerson.objects.values_list("campaign_id", "user_id", "shares", "clicks"))
    assert kept == {(campaign.pk, sharer.pk, 1, 3)}
    campaign_tally_rebuild(campaign_id=campaign.pk)
    assert (
        set(CampaignPerson.objects.values_list("campaign_id", "user_id", "shares", "clicks"))
        == kept
    )

    # HR moves the start to tomorrow: nothing done so far counts, and back again.
    campaign.starts_on = TODAY + timedelta(days=1)
    campaign.save()
    assert campaign_progress(campaign=campaign).total == 0
    campaign.starts_on = TODAY - timedelta(days=7)
    campaign.save()
    assert campaign_progress(campaign=campaign).total == 3

    # An editor moves the other post into the campaign: publishing it recounts.
    elsewhere.campaign = campaign
    with django_capture_on_commit_callbacks(execute=True):
        elsewhere.save_revision().publish()
    progress = campaign_progress(campaign=campaign)
    assert (progress.participants, campaign_progress(campaign=campaign).total) == (2, 3)
