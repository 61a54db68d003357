from django.urls import path

from sharing.consumers import CampaignConsumer

websocket_urlpatterns = [
    path("ws/campaigns/", CampaignConsumer.as_asgi()),
]
