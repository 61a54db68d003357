"""Campaign start and milestones (the sharing app's hooks) and the weekly summary reach
the channels that want them, once each, with totals and never anyone's own figures."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from sharing.captions import code_new
from sharing.models import Campaign, Click, GoalKind, Share
from sharing.services.campaigns import campaign_milestones_record
from sharing.services.tallies import campaign_tally_add
from tests.people.factories import UserFactory
from tests.sharing.factories import post_create
from tests.webhooks.factories import destination_make
from webhooks import demo
from webhooks.events import campaign_milestone
from webhooks.models import Delivery, Event, Kind
from webhooks.tasks import webhooks_weekly_summary_send

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def campaign_make(**fields) -> Campaign:
    values = {
        "name": "Hiring fair",
        "slug": "hiring-fair",
        "description": "Bring people to our stand on 15 March.",
        "goal_kind": GoalKind.CLICKS,
        "target": 8,
        "starts_on": TODAY - timedelta(days=3),
        "ends_on": TODAY + timedelta(days=10),
    }
    values.update(fields)
    return Campaign.objects.create(**values)


def share_with_clicks(user, post, clicks: int) -> Share:
    share = Share.objects.create(
        user=user,
        post=post,
        post_title=post.title,
        platform="linkedin",
        code=code_new(),
        caption="Come and meet us.",
        created_at=timezone.now(),
    )
    Click.objects.bulk_create(
        Click(
            share=share,
            at=timezone.now(),
            visitor_key=f"{share.pk}-{i}",
            ua_class="person",
            credited=True,
        )
        for i in range(clicks)
    )
    # Made in bulk, past the services: their tallies as share_create and click_record keep.
    campaign_tally_add(campaign=post.campaign, user_id=user.pk, at=share.created_at, shares=1)
    campaign_tally_add(campaign=post.campaign, user_id=user.pk, at=timezone.now(), clicks=clicks)
    return share


def texts(requests) -> list[str]:
    return [r.json["text"] for r in requests]


def test_campaign_start_and_milestones_reach_the_channel_once_each_without_names(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver)
    destination_make(receiver, path="/posts-only", campaigns=False)
    campaign = campaign_make()
    post = post_create(campaign=campaign)
    ann = UserFactory(first_name="Annabel", last_name="Quist", username="annabelq")
    bo = UserFactory(first_name="Bohdan", last_name="Rusk", username="bohdanr")
    share_with_clicks(ann, post, 3)
    share_with_clicks(bo, post, 1)

    with django_capture_on_commit_callbacks(execute=True):
        assert campaign_milestones_record(campaign_id=campaign.pk) == [25, 50]
    with django_capture_on_commit_callbacks(execute=True):
        assert campaign_milestones_record(campaign_id=campaign.pk) == []

    assert {r.path for r in receiver.requests} == {"/slack"}
    started, quarter, half = texts(receiver.requests)
    assert started.startswith("Campaign started: Hiring fair")
    assert "Goal: 8 credited clicks" in started
    assert "https://chorus.example.com/share/campaigns/hiring-fair/" in started
    assert quarter.startswith("Hiring fair is 25% of the way there")
    assert half.startswith("Hiring fair is 50% of the way there")
    assert "Progress: 4 of 8 credited clicks" in half
    assert "Taking part: 2 people" in half
    everything = b"".join(r.body for r in receiver.requests).decode()
    for private in ("Annabel", "Quist", "annabelq", "Bohdan", "Rusk", "@example.com"):
        assert private not in everything


def test_the_goal_reached_message_thanks_everyone(receiver, django_capture_on_commit_callbacks):
    destination_make(receiver, kind=Kind.TEAMS)
    campaign = campaign_make(target=2)
    share_with_clicks(UserFactory(), post_create(campaign=campaign), 2)
    with django_capture_on_commit_callbacks(execute=True):
        campaign_milestones_record(campaign_id=campaign.pk)
    card = receiver.requests[-1].json["attachments"][0]["content"]
    assert card["body"][0]["text"] == "Goal reached: Hiring fair"
    facts = next(b for b in card["body"] if b["type"] == "FactSet")["facts"]
    assert {"title": "Progress", "value": "2 of 2 credited clicks"} in facts
    assert {"title": "Taking part", "value": "1 person"} in facts


def test_a_milestone_heard_twice_is_sent_once(receiver, django_capture_on_commit_callbacks):
    destination_make(receiver)
    campaign = campaign_make()
    with django_capture_on_commit_callbacks(execute=True):
        campaign_milestone(campaign, 50)
        campaign_milestone(campaign, 50)
    assert len(receiver.requests) == 1
    assert Delivery.objects.get().event == Event.CAMPAIGN_MILESTONE


# Weekly summary


def summary(at=None) -> str:
    out = StringIO()
    args = ["--at", at.isoformat()] if at else []
    call_command("webhooks_weekly_summary", *args, stdout=out)
    return out.getvalue()


def test_the_weekly_summary_lists_new_posts_and_campaign_progress_once_a_week(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver)
    destination_make(receiver, path="/no-summary", weekly_summary=False)
    campaign = campaign_make(target=10)
    new = post_create(title="Our new office", campaign=campaign)
    old = post_create(title="Last month's news", published_at=timezone.now() - timedelta(days=30))
    person = UserFactory(first_name="Zebedee", last_name="Okonkwo")
    share_with_clicks(person, new, 6)

    with django_capture_on_commit_callbacks(execute=True):
        assert "queued for 1 channel" in summary()
    with django_capture_on_commit_callbacks(execute=True):
        assert "No summary queued" in summary()  # the same week: once

    [request] = receiver.requests
    assert request.path == "/slack"
    body = request.json
    text = "\n".join(
        b["text"]["text"] for b in body["blocks"] if b.get("text", {}).get("type") == "mrkdwn"
    )
    assert f"<https://chorus.example.com{new.url}|Our new office>" in text
    assert old.title not in text
    assert "Hiring fair" in text and "60% (6 of 10 credited clicks), 1 taking part" in text
    assert "Zebedee" not in request.body.decode() and "Okonkwo" not in request.body.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert "queued for 1 channel" in summary(timezone.now() + timedelta(days=7))
    assert len(receiver.requests) == 2


def test_a_quiet_week_sends_no_summary(receiver, django_capture_on_commit_callbacks):
    destination_make(receiver)
    post_create(published_at=timezone.now() - timedelta(days=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert "No summary queued" in summary()
    assert receiver.requests == []


def test_the_weekly_summary_task_queues_the_same_summary(
    receiver, django_capture_on_commit_callbacks
):
    destination_make(receiver, kind=Kind.TEAMS)
    post_create(title="Fresh")
    with django_capture_on_commit_callbacks(execute=True):
        result = webhooks_weekly_summary_send.enqueue()
    assert result.return_value == "queued 1"
    card = receiver.requests[0].json["attachments"][0]["content"]
    assert card["body"][0]["text"] == "This week in Chorus"
    assert any("[Fresh](https://chorus.example.com/" in b.get("text", "") for b in card["body"])


def test_the_demo_channel_is_switched_off_and_seeding_twice_adds_nothing(
    receiver, django_capture_on_commit_callbacks
):
    assert demo.seed(stdout=StringIO()) == 1
    assert demo.seed(stdout=StringIO()) == 0
    with django_capture_on_commit_callbacks(execute=True):
        post_create(priority=True)
    assert not Delivery.objects.exists()
