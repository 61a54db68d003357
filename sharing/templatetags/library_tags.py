"""`{% card_button post platform url shared oob %}`: one network's share button on a library
card. The library draws one per network on every card, so it is a tag, not an include:
an include there cost more than the rest of the card."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from people.platforms import Platform

register = template.Library()


@register.simple_tag
def card_button(post, platform: Platform, url: str, shared=False, oob=False) -> str:
    """The button that opens the card's share panel (htmx) or the share step (without
    JavaScript); the share result sends it again out of band, so the card says "Shared" at
    once."""
    panel = f"card-panel-{post.pk}"
    label = (
        format_html("Shared on {}: get the link", platform.label)
        if shared
        else format_html("Share on {}", platform.label)
    )
    return format_html(
        '<a class="button{}" id="card-button-{}-{}" href="{}" hx-get="{}" hx-target="#{}" '
        'hx-swap="innerHTML" aria-controls="{}"{}>{}</a>',
        " button-quiet" if shared else "",
        post.pk,
        platform.key,
        url,
        url,
        panel,
        panel,
        mark_safe(' hx-swap-oob="true"') if oob else "",
        label,
    )
