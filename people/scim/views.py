"""/scim/v2/…: Django requests in, scim2-server's handler, SCIM responses out.

Each request runs in one transaction: a request that is refused (bad token, malformed
body, unknown attribute value, clash) changes nothing, and what it did commit is pushed
(sockets closed for a deactivated person) only after commit.
"""

import json
import logging
from functools import cache

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from scim2_models import Context, SCIMException, UnauthorizedException
from scim2_server.applications.base import BaseApplication
from scim2_server.handler import ScimHandler
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.service import ScimService

from people.scim.provider import scim_service
from people.scim.storage import PeopleStorage
from people.scim.tokens import scim_token_check

logger = logging.getLogger(__name__)
ROOT = "/scim/v2"
MAX_BODY = 1_000_000  # bytes: a user or a group with a few thousand members fits


class _Service(ScimService):
    def patch_response(self, base_url, resource, response_parameters):
        """A patched User comes back whole (200), as Okta expects; a patched Group, which
        may hold a whole department, answers 204 as both Entra ID and Okta accept."""
        if resource.meta and resource.meta.resource_type == "User":
            published = self.publish(base_url, resource)
            return self.resource_response(
                published, Context.RESOURCE_REPLACEMENT_RESPONSE, response_parameters
            )
        return super().patch_response(base_url, resource, response_parameters)


class _Application(BaseApplication):
    """scim2-server's request steps (auth exemptions, errors, headers) without its WSGI."""

    def handle_exception(self, request: ScimRequest, exception: Exception) -> ScimResponse:
        if isinstance(exception, SCIMException):
            logger.info(
                "scim: %s %s %s: %s", request.method, request.path, exception.status, exception
            )
        else:
            logger.exception("scim: %s %s failed", request.method, request.path)
        return self.service.error_response(exception)


@cache
def _application(joined_on_attribute: str) -> _Application:
    provider = scim_service().provider
    return _Application(provider, _Service(provider))


def application() -> _Application:
    """One per SCIM_JOINED_ON_ATTRIBUTE value (the provider's schemas follow it)."""
    return _application(settings.SCIM_JOINED_ON_ATTRIBUTE)


def _scim_request(request: HttpRequest, path: str) -> ScimRequest:
    base = request.build_absolute_uri(ROOT)
    headers = dict(request.headers.items())
    return ScimRequest(
        method=request.method or "GET",
        base_url=base,
        path=BaseApplication.split_path("/" + path),
        query={key: request.GET[key] for key in request.GET},
        headers=headers,
        body=request.body[: MAX_BODY + 1],
    )


def _serve(scim: ScimRequest) -> ScimResponse:
    token = None
    if application().needs_auth(scim):
        scheme, _, raw = (scim.header("Authorization") or "").partition(" ")
        token = scim_token_check(raw=raw.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            raise UnauthorizedException(detail="A valid SCIM bearer token is required.")
    storage = PeopleStorage(source=f"SCIM: {token.name}" if token else "SCIM")
    with transaction.atomic():
        return ScimHandler(application().service, storage).handle(scim)


@csrf_exempt
@login_not_required  # a bearer token, not a session, authenticates an identity provider
def scim(request: HttpRequest, path: str = "") -> HttpResponse:
    scim_request = _scim_request(request, path)
    try:
        response = _serve(scim_request)
    except Exception as exception:  # turned into the SCIM error body the client expects
        response = application().handle_exception(scim_request, exception)
    response = application().finalize_response(scim_request, response)
    body = b"" if response.body is None else json.dumps(response.body).encode()
    http = HttpResponse(body, status=response.status.value)
    for name, value in response.headers.items():
        http[name] = value
    return http
