"""What a policy page shows the person reading it, read as its template renders.

The selectors query the page model, so the page cannot call them without an import
cycle; its template asks through this tag instead (`{% load policies_tags %}`).
"""

from django import template

from policies import selectors
from policies.models import PolicyPage

register = template.Library()


@register.simple_tag(takes_context=True)
def policy_acknowledgement(context, policy: PolicyPage) -> selectors.PolicyPageState | None:
    """The signed-in person's acknowledgement of `policy` (None for nobody signed in)."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return None
    return selectors.policy_page_state(user=user, policy=policy)
