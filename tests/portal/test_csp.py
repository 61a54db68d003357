"""Content-Security-Policy, Permissions-Policy and the violation report endpoint.

The browser suite (tests/e2e/test_no_outside_requests.py) checks that pages work under
these policies; here, what the headers say and that no template needs more.
"""

import json
import logging
import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory

from portal.csp import ChorusCSPMiddleware
from tests.people.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def directives(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    policy = {}
    for part in response[header].split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


@pytest.fixture
def member_client():
    client = Client()
    client.force_login(UserFactory())
    return client


def test_a_portal_page_allows_only_its_own_and_nonced_scripts(member_client):
    response = member_client.get("/")
    policy = directives(response)
    nonce = next(v for v in policy["script-src"] if v.startswith("'nonce-"))[7:-1]
    assert policy["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert policy["style-src"] == ["'self'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["report-uri"] == ["/csp-report/"]
    # The htmx script tags carry the request's nonce; a second request gets another one.
    html = response.content.decode()
    assert f'nonce="{nonce}"' in html and "django_htmx/htmx-2" in html
    assert nonce not in member_client.get("/")["Content-Security-Policy"]


def test_websockets_to_this_site_are_allowed(member_client, settings):
    policy = directives(member_client.get("/"))
    assert policy["connect-src"] == ["'self'", settings.CSP_WEBSOCKET_ORIGIN]
    assert settings.CSP_WEBSOCKET_ORIGIN.startswith("ws://")  # the test site is plain http


def test_htmx_injects_no_indicator_styles_and_evaluates_nothing(member_client):
    html = member_client.get("/").content.decode()
    config = json.loads(re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html)[1])
    assert config["includeIndicatorStyles"] is False
    assert config["allowEval"] is False
    css = (ROOT / "portal/static/css/chorus.css").read_text()
    assert ".htmx-request .htmx-indicator" in css


def test_public_pages_and_refusals_carry_the_policy_too(client, member_client):
    for response in (client.get("/accounts/login/"), member_client.get("/no-such-page/")):
        policy = directives(response)
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["style-src"] == ["'self'"]
        assert "'unsafe-inline'" not in policy["script-src"]


def test_the_admin_gets_its_own_policy_without_inline_scripts(settings):
    client = Client()
    client.force_login(EditorFactory())
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy == {
        key: [str(v) for v in values] for key, values in settings.CSP_ADMIN_DIRECTIVES.items()
    }
    # Wagtail's widgets need inline scripts (a nonce would switch them off), never eval.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert not any("unsafe-eval" in value for values in policy.values() for value in values)
    assert policy["frame-ancestors"] == ["'self'"]  # Wagtail frames its own previews
    assert policy["form-action"] == ["'self'"] and policy["object-src"] == ["'none'"]


def test_an_admin_preview_is_framed_under_the_admin_policy_not_the_portals():
    """Wagtail renders a preview through the middleware as a request for the page's own
    address: the portal's frame-ancestors 'none' must not reach the preview panel."""

    def inner(request):
        response = HttpResponse("preview")
        response["Content-Security-Policy"] = "frame-ancestors 'none'"
        return response

    request = RequestFactory().get("/admin/pages/3/edit/preview/")
    middleware = ChorusCSPMiddleware(inner)
    middleware.process_request(request)
    response = middleware.process_response(request, inner(request))
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_the_admin_loads_no_avatar_from_gravatar():
    editor = EditorFactory(email="editor@example.com")
    client = Client()
    client.force_login(editor)
    for path in ("/admin/", "/admin/account/"):
        html = client.get(path).content.decode()
        assert "gravatar" not in html


def test_permissions_policy_denies_what_the_portal_never_uses(member_client):
    policy = member_client.get("/")["Permissions-Policy"]
    features = dict(item.strip().split("=") for item in policy.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial"):
        assert features[feature] == "()"
    # Copying a caption to the clipboard is the portal's; it stays allowed.
    assert "clipboard-write" not in features


# -- no template needs 'unsafe-inline' -------------------------------------------------

INLINE = [
    (re.compile(r"\son[a-z]+\s*=", re.IGNORECASE), "an inline event handler"),
    (re.compile(r"<style[\s>]", re.IGNORECASE), "a <style> block"),
    (re.compile(r"\sstyle\s*=", re.IGNORECASE), "a style attribute"),
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE), "an inline <script>"),
]


def _page_templates():
    for path in sorted(ROOT.glob("*/templates/**/*.html")):
        if "/email/" in str(path):  # emails are read in mail clients, not under our policy
            continue
        yield path


def test_no_template_holds_inline_script_or_style():
    found = []
    for path in _page_templates():
        text = path.read_text()
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert found == []


def test_the_template_scan_sees_what_it_looks_for(tmp_path):
    samples = [
        '<button onclick="x()">',
        "<style>p{}</style>",
        '<span style="width: 5%">',
        "<script>alert(1)</script>",
    ]
    for sample, (pattern, _) in zip(samples, INLINE, strict=True):
        assert pattern.search(sample)
    assert not INLINE[3][0].search('<script src="/static/x.js" defer></script>')


# -- the report endpoint -----------------------------------------------------------------

REPORT = {
    "csp-report": {
        "document-uri": "https://chorus.example/badges/a/1/?email=someone@example.com",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js",
        "source-file": "https://chorus.example/badges/a/1/",
        "line-number": 12,
    }
}


def _post(client, body, content_type="application/csp-report"):
    return client.post("/csp-report/", data=body, content_type=content_type)


def test_a_violation_report_is_logged_without_login_or_csrf_token(caplog):
    client = Client(enforce_csrf_checks=True)
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = _post(client, json.dumps(REPORT))
    assert response.status_code == 204
    [record] = [r for r in caplog.records if r.name == "portal.csp"]
    message = record.getMessage()
    assert "script-src-elem blocked https://evil.example/x.js" in message
    assert "https://chorus.example/badges/a/1/" in message
    assert "someone@example.com" not in message  # query strings never reach the log


def test_reporting_api_reports_are_read_too(caplog):
    body = [
        {
            "type": "csp-violation",
            "body": {
                "effectiveDirective": "style-src-attr",
                "blockedURL": "inline",
                "documentURL": "https://chorus.example/",
            },
        }
    ]
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = _post(Client(), json.dumps(body), "application/reports+json")
    assert response.status_code == 204
    assert "style-src-attr blocked inline" in caplog.text


@pytest.mark.parametrize(
    "body",
    [b"not json", b"\xff\xfe", b"[" * 4000 + b"]" * 4000, b'"a string"', b'{"csp-report": 3}'],
)
def test_unreadable_reports_are_a_quiet_204_never_a_500(body, caplog):
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = _post(Client(), body)
    assert response.status_code == 204
    assert not [r for r in caplog.records if r.name == "portal.csp"]


def test_an_oversized_report_is_refused_unread(caplog):
    body = json.dumps({"csp-report": {**REPORT["csp-report"], "script-sample": "x" * 20_000}})
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        response = _post(Client(), body)
    assert response.status_code == 413
    assert not [r for r in caplog.records if r.name == "portal.csp"]


def test_the_report_endpoint_takes_only_posts():
    assert Client().get("/csp-report/").status_code == 405


def test_reports_past_the_rate_are_refused_and_not_logged(settings, caplog):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "csp_report": "3/m"}
    client = Client()
    with caplog.at_level(logging.WARNING, logger="portal.csp"):
        statuses = [_post(client, json.dumps(REPORT)).status_code for _ in range(5)]
    assert statuses == [204, 204, 204, 429, 429]
    assert len([r for r in caplog.records if r.name == "portal.csp"]) == 3
