"""The process serving pages and sockets does not hold the provisioning machinery (SCIM's
scim2 models and server, the roster importer) or the SAML libraries (onelogin, xmlsec)
until someone uses them (issue 11), and leaves what it loaded at start out of the garbage
collector's full walks."""

import os
import subprocess
import sys

from django.urls import get_resolver

from portal.lazy_views import LAZY_VIEWS, VIEW_FLAGS

PROVISIONING = (
    "scim2_models",
    "scim2_server",
    "people.scim.views",
    "people.scim.mapping",
    "people.admin_views",
    "people.roster.importing",
    "onelogin",
    "xmlsec",
)

CHECK = f"""
import sys
import django
django.setup()
from django.urls import get_resolver
resolver = get_resolver()
resolver.url_patterns, resolver.reverse_dict
import portal.asgi
print(",".join(m for m in {PROVISIONING!r} if m in sys.modules))
"""


def fresh_process(code: str) -> subprocess.CompletedProcess:
    """Run `code` in a new Python process on the test settings; its output as text."""
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_a_fresh_process_loads_no_provisioning_machinery_with_its_urls_and_sockets():
    done = fresh_process(CHECK)
    assert done.stdout.strip().splitlines()[-1:] in ([], [""]), done.stdout


def test_each_lazy_view_carries_the_flags_middleware_reads_off_the_real_one():
    assert get_resolver().url_patterns  # Wagtail's admin URL hooks make theirs here
    assert LAZY_VIEWS
    for view in LAZY_VIEWS:
        real = view.load()
        for flag, default in VIEW_FLAGS.items():
            assert getattr(view, flag, default) == getattr(real, flag, default), (view, flag)


FROZEN = """
import gc
import portal.asgi
print(gc.get_freeze_count(), len(gc.get_objects()))
"""


def test_a_serving_process_leaves_what_it_loaded_out_of_the_garbage_collectors_walks():
    """A full collection walked every object the process had loaded (some 240,000; 136 ms
    measured) and held up its requests and pushes meanwhile: once portal.asgi has loaded,
    they are frozen and a collection walks only what came later."""
    done = fresh_process(FROZEN)
    frozen, tracked = map(int, done.stdout.split()[-2:])
    assert frozen > 100_000  # Django, Wagtail, the apps, the URLconf and its views
    assert tracked < frozen / 10
