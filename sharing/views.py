from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_safe,
)
from django.views.decorators.vary import vary_on_headers

from people.platforms import PLATFORMS
from people.selectors import network_list
from portal.ratelimits import limit_posts, rate_exceeded
from sharing.captions import (
    CODE_LENGTH,
    caption_preview,
    preview_room,
    tracked_url,
    tracked_url_sample,
)
from sharing.forms import ShareForm, SuggestionForm
from sharing.gate import sharing_gate
from sharing.models import SharePostPage, SharingSettings
from sharing.selectors import (
    CARD_IMAGE,
    OG_IMAGE,
    post_is_available,
    share_of,
    shares_mine,
    suggestions_mine,
    variant_next,
)
from sharing.services import (
    SharingError,
    click_record,
    share_create,
    suggestion_create,
)
from sharing.tracking import client_ip


@login_not_required
@require_safe
@never_cache
def tracked_link(request, code: str):
    """/l/<code>: store the click, then a 302 to the post's own target (and nowhere else).

    The credited path renders no template; the click is committed before we answer. Past
    the client's rate the reader is still redirected (a whole office may share one address),
    but the request is only counted, not stored (a flood cannot fill the database).
    """
    if len(code) > CODE_LENGTH * 2:
        raise Http404
    session_user_id = None
    if django_settings.SESSION_COOKIE_NAME in request.COOKIES:
        session_user_id = request.session.get(SESSION_KEY)
    outcome = click_record(
        code=code,
        method=request.method,
        user_agent=request.headers.get("User-Agent", ""),
        ip=client_ip(request),
        session_user_id=session_user_id,
        over_rate=rate_exceeded(request, limit="tracked_link", per_address=True) is not None,
    )
    if outcome.share is None:
        raise Http404
    if outcome.target is None:
        response = TemplateResponse(request, "sharing/unavailable.html", status=410)
    else:
        response = HttpResponseRedirect(outcome.target)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_not_required
@require_safe
def post_public(request, post_id: int):
    """/share/posts/<id>/: the post as anyone on the internet may see it, with its Open Graph
    tags (title, summary, picture), so a network that reads this page shows the post's own
    picture. The tracked link stays a plain redirect to the article, whose page supplies the
    preview there (a redirect carries no tags). Nothing for advocates only is shown here."""
    post = SharePostPage.objects.live().filter(pk=post_id).select_related("image").first()
    if not post_is_available(post):
        raise Http404
    og_image = post.image.get_rendition(OG_IMAGE) if post.image else None
    return TemplateResponse(
        request,
        "sharing/post_public.html",
        {
            "post": post,
            "og_image": og_image,
            "card_image": post.image.get_rendition(CARD_IMAGE) if post.image else None,
            "canonical": django_settings.PORTAL_BASE_URL
            + reverse("sharing:post_public", args=[post.pk]),
            "site": (urlsplit(post.target_url).hostname or "").removeprefix("www."),
        },
    )


def _preview(post, platform_key: str, form, disclosure: str) -> dict:
    """How the post will look on the network: picture, title, site and the caption trimmed
    to what the network takes (share.js keeps the caption in step while it is edited)."""
    text = form["text"].value() or ""
    included = form["include_disclosure"].value() not in (False, None, "")
    caption, trimmed = caption_preview(
        platform=platform_key, text=text, disclosure=disclosure if included else ""
    )
    host = urlsplit(post.target_url).hostname or ""
    return {
        "caption": caption,
        "trimmed": trimmed,
        "room": preview_room(platform=platform_key),
        "site": host.removeprefix("www."),
    }


def _share_context(request, post, platform_key, form, *, share=None, message=""):
    settings = SharingSettings.current()
    platform = PLATFORMS[platform_key]
    link = tracked_url(share.code) if share else tracked_url_sample()
    target = request.htmx.target if request.htmx else ""
    context = {
        "page": post,
        "post": post,
        "platform": platform,
        "form": form,
        "disclosure": settings.disclosure_text,
        "may_remove": settings.advocates_may_remove_disclosure,
        "limit": platform.caption_limit,
        "link_cost": platform.link_cost(link),
        "disclosure_cost": len(settings.disclosure_text) + 2 if settings.disclosure_text else 0,
        "share": share,
        "message": message,
        "action": reverse("sharing:share", args=[post.pk, platform_key]),
        # Opened in place on a library card: the panel offers the post page for the detail.
        "in_card": bool(target and target.startswith("card-panel-"))
        or request.POST.get("place") == "card",
        # Networks whose share page takes only the link: share.js copies the caption.
        "copies_caption": platform.intent is not None and not platform.takes_text,
    }
    if form is not None:
        context["preview"] = _preview(post, platform_key, form, settings.disclosure_text)
    if share is not None:
        context["tracked_link"] = link
        context["share_url"] = platform.share_url(text=share.caption, url=link)
    return context


