import datetime

import pytest
from django.test import Client

from people.models import ConsentKind
from people.services import consent_set
from reports.advocacy import advocacy_report
from sharing.models import Campaign, Click, Share, Suggestion, SuggestionState
from tests.courses.factories import CertificateFactory
from tests.people.factories import (
    DepartmentFactory,
    EditorFactory,
    SocialNetworkFactory,
    UserFactory,
)
from tests.reports.helpers import at, csv_sections, xlsx_sheets
from tests.sharing.factories import post_create

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
TODAY = datetime.date(2026, 3, 20)
WEEK1, WEEK2 = datetime.date(2026, 3, 2), datetime.date(2026, 3, 9)


def _opt_in(user):
    consent_set(user=user, kind=ConsentKind.ADVOCACY, granted=True, source="test")
    return user


@pytest.fixture
def data():
    big = DepartmentFactory(name="Big", slug="big")
    small = DepartmentFactory(name="Small", slug="small")
    a1, a2, a3 = (
        _opt_in(UserFactory(department=big, first_name=f"Ann{i}", last_name="Abernathy"))
        for i in (1, 2, 3)
    )
    s1, s2 = (
        _opt_in(UserFactory(department=small, first_name=f"Sam{i}", last_name="Stromberg"))
        for i in (1, 2)
    )
    nonsharer = UserFactory(department=big, first_name="Nadia", last_name="Nonsharer")
    certified_only = UserFactory(department=big, first_name="Cora", last_name="Certified")
    for user in (a1, a2, s1, certified_only):
        CertificateFactory(user=user)
    SocialNetworkFactory(user=a1, platform="linkedin", followers=100)
    SocialNetworkFactory(user=a1, platform="x", followers=50)
    SocialNetworkFactory(user=a2, platform="linkedin", followers=200)
    SocialNetworkFactory(user=a2, platform="linkedin", followers=80)  # second handle: max
    SocialNetworkFactory(user=s1, platform="x", followers=30)
    spring = Campaign.objects.create(name="Spring", slug="spring")
    p1 = post_create(title="Alpha post", campaign=spring)
    p2 = post_create(title="Beta post")
    codes = iter(range(100))

    def share(user, post, platform, day):
        return Share.objects.create(
            user=user,
            post=post,
            post_title=post.title,
            platform=platform,
            code=f"code{next(codes)}",
            caption="c",
            created_at=at(day),
        )

    sh1 = share(a1, p1, "linkedin", datetime.date(2026, 3, 3))
    share(a1, p1, "x", datetime.date(2026, 3, 4))
    sh3 = share(a2, p2, "linkedin", datetime.date(2026, 3, 10))
    sh4 = share(s1, p2, "x", datetime.date(2026, 3, 11))
    share(a3, p1, "linkedin", datetime.date(2026, 2, 20))  # before the range

    def click(s, day, credited=True, n=1):
        for i in range(n):
            Click.objects.create(
                share=s,
                at=at(day),
                visitor_key=f"v{s.pk}-{i}-{credited}",
                ua_class="person",
                credited=credited,
            )

    click(sh1, datetime.date(2026, 3, 5), n=3)
    click(sh3, datetime.date(2026, 3, 12))
    click(sh3, datetime.date(2026, 3, 12), credited=False)
    click(sh4, datetime.date(2026, 3, 12), n=2)
    for state in (SuggestionState.ACCEPTED, SuggestionState.DECLINED, SuggestionState.PENDING):
        Suggestion.objects.create(
            user=a1,
            url="https://example.com/x",
            note="n",
            state=state,
            created_at=at(datetime.date(2026, 3, 6)),
        )
    Suggestion.objects.create(
        user=a1,
        url="https://example.com/y",
        note="n",
        state=SuggestionState.ACCEPTED,
        created_at=at(datetime.date(2026, 2, 6)),
    )
    people = [a1, a2, a3, s1, s2, nonsharer, certified_only]
    return {"people": people, "nonsharer": nonsharer}


def _tables(report):
    return {t.key: t for t in report.tables}


