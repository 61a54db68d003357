"""Messages in each platform's own format, built from one neutral description.

Slack: Block Kit `blocks` with a `text` fallback (notifications and screen readers use
it). Teams: an Adaptive Card (1.4, what Teams renders everywhere) inside the envelope the
"post to a channel when a webhook request is received" workflow expects.

Only what a message shows leaves Chorus: titles, summaries, totals and links. No names,
addresses or anyone's own figures are ever put in one.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings

from webhooks.models import Kind

SLACK_HEADER_MAX = 150  # Block Kit's limit for a header's plain text
SLACK_TEXT_MAX = 3000  # a section's text
SLACK_FIELDS_MAX = 10  # a section's fields
LINK_LABEL = "Open in Chorus"


def absolute(path_or_url: str) -> str:
    """A link people can follow from the chat: on PORTAL_BASE_URL, whatever Wagtail gave."""
    if path_or_url.startswith(("http://", "https://")):
        parts = urlsplit(path_or_url)
        path_or_url = parts.path + (f"?{parts.query}" if parts.query else "")
    return settings.PORTAL_BASE_URL + (path_or_url if path_or_url.startswith("/") else "/")


@dataclass(frozen=True)
class Item:
    """A line of a list (a post in the weekly summary): a label, a link, a detail."""

    label: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    items: list[Item]


@dataclass(frozen=True)
class Message:
    title: str
    text: str
    url: str  # absolute link back to Chorus
    facts: list[tuple[str, str]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    link_label: str = LINK_LABEL


def _mrkdwn(text: str) -> str:
    # Slack's own escaping: nothing a title contains can become a link or a mention.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_link(url: str, label: str) -> str:
    return f"<{url}|{_mrkdwn(label).replace('|', '¦')}>"


def _fallback(message: Message) -> str:
    lines = [message.title, message.text]
    lines += [f"{name}: {value}" for name, value in message.facts]
    for section in message.sections:
        lines.append(f"{section.heading}:")
        lines += [f"- {item.label}" for item in section.items]
    lines.append(message.url)
    # Slack reads the fallback as mrkdwn too: escaped, so a title cannot ping the channel.
    return _mrkdwn("\n".join(line for line in lines if line))


def slack_payload(message: Message) -> dict:
    """A Slack incoming-webhook body: header, text, facts, lists, a button back."""
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": message.title[:SLACK_HEADER_MAX]}}
    ]
    if message.text:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": _mrkdwn(message.text)[:3000]}}
        )
    if message.facts:
        blocks.append(
            {
                "type": "section",
                "fields": [
                    {"type": "mrkdwn", "text": f"*{_mrkdwn(name)}*\n{_mrkdwn(value)}"}
                    for name, value in message.facts[:SLACK_FIELDS_MAX]
                ],
            }
        )
    for section in message.sections:
        lines = [
            "• "
            + _slack_link(item.url, item.label)
            + (f" — {_mrkdwn(item.detail)}" if item.detail else "")
            for item in section.items
        ]
        text = f"*{_mrkdwn(section.heading)}*\n" + "\n".join(lines)
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": text[:SLACK_TEXT_MAX]}}
        )
    blocks.append(
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": message.link_label},
                    "url": message.url,
                    "action_id": "open_in_chorus",
                }
            ],
        }
    )
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "Sent by Chorus"}]})
    return {"text": _fallback(message), "blocks": blocks, "unfurl_links": False}


def _card_text(text: str) -> str:
    # Adaptive Cards read a little Markdown: keep brackets in titles from becoming links.
    return text.replace("[", "(").replace("]", ")")


def teams_payload(message: Message) -> dict:
    """A Teams workflow-webhook body: one Adaptive Card with facts, lists and a link."""
    body: list[dict] = [
        {
            "type": "TextBlock",
            "text": _card_text(message.title),
            "size": "Large",
            "weight": "Bolder",
            "wrap": True,
        }
    ]
    if message.text:
        body.append({"type": "TextBlock", "text": _card_text(message.text), "wrap": True})
    if message.facts:
        body.append(
            {
                "type": "FactSet",
                "facts": [
                    {"title": _card_text(name), "value": _card_text(value)}
                    for name, value in message.facts
                ],
            }
        )
    for section in message.sections:
        body.append(
            {
                "type": "TextBlock",
                "text": _card_text(section.heading),
                "weight": "Bolder",
                "spacing": "Medium",
                "wrap": True,
            }
        )
        for item in section.items:
            line = f"[{_card_text(item.label)}]({item.url})"
            if item.detail:
                line += f" — {_card_text(item.detail)}"
            body.append({"type": "TextBlock", "text": line, "wrap": True, "spacing": "Small"})
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
        "actions": [{"type": "Action.OpenUrl", "title": message.link_label, "url": message.url}],
        "msteams": {"width": "Full"},
    }
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": card,
            }
        ],
    }


def payload_for(kind: str, message: Message) -> dict:
    return {Kind.SLACK: slack_payload, Kind.TEAMS: teams_payload}[kind](message)
