"""What the portal adds to the Wagtail admin: one refusal to delete pages that hold people's
records, whichever app's records they are (each app says so through PAGE_RECORDS)."""

from django.http import HttpRequest
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.models import Page
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from portal.admin_drafts import abandoned_add_clear
from portal.audit import ACTIONS, field_values, settings_change_record
from portal.extensions import CACHE_READ_AHEAD, PAGE_RECORDS
from portal.models import AuditLogEntry
from portal.navigation import SECTION_CACHE_KEY

DELETE_REFUSED_TEMPLATE = "portal/admin/delete_refused.html"


def page_deletion_refusal(request: HttpRequest, pages: list) -> TemplateResponse | None:
    """The admin's answer to deleting `pages` when any of them, or a page below one, holds
    people's records: a page saying why not and offering to unpublish. None otherwise."""
    refused = [
        (page, message)
        for page in pages
        if isinstance(page, Page)
        for fn in hooks.get_hooks(PAGE_RECORDS)
        if (message := fn(page=page))
    ]
    if not refused:
        return None
    context = {"page": refused[0][0], "messages_refused": [message for _, message in refused]}
    # Asking is fine (the page explains); a delete that was sent conflicts with the records.
    status = 409 if request.method == "POST" else 200
    return TemplateResponse(request, DELETE_REFUSED_TEMPLATE, context, status=status)


@hooks.register("before_delete_page")
def refuse_to_delete_records(request, page):
    # Records PROTECT their pages; without this the delete would end in a ProtectedError.
    return page_deletion_refusal(request, [page])


@hooks.register("before_bulk_action")
def refuse_to_bulk_delete_records(request, action_type, objects, _view):
    if action_type == DeleteBulkAction.action_type:
        return page_deletion_refusal(request, objects)
    return None


# Autosave's drafts from abandoned "add" forms must not block the slug (portal/admin_drafts.py).
hooks.register("before_create_page", abandoned_add_clear)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    # Listing the model makes Wagtail's Site history include the audit trail (for those
    # who may read it); nothing but audit_record writes to it.
    actions.register_model(AuditLogEntry, AuditLogEntry)
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


# Wagtail logs a settings edit as "wagtail.edit" without what changed; the audit trail
# keeps each changed value. The snapshot is taken when the edit view loads the object.
@hooks.register("before_edit_setting")
def settings_snapshot(request, instance):
    if request.method == "POST":
        request.chorus_setting_before = field_values(instance)


@hooks.register("after_edit_setting")
def settings_audit(request, instance):
    before = getattr(request, "chorus_setting_before", None)
    if before is not None:
        settings_change_record(actor=request.user, instance=instance, before=before)


@hooks.register(CACHE_READ_AHEAD)
def portal_read_ahead():
    # Wagtail's site root paths (every page URL built without a request reads them) and
    # the main navigation's sections.
    return [(SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION), SECTION_CACHE_KEY]
