"""Admin screens for provisioning: SCIM tokens, roster import, deactivating a person."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from people.models import RosterImport, ScimToken, User
from people.roster.importing import roster_import
from people.roster.reading import RosterFileError, roster_read, roster_template
from people.roster.tasks import roster_import_start, roster_import_task
from people.scim.tokens import scim_token_create, scim_token_revoke
from people.services import person_deactivate, person_reactivate

PREVIEW_ROWS = 500  # rows listed in the preview; the counts cover the whole file
MAX_UPLOAD = 20 * 1024 * 1024


def _require(request, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def scim_tokens(request):
    """List, create (shown once) and revoke the identity providers' bearer tokens."""
    _require(request, "people.add_scimtoken")
    created = None
    error = ""
    if request.method == "POST":
        try:
            _, created = scim_token_create(name=request.POST.get("name", ""), by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    return render(
        request,
        "people/admin/scim_tokens.html",
        {
            "tokens": ScimToken.objects.all(),
            "created": created,
            "error": error,
            "endpoint": request.build_absolute_uri("/scim/v2/"),
        },
    )


@require_POST
def scim_token_revoke_view(request, pk: int):
    _require(request, "people.delete_scimtoken")
    token = get_object_or_404(ScimToken, pk=pk)
    if scim_token_revoke(token=token):
        messages.success(request, f"Token “{token.name}” revoked: it is refused from now on.")
    return redirect("people_scim_tokens")


@require_GET
def roster_template_view(request, kind: str):
    _require(request, "people.add_user")
    if kind not in {"csv", "xlsx"}:
        raise Http404
    content_type = {
        "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[kind]
    response = HttpResponse(roster_template(kind=kind), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="chorus-roster.{kind}"'
    return response


@require_http_methods(["GET", "POST"])
def roster_upload(request):
    """Upload a roster and see what it would do, row by row, before anything is saved."""
    _require(request, "people.add_user")
    context = {"error": ""}
    upload = request.FILES.get("roster") if request.method == "POST" else None
    if request.method == "POST":
        if upload is None:
            context["error"] = "Choose a CSV or XLSX file."
        elif upload.size > MAX_UPLOAD:
            context["error"] = "The file is larger than 20 MB."
        else:
            data = upload.read()
            try:
                rows = roster_read(data=data, filename=upload.name)
            except RosterFileError as exc:
                context["error"] = str(exc)
            else:
                return _preview(request, rows=rows, data=data, filename=upload.name)
    return render(request, "people/admin/roster_upload.html", context)


def _preview(request, *, rows, data: bytes, filename: str):
    report = roster_import(rows=rows, apply=False)
    key = uuid.uuid4().hex
    suffix = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    default_storage.save(f"roster/{key}{suffix}", ContentFile(data))
    listed = [o for o in report.outcomes if o.status != "unchanged"][:PREVIEW_ROWS]
    return render(
        request,
        "people/admin/roster_preview.html",
        {"report": report, "counts": report.counts, "listed": listed, "key": key + suffix},
    )


@require_POST
def roster_confirm(request):
    _require(request, "people.add_user")
    name = request.POST.get("key", "")
    if not _valid_key(name) or not default_storage.exists(f"roster/{name}"):
        messages.error(request, "That upload has expired; upload the file again.")
        return redirect("people_roster_upload")
    roster_import_start(name=name, by=request.user)
    roster_import_task.enqueue(name=name, user_id=request.user.pk)
    return redirect("people_roster_progress", key=name)


def _valid_key(name: str) -> bool:
    stem, _, suffix = name.partition(".")
    return len(stem) == 32 and stem.isalnum() and suffix in {"csv", "xlsx"}


@require_GET
def roster_progress(request, key: str):
    """The import's progress; the page asks again every second until it is done."""
    _require(request, "people.add_user")
    if not _valid_key(key):
        raise Http404
    job = RosterImport.objects.filter(key=key).first()
    if job is None:
        raise Http404
    state = job.state
    template = "people/admin/roster_progress.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, {"state": state, "key": key})


@require_http_methods(["GET", "POST"])
def person_active_set(request, pk: int):
    """Deactivate (or reactivate) one person, after a confirmation page."""
    _require(request, "people.change_user")
    person = get_object_or_404(User, pk=pk)
    if person.pk == request.user.pk:
        raise PermissionDenied
    if request.method == "POST":
        if person.is_active:
            person_deactivate(user=person, source="admin", by=request.user)
            messages.success(request, f"{person.name} is deactivated; their records stay.")
        else:
            person_reactivate(user=person, source="admin", by=request.user)
            messages.success(request, f"{person.name} can sign in again.")
        return redirect(reverse("wagtailusers_users:edit", args=[person.pk]))
    return render(request, "people/admin/person_active.html", {"person": person})
