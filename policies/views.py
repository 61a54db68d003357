"""The acknowledgement form's target; the policy page itself is served by Wagtail."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from policies.forms import AcknowledgeForm
from policies.models import PolicyPage
from policies.selectors import policies_pending, policy_page_state
from policies.services import AcknowledgementError, AcknowledgementRefusal, policy_acknowledge
from portal.ratelimits import limit_posts

PAGE_TEMPLATE = "policies/policy_page.html"


def _problem(request, message: str, status: int, policy: PolicyPage | None = None):
    return TemplateResponse(
        request,
        "policies/acknowledge_problem.html",
        {"message": message, "policy": policy},
        status=status,
    )


def _page_response(
    request, policy: PolicyPage, form: AcknowledgeForm, *, status: int = 200, error: str = ""
):
    """The policy page (or, for htmx, just its acknowledgement block) with `form`."""
    if request.htmx:
        context = {
            "page": policy,
            "ack": policy_page_state(user=request.user, policy=policy),
            "form": form,
            "ack_error": error,
            "banner": {"pending": policies_pending(user=request.user), "path": policy.url},
        }
        return TemplateResponse(request, f"{PAGE_TEMPLATE}#acknowledge", context, status=status)
    context = policy.get_context(request)
    context["form"] = form
    context["ack_error"] = error
    return TemplateResponse(request, PAGE_TEMPLATE, context, status=status)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@limit_posts("acknowledgement", what="acknowledgements")
def acknowledge(request: HttpRequest, policy_id: int) -> HttpResponse:
    policy = PolicyPage.objects.live().filter(pk=policy_id).first()
    if request.method == "GET":
        return _problem(
            request,
            "This address only records an acknowledgement sent from the policy page. "
            "Nothing was recorded.",
            405,
            policy,
        )
    if policy is None:
        return _problem(
            request, "That policy does not exist (any more). Nothing was recorded.", 404
        )
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        return _page_response(request, policy, form, status=422 if request.htmx else 400)
    try:
        ack, created = policy_acknowledge(
            user=request.user,
            policy_id=policy.pk,
            version=form.cleaned_data["version"],
            revision_id=form.cleaned_data["revision"],
        )
    except AcknowledgementError as error:
        if error.code == AcknowledgementRefusal.STALE and not request.htmx:
            # The full page now shows the current version, so the form carries its number.
            form = AcknowledgeForm(
                initial={"version": policy.version, "revision": policy.live_revision_id}
            )
        return _page_response(
            request, policy, form, status=422 if request.htmx else 400, error=error.message
        )
    if request.htmx:
        return _page_response(request, policy, AcknowledgeForm())
    when = formats.date_format(timezone.localtime(ack.created_at), "j F Y")
    messages.success(request, f"You acknowledged version {ack.version} on {when}.")
    return redirect(policy.url + "#acknowledge")
