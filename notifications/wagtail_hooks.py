from wagtail import hooks

from notifications import records, routing
from people.records import RECORDS_SECTION
from portal.extensions import WEBSOCKET_URLS

hooks.register(RECORDS_SECTION, lambda: records.SECTION, order=60)
hooks.register(WEBSOCKET_URLS, lambda: routing.websocket_urlpatterns)
