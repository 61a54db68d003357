"""Demo organisation: departments, the three named users and 44 colleagues."""

import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from people import roles
from people.models import Audience, ConsentKind, ConsentRecord, Department, SocialNetwork, User
from portal.permissions import EDITORS_GROUP

DEPARTMENTS = [
    "Sales",
    "Marketing",
    "Engineering",
    "People",
    "Customer Success",
    "Finance",
    "Product",
]
FIRST = [
    "Amara",
    "Ben",
    "Chloe",
    "Dev",
    "Elif",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Kiri",
    "Luca",
    "Maya",
    "Noah",
    "Olu",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
    "Umar",
    "Vera",
    "Wen",
    "Xavi",
    "Yara",
    "Zeno",
    "Aiko",
    "Bruno",
    "Carla",
    "Dario",
    "Emeka",
    "Freya",
    "Gil",
    "Hana",
    "Ivo",
    "Jana",
    "Kofi",
    "Lena",
    "Milo",
    "Nina",
    "Omar",
    "Pia",
    "Rafa",
    "Sofia",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Patel",
    "Yilmaz",
    "Haddad",
    "Brandt",
    "Laurent",
    "Castillo",
    "Weber",
    "Ngata",
    "Romano",
    "Cohen",
    "Fischer",
    "Adeyemi",
    "Sharma",
    "Byrne",
    "Alves",
    "Nakamura",
    "Kowalski",
    "Rahman",
    "Novak",
    "Zhang",
    "Ruiz",
    "Haddad",
    "Mensah",
    "Tanaka",
    "Costa",
    "Ferreira",
    "Conti",
    "Obi",
    "Larsen",
    "Silva",
    "Kim",
    "Horvat",
    "Meyer",
    "Boateng",
    "Schmidt",
    "Rossi",
    "Dubois",
    "Aziz",
    "Becker",
    "Duarte",
    "Marino",
]
TITLES = {
    "Sales": ["Account Executive", "Sales Manager", "Sales Development Rep"],
    "Marketing": ["Content Marketer", "Brand Manager", "Events Lead"],
    "Engineering": ["Software Engineer", "Staff Engineer", "Engineering Manager"],
    "People": ["People Partner", "Recruiter", "L&D Specialist"],
    "Customer Success": ["Customer Success Manager", "Support Engineer"],
    "Finance": ["Financial Analyst", "Controller"],
    "Product": ["Product Manager", "Product Designer", "UX Researcher"],
}
OTHERS = 44


def _department(name: str, created: list) -> Department:
    department, was_created = Department.objects.get_or_create(
        slug=slugify(name), defaults={"name": name}
    )
    if was_created:
        created.append(department)
    return department


def _user(username: str, password_hash: str, created: list, **fields) -> tuple[User, bool]:
    user, was_created = User.objects.get_or_create(
        username=username, defaults={**fields, "password": password_hash}
    )
    if was_created:
        created.append(user)
    return user, was_created


def _consent(user: User, kind: str, granted: bool, at) -> ConsentRecord:
    return ConsentRecord.objects.create(
        user=user, kind=kind, granted=granted, source="demo", created_at=at
    )


def _networks(user: User, networks: list[tuple[str, str, str, int]]) -> None:
    for platform, handle, audience, followers in networks:
        SocialNetwork.objects.create(
            user=user, platform=platform, handle=handle, audience=audience, followers=followers
        )


