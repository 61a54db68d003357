"""The live campaign socket: `/ws/campaigns/?campaign=<id>` joins that campaign's bar.
Thin: see portal.realtime.PushConsumer (no database work; an unknown id simply never
receives anything)."""

from portal import realtime

MAX_CAMPAIGNS = 10  # bars one socket may follow


class CampaignConsumer(realtime.PushConsumer):
    def push_groups(self, user, params: dict[str, list[str]]) -> list[str]:
        ids = [value for value in params.get("campaign", []) if value.isdigit()]
        return [realtime.campaign_group(int(value)) for value in ids[:MAX_CAMPAIGNS]]
