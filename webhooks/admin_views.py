"""The channel screens' own actions: "Send test message" asks first, then queues one
(change permission on the channel), and says how it went once it has gone."""

import json

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button

from webhooks.models import Delivery, Destination, Status
from webhooks.services import destination_test_send


class DestinationIndexView(generic.IndexView):
    test_url_name = None
    deliveries_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            url = reverse(self.test_url_name, args=[instance.pk])
            buttons.append(MenuItem("Send test message", url=url, icon_name="mail", priority=15))
        url = reverse(self.deliveries_url_name) + f"?destination={instance.pk}"
        buttons.append(MenuItem("Deliveries", url=url, icon_name="list-ul", priority=16))
        return buttons


class DestinationEditView(generic.EditView):
    test_url_name = None

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        url = reverse(self.test_url_name, args=[self.object.pk])
        buttons.append(Button("Send test message", url=url, icon_name="mail", priority=5))
        return buttons


def _outcome_message(delivery: Delivery) -> tuple[str, str]:
    """(level, text) for the message shown after a test was queued."""
    delivery.refresh_from_db()
    name = delivery.destination.name
    if delivery.status == Status.SENT:
        return "success", f"Test message sent to “{name}”: check the channel."
    if delivery.status == Status.PENDING:
        return "success", f"Test message queued for “{name}”; the worker sends it shortly."
    return "error", f"The test message to “{name}” failed ({delivery.outcome})."


class DestinationTestView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """GET: what will be sent and where. POST: queue it (sent after commit)."""

    model = Destination
    permission_required = "change"
    template_name = "webhooks/admin/test_confirm.html"
    page_title = "Send test message"
    header_icon = "mail"
    index_url_name = None
    test_url_name = None
    deliveries_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        index = {"url": reverse(self.index_url_name), "label": "Team chat channels"}
        here = {"url": "", "label": "Send test message", "sublabel": self.get_page_subtitle()}
        return [*self.breadcrumbs_items, index, here]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            destination=self.object,
            action_url=reverse(self.test_url_name, args=[self.object.pk]),
            index_url=reverse(self.index_url_name),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        # Committed here (the view runs outside a transaction), so the task is queued, or
        # with the inline backend already done, when the answer is read back.
        delivery = destination_test_send(destination=self.object)
        level, text = _outcome_message(delivery)
        getattr(messages, level)(request, text)
        return redirect(reverse(self.deliveries_url_name) + f"?destination={self.object.pk}")


class DeliveryInspectView(generic.InspectView):
    def get_payload_display_value(self):
        # The body exactly as posted, readable: JSON, not Python's repr of it.
        text = json.dumps(self.object.payload, indent=2, ensure_ascii=False)
        return format_html("<pre>{}</pre>", text)
