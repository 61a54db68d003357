"""Content-Security-Policy: the portal's strict policy, and the admin's own.

The portal runs no inline script or style: scripts are files or carry the request's nonce,
styles are files. Wagtail's admin still writes some inline styles and scripts of its own,
so /admin/ gets settings.CSP_ADMIN_DIRECTIVES, the strictest policy it works under (see
the README's "Security headers" section for what it allows and why).
"""

import json

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class ChorusCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(ADMIN_PREFIX) and HEADER in response:
            # Wagtail's preview renders the page through the whole middleware stack as a
            # request for the page's own address, so it arrives with the portal's policy
            # (frame-ancestors 'none', which would refuse the preview panel's frame).
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(settings.CSP_ADMIN_DIRECTIVES)
            # A nonce in the header would switch the admin's 'unsafe-inline' off.
            parts.nonce = None
        return parts


# A browser's report is a few hundred bytes; anything far larger is not one.
REPORT_MAX_BYTES = 8 * 1024
REPORT_FIELDS = (
    ("effective-directive", "effectiveDirective"),
    ("blocked-uri", "blockedURL"),
    ("document-uri", "documentURL"),
    ("source-file", "sourceFile"),
    ("line-number", "lineNumber"),
    ("script-sample", "sample"),
)


def violations_read(body: bytes) -> list[dict[str, str]]:
    """The violations in a report body, in either format browsers send: `report-uri`'s
    {"csp-report": {...}} or the Reporting API's [{"type": "csp-violation", "body": {...}}].
    Unreadable bodies give []; every value is cut short, as it goes to the log."""
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested out of reach
        return []
    if isinstance(document, dict):
        reports = [document.get("csp-report")]
    elif isinstance(document, list):
        reports = [r.get("body") for r in document if isinstance(r, dict)]
    else:
        reports = []
    violations = []
    for report in reports:
        if not isinstance(report, dict):
            continue
        violation = {}
        for name, alias in REPORT_FIELDS:
            value = str(report.get(name, report.get(alias, "")))
            if name.endswith(("-uri", "-file")):
                # A query string can hold what a person typed (a badge check's email).
                value = value.split("?", 1)[0].split("#", 1)[0]
            violation[name] = value[:200]
        violations.append(violation)
    return violations
