"""Apps depend one way (README, "Layout"): an app imports only the apps
below it, and a template loads only the tag libraries of its own app or of
an app below. Read from the source with ``ast``, not by importing it."""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent

# Bottom first; the same order as INSTALLED_APPS.
LAYERS = ["places", "accounts", "portal", "jobs", "registry", "awards", "planning", "reports"]
# The project package: its helpers (lib/, formats/) import no app at all;
# the rest of it (settings, urls, middleware, views) no domain app.
LIBRARY = ("coopportal/lib/", "coopportal/formats/")
PROJECT_MAY_IMPORT = {"places", "accounts", "portal"}


def imported_modules(source):
    """Every absolute module name a Python source imports, anywhere in it."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def upward_imports(path, source):
    """The imports of ``source`` (the file at ``path``, relative to the
    repository) that break the layering."""
    owner = path.split("/", 1)[0]
    wrong = []
    for module in imported_modules(source):
        top = module.split(".", 1)[0]
        if owner in LAYERS:
            if top in LAYERS and LAYERS.index(top) > LAYERS.index(owner):
                wrong.append(module)
            elif top == "coopportal" and not module.startswith("coopportal.lib"):
                wrong.append(module)
        elif path.startswith(LIBRARY):
            if top in LAYERS:
                wrong.append(module)
        elif owner == "coopportal" and top in LAYERS and top not in PROJECT_MAY_IMPORT:
            wrong.append(module)
    return wrong


def python_files():
    for top in [*LAYERS, "coopportal"]:
        for path in sorted((ROOT / top).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def test_the_layers_are_the_installed_apps_in_order():
    assert [app for app in settings.INSTALLED_APPS if app in LAYERS] == LAYERS


def test_no_app_imports_one_above_it():
    wrong = {path: found for path, source in python_files() if (found := upward_imports(path, source))}
    assert wrong == {}


def test_the_scan_sees_an_upward_import():
    lazy = "def f():\n    from planning.models import Target\n"
    assert upward_imports("registry/views.py", lazy) == ["planning.models"]
    assert upward_imports("places/models.py", "import accounts.scoping\n") == ["accounts.scoping"]
    assert upward_imports("coopportal/lib/text.py", "from places.models import Commune\n") == ["places.models"]
    assert upward_imports("coopportal/converters.py", "from registry.models import X\n") == ["registry.models"]
    assert upward_imports("registry/admin.py", "from coopportal.urls import urlpatterns\n") == ["coopportal.urls"]
    assert upward_imports("planning/views.py", "from registry.models import Cooperative\n") == []


LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def tag_library_apps():
    """Tag library name -> the app that defines it."""
    return {path.stem: path.parent.parent.name for top in LAYERS for path in (ROOT / top).glob("templatetags/*.py")}


def template_owner(path):
    """The app a template belongs to: templates/<app>/..., templates/admin/<app>/... or <app>/templates/..."""
    parts = path.relative_to(ROOT).parts
    if parts[0] == "templates":
        parts = parts[2:] if parts[1] == "admin" else parts[1:]
        return parts[0] if parts[0] in LAYERS else None
    return parts[0] if parts[0] in LAYERS else None


def test_no_template_loads_tags_from_above():
    libraries = tag_library_apps()
    assert libraries["formatting"] == "portal"
    wrong = {}
    for path in sorted(ROOT.glob("templates/**/*.html")) + sorted(ROOT.glob("*/templates/**/*.html")):
        owner = template_owner(path)
        if owner is None:
            continue
        for load in LOAD.findall(path.read_text(encoding="utf-8")):
            for name in load.split():
                app = libraries.get(name)
                if app and LAYERS.index(app) > LAYERS.index(owner):
                    wrong.setdefault(path.relative_to(ROOT).as_posix(), []).append(name)
    assert wrong == {}
