from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from leaderboard.fragments import board_shared, you_context
from leaderboard.models import Period
from leaderboard.points_rules import points_page_context
from leaderboard.selectors import Scope
from people.models import ConsentKind
from people.selectors import consent_current


def _choice(value: str | None, choices, default: str) -> str:
    return value if value in choices else default


@require_GET
@vary_on_headers("HX-Request")
def board(request):
    period = _choice(request.GET.get("period"), Period.values, Period.WEEK)
    scope = _choice(request.GET.get("scope"), Scope.values, Scope.PEOPLE)
    query = urlencode({"period": period, "scope": scope})
    visible = consent_current(user=request.user)[ConsentKind.LEADERBOARD]
    shown = board_shared(period, scope)
    context = {
        "period": period,
        "scope": scope,
        # The board partial as rendered (and escaped) once for this window's pages and push.
        "board": mark_safe(shown.html),  # noqa: S308
        "periods": Period.choices,
        "scopes": Scope.choices,
        "ws_url": f"/ws/leaderboard/?{query}",
        "reload_url": f"{reverse('leaderboard:board')}?{query}",
        "you": (
            you_context(request.user, period, visible, shown.standing)
            if scope == Scope.PEOPLE
            else None
        ),
    }
    template = "leaderboard/board.html#panel" if request.htmx else "leaderboard/board.html"
    return TemplateResponse(request, template, context)


@require_GET
def points(request):
    """How points work, from the programme's settings as they are now."""
    return TemplateResponse(request, "leaderboard/points.html", points_page_context())


@require_GET
def you(request):
    """The person's own line for one period, over HTTP: pushes carry it to open pages (when
    it changed); this is for a page that reconnects and resyncs."""
    period = _choice(request.GET.get("period"), Period.values, Period.WEEK)
    visible = consent_current(user=request.user)[ConsentKind.LEADERBOARD]
    return TemplateResponse(
        request, "leaderboard/board.html#you", you_context(request.user, period, visible)
    )
