from wagtail import hooks

from notifications import records, retention, routing
from people.erasure import PERSON_ERASE
from people.records import RECORDS_SECTION
from portal.extensions import RETENTION_RULES, WEBSOCKET_URLS

hooks.register(RECORDS_SECTION, lambda: records.SECTION, order=60)
hooks.register(WEBSOCKET_URLS, lambda: routing.websocket_urlpatterns)
hooks.register(RETENTION_RULES, retention.read_notifications_rule, order=60)
hooks.register(PERSON_ERASE, retention.person_erase)
