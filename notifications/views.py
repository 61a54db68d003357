from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from notifications import services
from notifications.emails import unsubscribe_user_id
from notifications.selectors import notification_list, notification_unread_count
from people.models import ConsentKind, User
from people.selectors import consent_current
from people.services import consent_set

PAGE_SIZE = 25


def _list_context(request) -> dict:
    paginator = Paginator(notification_list(user=request.user), PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "page_obj": page_obj,
        "unread_count": notification_unread_count(user=request.user),
    }


@require_GET
def notification_list_view(request):
    return TemplateResponse(request, "notifications/list.html", _list_context(request))


@require_POST
@vary_on_headers("HX-Request")
def notification_read(request, notification_id: int):
    notification = services.notification_mark_read(
        user=request.user, notification_id=notification_id
    )
    if notification is None:
        raise Http404("No such notification.")
    if request.htmx:
        return TemplateResponse(
            request,
            "notifications/list.html#item",
            {
                "notification": notification,
                "oob": True,
                "unread_count": notification_unread_count(user=request.user),
            },
        )
    return redirect("notifications:list")


@require_POST
@vary_on_headers("HX-Request")
def notification_read_all(request):
    count = services.notifications_mark_all_read(user=request.user)
    if request.htmx:
        return TemplateResponse(
            request, "notifications/list.html#list", {**_list_context(request), "oob": True}
        )
    if count:
        messages.success(request, f"{count} notification{'s' if count != 1 else ''} marked read.")
    return redirect("notifications:list")


@login_not_required
@csrf_exempt  # the signed token is the authority; RFC 8058 one-click POSTs carry no CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """Turn off optional emails from a link in an email, without logging in.

    GET shows a one-button page (link scanners must not unsubscribe anyone); POST (the
    button, or a mail client's List-Unsubscribe-Post) records the withdrawal.
    """
    problem = None
    user = None
    try:
        user = User.objects.filter(pk=unsubscribe_user_id(token), is_active=True).first()
    except signing.SignatureExpired:
        problem = "expired"
    except signing.BadSignature:
        problem = "invalid"
    if problem is None and user is None:
        problem = "invalid"
    if problem:
        return TemplateResponse(
            request, "notifications/unsubscribe.html", {"problem": problem}, status=400
        )
    if request.method == "GET":
        state = consent_current(user=user)[ConsentKind.EMAIL_ALERTS]
        return TemplateResponse(
            request,
            "notifications/unsubscribe.html",
            {"token": token, "already_off": not state, "confirm": True},
        )
    record = consent_set(
        user=user, kind=ConsentKind.EMAIL_ALERTS, granted=False, source="email-unsubscribe"
    )
    return TemplateResponse(
        request, "notifications/unsubscribe.html", {"done": True, "changed": record is not None}
    )
