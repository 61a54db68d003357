"""The training step and the "My training" panel on the dashboard."""

from django.utils import timezone
from django.utils.dateformat import format as date_format

from courses.quiz_rules import moment_label
from courses.selectors import (
    TrainingStatus,
    certification_lapse,
    training_overview,
)
from courses.services import enrolments_apply_rules
from portal.extensions import Panel, Step
from portal.navigation import live_section_urls


def training_step(user) -> Step:
    overview = training_overview(user=user)
    certifying = [row for row in overview.rows if row.course.certifies_advocates]
    row = certifying[0] if certifying else None
    done = overview.certified
    status = ""
    url = live_section_urls().get("training")
    action = "Go to training"
    if row is not None:
        status = f"{row.done_steps} of {row.total_steps} steps"
        if row.due_on and not row.completed:
            due = date_format(row.due_on, "j F")
            overdue = row.status == TrainingStatus.OVERDUE
            status += f" · Overdue since {due}" if overdue else f" · Due {due}"
        if done:
            url, action = row.url, "View course"
        elif row.next_attempt_at:
            # Waiting after a failed attempt: say until when, not a bare "Continue".
            url, action = row.next_url, f"Next attempt from {moment_label(row.next_attempt_at)}"
        else:
            url, action = row.next_url, "Continue" if row.done_steps else "Start"
    certificate = next((c for c in overview.certificates if c.valid), None)
    if done and certificate is not None:
        status = f"Certified on {date_format(timezone.localtime(certificate.issued_at), 'j F Y')}"
    # Only someone who once held an advocate certificate can have let it lapse.
    held = any(c.certifies_advocates for c in overview.certificates)
    lapse = certification_lapse(user=user) if held and not done else None
    if lapse is not None:
        # Recertification: say why the finished course is back, and by when.
        status = (
            f"Your certificate expired on {date_format(lapse.expired_on, 'j F Y')}; "
            f"pass again by {date_format(lapse.due_on, 'j F Y')}"
        )
        if row is None or row.course.pk != lapse.course.pk:
            url, action = lapse.course.get_url(), "Renew your certificate"
        elif not row.next_attempt_at:
            action = "Renew your certificate"
    return Step(
        "training",
        "Complete your social media basic training",
        "A short course in lessons you can take at your own pace, then a quiz. "
        "Passing it certifies you as an advocate.",
        done=done,
        url=url,
        action=action,
        status=status,
    )


def training_panel(request) -> Panel | None:
    user = request.user
    if not user.is_authenticated:
        return None
    overview = training_overview(user=user)
    if not overview.rows and not overview.certificates:
        return None
    return Panel(
        "training",
        "courses/dashboard_panel.html",
        {"rows": overview.rows, "certificates": overview.certificates},
    )


def user_created(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        enrolments_apply_rules(user=instance)
