"""The live leaderboard socket: the person's own line (in the push that carries every
connected person's) and toasts, and, for the board on screen, the board itself
(`?period=week&scope=people`). Thin: see portal.realtime.PushConsumer."""

from leaderboard.broadcast import TOPIC
from leaderboard.models import Period
from leaderboard.selectors import Scope
from portal import realtime


class LeaderboardConsumer(realtime.PushConsumer):
    presence = TOPIC  # pushes compute this person's own line while the socket is open

    def push_groups(self, user, params: dict[str, list[str]]) -> list[str]:
        groups = [realtime.person_group(user.pk), realtime.lines_group(TOPIC)]
        period = params.get("period", [""])[0]
        scope = params.get("scope", [""])[0]
        if period in Period.values and scope in Scope.values:
            groups.append(realtime.board_group(period, scope))
        return groups
