"""Drafts left behind by abandoned "add page" forms, and the slugs they would block.

Wagtail 8 autosaves the add form: its first autosave (a POST to the add view asking for
JSON) creates the page as a draft, with the slug from the title. An editor who then
closes the tab leaves that draft behind, and the next "add" with the same title fails
with "The slug '…' is already in use". Here, before the add view validates its form:

- a draft that is the editor's own, was never published and is not open anywhere (no
  editing session in the last few minutes) is moved aside: it keeps its content under
  the slug "<slug>-unfinished-<id>", and the editor is told, with a link to it;
- any other page holding the slug stays as it is, and the editor is told which page it
  is (a published page, or whose unfinished draft) so they can pick another slug or
  carry on with that page.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.admin import messages
from wagtail.admin.models import EditingSession
from wagtail.models import Page

UNFINISHED_SUFFIX = "unfinished"


def _posted_slug(request: HttpRequest) -> str:
    slug = (request.POST.get("slug") or "").strip()
    if slug:
        return slug
    # An empty slug is made from the title, as the page model does.
    return slugify(request.POST.get("title") or "", allow_unicode=True)


def _in_use(page: Page) -> bool:
    """Someone has the page's editor open (an editing session pinged recently)."""
    return EditingSession.objects.filter(
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        last_seen_at__gte=timezone.now() - EditingSession.IDLE_TIMEOUT,
    ).exists()


def draft_is_abandoned(page: Page, *, user) -> bool:
    """Whether `page` is `user`'s own draft from an add that was left: never published,
    nothing below it, not locked, not in a workflow and not open in an editor."""
    return (
        page.owner_id == user.pk
        and not page.live
        and page.first_published_at is None
        and not page.numchild
        and not page.locked
        and not page.workflow_in_progress
        and not _in_use(page)
    )


def _when(page: Page) -> str:
    at = page.latest_revision_created_at or page.first_published_at
    return f"{timezone.localtime(at):%d %b at %H:%M}" if at else "earlier"


@transaction.atomic
def draft_move_aside(*, page: Page, user) -> str:
    """Give the abandoned draft `page` the slug "<slug>-unfinished-<id>" (on the page and
    in its latest revision, so editing it later keeps the new slug). Returns the slug."""
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    new_slug = f"{page.slug}-{UNFINISHED_SUFFIX}-{page.pk}"[:255]
    latest = page.get_latest_revision()
    page.slug = new_slug
    page.save(clean=False, update_fields=["slug", "url_path"])
    if latest is not None:
        latest.content["slug"] = new_slug
        latest.save(update_fields=["content"])
    return new_slug


def _holder(page: Page, *, user) -> str:
    if page.live:
        return "a published page"
    if page.first_published_at:
        return "a page that was published and is now unpublished"
    if page.owner_id is None:
        whose = "someone"
    elif page.owner_id == user.pk:
        whose = "you"
    else:
        whose = page.owner.get_full_name() or page.owner.get_username()
    return (
        f"an unfinished draft that {whose} started ({_when(page)}) and that was saved "
        "automatically, never published"
    )


def abandoned_add_clear(request: HttpRequest, parent_page: Page, _page_class) -> None:
    """before_create_page: move the editor's own abandoned draft off the slug they are
    adding a page with, or say which page holds that slug. Never answers in place of the
    add view: it goes on to validate (and create) as usual."""
    if request.method != "POST":
        return None
    slug = _posted_slug(request)
    if not slug:
        return None
    holder = parent_page.get_children().filter(slug=slug).select_related("owner").first()
    if holder is None:
        return None
    # Autosave posts ask for JSON and show no messages; a message now would wait in the
    # session and repeat with every autosave. The visible submit says it once.
    visible = request.accepts("text/html")
    edit_url = reverse("wagtailadmin_pages:edit", args=[holder.pk])
    title = holder.get_admin_display_title()
    if draft_is_abandoned(holder, user=request.user):
        new_slug = draft_move_aside(page=holder, user=request.user)
        messages.warning(
            request,
            f"“{title}”, an unfinished draft you started ({_when(holder)}) that was saved "
            f"automatically and never published, had the slug “{slug}”. It is kept as a "
            f"draft with the slug “{new_slug}” so that this page can have “{slug}”; "
            "delete it if you do not need it.",
            buttons=[messages.button(edit_url, "Open the old draft")],
        )
        return None
    if visible:
        messages.error(
            request,
            f"The slug “{slug}” is taken by “{title}”, {_holder(holder, user=request.user)}. "
            "Choose another slug (Promote tab), or open that page to carry on with it.",
            buttons=[messages.button(edit_url, f"Open “{title}”")],
        )
    return None
