"""The leaderboard's live socket after its server goes away: the page keeps retrying with
growing, jittered pauses (not a tight loop), reconnects once the server is back, and then
reloads the board over HTTP, so a change made while it was cut off is on screen without
the page being reloaded.

The server is a daphne process of the test's own, stopped and started again on its port.
"""

import json
import time

from playwright.sync_api import expect

from tests.e2e.conftest import _server_env, login, screenshot
from tests.servers import daphne_start, daphne_wait_healthy

DOWN_SECONDS = 6
# chorus.js caps htmx's full-jitter backoff: attempt n waits up to min(5, 0.5 * 2^n) s, so
# the page is back within about 5 s of the server (htmx alone waits up to 64 s). The bound
# here is liveness with room for a loaded machine; the figure is printed for the report.
RECONNECT_SECONDS = 20

# Run inside the server's database while the server is stopped: a correction for the top
# person of the all-time board, so the page on screen is out of date.
CHANGE = """
import json, secrets
from leaderboard.selectors import leaderboard_top
from leaderboard.services import ledger_correction_create
from people.models import User

top = leaderboard_top(period="all", limit=1)[0]
ledger_correction_create(
    user=User.objects.get(pk=top.user_id), points=500, created_by=User.objects.get(username="hr"),
    note="Reconnect test: changed while the page was cut off.", token=secrets.token_hex(8),
)
row = leaderboard_top(period="all", limit=1)[0]
print(json.dumps({"user": row.user_id, "points": row.points, "before": top.points}))
"""

# Counts what the board's socket does until it is open again, from the page (htmx's ws
# extension raises these events; the bell's socket raises them too, on another element).
WATCH = """() => {
  window.__sameDocument = true;
  const seen = (window.__ws = {connecting: [], closes: [], opens: 0});
  const on = (name, handle) => document.body.addEventListener(name, (event) => {
    if (event.target.id === "board-panel") handle(event);
  });
  on("htmx:wsConnecting", () => { if (!seen.opens) seen.connecting.push(performance.now()); });
  on("htmx:wsClose", (event) => { if (!seen.opens) seen.closes.push(event.detail.event.code); });
  on("htmx:wsOpen", () => { seen.opens += 1; });
}"""


def _stop_and_change(server) -> dict:
    """Stop the server and change the board in its database meanwhile."""
    server.process.terminate()
    server.process.wait(timeout=10)
    time.sleep(DOWN_SECONDS / 2)
    return json.loads(server.manage("shell", "-c", CHANGE).strip().splitlines()[-1])


def _start(server) -> None:
    """Start the stopped server again on its port, once it has been down DOWN_SECONDS."""
    time.sleep(DOWN_SECONDS / 2)
    port = int(server.url.rsplit(":", 1)[1])
    log = server.database.with_suffix(".restarted.log")
    server.process = daphne_start(port=port, env=_server_env(server.database), log=log)
    daphne_wait_healthy(url=server.url, process=server.process, log=log, timeout=90)


def test_board_socket_reconnects_with_backoff_and_reloads_the_truth(server, new_context):
    page = new_context().new_page()
    login(page, server, "hr", next_path="/leaderboard/")
    page.goto(f"{server.url}/leaderboard/?period=all&scope=people")
    # A locator, not wait_for_function: a predicate string is eval'd, which the CSP refuses.
    socket_open = page.locator("#board-panel[data-ws-opened='1']")
    expect(socket_open).to_be_attached()
    page.evaluate(WATCH)
    reload_url = server.url + page.locator("#board-panel").get_attribute("data-reload-url")
    reloads = []
    page.on("request", lambda r: reloads.append(r.url) if r.url == reload_url else None)

    changed = _stop_and_change(server)
    assert changed["points"] == changed["before"] + 500
    row = page.locator(f'#board tr.board-row[data-user="{changed["user"]}"] td.num')
    # Still the old figure: nothing pushed it, the server is down. (Checked before the
    # server is back: after, the page may already have reconnected and reloaded while
    # the test was waiting for the server's health check on a loaded machine.)
    expect(row).to_have_text(str(changed["before"]))
    _start(server)

    back = time.monotonic()
    expect(row).to_have_text(str(changed["points"]), timeout=RECONNECT_SECONDS * 1000)
    # The figure for the report (issue 11 asks 5 s after an outage).
    print(f"board reloaded {time.monotonic() - back:.1f} s after the server was back")  # noqa: T201
    page.wait_for_timeout(1500)  # room for a second handshake, if the reload made one
    seen = page.evaluate("window.__ws")
    assert page.evaluate("window.__sameDocument === true"), "the page itself was reloaded"
    # One handshake: the reload swaps the panel's contents, not the socket's element.
    assert seen["opens"] == 1, seen
    assert reloads, "the board was not reloaded over HTTP after the reconnect"
    # The server vanished without a close frame (1006): the retryable case.
    assert seen["closes"] and all(code == 1006 for code in seen["closes"]), seen
    # Retried while it was down, with pauses: not one attempt, not a tight loop.
    attempts = seen["connecting"]
    assert 2 <= len(attempts) <= 60, seen
    gaps = [b - a for a, b in zip(attempts, attempts[1:], strict=False)]
    assert sum(gaps) / len(gaps) >= 250, gaps  # ms on average between attempts
    # And once it is back, the socket stays open: pushes reach the page again.
    expect(socket_open).to_be_attached()
    screenshot(page, "leaderboard-after-reconnect")
