"""Editor actions in the Wagtail admin: retract a post, review a suggestion."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from portal.audit import POST_RETRACT, audit_record
from sharing.forms_admin import RetractForm
from sharing.models import Share, SharePostPage, Suggestion, SuggestionState
from sharing.selectors import post_may_retract, suggestion_may_accept
from sharing.services import SharingError, post_retract, suggestion_accept, suggestion_decline


@require_http_methods(["GET", "POST"])
def retract(request, page_id: int):
    post = get_object_or_404(SharePostPage, pk=page_id)
    # Retracting unpublishes the post and messages its sharers: editing it is not enough.
    if not post_may_retract(post, user=request.user):
        return _refused(
            request,
            "Retracting a post needs permission to unpublish it; ask an editor who may.",
            back_url=reverse("wagtailadmin_pages:edit", args=[post.pk]),
        )
    form = RetractForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        reason = form.cleaned_data["reason"].strip()
        with transaction.atomic():
            already = post.retracted_at is not None
            told = post_retract(post=post, by=request.user, reason=reason)
            audit_record(
                actor=request.user,
                action=POST_RETRACT,
                instance=post,
                data={"people_told": told, "again": already, "reason": reason},
            )
        messages.success(
            request,
            f"“{post.title}” was retracted: its links now show a neutral page and "
            f"{told} advocate{'s' if told != 1 else ''} {'were' if told != 1 else 'was'} "
            "asked to remove their posts, with your reason.",
        )
        return redirect("wagtailadmin_explore", post.get_parent().pk)
    return TemplateResponse(
        request,
        "sharing/admin/retract_confirm.html",
        {
            "page_title": f"Retract “{post.title}”",
            "header_icon": "warning",
            "post": post,
            "form": form,
            "share_count": Share.objects.filter(post=post).count(),
            "sharer_count": Share.objects.filter(post=post).values("user").distinct().count(),
        },
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def suggestion_review(request, pk: int):
    suggestion = get_object_or_404(Suggestion.objects.select_related("user"), pk=pk)
    if not request.user.has_perm("sharing.change_suggestion"):
        return _refused(
            request,
            "Reviewing suggestions needs permission to change them.",
            back_url=reverse("sharing_suggestion:index"),
        )
    may_accept = suggestion_may_accept(user=request.user)
    error = ""
    if request.method == "POST" and suggestion.state == SuggestionState.PENDING:
        accepting = request.POST.get("action") == "accept"
        if accepting and not may_accept:
            return _refused(
                request,
                "Accepting creates a draft post, which needs permission to add pages to "
                "the content library.",
                back_url=reverse("sharing_suggestion:review", args=[suggestion.pk]),
            )
        try:
            if accepting:
                post = suggestion_accept(suggestion=suggestion, by=request.user)
                messages.success(
                    request,
                    "Accepted: a draft post was created from it. Add captions, then publish.",
                )
                return redirect("wagtailadmin_pages:edit", post.pk)
            suggestion_decline(
                suggestion=suggestion, by=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(request, "Declined; the suggester will see your reason.")
            return redirect("sharing_suggestion:index")
        except SharingError as exc:
            error = str(exc)
    return TemplateResponse(
        request,
        "sharing/admin/suggestion_review.html",
        {
            "page_title": "Review suggestion",
            "header_icon": "help",
            "suggestion": suggestion,
            "may_accept": may_accept,
            "error": error,
            "index_url": reverse("sharing_suggestion:index"),
        },
        status=400 if error else 200,
    )


def _refused(request, reason: str, *, back_url: str) -> TemplateResponse:
    """403 in the admin's frame, saying why. Raising PermissionDenied here would become
    Wagtail's redirect to the dashboard, which tells neither the editor nor a client
    that this action was refused."""
    return TemplateResponse(
        request,
        "sharing/admin/refused.html",
        {
            "page_title": "Not allowed",
            "header_icon": "warning",
            "reason": reason,
            "back_url": back_url,
        },
        status=403,
    )
