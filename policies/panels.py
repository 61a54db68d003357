"""What the policies app adds to shared pages: the banner, the dashboard step, records."""

from django.http import HttpRequest

from people.models import User
from people.records import RecordSection
from policies.selectors import acknowledgement_list, policies_current, policies_pending
from portal.extensions import Panel, Step
from portal.navigation import live_section_urls

BANNER_TEMPLATE = "policies/banner.html"


def policy_banner(request: HttpRequest) -> Panel | None:
    """Shown on every portal page while a required policy's current version is unacknowledged."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    pending = policies_pending(user=user)
    if not pending:
        return None
    return Panel("policy", BANNER_TEMPLATE, {"pending": pending, "path": request.path})


STEP_TITLE = "Read and acknowledge the social media policy"
STEP_DESCRIPTION = "What you may share, what stays inside, and how to say you work here."


def policy_step(user: User) -> Step:
    required = [p for p in policies_current() if p.required and p.version]
    if not required:
        # Nothing published yet: without a live /policy/ page the dashboard says HR is
        # preparing it.
        return Step(
            "policy",
            STEP_TITLE,
            STEP_DESCRIPTION,
            done=False,
            url=live_section_urls().get("policy"),
            action="Read the policy",
        )
    pending = policies_pending(user=user)
    main = next((p for p in required if p.url.rstrip("/").endswith("/policy")), required[0])
    target = pending[0] if pending else main
    if pending:
        status = ", ".join(f"{p.title}: version {p.version} to acknowledge" for p in pending)
    else:
        status = "You acknowledged the current version" + ("s" if len(required) > 1 else "")
    return Step(
        "policy",
        STEP_TITLE,
        STEP_DESCRIPTION,
        done=not pending,
        url=target.url,
        action="Read the policy" if pending else "Read it again",
        status=status,
    )


ACKNOWLEDGEMENTS_SECTION = RecordSection(
    "policy_acknowledgements",
    "Policies you acknowledged",
    "Each time you confirmed you had read a policy: which policy, which version, which "
    "revision of the page you saw and when. These records are never changed or deleted.",
    lambda user: acknowledgement_list(user=user),
)
