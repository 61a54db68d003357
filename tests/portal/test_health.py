import pytest
from channels.layers import channel_layers

pytestmark = pytest.mark.django_db


def test_healthz_reports_both_services(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "channel_layer": "ok"},
    }


def test_healthz_is_503_naming_a_broken_channel_layer(client, settings):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # Nothing listens on port 1: a real connection failure, not a mock.
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    channel_layers.backends.clear()
    try:
        response = client.get("/healthz")
    finally:
        channel_layers.backends.clear()
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["channel_layer"]
    assert body["checks"]["database"] == "ok"


def test_healthz_is_503_naming_a_broken_database(client, monkeypatch):
    from portal import health

    def broken_cursor():
        raise health.connection.Database.OperationalError("database is gone")

    monkeypatch.setattr(health.connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["database"]
    assert response["Retry-After"] == "5"  # a load balancer or monitor knows when to ask again


def test_healthz_uses_redis_when_configured(client, redis_layer, settings):
    assert settings.CHANNEL_LAYERS["default"]["BACKEND"].startswith("channels_redis")
    assert client.get("/healthz").status_code == 200


def test_healthz_asks_redis_itself_not_the_shared_layer(client, redis_layer, monkeypatch):
    """A receive() on the process's layer waits behind the receive lock that connected
    sockets hold (503 on every busy process, measured on daphne); the check must not
    depend on it. tests/reliability checks the same with real sockets on two daphne."""
    from channels.layers import get_channel_layer

    layer = get_channel_layer()

    async def held_by_a_socket(channel):
        raise AssertionError("healthz waited on the shared layer's receive")

    monkeypatch.setattr(layer, "receive", held_by_a_socket)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["channel_layer"] == "ok"
