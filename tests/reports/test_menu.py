import pytest
from django.test import Client, RequestFactory
from wagtail.admin.menu import reports_menu

from reports.wagtail_hooks import chorus_reports_menu
from tests.people.factories import EditorFactory

pytestmark = pytest.mark.django_db


def test_editors_get_the_chorus_reports_menu_with_the_policy_report_moved_in():
    editor = EditorFactory()
    request = RequestFactory().get("/admin/")
    request.user = editor
    items = sorted(chorus_reports_menu.menu_items_for_request(request), key=lambda i: i.order)
    ours = [item.url for item in items]
    assert ours == [
        "/admin/reports/training/",
        "/admin/reports/quiz-questions/",
        "/admin/reports/policy-acknowledgements/",
        "/admin/reports/advocacy/",
    ]
    theirs = [item.url for item in reports_menu.menu_items_for_request(request)]
    assert "/admin/reports/policy-acknowledgements/" not in theirs
    client = Client()
    client.force_login(editor)
    assert "Chorus reports" in client.get("/admin/").content.decode()
    assert client.get("/admin/reports/policy/").url == "/admin/reports/policy-acknowledgements/"
