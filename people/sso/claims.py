"""What an identity provider says about a person, as Chorus profile fields.

OIDC gives claims (from the ID token and the userinfo endpoint); SAML gives attributes,
each a list of values. Both end up as one flat dict, then as the fields of `Profile`.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify

from people.models import Department, User

TRUE_WORDS = {"true", "1", "yes", "y", "t"}


@dataclass(frozen=True)
class Profile:
    email: str = ""
    email_verified: bool = False
    first_name: str = ""
    last_name: str = ""
    department: str = ""
    job_title: str = ""
    joined_on: date | None = None


def raw_claims(extra_data: dict) -> dict:
    """One flat dict of claim → value, whichever protocol sent them."""
    if "userinfo" in extra_data or "id_token" in extra_data:
        return {**(extra_data.get("id_token") or {}), **(extra_data.get("userinfo") or {})}
    # SAML: every attribute is a list of values; a profile field takes the first.
    return {
        name: values[0] if isinstance(values, list) and values else values
        for name, values in extra_data.items()
        if not isinstance(values, list) or values
    }


def claim_names(app_settings: dict | None) -> dict[str, str]:
    """The claim read for each field: the provider's own "claims", else the site's."""
    return {**settings.SSO_CLAIMS, **((app_settings or {}).get("claims") or {})}


def _text(value, limit: int) -> str:
    return str(value).strip()[:limit] if value not in (None, "") else ""


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        parsed = parse_date(text[:10])
    except ValueError:
        return None
    if parsed is None and (moment := parse_datetime(text)) is not None:
        parsed = moment.date()
    return parsed


def profile_from_claims(claims: dict, names: dict[str, str]) -> Profile:
    verified = claims.get(names["email_verified"])
    return Profile(
        email=_text(claims.get(names["email"]), 254).lower(),
        email_verified=verified is True or str(verified).strip().lower() in TRUE_WORDS,
        first_name=_text(claims.get(names["first_name"]), 150),
        last_name=_text(claims.get(names["last_name"]), 150),
        department=_text(claims.get(names["department"]), 80),
        job_title=_text(claims.get(names["job_title"]), 120),
        joined_on=_date(claims.get(names["joined_on"])),
    )


def department_for(name: str) -> Department | None:
    """The department of that name, created when the provider names a new one."""
    if not name:
        return None
    existing = Department.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing
    slug = slugify(name)[:80] or "department"
    base, n = slug, 1
    while Department.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:75]}-{n}"
    department, _ = Department.objects.get_or_create(name=name, defaults={"slug": slug})
    return department


def profile_apply(user: User, profile: Profile) -> list[str]:
    """Copy what the provider said onto the (possibly unsaved) user; an empty claim never
    blanks a field HR filled in. Returns the names of the fields that changed."""
    changed = []
    wanted = {
        "first_name": profile.first_name,
        "last_name": profile.last_name,
        "job_title": profile.job_title,
        "joined_on": profile.joined_on,
    }
    if profile.email:
        wanted["email"] = profile.email
    if profile.department:
        wanted["department"] = department_for(profile.department)
    for field, value in wanted.items():
        if value in (None, ""):
            continue
        if getattr(user, field) != value:
            setattr(user, field, value)
            changed.append(field)
    return changed
