import pytest

from tests.webhooks.receiver import Receiver


@pytest.fixture(autouse=True)
def _loopback_allowed(settings):
    # The recording receiver listens on plain http on 127.0.0.1, as in development.
    settings.WEBHOOKS_ALLOW_LOOPBACK_HTTP = True
    settings.PORTAL_BASE_URL = "https://chorus.example.com"


@pytest.fixture
def receiver():
    with Receiver() as receiver:
        yield receiver
