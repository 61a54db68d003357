"""The measured paths and their floors: what each request is, what it must answer, and
the ratio (p50 against its floor, issue 12) it must stay within.

A request factory gets the run's plan, the request's number on its path and the worker's
own state; it returns (method, path, headers, form data). Items that a request uses up
(a reader of a share, a question of an attempt, a post to share) are never reused.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from bench.fixtures import CLICKS_PER_SHARE

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
PREVIEW = "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"
REPEAT_READER = f"{BROWSER} repeat-reader"

Request = tuple[str, str, dict[str, str], dict | None]


def address(network: int, n: int) -> dict[str, str]:
    """A reader's own address (daphne runs with --proxy-headers, as behind the proxy in
    production): readers come from many addresses, and the per-address rate limit on
    /l/<code> must not turn the measured path into its over-the-rate one."""
    return {"X-Forwarded-For": f"{network}.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"}


def _cookies(plan: dict, session: str | None) -> dict[str, str]:
    if session is None:
        return {}
    return {"Cookie": f"sessionid={session}; csrftoken={plan['csrf']}"}


def _post_headers(plan: dict, session: str) -> dict[str, str]:
    return {**_cookies(plan, session), "X-CSRFToken": plan["csrf"], "HX-Request": "true"}


def credited(plan, n, state) -> Request:
    # A new reader each time (the visitor key hashes address and browser), spread over the
    # fresh shares so none passes CLICKS_PER_SHARE credited clicks (all of them earn points).
    code = plan["credit_codes"][n % len(plan["credit_codes"])]
    return "GET", f"/l/{code}", {"User-Agent": BROWSER, **address(10, n)}, None


def refused(plan, n, state) -> Request:
    """Alternately a link-preview fetcher and a reader who was credited before (primed).

    Each from an address of its own (a repeat reader: the one it was credited from): from
    one address they passed the per-address rate within the run, and what was measured
    was the over-the-rate path (a counter), not the refused click's row."""
    index = (n // 2) % len(plan["refuse_codes"])
    code = plan["refuse_codes"][index]
    if n % 2 == 0:
        return "GET", f"/l/{code}", {"User-Agent": PREVIEW, **address(11, n)}, None
    return "GET", f"/l/{code}", {"User-Agent": REPEAT_READER, **address(12, index)}, None


def refused_prime(plan) -> list[Request]:
    return [
        ("GET", f"/l/{code}", {"User-Agent": REPEAT_READER, **address(12, index)}, None)
        for index, code in enumerate(plan["refuse_codes"])
    ]


def viewer_get(url: str) -> Callable:
    def make(plan, n, state) -> Request:
        return "GET", url, _cookies(plan, plan["viewer"]), None

    return make


def lesson(plan, n, state) -> Request:
    return "GET", plan["lesson_url"], _cookies(plan, plan["viewer"]), None


def quiz_answer(plan, n, state) -> Request:
    """The next question of this worker's attempt; a new attempt when it is answered."""
    if not state.get("answers"):
        attempt = next(plan["_attempts"])
        state["attempt"], state["answers"] = attempt, list(attempt["answers"])
    position, choices = state["answers"].pop(0)
    attempt = state["attempt"]
    url = f"/training/attempts/{attempt['attempt']}/answer/"
    return (
        "POST",
        url,
        _post_headers(plan, attempt["session"]),
        {"position": position, "choice": choices},
    )


def share_confirm(plan, n, state) -> Request:
    session, post = next(plan["_pairs"])
    data = {"text": "Proud of the team behind this.", "include_disclosure": "on", "variant": 0}
    return "POST", f"/share/posts/{post}/linkedin/", _post_headers(plan, session), data


def floor_post(url: str) -> Callable:
    def make(plan, n, state) -> Request:
        return "POST", url, _post_headers(plan, plan["viewer"]), {"a": "1"}

    return make


def floor_redirect(plan, n, state) -> Request:
    return "GET", "/__floor__/redirect", {"User-Agent": BROWSER, **address(13, n)}, None


def floor_redirect_insert(plan, n, state) -> Request:
    return "GET", "/__floor__/redirect-insert", {"User-Agent": BROWSER, **address(14, n)}, None


@dataclass(frozen=True)
class Path:
    name: str
    make: Callable
    expect: int
    floor: str | None = None  # the name of the floor path it is compared with
    target: float | None = None  # p50 ratio against the floor, at one client
    prime: Callable | None = field(default=None, compare=False)


FLOORS = [
    Path("floor: bare 302", floor_redirect, 302),
    Path("floor: base template", viewer_get("/__floor__/page"), 200),
    Path("floor: session+CSRF POST", floor_post("/__floor__/post"), 200),
    Path("floor: POST + raw INSERT", floor_post("/__floor__/insert"), 200),
    # For reading only: one committed write beside the credited click (issue 12).
    Path("floor: 302 + raw INSERT", floor_redirect_insert, 302),
]
PRODUCT = [
    Path("/l/<code> credited", credited, 302, "floor: bare 302", 2.0),
    Path("/l/<code> refused", refused, 302, "floor: bare 302", 1.3, prime=refused_prime),
    Path("lesson page", lesson, 200, "floor: base template", 1.5),
    Path("quiz answer (htmx)", quiz_answer, 200, "floor: session+CSRF POST", 2.0),
    Path("/share/", viewer_get("/share/"), 200, "floor: base template", 2.0),
    Path("dashboard /", viewer_get("/"), 200, "floor: base template", 2.0),
    Path("/leaderboard/", viewer_get("/leaderboard/"), 200, "floor: base template", 1.5),
    Path("share confirm POST", share_confirm, 200, "floor: POST + raw INSERT", 3.0),
]
ALL = PRODUCT + FLOORS


def paths_chosen(only: list[str] | None) -> list[Path]:
    """The product paths whose names contain one of `only` (all of them without it), with
    the floors they are measured against; a name that matches none is an error."""
    if not only:
        return ALL
    unknown = [part for part in only if not any(part in p.name for p in PRODUCT)]
    if unknown:
        names = ", ".join(p.name for p in PRODUCT)
        raise SystemExit(f"--only {', '.join(unknown)}: no such path (the paths: {names})")
    chosen = [p for p in PRODUCT if any(part in p.name for part in only)]
    floors = {p.floor for p in chosen}
    return chosen + [f for f in FLOORS if f.name in floors]


# The credited click at 16 clients on SQLite: p99 within this many ms (issue 12).
CREDITED_C16_SQLITE_P99_MS = 250.0
# Items a path uses up per request, for the plan (the others use nothing).
CONSUMES = {
    "/l/<code> credited": "credited",
    "quiz answer (htmx)": "quiz",
    "share confirm POST": "share",
}


def plan_iterators(plan: dict) -> None:
    """Shared iterators over what the workers use up (one asyncio loop: no locking)."""
    plan["_attempts"] = iter(plan["attempts"])
    plan["_pairs"] = iter(plan["share_pairs"])


def credit_capacity(plan: dict) -> int:
    return len(plan["credit_codes"]) * CLICKS_PER_SHARE
