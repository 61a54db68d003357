"""Team chat in the Wagtail admin (Settings menu, Programme admins): the channels, with a
test button each, and every delivery with the platform's answer (read-only). Also where
this app listens to the sharing app's campaign hooks."""

from django.urls import path
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal.extensions import DEMO_SEED
from portal.permissions import RecordPermissionPolicy
from sharing.campaigns import CAMPAIGN_MILESTONE, CAMPAIGN_STARTED
from webhooks import demo, events
from webhooks.admin_views import (
    DeliveryInspectView,
    DestinationEditView,
    DestinationIndexView,
    DestinationTestView,
)
from webhooks.models import Delivery, Destination

# Deliveries are what happened: looked at, never added, edited or deleted by hand.
register_permission_policy(Delivery, RecordPermissionPolicy(Delivery))

DESTINATIONS = "webhook_destinations"
DELIVERIES = "webhook_deliveries"


def _receives(destination: Destination) -> str:
    wanted = [
        label
        for label, on in (
            ("priority posts", destination.priority_posts),
            ("campaigns", destination.campaigns),
            ("weekly summary", destination.weekly_summary),
        )
        if on
    ]
    return ", ".join(wanted) or "nothing"


def _next_try(delivery: Delivery) -> str:
    # A clock time: Wagtail's "… ago" column reads a future time as "just now".
    if delivery.next_attempt_at is None:
        return ""
    return f"{timezone.localtime(delivery.next_attempt_at):%-d %b %H:%M}"


class DestinationViewSet(ModelViewSet):
    model = Destination
    icon = "comment"
    menu_label = "Team chat channels"
    menu_order = 620
    add_to_settings_menu = True
    copy_view_enabled = False
    index_view_class = DestinationIndexView
    edit_view_class = DestinationEditView
    list_display = [
        "name",
        Column("kind", label="Platform", accessor="get_kind_display"),
        Column("host", label="Posts to"),
        Column("receives", label="Receives", accessor=_receives),
        BooleanColumn("active"),
    ]
    list_filter = ["kind", "active"]
    form_fields = ["name", "kind", "url", "priority_posts", "campaigns", "weekly_summary", "active"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(test_url_name=self.get_url_name("test"), **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(deliveries_url_name=f"{DELIVERIES}:index", **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("test/<int:pk>/", self.test_view, name="test"),
        ]

    @property
    def test_view(self):
        return self.construct_view(
            DestinationTestView,
            index_url_name=self.get_url_name("index"),
            deliveries_url_name=f"{DELIVERIES}:index",
        )


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "list-ul"
    menu_label = "Team chat deliveries"
    menu_order = 621
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = DeliveryInspectView
    form_fields = []  # never used: the policy refuses add and change
    list_filter = ["status", "event", "destination"]
    search_fields = ["summary", "event_key"]
    list_display = [
        "summary",
        "destination",
        Column("status", label="Status", accessor="get_status_display"),
        Column("attempts", label="Attempts"),
        Column("outcome", label="Answer"),
        DateColumn("created_at", label="Queued"),
        Column("next_attempt_at", label="Next try", accessor=_next_try),
    ]
    inspect_view_fields = [
        "destination",
        "event",
        "event_key",
        "summary",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
        "last_status_code",
        "last_response",
        "last_error",
        "payload",
    ]


@hooks.register("register_admin_viewset")
def register_destinations():
    return DestinationViewSet(DESTINATIONS)


@hooks.register("register_admin_viewset")
def register_deliveries():
    return DeliveryViewSet(DELIVERIES)


# Late in the seed, after the posts: the example channel is off, so nothing is sent anyway.
hooks.register(DEMO_SEED, demo.seed, order=980)
hooks.register(CAMPAIGN_STARTED, events.campaign_started)
hooks.register(CAMPAIGN_MILESTONE, events.campaign_milestone)
