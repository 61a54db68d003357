"""The admin's "Erase personal data" action: a programme admin erases a person at once
(people/erasure.py deactivates them first). Needs people.delete_user: erasing is the
nearest thing to deleting someone, and the ordinary Editors group does not hold it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin.ui.menus import MenuItem

from people.erasure import ErasureRefused, person_erase, pseudonym
from people.models import User

ERASE_PERMISSION = "people.delete_user"


@require_http_methods(["GET", "POST"])
def erase(request, user_id: int):
    person = get_object_or_404(User, pk=user_id)
    context = {"page_title": "Erase personal data", "header_icon": "warning", "person": person}
    if not request.user.has_perm(ERASE_PERMISSION):
        context["error"] = "Erasing a person needs permission to delete people."
        return TemplateResponse(request, "people/admin/erase_confirm.html", context, status=403)
    if request.method == "POST":
        try:
            person_erase(user=person, by=request.user, source="admin")
        except ErasureRefused as exc:
            context["error"] = str(exc)
            return TemplateResponse(request, "people/admin/erase_confirm.html", context, status=409)
        messages.success(
            request, f"Personal data erased; the records now show “{pseudonym(person)}”."
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(request, "people/admin/erase_confirm.html", context)


def erase_button(*, user, request_user):
    """In the people listing's "more" menu, for those who may erase and not on oneself."""
    if user.erased_at is not None or user.pk == request_user.pk:
        return []
    if not request_user.has_perm(ERASE_PERMISSION):
        return []
    url = reverse("people_erase", args=[user.pk])
    return [MenuItem("Erase personal data", url=url, icon_name="warning", priority=90)]