def _render_share(request, context, *, status=200):
    partial = "result" if context["share"] is not None else "form"
    template = f"sharing/share_form.html#{partial}" if request.htmx else "sharing/share_form.html"
    return TemplateResponse(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@limit_posts("share", what="shares")
def share(request, post_id: int, platform: str):
    """The share form for one post and network: prefilled caption, live count, confirm."""
    # The captions and the campaign with the post: the checks here and share_create (its
    # campaign's tally) read them.
    post = get_object_or_404(
        SharePostPage.objects.select_related("campaign").prefetch_related("captions"), pk=post_id
    )
    if platform not in PLATFORMS or platform not in post.caption_platforms():
        raise Http404
    if request.method == "GET":
        return _share_step(request, post, platform)
    if not post_is_available(post):
        raise Http404
    # Confirming: share_create checks the gate and the network itself, so they are asked
    # here only when it refuses (a locked step answers 403, a caption to fix 400) or hands
    # back a share made before.
    form = ShareForm(request.POST)
    if form.is_valid():
        try:
            outcome = share_create(
                user=request.user,
                post=post,
                platform=platform,
                text=form.cleaned_data["text"],
                include_disclosure=form.cleaned_data["include_disclosure"],
                variant=form.cleaned_data["variant"] or 0,
            )
        except SharingError as error:
            form.add_error("text", str(error))
        else:
            # A share made before comes back without the checks: it stays behind a lock that
            # has closed since, as it did when the gate was asked first.
            if not outcome.created and (locked := _locked(request, post, platform)):
                return locked
            return _render_share(
                request,
                {
                    **_share_context(
                        request, post, platform, None, share=outcome.share, message=outcome.message
                    ),
                    "fresh": True,
                },
            )
    if locked := _locked(request, post, platform):
        return locked
    return _render_share(
        request,
        _share_context(request, post, platform, form),
        status=422 if request.htmx else 400,
    )


def _share_step(request, post, platform: str) -> TemplateResponse:
    """The link of a share made before, else (on an available post, for someone who may
    share it) the form with the caption variant next in turn."""
    existing = share_of(user=request.user, post=post, platform=platform)
    if existing is not None:
        message = "You shared this already: here is the same link."
        return _render_share(
            request, _share_context(request, post, platform, None, share=existing, message=message)
        )
    if not post_is_available(post):
        raise Http404
    if locked := _locked(request, post, platform):
        return locked
    variant = variant_next(post=post, platform=platform)
    form = ShareForm(initial={"text": post.variants(platform)[variant], "variant": variant})
    return _render_share(request, _share_context(request, post, platform, form))


def _locked(request, post, platform: str) -> TemplateResponse | None:
    """The 403 for someone who may not share `post` on `platform` yet (a step of the gate
    missing, or a network they have not declared); None when they may."""
    gate = sharing_gate(user=request.user)
    if gate.open and network_list(user=request.user).filter(platform=platform).exists():
        return None
    return TemplateResponse(
        request,
        "sharing/share_locked.html",
        {"page": post, "post": post, "gate": gate, "platform": PLATFORMS[platform]},
        status=403,
    )


@require_GET
def mine(request):
    retracted = request.GET.get("retracted", "")
    return TemplateResponse(
        request,
        "sharing/mine.html",
        {
            "shares": shares_mine(user=request.user),
            "suggestions": suggestions_mine(user=request.user),
            "highlight_post": int(retracted) if retracted.isdigit() else None,
            "base_url": django_settings.PORTAL_BASE_URL,
        },
    )


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@limit_posts("suggestion", what="suggestions")
def suggest(request):
    form = SuggestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            suggestion_create(
                user=request.user, url=form.cleaned_data["url"], note=form.cleaned_data["note"]
            )
        except SharingError as error:
            form.add_error(None, str(error))
        else:
            if request.htmx:
                return TemplateResponse(
                    request,
                    "sharing/suggest.html#form",
                    {"form": SuggestionForm(), "thanks": True},
                )
            messages.success(request, "Thank you: editors will review your suggestion.")
            return redirect(reverse("sharing:mine") + "#suggestions")
    status = 200 if request.method == "GET" else (422 if request.htmx else 400)
    template = "sharing/suggest.html#form" if request.htmx else "sharing/suggest.html"
    return TemplateResponse(request, template, {"form": form}, status=status)
