"""Every app's websocket routes, gathered for portal/asgi.py."""

from leaderboard.routing import websocket_urlpatterns as leaderboard_websockets
from notifications.routing import websocket_urlpatterns as notifications_ws

websocket_urlpatterns: list = [
    *leaderboard_websockets,
]
websocket_urlpatterns += notifications_ws
