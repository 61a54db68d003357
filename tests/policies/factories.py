"""Policy pages published through Wagtail's real publish path, and compliant users.

policy = PolicyPageFactory()                 # live /policy/, version 1
policy_publish(policy, material=True)        # version 2
acknowledge_current(user)                    # user now acknowledged every required policy
"""

import datetime

import factory
from wagtail.models import Page

from policies.models import PolicyPage
from policies.selectors import policies_pending
from policies.services import policy_acknowledge
from tests.courses.factories import home_page as courses_home_page

BODY = [
    ("heading", "Purpose"),
    ("paragraph", "<p>Why this policy exists.</p>"),
    ("heading", "What you may share"),
    ("paragraph", "<p>Anything Northwind already published.</p>"),
]


def home_page() -> Page:
    # Rebuilt when a transactional test flushed the tree the migrations made.
    return courses_home_page()


class PolicyPageFactory(factory.Factory):
    """Builds a PolicyPage under the home page and publishes it (unless live=False)."""

    class Meta:
        model = PolicyPage

    title = "Social media policy"
    slug = "policy"  # pass another slug for a second policy
    effective_date = datetime.date(2026, 3, 1)
    what_changed = ""
    acknowledgement_required = True
    body = BODY

    @classmethod
    def _create(cls, model_class, *args, live=True, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        parent = parent or home_page()
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            return existing.specific
        page.live = False
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page


def policy_publish(page: PolicyPage, *, material: bool = False, user=None, **changes):
    """Edit `page` and publish it the way the admin does (a revision, then publish)."""
    page = PolicyPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.material_change = material
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    page = PolicyPage.objects.get(pk=page.pk)
    return page


def acknowledge_current(user) -> None:
    """Make `user` compliant: acknowledge the current version of every required policy."""
    for policy in policies_pending(user=user):
        policy_acknowledge(user=user, policy_id=policy.policy_id, version=policy.version)
