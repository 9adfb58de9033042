"""No state travels between admin hooks (or views) on ``request``: a parse of every module finds no
attribute set on a request, no ``setattr(request, …)`` and no private ``request._…`` read."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["newsroom", "organizations", "articles", "website"]


def _is_request(node: ast.AST) -> bool:
    """``request`` or ``self.request``."""
    if isinstance(node, ast.Name):
        return node.id == "request"
    return isinstance(node, ast.Attribute) and node.attr == "request" and isinstance(node.value, ast.Name)


def request_state(source: str, filename: str = "<source>") -> list[str]:
    """Each place ``source`` stores state on a request or reads private state from one."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            for part in ast.walk(target):
                if isinstance(part, ast.Attribute) and _is_request(part.value):
                    found.append(f"{filename}:{part.lineno} sets request.{part.attr}")
        is_attr_call = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("setattr", "getattr", "hasattr", "delattr")
            and node.args
        )
        if is_attr_call and _is_request(node.args[0]):
            name = node.args[1] if len(node.args) > 1 else None
            private = isinstance(name, ast.Constant) and str(name.value).startswith("_")
            if node.func.id in ("setattr", "delattr") or private:
                found.append(f"{filename}:{node.lineno} {node.func.id}(request, …)")
        if isinstance(node, ast.Attribute) and _is_request(node.value) and node.attr.startswith("_"):
            found.append(f"{filename}:{node.lineno} reads request.{node.attr}")
    return sorted(set(found))


def test_the_check_finds_state_on_a_request():
    sample = (
        "def save_model(self, request, obj):\n"
        "    request._article_transition = (1, 2)\n"
        "    setattr(request, 'kept', {})\n"
        "    return getattr(request, '_kept_before_revert', None), self.request._x\n"
    )
    found = request_state(sample)
    assert "<source>:2 sets request._article_transition" in found
    assert "<source>:3 setattr(request, …)" in found
    assert "<source>:4 getattr(request, …)" in found
    assert "<source>:4 reads request._x" in found
    assert request_state("def view(request):\n    return request.user, request.POST.get('x')\n") == []


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_keeps_state_on_the_request(package):
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" not in path.parts:
            found += request_state(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert found == []
