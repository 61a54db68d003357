"""Editor actions in the Wagtail admin: retract a post, review a suggestion."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from sharing.models import Share, SharePostPage, Suggestion, SuggestionState
from sharing.services import SharingError, post_retract, suggestion_accept, suggestion_decline


@require_http_methods(["GET", "POST"])
def retract(request, page_id: int):
    post = get_object_or_404(SharePostPage, pk=page_id)
    permissions = post.permissions_for_user(request.user)
    if not (permissions.can_unpublish() or permissions.can_edit()):
        raise PermissionDenied
    if request.method == "POST":
        told = post_retract(post=post, by=request.user)
        messages.success(
            request,
            f"“{post.title}” was retracted: its links now show a neutral page and "
            f"{told} advocate{'s' if told != 1 else ''} {'were' if told != 1 else 'was'} "
            "asked to remove their posts.",
        )
        return redirect("wagtailadmin_explore", post.get_parent().pk)
    return TemplateResponse(
        request,
        "sharing/admin/retract_confirm.html",
        {
            "page_title": f"Retract “{post.title}”",
            "header_icon": "warning",
            "post": post,
            "share_count": Share.objects.filter(post=post).count(),
            "sharer_count": Share.objects.filter(post=post).values("user").distinct().count(),
        },
    )


@require_http_methods(["GET", "POST"])
def suggestion_review(request, pk: int):
    if not request.user.has_perm("sharing.change_suggestion"):
        raise PermissionDenied
    suggestion = get_object_or_404(Suggestion.objects.select_related("user"), pk=pk)
    error = ""
    if request.method == "POST" and suggestion.state == SuggestionState.PENDING:
        try:
            if request.POST.get("action") == "accept":
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
            "error": error,
            "index_url": reverse("sharing_suggestion:index"),
        },
        status=400 if error else 200,
    )
