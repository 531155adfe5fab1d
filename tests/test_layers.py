"""The apps stand in layers: each imports only apps below it, and no two import each other.

Every module under src/skillbridge is read with `ast`, so imports inside
functions, under `if TYPE_CHECKING:` and by name (`import_string("skillbridge.x.y")`,
`import_module(...)`) count as much as those at the top. A foreign key that names
a model by string ("people.Organisation") is not an import. docs/architecture.md
draws the same layers.
"""

import ast
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "skillbridge"

# Bottom to top. Apps on one line are siblings: neither may import the other.
LAYERS = [
    ("common",),
    ("programmes",),
    ("people",),
    ("calls", "experts"),
    ("review",),
    ("grants",),
    ("pairing",),
    ("missions",),
    ("results",),
    ("api",),
    ("portal",),
    ("demo",),
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
# Libraries that import no app: the engine (no Django), the permission matrix (a table) and
# Django's formats modules for the languages Django lacks (formats/rw: CLDR data).
LIBRARIES = {"assignment", "access_matrix", "formats"}
# The modules directly under src/skillbridge (settings, urls, wsgi, env, __main__...)
# wire the apps together: they may import any app, and no app imports them.
PROJECT = "project"
DYNAMIC_IMPORTS = {"import_string", "import_module", "__import__", "autodiscover_modules"}


class Import(NamedTuple):
    importer: str  # the app (or PROJECT) whose module imports
    imported: str  # the app (or PROJECT) it imports
    where: str  # path:line


def _component(dotted: str) -> str | None:
    """The app a dotted module name belongs to, PROJECT, or None outside skillbridge."""
    parts = dotted.split(".")
    if parts[0] != "skillbridge":
        return None
    if len(parts) == 1 or not (SOURCE / parts[1]).is_dir():
        return PROJECT
    return parts[1]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_names(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The dotted names one ast node imports (empty for nodes that import nothing)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            package = module.split(".")
            base = package[: len(package) - node.level + (1 if is_package else 0)]
            target = ".".join([*base, *([node.module] if node.module else [])])
        else:
            target = node.module or ""
        if target == "skillbridge":
            return [f"skillbridge.{alias.name}" for alias in node.names]
        return [target]
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        if name in DYNAMIC_IMPORTS and isinstance(node.args[0].value, str):
            return [node.args[0].value]
    return []


def _imports_of(path: Path) -> list[Import]:
    module = _module_name(path)
    importer = _component(module)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        for name in _imported_names(node, module, path.name == "__init__.py"):
            imported = _component(name)
            if imported is not None and imported != importer:
                where = f"{path.relative_to(SOURCE.parents[1])}:{node.lineno}"
                found.append(Import(importer, imported, where))
    return found


def source_imports() -> list[Import]:
    return [found for path in sorted(SOURCE.rglob("*.py")) for found in _imports_of(path)]


def _is_allowed(found: Import) -> bool:
    if found.importer == PROJECT:
        return True
    if found.imported in LIBRARIES:
        return found.importer not in LIBRARIES
    if found.importer in LIBRARIES or found.imported == PROJECT:
        return False
    return RANK[found.imported] < RANK[found.importer]


def _report(imports: list[Import]) -> str:
    return "\n".join(f"{i.where}: {i.importer} imports {i.imported}" for i in imports)


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in SOURCE.glob("*/__init__.py")}
    assert apps - {"locale", "templates"} == set(RANK) | LIBRARIES


def test_no_app_imports_an_app_above_it_or_beside_it():
    wrong = [found for found in source_imports() if not _is_allowed(found)]
    if wrong:
        pytest.fail("imports against the layers:\n" + _report(wrong), pytrace=False)


def test_no_two_apps_import_each_other():
    edges = defaultdict(list)
    for found in source_imports():
        edges[found.importer, found.imported].append(found)
    mutual = []
    for (importer, imported), imports in sorted(edges.items()):
        back = edges.get((imported, importer), [])
        # Name the direction with fewer imports, most likely the one to remove.
        if back and (len(imports), importer) < (len(back), imported):
            mutual += imports
    if mutual:
        message = "apps that import each other (the lesser direction):\n" + _report(mutual)
        pytest.fail(message, pytrace=False)


@pytest.mark.parametrize("library", sorted(LIBRARIES))
def test_a_library_imports_no_django(library):
    django = []
    for path in sorted((SOURCE / library).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = _imported_names(node, _module_name(path), path.name == "__init__.py")
            django += [f"{path.name}:{node.lineno}" for n in names if n.split(".")[0] == "django"]
    assert not django


def test_the_reader_sees_every_kind_of_import():
    """The reader itself: relative, function-level and by-name imports all count."""
    source = (
        "from ...pairing import models\n"
        "def f():\n"
        "    from skillbridge import missions, settings\n"
        "    import_string('skillbridge.results.tasks.x')\n"
    )
    names = [
        name
        for node in ast.walk(ast.parse(source))
        for name in _imported_names(node, "skillbridge.review.services.decisions", is_package=False)
    ]
    assert [_component(name) for name in names] == [
        "pairing",
        "missions",
        PROJECT,
        "results",
    ]