def _named_users(departments: dict, password_hash: str, created: list, today, now) -> None:
    """hr (an editor), newhire (joined today) and advocate (opted in to everything)."""
    hr, was_created = _user(
        "hr",
        password_hash,
        created,
        first_name="Helen",
        last_name="Ruiz",
        email="hr@northwind.example",
        department=departments["People"],
        job_title="Head of People & Communications",
        joined_on=today - timedelta(days=900),
    )
    if was_created:
        hr.groups.add(Group.objects.get(name=EDITORS_GROUP))
        hr.groups.add(*Group.objects.filter(name__in=roles.ROLES))
    _user(
        "newhire",
        password_hash,
        created,
        first_name="Nia",
        last_name="Hollis",
        email="newhire@northwind.example",
        department=departments["Sales"],
        job_title="Account Executive",
        joined_on=today,
    )
    advocate, was_created = _user(
        "advocate",
        password_hash,
        created,
        first_name="Ade",
        last_name="Vasquez",
        display_name="Ade V.",
        email="advocate@northwind.example",
        department=departments["Marketing"],
        job_title="Content Marketer",
        joined_on=today - timedelta(days=120),
    )
    if was_created:
        _networks(
            advocate,
            [
                ("linkedin", "in/ade-vasquez", Audience.PROFESSIONAL, 1840),
                ("x", "@adev", Audience.PERSONAL, 620),
                ("bluesky", "@adev.bsky.social", Audience.PERSONAL, 310),
            ],
        )
        for kind in (ConsentKind.ADVOCACY, ConsentKind.LEADERBOARD, ConsentKind.EMAIL_ALERTS):
            _consent(advocate, kind, True, now - timedelta(days=90))


# One demo login per admin role (people/roles.py), to see exactly what each role sees.
ROLE_USERS = [
    ("editor", "Eda", "Ortiz", roles.CONTENT_EDITORS, "Marketing", "Content Editor"),
    ("moderator", "Mo", "Lindqvist", roles.MODERATORS, "Marketing", "Community Manager"),
    ("programme", "Pia", "Grant", roles.PROGRAMME_ADMINS, "People", "People Operations"),
    ("reports", "Rui", "Sato", roles.REPORT_VIEWERS, "Finance", "People Analyst"),
]


def _role_users(departments: dict, password_hash: str, created: list, today) -> None:
    for username, first, last, role, department, title in ROLE_USERS:
        user, was_created = _user(
            username,
            password_hash,
            created,
            first_name=first,
            last_name=last,
            email=f"{username}@northwind.example",
            department=departments[department],
            job_title=title,
            joined_on=today - timedelta(days=400),
        )
        if was_created:
            user.groups.add(Group.objects.get(name=role))


def _history(user: User, first: str, last: str, rng: random.Random, now) -> None:
    """Varied histories: some declare networks, some opt in, a few change their minds."""
    if rng.random() < 0.75:
        for platform in rng.sample(["linkedin", "x", "bluesky", "facebook", "xing"], 2):
            professional = platform in {"linkedin", "xing"}
            audience = Audience.PROFESSIONAL if professional else Audience.PERSONAL
            handle = f"@{first.lower()}{last.lower()[:3]}"
            _networks(user, [(platform, handle, audience, rng.randint(40, 4000))])
    if rng.random() < 0.6:
        at = now - timedelta(days=rng.randint(10, 80))
        _consent(user, ConsentKind.ADVOCACY, True, at)
        if rng.random() < 0.7:
            _consent(user, ConsentKind.LEADERBOARD, True, at + timedelta(minutes=2))
        if rng.random() < 0.4:
            _consent(user, ConsentKind.EMAIL_ALERTS, True, at + timedelta(minutes=3))
        if rng.random() < 0.12:
            _consent(user, ConsentKind.ADVOCACY, False, at + timedelta(days=5))


def _colleagues(departments: dict, password_hash: str, created: list, today, now) -> None:
    rng = random.Random(2026)  # noqa: S311 - demo data, not security
    names = list(zip(FIRST, LAST, strict=False))
    for index in range(OTHERS):
        first, last = names[index % len(names)]
        department = DEPARTMENTS[index % len(DEPARTMENTS)]
        username = f"{first}.{last}".lower()
        user, was_created = _user(
            username,
            password_hash,
            created,
            first_name=first,
            last_name=last,
            email=f"{username}@northwind.example",
            department=departments[department],
            job_title=rng.choice(TITLES[department]),
            joined_on=today - timedelta(days=rng.randint(3, 1200)),
        )
        if was_created:
            _history(user, first, last, rng, now)


def seed(*, stdout) -> int:
    created: list = []
    today, now = timezone.localdate(), timezone.now()
    password_hash = make_password(settings.DEMO_PASSWORD)
    departments = {name: _department(name, created) for name in DEPARTMENTS}
    _named_users(departments, password_hash, created, today, now)
    _colleagues(departments, password_hash, created, today, now)
    _role_users(departments, password_hash, created, today)
    return len(created)
