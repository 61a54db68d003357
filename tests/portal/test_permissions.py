import pytest
from django.urls import reverse

from tests.people.factories import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_editors_manage_the_programme_and_employees_but_not_personal_choices():
    editor = EditorFactory()
    assert editor.has_perm("leaderboard.change_pointssettings")
    assert editor.has_perm("people.add_user")
    assert editor.has_perm("people.change_department")
    assert not editor.has_perm("people.change_consentrecord")
    assert not editor.has_perm("people.view_socialnetwork")


def test_employees_have_no_admin_permissions():
    employee = UserFactory()
    assert not employee.has_perm("wagtailadmin.access_admin")
    assert not employee.has_perm("leaderboard.change_pointssettings")


def test_hr_creates_an_employee_with_department_and_joining_date(client):
    from people.models import Department, User

    sales = Department.objects.create(name="Sales", slug="sales")
    client.force_login(EditorFactory())
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "pat",
            "email": "pat@example.com",
            "first_name": "Pat",
            "last_name": "Lee",
            "department": sales.pk,
            "job_title": "Account Executive",
            "joined_on": "2026-11-23",
            "password1": "a-long-enough-pass-9",
            "password2": "a-long-enough-pass-9",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    pat = User.objects.get(username="pat")
    assert (pat.department, pat.job_title, str(pat.joined_on)) == (
        sales,
        "Account Executive",
        "2026-11-23",
    )


def test_editors_may_publish_pages_anywhere_in_the_site():
    from wagtail.models import Page

    editor = EditorFactory()
    home = Page.objects.get(depth=2)
    permissions = home.permissions_for_user(editor)
    assert permissions.can_publish()
    assert permissions.can_add_subpage()
    assert not Page.objects.get(depth=2).permissions_for_user(UserFactory()).can_edit()
