"""Every app's websocket routes, gathered for portal/asgi.py."""

websocket_urlpatterns: list = []
