"""The report pages' furniture: the date filters carry a working picker (no inline call to
a script not yet loaded), and every report, the policy one too, has its downloads as
buttons above the results, none in the header's "…" menu."""

import re

import pytest
from django.test import Client

from tests.people.factories import EditorFactory, UserFactory
from tests.policies.factories import PolicyPageFactory

pytestmark = pytest.mark.django_db

REPORTS = ("/admin/reports/training/", "/admin/reports/quiz-questions/", "/admin/reports/advocacy/")
POLICY = "/admin/reports/policy-acknowledgements/"


@pytest.fixture
def hr():
    client = Client()
    client.force_login(EditorFactory())
    return client


def _dropdowns(html: str) -> str:
    return "".join(re.findall(r'data-w-dropdown-target="content".*?</div>', html, flags=re.S))


@pytest.mark.parametrize("url", REPORTS)
def test_date_filters_start_the_picker_from_a_file(hr, url):
    html = hr.get(url).content.decode()
    assert html.count("data-chorus-date-chooser=") == 2  # From and To
    assert "initDateChooser(" not in html  # no inline call before the script loads
    picker = html.index("wagtailadmin/js/date-time-chooser.js")
    starter = html.index("reports/date-filter.js")
    assert html.index("wagtailadmin/js/vendor/jquery.datetimepicker.js") < picker < starter


@pytest.mark.parametrize("url", [*REPORTS, POLICY])
def test_downloads_are_buttons_not_in_the_actions_menu(hr, url):
    PolicyPageFactory()
    html = hr.get(url).content.decode()
    for label, fmt in (("Download CSV", "csv"), ("Download XLSX", "xlsx")):
        link = rf'<a class="button button-secondary" href="([^"]+)" download>{label}'
        button = re.search(link, html)
        assert button, label
        assert f"export={fmt}" in button.group(1)
        assert label not in _dropdowns(html)


def test_the_policy_download_keeps_the_filters_and_works(hr):
    policy = PolicyPageFactory()
    UserFactory(username="zed")
    params = {"version": f"{policy.pk}:1", "status": "missing"}
    html = hr.get(POLICY, params).content.decode()
    href = re.search(r'href="([^"]+)" download>Download CSV', html).group(1).replace("&amp;", "&")
    assert href.startswith(POLICY + "?") and "status=missing" in href
    results = hr.get(POLICY + "results/", params).content.decode()
    assert f'href="{POLICY}?' in results  # the results alone link to the report, not to /results/
    response = hr.get(href)
    assert response.status_code == 200
    assert "zed" in b"".join(response.streaming_content).decode()