def test_figures_hand_computed(data):
    report = advocacy_report(start=START, end=END, today=TODAY)
    figures = {f.label: (f.value, f.note) for f in report.figures}
    # Opted in: a1, a2, a3, s1, s2; certified: a1, a2, s1 and Cora. Each figure splits
    # the same people both ways, and its parts add up to it.
    assert figures["Opted-in advocates"] == (
        5,
        "3 certified + 2 not certified yet (they can share once certified)",
    )
    assert figures["Share of certified people who opted in"] == (
        "75.0 %",
        "3 of 4 certified people; 1 certified person has not opted in",
    )
    assert figures["Active advocates this month"][0] == 3  # a1, a2, s1 shared in March
    assert figures["Shares in the period"][0] == 4
    assert figures["Credited clicks in the period"][0] == 6
    # Reach: 100 (a1 LinkedIn) + 50 (a1 X) + 200 (a2's larger LinkedIn) + 30 (s1 X).
    assert figures["Estimated reach (an estimate)"][0] == 380
    assert figures["Suggestions received"][0] == 3
    assert figures["Suggestions accepted"][0] == 1

    tables = _tables(report)
    weekly = {r["week"]: r for r in tables["shares_weekly"].rows}
    assert weekly[WEEK1] == {"week": WEEK1, "linkedin": 1, "x": 1, "total": 2}
    assert weekly[WEEK2] == {"week": WEEK2, "linkedin": 1, "x": 1, "total": 2}
    clicks = {r["week"]: r["clicks"] for r in tables["clicks_weekly"].rows}
    assert (clicks[WEEK1], clicks[WEEK2]) == (3, 3)
    assert tables["top_posts"].rows == [
        {"post": "Alpha post", "shares": 2, "clicks": 3, "reach": 150},
        {"post": "Beta post", "shares": 2, "clicks": 3, "reach": 230},
    ]
    assert tables["campaigns"].rows == [
        {"campaign": "Spring", "posts": 1, "shares": 2, "clicks": 3, "reach": 150}
    ]


def test_departments_need_three_opted_in_members(data):
    tables = _tables(advocacy_report(start=START, end=END, today=TODAY))
    # Big has 3 opted-in members (Nadia and Cora are not); Small has only 2: left out.
    assert tables["departments"].rows == [
        {"department": "Big", "advocates": 3, "shares": 3, "clicks": 4, "reach": 350}
    ]
    assert "1 smaller department is left out" in tables["departments"].note


def test_platform_filter(data):
    report = advocacy_report(start=START, end=END, platform="x", today=TODAY)
    figures = {f.label: f.value for f in report.figures}
    assert figures["Shares in the period"] == 2
    assert figures["Credited clicks in the period"] == 2
    assert figures["Estimated reach (an estimate)"] == 80


def test_nobody_is_named_on_screen_or_in_exports(data):
    client = Client()
    client.force_login(EditorFactory())
    params = {"start": "2026-03-01", "end": "2026-03-31"}
    html = client.get("/admin/reports/advocacy/", params).content.decode()
    csv_text = client.get("/admin/reports/advocacy/", {**params, "export": "csv"}).content.decode()
    xlsx = xlsx_sheets(client.get("/admin/reports/advocacy/", {**params, "export": "xlsx"}))
    xlsx_text = repr(xlsx)
    for person in data["people"]:
        for text in (html, csv_text, xlsx_text):
            assert person.last_name not in text
            assert person.username not in text
    assert "Nonsharer" not in html + csv_text + xlsx_text
    assert "an estimate" in html


def test_export_parses_back_to_the_screen(data):
    client = Client()
    client.force_login(EditorFactory())
    params = {"start": "2026-03-01", "end": "2026-03-31"}
    page = client.get("/admin/reports/advocacy/", params)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('class="chorus-chart"') == 2
    sections = csv_sections(
        client.get("/admin/reports/advocacy/", {**params, "export": "csv"}).content
    )
    assert list(sections) == [
        "Shares per week by platform",
        "Credited clicks per week",
        "Top posts by credited clicks",
        "Campaign totals",
        "Departments",
    ]
    assert sections["Top posts by credited clicks"] == [
        ["Post", "Credited clicks", "Shares", "Estimated reach"],
        ["Alpha post", "3", "2", "150"],
        ["Beta post", "3", "2", "230"],
    ]
    assert sections["Departments"][1] == ["Big", "3", "3", "4", "350"]
    xlsx = xlsx_sheets(client.get("/admin/reports/advocacy/", {**params, "export": "xlsx"}))
    assert xlsx["Campaign totals"] == [
        ["Campaign", "Posts shared", "Shares", "Credited clicks", "Estimated reach"],
        ["Spring", 1, 2, 3, 150],
    ]
    week_rows = xlsx["Shares per week by platform"]
    assert week_rows[0] == ["Week starting", "LinkedIn", "X", "All platforms"]
    bad = client.get("/admin/reports/advocacy/", {"platform": "myspace"})
    assert bad.status_code == 400
    assert "Select a valid choice" in bad.content.decode()
