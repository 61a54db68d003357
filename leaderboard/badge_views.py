"""Badges in public: the catalogue, the verification page, Open Badges 2.0 (hosted JSON-LD
documents, images, baked PNG) and Open Badges 3.0 (signed credentials, the issuer's DID
document, the revocation status list)."""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import parse_header_parameters
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from leaderboard import credentials, openbadges
from leaderboard.models import Badge, BadgeAward, BadgeIssuerSettings
from leaderboard.selectors import badge_award_public
from leaderboard.selectors.badges import badge_catalogue
from portal.ratelimits import rate_exceeded, too_many_requests

LD_JSON = "application/ld+json"
PLAIN_JSON = "application/json"
VC_JWT = "application/vc+jwt"


def _cors(response: HttpResponse) -> HttpResponse:
    # Verifiers and backpacks fetch these from their own origins (browser-based ones too).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def public_document(view):
    """A public, cross-origin document: GET/HEAD answered, OPTIONS (a CORS preflight)
    answered with what is allowed, anything else 405."""

    @login_not_required
    @require_http_methods(["GET", "HEAD", "OPTIONS"])
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Accept, Content-Type"
            response["Access-Control-Max-Age"] = "86400"
            return _cors(response)
        return _cors(view(request, *args, **kwargs))

    return wrapper


def json_media_type(request) -> str:
    """application/ld+json (Open Badges 2.0 documents are JSON-LD), unless the client
    accepts plain JSON and not JSON-LD (nor anything at all): then application/json."""
    accepted = {
        parse_header_parameters(part)[0].strip().lower()
        for part in request.headers.get("Accept", "").split(",")
        if part.strip()
    }
    if PLAIN_JSON in accepted and not accepted & {LD_JSON, "*/*", "application/*"}:
        return PLAIN_JSON
    return LD_JSON


def _json(request, document: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        document,
        status=status,
        json_dumps_params={"indent": 2},
        content_type=json_media_type(request),
    )
    response["Vary"] = "Accept"
    return response


def _award_or_404(uid) -> BadgeAward:
    award = badge_award_public(uid=uid)
    if award is None:
        raise Http404("No such badge award.")
    return award


def _portable_award_or_404(uid) -> BadgeAward:
    award = _award_or_404(uid)
    if not award.portable:
        # Issued to an account without an email: nothing to name the recipient by.
        raise Http404("This badge award has no recipient to verify.")
    return award


# The catalogue


@login_not_required
@require_GET
def catalogue(request):
    """Every badge, its criteria and holders; for a signed-in person, their progress."""
    return TemplateResponse(
        request,
        "leaderboard/badge_catalogue.html",
        {"entries": badge_catalogue(user=request.user)},
    )


# Open Badges 2.0: hosted verification.


@public_document
@cache_control(max_age=300, public=True)
def issuer(request):
    return _json(request, openbadges.issuer_document())


@public_document
@cache_control(max_age=3600, public=True)
def issuer_image(request):
    return HttpResponse(openbadges.issuer_png(), content_type="image/png")


@public_document
@cache_control(max_age=300, public=True)
def badge_class(request, slug: str):
    return _json(request, openbadges.badge_class_document(get_object_or_404(Badge, slug=slug)))


@public_document
@cache_control(max_age=3600, public=True)
def badge_image(request, slug: str):
    badge = get_object_or_404(Badge.objects.select_related("image"), slug=slug)
    return HttpResponse(openbadges.badge_png(badge), content_type="image/png")


@public_document
@cache_control(no_cache=True)
def assertion(request, uid):
    award = _portable_award_or_404(uid)
    # A revoked hosted assertion answers 410 Gone, still saying why.
    return _json(
        request, openbadges.assertion_document(award), status=410 if award.revoked else 200
    )


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
        matches = award.issued_to(email)
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
            "organisation": BadgeIssuerSettings.load().name,
            "verify_url": openbadges.absolute(reverse("badges:verify", args=[award.uid])),
        },
        status=410 if award.revoked else 200,
    )


def _own_award(request, uid) -> BadgeAward:
    award = get_object_or_404(
        BadgeAward.objects.select_related("badge"), uid=uid, user=request.user
    )
    if award.revoked or not award.portable:
        raise Http404("This badge has no credential to download.")
    return award


def _download(body: bytes, *, filename: str, content_type: str = "image/png") -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def baked(request, uid):
    """The badge image with its 2.0 assertion baked in: for the person who earned it."""
    award = _own_award(request, uid)
    return _download(openbadges.baked_png(award), filename=f"{award.badge.slug}-badge.png")


# Open Badges 3.0: signed credentials.


@require_GET
def baked_credential(request, uid):
    """The badge image with its signed 3.0 credential baked in: for the person who earned it."""
    award = _own_award(request, uid)
    return _download(credentials.baked_png(award), filename=f"{award.badge.slug}-credential.png")


@public_document
@cache_control(no_cache=True)
def credential(request, uid):
    """The OpenBadgeCredential as a VC-JWT. A revoked one is still served (its status list
    entry says it is revoked, which is how 3.0 verifiers learn it)."""
    award = _portable_award_or_404(uid)
    return HttpResponse(credentials.credential_jwt(award), content_type=VC_JWT)


@public_document
@cache_control(max_age=60, public=True)
def status_list(request, number: int):
    """The Bitstring Status List for revocation, signed like the credentials."""
    return HttpResponse(credentials.status_list_jwt(number), content_type=VC_JWT)


@public_document
@cache_control(max_age=300, public=True)
def did_document(request):
    """did:web document: every signing key, current and retired, for verifiers."""
    response = JsonResponse(
        credentials.did_document(),
        json_dumps_params={"indent": 2},
        content_type="application/did+json",
    )
    return response
