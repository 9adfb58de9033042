"""The shape of the code: dependencies point one way, core ← organizations ← articles ← website.

Each test parses every module's imports (including imports inside functions) with ``ast``, so an
upward import anywhere fails here, whatever the module does at run time.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lower layers first: a package may import itself and anything before it, never after it.
LAYERS = ["newsroom", "organizations", "articles", "website"]


def imported_packages(path: Path) -> set[str]:
    """The top-level project packages a module imports, by name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & set(LAYERS)


def modules_of(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts)


def upward_imports(package: str) -> list[str]:
    allowed = set(LAYERS[: LAYERS.index(package) + 1])
    return [
        f"{path.relative_to(ROOT)} imports {', '.join(sorted(imported_packages(path) - allowed))}"
        for path in modules_of(package)
        if imported_packages(path) - allowed
    ]


@pytest.mark.parametrize("package", LAYERS)
def test_package_imports_only_layers_below_it(package):
    assert modules_of(package), f"{package} has no modules: the layer list is out of date"
    assert upward_imports(package) == []


def test_organizations_never_imports_articles():
    offenders = [
        str(p.relative_to(ROOT)) for p in modules_of("organizations") if "articles" in imported_packages(p)
    ]
    assert offenders == []


def test_the_check_sees_an_upward_import(tmp_path):
    """The parser finds an import inside a function, where a quick grep for top-level lines would not."""
    module = tmp_path / "sneaky.py"
    module.write_text("def f():\n    from articles.models import Article\n    return Article\n")
    assert imported_packages(module) == {"articles"}


def test_article_links_are_named_in_one_registry():
    """Only the models and the registry name the three link models; every other module reads ENTITY_LINKS."""
    names = ("ArticlePerson", "ArticleOrganization", "ArticleEvent")
    allowed = {"articles/models.py", "articles/links.py", "articles/admin.py"}
    offenders = []
    for package in ("articles", "organizations", "newsroom", "website"):
        for path in modules_of(package):
            relative = str(path.relative_to(ROOT))
            text = path.read_text(encoding="utf-8")
            if relative not in allowed and any(name in text for name in names):
                offenders.append(relative)
            if "articles_articleperson" in text or "articles_articleorganization" in text:
                offenders.append(f"{relative} (table name written by hand)")
    assert offenders == []
