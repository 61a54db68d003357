"""Every app's websocket routes, gathered for portal/asgi.py."""

from notifications.routing import websocket_urlpatterns as notifications_ws

from leaderboard.routing import websocket_urlpatterns as leaderboard_websockets

websocket_urlpatterns: list = [
    *leaderboard_websockets,
]
websocket_urlpatterns += notifications_ws
