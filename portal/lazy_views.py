"""Views imported on their first request rather than when the URL conf loads.

Some views' modules pull in heavy libraries (SCIM's pydantic models, SAML's lxml and
xmlsec, the roster importer): a daphne serving pages and sockets would otherwise hold them
all its life (issue 11). Middleware reads a few flags off a view before calling it, so a
lazy view carries them from the start; tests/portal/test_lazy_imports.py checks that they
match the real view's.
"""

from importlib import import_module

# Read off the view by CsrfViewMiddleware and LoginRequiredMiddleware before the call.
VIEW_FLAGS = {"csrf_exempt": False, "login_required": True}

LAZY_VIEWS = []  # every lazy view made, for the test above


def lazy_view(target: str, *, as_view: bool = False, **flags):
    """`target` is "module.name"; `as_view` for a class-based view (without arguments)."""
    module_name, _, name = target.rpartition(".")
    unknown = set(flags) - set(VIEW_FLAGS)
    if unknown:
        raise TypeError(f"lazy_view: unknown flags {sorted(unknown)}")
    loaded = []

    def load():
        if not loaded:
            found = getattr(import_module(module_name), name)
            loaded.append(found.as_view() if as_view else found)
        return loaded[0]

    def view(request, *args, **kwargs):
        return load()(request, *args, **kwargs)

    view.__name__ = name
    view.__dict__.update(flags)
    view.load = load
    LAZY_VIEWS.append(view)
    return view
