"""The structure of the code: no import circles, and the two sub-apps are leaves.

`lint-imports` (in `make check`) holds the layering of the apps ([tool.importlinter] in
pyproject.toml); these tests hold what a layers contract cannot say (a sub-app is inside its
parent's layer). Imports inside functions count too (grimp sees them), and ruff's PLC0415
refuses new ones outside `AppConfig.ready()`.
"""

import grimp
import pytest

PACKAGES = ("typ_site", "knowledge", "forums", "calendar_app", "search")


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES)


def _project_imports(graph) -> dict[str, set[str]]:
    modules = {module for module in graph.modules if ".migrations" not in module}
    return {
        module: {
            imported for imported in graph.find_modules_directly_imported_by(module) if imported in modules
        }
        for module in modules
    }


def import_circles(imports: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = lowest[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in imports.get(module, ()):
            if imported not in index:
                visit(imported)
                lowest[module] = min(lowest[module], lowest[imported])
            elif imported in on_stack:
                lowest[module] = min(lowest[module], index[imported])
        if lowest[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(imports):
        if module not in index:
            visit(module)
    return circles


def test_the_circle_finder_finds_a_circle():
    assert import_circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_imports_itself_through_others(graph):
    assert import_circles(_project_imports(graph)) == []


@pytest.mark.parametrize("sub_app", ["forums.participation", "knowledge.induction"])
def test_the_parent_app_does_not_import_its_sub_app(graph, sub_app):
    """Forums does not import participation and knowledge does not import induction (the
    apps below them cannot, by the layers contract); the root URLconf may list their URLs."""
    parent = sub_app.rsplit(".", 1)[0]
    importers = {
        module
        for module, imported in _project_imports(graph).items()
        if not module.startswith(sub_app) and any(name.startswith(sub_app) for name in imported)
    }
    assert {module for module in importers if module.startswith(parent)} == set()
