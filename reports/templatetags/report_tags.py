"""How the reports show a figure: numbers grouped in thousands ("12,480"), everything else
as it is. Exports keep the plain numbers."""

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(value):
    """A number with thousands separators (the locale's), whatever USE_THOUSAND_SEPARATOR
    says; None as a dash; any other value unchanged."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return number_format(value, force_grouping=True)
