"""django-axes' hooks: which username an attempt was for, and the lockout page.

The lockout page is the same for every username, existing or not, so it tells nobody
which accounts exist.
"""

import math

from axes.helpers import get_cool_off
from django.shortcuts import render


def attempt_username(request, credentials) -> str:
    """allauth's login form posts `login` and authenticates with `username`; Django's
    password forms post `username` or `email`. Case-folded: `Ana` and `ana` are one lock."""
    credentials = credentials or {}
    data = getattr(request, "POST", {}) or {}
    for value in (
        credentials.get("username"),
        credentials.get("email"),
        credentials.get("login"),
        data.get("login"),
        data.get("username"),
        data.get("email"),
    ):
        if value:
            return str(value).strip().lower()
    return ""


def lockout_response(request, _response=None, _credentials=None):
    cool_off = get_cool_off(request)
    minutes = max(1, math.ceil(cool_off.total_seconds() / 60)) if cool_off else None
    return render(request, "account/locked_out.html", {"minutes": minutes}, status=429)
