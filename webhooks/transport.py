"""One HTTP POST to a webhook, bounded in time, never following a redirect.

Slack answers 200 "ok", Teams workflows 202; anything else is a failure with the answer
kept for the admin. A redirect is not followed: the message would go somewhere HR did not
configure.
"""

import http.client
import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings

TIMEOUT = 5.0  # seconds for connecting, and for each wait for the receiver's answer
EXCERPT = 500  # characters of the answer kept for the admin
USER_AGENT = "Chorus-webhooks/1"


@dataclass(frozen=True)
class Result:
    ok: bool
    status_code: int | None = None
    body: str = ""
    error: str = ""
    retry_after: int | None = None  # seconds, when the platform asked for a pause (429)

    @property
    def retryable(self) -> bool:
        """Worth another try: no answer, the platform's own trouble, or "slow down"."""
        return self.status_code is None or self.status_code >= 500 or self.status_code in {408, 429}


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args):
        return None  # urllib then raises HTTPError with the 3xx


_opener = urllib.request.build_opener(_NoRedirects)


def _retry_after(headers) -> int | None:
    value = (headers or {}).get("Retry-After", "")
    return int(value) if str(value).isdigit() else None


def timeout_seconds() -> float:
    """WEBHOOKS_TIMEOUT seconds when set (the tests' hanging receiver), else TIMEOUT."""
    return float(getattr(settings, "WEBHOOKS_TIMEOUT", TIMEOUT))


def post_json(url: str, payload: dict, *, timeout: float | None = None) -> Result:
    """POST `payload` as JSON to `url`; never raises for a network or HTTP failure."""
    timeout = timeout_seconds() if timeout is None else timeout
    data = json.dumps(payload, ensure_ascii=False).encode()
    request = urllib.request.Request(  # noqa: S310 (the address was validated as http(s))
        url,
        data=data,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT},
    )
    try:
        with _opener.open(request, timeout=timeout) as response:
            body = response.read(EXCERPT * 4).decode("utf-8", "replace")[:EXCERPT]
            return Result(ok=200 <= response.status < 300, status_code=response.status, body=body)
    except urllib.error.HTTPError as error:
        body = error.read(EXCERPT * 4).decode("utf-8", "replace")[:EXCERPT] if error.fp else ""
        return Result(
            ok=False,
            status_code=error.code,
            body=body,
            error="" if error.code < 300 or error.code >= 400 else "Redirected; not followed.",
            retry_after=_retry_after(error.headers),
        )
    except TimeoutError:
        return Result(ok=False, error=f"No answer within {timeout:g} seconds.")
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            return Result(ok=False, error=f"No answer within {timeout:g} seconds.")
        return Result(ok=False, error=f"Could not connect: {reason}"[:300])
    except (OSError, ValueError, http.client.HTTPException) as error:
        return Result(ok=False, error=f"Could not send: {error}"[:300])
