"""Every app's websocket routes, gathered for portal/asgi.py."""

from leaderboard.routing import websocket_urlpatterns as leaderboard_websockets

websocket_urlpatterns: list = [
    *leaderboard_websockets,
]
