import logging

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.csp import REPORT_MAX_BYTES, violations_read
from portal.ratelimits import rate_exceeded

csp_logger = logging.getLogger("portal.csp")


def permission_denied(request, exception=None):
    return TemplateResponse(request, "403.html", status=403).render()


def page_not_found(request, exception=None):
    return TemplateResponse(request, "404.html", status=404).render()


@csrf_exempt  # browsers send reports without a token; nothing is changed but the log
@login_not_required
@require_POST
def csp_report(request):
    """Log the Content-Security-Policy violations a browser reports; always a quiet answer."""
    if rate_exceeded(request, limit="csp_report", per_address=True) is not None:
        return HttpResponse(status=429)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > REPORT_MAX_BYTES:
        return HttpResponse(status=413)
    for violation in violations_read(request.read(REPORT_MAX_BYTES + 1)[:REPORT_MAX_BYTES]):
        csp_logger.warning(
            "CSP violation: %(effective-directive)s blocked %(blocked-uri)s on "
            "%(document-uri)s (%(source-file)s:%(line-number)s) %(script-sample)s",
            violation,
        )
    return HttpResponse(status=204)
