from django import template

from portal.extensions import RetentionRule, retention_rules

register = template.Library()


@register.simple_tag(name="retention_rules")
def retention_rules_tag() -> list[RetentionRule]:
    """Every app's retention rule, for "What Chorus records about me"."""
    return retention_rules()
