"""Acknowledgements in the Wagtail admin: a read-only record (list and inspect, nothing else)."""

from wagtail.admin.viewsets.model import ModelViewSet

from policies.models import Acknowledgement


class AcknowledgementViewSet(ModelViewSet):
    model = Acknowledgement
    icon = "tick-inverse"
    menu_label = "Acknowledgement records"
    name = "policy-acknowledgements"
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["user", "policy", "version", "revision_id", "created_at"]
    list_filter = ["policy", "version"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    inspect_view_fields = ["user", "policy", "version", "revision_id", "created_at"]
    form_fields = []  # never used: the policy refuses add and change
