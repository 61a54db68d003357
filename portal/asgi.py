import gc
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

# Django must be set up before anything that imports models (the apps' routes below).
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import get_resolver  # noqa: E402

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

# What the process holds for its whole life (Django, Wagtail, the apps, the URLconf and
# its views, imported here rather than by the first request) is taken out of the garbage
# collector's generations: a full collection walked all of it (some 240,000 objects) and
# held up every request and push of the process while it did.
get_resolver().url_patterns  # noqa: B018 - imports the URLconf
gc.collect()  # what is garbage already is freed, not kept for good
gc.freeze()
