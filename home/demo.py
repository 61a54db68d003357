"""Demo home page text."""

from home.models import HomePage

INTRO = (
    "<p>Chorus is Northwind Labs' social media academy. Everyone takes a short basic "
    "training and reads our social media policy. After that, <strong>sharing company news "
    "is entirely up to you</strong>: if you opt in, you get a library of approved posts you "
    "can share in one click, in your own words, and we show you how far your voice "
    "carried.</p>"
)


def seed(*, stdout) -> int:
    home = HomePage.objects.get(depth=2)
    if home.programme_intro:
        return 0
    home.programme_intro = INTRO
    home.save_revision().publish()
    return 1
