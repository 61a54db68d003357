from django.db import transaction
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from leaderboard.points_rules import POINTS_RULES
from notifications.digest import DIGEST_SECTION
from notifications.kinds import NOTIFICATION_KINDS
from people.erasure import PERSON_ERASE
from people.records import RECORDS_SECTION
from portal.extensions import (
    CACHE_READ_AHEAD,
    DASHBOARD_PANEL,
    DEMO_SEED,
    ME_SECTION,
    NAV_ITEM,
    RETENTION_RULES,
    WEBSOCKET_URLS,
)
from portal.navigation import section_nav_item
from sharing import (
    admin_views,
    campaigns,
    campaigns_views,
    demo,
    demo_campaign,
    digest,
    notices,
    panels,
    points_rules,
    retention,
    routing,
)
from sharing.campaigns_tasks import campaign_check
from sharing.models import Campaign, SharePostPage, SharingSettings, Suggestion
from sharing.selectors import post_may_retract
from sharing.selectors.campaigns import RUNNING_GENERATION_KEY, RUNNING_KEY


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "tag"
    list_display = [
        "name",
        "slug",
        Column("goal", label="Goal", accessor="goal_label"),
        DateColumn("starts_on", label="Starts"),
        DateColumn("ends_on", label="Ends"),
    ]
    list_filter = ["goal_kind"]


register_snippet(CampaignViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def campaign_saved(request, instance):
    """A campaign saved already running is announced (and its milestones checked) by the
    task worker once the save commits."""
    if isinstance(instance, Campaign) and instance.has_goal:
        campaign_id = instance.pk
        transaction.on_commit(lambda: campaign_check.enqueue(campaign_id=campaign_id))


class SuggestionIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.request.user.has_perm("sharing.change_suggestion"):
            return buttons  # Review would refuse them
        review = MenuItem(
            "Review",
            url=reverse("sharing_suggestion:review", args=[instance.pk]),
            icon_name="view",
            priority=5,
        )
        return [review, *buttons]


class SuggestionViewSet(ModelViewSet):
    model = Suggestion
    icon = "help"
    menu_label = "Suggestions"
    add_to_admin_menu = True
    menu_order = 300
    index_view_class = SuggestionIndexView
    list_display = [
        "url",
        Column("user", label="Suggested by"),
        Column("state", accessor="get_state_display", label="State"),
        DateColumn("created_at", label="Suggested"),
    ]
    list_filter = ["state"]
    # Accepting or declining goes through Review, so notices and points follow.
    form_fields = ["url", "note"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", admin_views.suggestion_review, name="review"),
        ]


@hooks.register("register_admin_viewset")
def register_suggestions():
    return SuggestionViewSet("sharing_suggestion")


@hooks.register("register_admin_urls")
def retract_urls():
    return [path("sharing/retract/<int:page_id>/", admin_views.retract, name="sharing_retract")]


class RetractButton(PageMenuItem):
    label = "Retract"
    icon_name = "warning"
    url_name = "sharing_retract"

    def is_shown(self, user):
        return post_may_retract(self.page, user=user)


def _retract_buttons(page, user):
    specific_class = page.specific_class
    # A draft that was never published cannot have been shared: nothing to retract.
    if (
        specific_class is SharePostPage
        and page.first_published_at is not None
        and page.specific.retracted_at is None
    ):
        yield RetractButton(page=page, priority=45)


@hooks.register("register_page_header_buttons")
def retract_header_button(page, user, view_name, next_url=None):
    yield from _retract_buttons(page, user)


# In the row itself, not in its "…" menu: retracting is the one urgent thing to do to a post.
@hooks.register("register_page_listing_buttons")
def retract_listing_button(page, user, next_url=None):
    yield from _retract_buttons(page, user)


hooks.register(ME_SECTION, panels.me_panel, order=40)
hooks.register(DASHBOARD_PANEL, campaigns_views.campaigns_dashboard_panel, order=35)
hooks.register(DASHBOARD_PANEL, panels.dashboard_panel, order=40)
hooks.register(POINTS_RULES, points_rules.points_limits, order=10)
hooks.register(RECORDS_SECTION, panels.records_section, order=40)
hooks.register(DEMO_SEED, demo.seed, order=50)
hooks.register(DEMO_SEED, demo_campaign.seed, order=55)
hooks.register(NOTIFICATION_KINDS, lambda: notices.KINDS)
hooks.register(NOTIFICATION_KINDS, lambda: campaigns.KINDS)
hooks.register(WEBSOCKET_URLS, lambda: routing.websocket_urlpatterns)
hooks.register(DIGEST_SECTION, digest.posts_section, order=10)
hooks.register(DIGEST_SECTION, digest.results_section, order=20)


@hooks.register(NAV_ITEM, order=40)
def library_nav_item(request):
    return section_nav_item(request, "Share", "share")


# Raw clicks first: the visitor-hash rule then has fewer rows to touch.
hooks.register(RETENTION_RULES, retention.clicks_rule, order=10)
hooks.register(RETENTION_RULES, retention.visitor_hashes_rule, order=11)
hooks.register(PERSON_ERASE, retention.person_erase)


@hooks.register(CACHE_READ_AHEAD)
def sharing_read_ahead():
    # The dashboard's campaigns and sharing panel (and the library's cap) read these.
    return [RUNNING_KEY, RUNNING_GENERATION_KEY, SharingSettings.CACHE_KEY]
