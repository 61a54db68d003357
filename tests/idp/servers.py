"""Real identity providers for the sign-in tests, each a node process on a free loopback port.

- OIDC: panva's `oidc-provider` (tests/idp/oidc.mjs), with its development sign-in page.
- SAML 2.0: Auth0's `samlp` (tests/idp/saml.js), which signs real assertions with a
  certificate made here for the run.

`npm ci --prefix tests/idp` installs them (.ci/run does). Without them the tests skip, unless
REQUIRE_SERVICES=1, where a missing provider is a failure.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

HERE = Path(__file__).resolve().parent
OIDC_CLIENT_ID = "chorus"
OIDC_CLIENT_SECRET = "chorus-test-client-secret-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_node_providers() -> str:
    node = shutil.which("node")
    missing = None
    if node is None:
        missing = "node is not installed"
    elif not (HERE / "node_modules" / "oidc-provider").is_dir():
        missing = "the test identity providers are not installed (npm ci --prefix tests/idp)"
    if missing:
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"{missing}; REQUIRE_SERVICES=1 makes this a failure")
        pytest.skip(missing)
    return node


@dataclass
class NodeIdP:
    url: str
    process: subprocess.Popen
    log: Path
    extra: dict = field(default_factory=dict)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_node(script: str, config: dict, workdir: Path, ready_path: str) -> NodeIdP:
    node = require_node_providers()
    config_path = workdir / f"{Path(script).stem}.json"
    config_path.write_text(json.dumps(config))
    log = workdir / f"{Path(script).stem}.log"
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603 - our own script and config
            [node, str(HERE / script), str(config_path)],
            cwd=HERE,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{config['port']}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{script} exited: {log.read_text()}")
        try:
            if requests.get(url + ready_path, timeout=1).ok:
                return NodeIdP(url=url, process=process, log=log)
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{script} did not start: {log.read_text()}")


def oidc_start(workdir: Path, *, accounts: dict, chorus_urls: list[str], port=None) -> NodeIdP:
    """An OIDC provider whose one client is Chorus, answering at each of `chorus_urls`."""
    client = {
        "client_id": OIDC_CLIENT_ID,
        "client_secret": OIDC_CLIENT_SECRET,
        "redirect_uris": [f"{u}/accounts/oidc/sso/login/callback/" for u in chorus_urls],
        "post_logout_redirect_uris": [f"{u}/accounts/login/" for u in chorus_urls],
        "grant_types": ["authorization_code"],
        "response_types": ["code"],
        "token_endpoint_auth_method": "client_secret_basic",
    }
    config = {"port": port or free_port(), "clients": [client], "accounts": accounts}
    return start_node("oidc.mjs", config, workdir, "/.well-known/openid-configuration")


def oidc_app(issuer: str, **settings) -> dict:
    """The allauth APPS entry for that provider, as the SSO_OIDC_* variables make it."""
    return {
        "provider_id": "sso",
        "name": "Acme",
        "client_id": OIDC_CLIENT_ID,
        "secret": OIDC_CLIENT_SECRET,
        "settings": {
            "server_url": issuer,
            "token_auth_method": "client_secret_basic",
            "oauth_pkce_enabled": True,
            **settings,
        },
    }


def _form(html: str) -> tuple[str, dict]:
    action = re.search(r'<form[^>]*action="([^"]+)"', html).group(1)
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
    return action, fields


def oidc_authorize(
    authorize_url: str, login: str, *, stop_at: str, session: requests.Session | None = None
) -> str:
    """Sign in at the provider's own page as `login` (and approve, if it asks); return the
    address it sends the browser back to at Chorus. Pass the same `session` (the browser's
    cookies at the provider) to find the provider's own session again."""
    session = session or requests.Session()
    response = session.get(authorize_url, allow_redirects=False, timeout=10)
    for _ in range(12):
        if response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if location.startswith(stop_at):
                return location
            response = session.get(location, allow_redirects=False, timeout=10)
            continue
        assert response.status_code == 200, response.text[:500]
        action, fields = _form(response.text)
        if fields.get("prompt") == "login":
            fields.update(login=login, password="any")
        response = session.post(
            urljoin(response.url, action), data=fields, allow_redirects=False, timeout=10
        )
    raise AssertionError("the provider never sent the browser back to Chorus")


def oidc_end_session(url: str, session: requests.Session, *, stop_at: str) -> str:
    """Follow Chorus's RP-initiated logout URL at the provider, confirm the sign-out on its
    page, and return where it sends the browser back to (post_logout_redirect_uri)."""
    response = session.get(url, allow_redirects=False, timeout=10)
    for _ in range(6):
        if response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if location.startswith(stop_at):
                return location
            response = session.get(location, allow_redirects=False, timeout=10)
            continue
        assert response.status_code == 200, response.text[:500]
        action, fields = _form(response.text)
        fields["logout"] = "yes"  # "Yes, sign me out"
        response = session.post(
            urljoin(response.url, action), data=fields, allow_redirects=False, timeout=10
        )
    raise AssertionError("the provider never sent the browser back to Chorus")


def _self_signed(cert_path: Path, key_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "chorus-test-idp")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def saml_start(workdir: Path, *, accounts: dict) -> NodeIdP:
    """A SAML IdP signing with a fresh test key; `extra["cert"]` is its certificate (PEM)."""
    require_node_providers()
    cert, key = workdir / "idp.crt", workdir / "idp.key"
    _self_signed(cert, key)
    config = {"port": free_port(), "cert": str(cert), "key": str(key), "accounts": accounts}
    idp = start_node("saml.js", config, workdir, "/saml/metadata")
    idp.extra["cert"] = cert.read_text()
    return idp


def saml_app_settings(idp: NodeIdP, *, slo: bool = True, **claims) -> dict:
    """A SocialApp's settings for that IdP, as an admin would enter them (`slo`: with its
    single logout URL)."""
    return {
        "idp": {
            "entity_id": f"{idp.url}/saml/metadata",
            "sso_url": f"{idp.url}/saml/sso",
            **({"slo_url": f"{idp.url}/saml/slo"} if slo else {}),
            "x509cert": idp.extra["cert"],
        },
        "attribute_mapping": {
            "uid": "uid",
            "email": "email",
            "email_verified": "email_verified",
            "first_name": "first_name",
            "last_name": "last_name",
        },
        "claims": {
            "first_name": "first_name",
            "last_name": "last_name",
            **claims,
        },
        "advanced": {"want_assertion_signed": True},
    }


def saml_sign_in_at_idp(sso_url: str, login: str, *, lifetime: int = 600) -> tuple[str, dict]:
    """Sign in at the IdP's form; return the ACS URL and the fields it would post there."""
    session = requests.Session()
    response = session.get(sso_url, timeout=10)
    _, fields = _form(response.text)
    fields.update(login=login, lifetime=str(lifetime))
    response = session.get(urljoin(response.url, "/saml/sso"), params=fields, timeout=10)
    assert response.status_code == 200, response.text[:500]
    action = re.search(r'<form[^>]*action="([^"]+)"', response.text).group(1)
    posted = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', response.text))
    return action, posted


def saml_idp_sessions(idp: NodeIdP) -> list[str]:
    """The NameIDs of the sessions the SAML IdP holds open (one per sign-in)."""
    return requests.get(f"{idp.url}/test/sessions", timeout=10).json()["open"]
