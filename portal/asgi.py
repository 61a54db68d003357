import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

# Django must be set up before anything that imports models (the apps' routes below).
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from portal.extensions import websocket_urlpatterns  # noqa: E402
from portal.realtime import pushes_after_response  # noqa: E402
from portal.realtime.auth import SocketAuthMiddleware  # noqa: E402
from portal.realtime.hosts import AllowedHostsValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        # A push an action causes renders after the action's response has gone.
        "http": pushes_after_response(django_asgi_app),
        # Host as for HTTP and Origin, then the session's person (kept small: it lives
        # as long as the socket).
        "websocket": AllowedHostsValidator(
            SocketAuthMiddleware(URLRouter(websocket_urlpatterns()))
        ),
    }
)
