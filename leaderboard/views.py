from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from leaderboard import openbadges
from leaderboard.fragments import board_context, you_context
from leaderboard.models import Badge, BadgeAward, Period
from leaderboard.selectors import Scope, badge_award_public
from people.models import ConsentKind
from people.selectors import consent_current
from portal.ratelimits import rate_exceeded, too_many_requests


def _choice(value: str | None, choices, default: str) -> str:
    return value if value in choices else default


@require_GET
@vary_on_headers("HX-Request")
def board(request):
    period = _choice(request.GET.get("period"), Period.values, Period.WEEK)
    scope = _choice(request.GET.get("scope"), Scope.values, Scope.PEOPLE)
    query = urlencode({"period": period, "scope": scope})
    visible = consent_current(user=request.user)[ConsentKind.LEADERBOARD]
    context = {
        **board_context(period, scope),
        "periods": Period.choices,
        "scopes": Scope.choices,
        "ws_url": f"/ws/leaderboard/?{query}",
        "reload_url": f"{reverse('leaderboard:board')}?{query}",
        "you": you_context(request.user, period, visible) if scope == Scope.PEOPLE else None,
    }
    template = "leaderboard/board.html#panel" if request.htmx else "leaderboard/board.html"
    return TemplateResponse(request, template, context)


@require_GET
def you(request):
    """The person's own line for one period, over HTTP: pushes carry it to open pages (when
    it changed); this is for a page that reconnects and resyncs."""
    period = _choice(request.GET.get("period"), Period.values, Period.WEEK)
    visible = consent_current(user=request.user)[ConsentKind.LEADERBOARD]
    return TemplateResponse(
        request, "leaderboard/board.html#you", you_context(request.user, period, visible)
    )


# Open Badges 2.0: public, hosted verification.


def _json(document: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(document, status=status, json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@login_not_required
@require_GET
@cache_control(max_age=300, public=True)
def issuer(request):
    return _json(openbadges.issuer_document())


@login_not_required
@require_GET
@cache_control(max_age=300, public=True)
def badge_class(request, slug: str):
    return _json(openbadges.badge_class_document(get_object_or_404(Badge, slug=slug)))


@login_not_required
@require_GET
@cache_control(max_age=3600, public=True)
def badge_image(request, slug: str):
    badge = get_object_or_404(Badge.objects.select_related("image"), slug=slug)
    return HttpResponse(openbadges.badge_png(badge), content_type="image/png")


def _award_or_404(uid) -> BadgeAward:
    award = badge_award_public(uid=uid)
    if award is None:
        raise Http404("No such badge award.")
    return award


@login_not_required
@require_GET
@cache_control(no_cache=True)
def assertion(request, uid):
    award = _award_or_404(uid)
    # A revoked hosted assertion answers 410 Gone, still saying why.
    return _json(openbadges.assertion_document(award), status=410 if award.revoked else 200)


@login_not_required
@require_GET
@cache_control(no_cache=True)
def verify(request, uid):
    """The human verification page; anyone may check an email address against it."""
    award = _award_or_404(uid)
    email = request.GET.get("email", "").strip()
    matches = None
    # Each check tests a guessed address against the recipient's hash: limited per client.
    retry = rate_exceeded(request, limit="badge_verification", per_address=True) if email else None
    if retry is not None:
        return too_many_requests(request, retry_after=retry, what="badge checks")
    if email:
        matches = BadgeAward.hash_email(email, award.recipient_salt) == award.recipient_hash
    return TemplateResponse(
        request,
        "leaderboard/verify.html",
        {
            "award": award,
            "badge": award.badge,
            "email": email,
            "matches": matches,
            "is_owner": request.user.is_authenticated and request.user.pk == award.user_id,
            "assertion_url": reverse("badges:assertion", args=[award.uid]),
        },
        status=410 if award.revoked else 200,
    )


@require_GET
def baked(request, uid):
    """The badge image with its assertion baked in: for the person who earned it only."""
    award = get_object_or_404(
        BadgeAward.objects.select_related("badge"), uid=uid, user=request.user
    )
    if award.revoked:
        raise Http404("This badge was revoked.")
    response = HttpResponse(openbadges.baked_png(award), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="{award.badge.slug}-badge.png"'
    response["Cache-Control"] = "private, no-store"
    return response
