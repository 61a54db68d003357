"""`{% card_button post platform url shared oob %}`: one network's share button on a library
card, as the share result sends it again out of band (sharing.library_cards draws the
card's own)."""

from django import template

from sharing import library_cards

register = template.Library()

register.simple_tag(library_cards.card_button, name="card_button")
