import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRefresh

from people import services
from people.forms import NetworkForm, ProfileForm
from people.models import ConsentKind
from people.records import personal_data_export, record_sections
from people.selectors import consent_current, consent_history, network_list
from portal.extensions import ME_SECTION, panels_for

CONSENT_TEXT = {
    ConsentKind.ADVOCACY: (
        "Take part in advocacy",
        "Unlocks sharing pre-approved company posts on your own networks once you are "
        "certified and have acknowledged the policy. Sharing is always your choice; nobody "
        "is told who did not share.",
    ),
    ConsentKind.LEADERBOARD: (
        "Appear on the leaderboard",
        "Shows your name, department and points to colleagues on the leaderboard. Without "
        "it you still see your own points and rank, privately.",
    ),
    ConsentKind.EMAIL_ALERTS: (
        "Receive optional email alerts",
        "Occasional emails about new posts that fit your networks and a weekly digest. "
        "Required messages (training due, policy changes) are sent either way.",
    ),
}


def _me_context(request, **overrides):
    user = request.user
    state = consent_current(user=user)
    context = {
        "profile_form": ProfileForm(instance=user),
        "network_form": NetworkForm(user=user),
        "networks": network_list(user=user),
        "consents": [
            {"kind": kind, "label": label, "help": help_text, "granted": state[kind]}
            for kind, (label, help_text) in CONSENT_TEXT.items()
        ],
        "consent_history": consent_history(user=user)[:20],
        "record_sections": record_sections(),
        "panels": panels_for(ME_SECTION, request),
    }
    context.update(overrides)
    return context


@require_GET
def me(request):
    return TemplateResponse(request, "people/me.html", _me_context(request))


@require_POST
def profile_update(request):
    form = ProfileForm(request.POST, instance=request.user)
    if not form.is_valid():
        return TemplateResponse(
            request, "people/me.html", _me_context(request, profile_form=form), status=400
        )
    services.user_update_profile(user=request.user, display_name=form.cleaned_data["display_name"])
    messages.success(request, "Your display name was saved.")
    return redirect("people:me")


@require_POST
@vary_on_headers("HX-Request")
def network_add(request):
    form = NetworkForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.network_add(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
    if not form.is_valid():
        if request.htmx:
            return TemplateResponse(
                request,
                "people/me.html#networks",
                _me_context(request, network_form=form),
                status=422,
            )
        return TemplateResponse(
            request, "people/me.html", _me_context(request, network_form=form), status=400
        )
    if request.htmx:
        return TemplateResponse(request, "people/me.html#networks", _me_context(request))
    messages.success(request, "Network added.")
    return redirect("people:me")


@require_POST
@vary_on_headers("HX-Request")
def network_remove(request, network_id: int):
    removed = services.network_remove(user=request.user, network_id=network_id)
    if request.htmx:
        return TemplateResponse(request, "people/me.html#networks", _me_context(request))
    if removed:
        messages.success(request, "Network removed.")
    else:
        messages.error(request, "That network was not found; nothing was removed.")
    return redirect("people:me")


@require_POST
@vary_on_headers("HX-Request")
def consent_change(request, kind: str):
    if kind not in ConsentKind.values:
        return HttpResponseBadRequest("Unknown choice.")
    granted = request.POST.get("granted")
    if granted not in {"1", "0"}:
        messages.error(request, "That change was not understood; nothing was changed.")
        if request.htmx:
            return HttpResponseClientRefresh()
        return redirect("people:me")
    services.consent_set(user=request.user, kind=kind, granted=granted == "1", source="me-page")
    if request.htmx:
        return TemplateResponse(request, "people/me.html#consents", _me_context(request))
    label = CONSENT_TEXT[kind][0]
    messages.success(request, f"“{label}” is now {'on' if granted == '1' else 'off'}.")
    return redirect("people:me")


@require_GET
def export_json(request):
    data = personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="chorus-{request.user.username}.json"'
    response["Cache-Control"] = "no-store"
    return response
