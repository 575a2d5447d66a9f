"""A static scan for writes to record models outside the action layer.

The model-level guard (``records.guard``) stops such writes when they run; this scan finds them
in the source before they run, including on paths no test walks. It reads every module of
``hrdwatch/`` with ``ast`` and reports each call of a write method (``save``, ``delete``,
``update``, ``bulk_create``, ``create``, ``soft_delete``, m2m ``add``/``set``...) whose receiver is
a record model: a manager chain (``Case.objects.filter(...).update(...)``), an instance bound in
the same function from a record model (``case = Case.objects.get(...)``, ``event = Event(...)``,
``for event in case.events.all()`` is not followed), a parameter annotated with a record model,
or a record's many-to-many field (``defender.roles.set(...)``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps

from hrdwatch.records.guard import GuardedModel

PACKAGE = Path(__file__).resolve().parents[2] / "hrdwatch"
WRITE_METHODS = {
    "save",
    "delete",
    "update",
    "bulk_create",
    "bulk_update",
    "create",
    "get_or_create",
    "update_or_create",
    "soft_delete",
    "restore",
}
M2M_METHODS = {"add", "remove", "set", "clear"}
RECORD_ONLY_METHODS = {"soft_delete"}  # exist on record models only: any receiver counts
RECORD_ONLY_MANAGERS = {"all_objects"}  # likewise
# Where writes are the point: the action layer, the guard itself, the model's own methods, the
# derived columns kept by signals that only guarded saves fire, and migrations.
ALLOWED = ("actions/", "records/guard.py", "records/base.py", "records/status.py", "/migrations/")


def _models_by_module(models: list[type]) -> dict[str, set[str]]:
    """Module path -> names of the given models importable from it."""
    found: dict[str, set[str]] = {}
    for model in models:
        module = model.__module__
        for path in {module, module.rsplit(".", 1)[0], model._meta.app_config.name + ".models"}:
            found.setdefault(path, set()).add(model.__name__)
    return found


def record_models() -> dict[str, set[str]]:
    return _models_by_module([m for m in apps.get_models() if issubclass(m, GuardedModel)])


def linking_models() -> dict[str, set[str]]:
    """Record models and the models whose many-to-many fields point at them (campaigns)."""
    return _models_by_module(
        [
            m
            for m in apps.get_models()
            if issubclass(m, GuardedModel)
            or any(issubclass(f.related_model, GuardedModel) for f in m._meta.many_to_many)
        ]
    )


def m2m_field_names() -> set[str]:
    """Names of many-to-many fields that point at or from a record model."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.many_to_many:
            if issubclass(model, GuardedModel) or issubclass(field.related_model, GuardedModel):
                names.add(field.name)
    return names


@dataclass(frozen=True)
class Write:
    path: str
    line: int
    code: str


@dataclass
class Names:
    """What a module calls the record models: imported names and module aliases (``m.Case``)."""

    models: set[str]
    modules: set[str]


def module_names(tree: ast.Module, module: str, known: dict[str, set[str]]) -> Names:
    names = Names(set(), set())
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                if alias.name in known.get(base, set()):
                    names.models.add(alias.asname or alias.name)
                elif f"{base}.{alias.name}" in known:
                    names.modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known and alias.asname:
                    names.modules.add(alias.asname)
    return names


def _mentions(node: ast.AST, names: Names) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and child.id in names.models:
            return True
        if (
            isinstance(child, ast.Attribute)
            and isinstance(child.value, ast.Name)
            and child.value.id in names.modules
        ):
            return True
    return False


def _has_attribute(node: ast.AST, names: set[str]) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr in names for n in ast.walk(node))


def _annotation_names(node: ast.AST | None) -> set[str]:
    if node is None:
        return set()
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return set(node.value.replace("|", " ").replace(".", " ").split())
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} | {
        n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)
    }


class _Scanner(ast.NodeVisitor):
    def __init__(self, records: Names, linkers: Names, m2m: set[str]) -> None:
        self.records, self.linkers, self.m2m = records, linkers, m2m
        self.bound: list[dict[str, set[str]]] = [{"records": set(), "linkers": set()}]
        self.found: list[ast.Call] = []

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        self.bound.append(
            {
                "records": {
                    a.arg for a in args if _annotation_names(a.annotation) & self.records.models
                },
                "linkers": {
                    a.arg for a in args if _annotation_names(a.annotation) & self.linkers.models
                },
            }
        )
        self.generic_visit(node)
        self.bound.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _function

    def visit_Assign(self, node: ast.Assign) -> None:
        targets = {n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        for key, names in (("records", self.records), ("linkers", self.linkers)):
            if _mentions(node.value, names):
                self.bound[-1][key] |= targets
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        targets = {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
        for key, names in (("records", self.records), ("linkers", self.linkers)):
            if _mentions(node.iter, names) or _has_attribute(node.iter, RECORD_ONLY_MANAGERS):
                self.bound[-1][key] |= targets
        self.generic_visit(node)

    def _receiver_is(self, receiver: ast.AST, key: str) -> bool:
        if _mentions(receiver, self.records if key == "records" else self.linkers):
            return True
        if _has_attribute(receiver, RECORD_ONLY_MANAGERS):
            return True
        root = receiver
        while isinstance(root, ast.Attribute | ast.Call | ast.Subscript):
            root = root.func if isinstance(root, ast.Call) else root.value
        return isinstance(root, ast.Name) and root.id in self.bound[-1][key]

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            receiver = func.value
            if func.attr in RECORD_ONLY_METHODS or (
                func.attr in WRITE_METHODS and self._receiver_is(receiver, "records")
            ):
                self.found.append(node)
            elif (
                func.attr in M2M_METHODS
                and isinstance(receiver, ast.Attribute)
                and receiver.attr in self.m2m
                and self._receiver_is(receiver.value, "linkers")
            ):
                self.found.append(node)
        self.generic_visit(node)


def writes_outside_actions(root: Path = PACKAGE) -> Iterator[Write]:
    known, linking, m2m = record_models(), linking_models(), m2m_field_names()
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if any(part in f"/{relative}" or relative.startswith(part) for part in ALLOWED):
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        module = "hrdwatch." + relative.removesuffix(".py").replace("/", ".")
        scanner = _Scanner(
            module_names(tree, module, known), module_names(tree, module, linking), m2m
        )
        scanner.visit(tree)
        lines = source.splitlines()
        for call in scanner.found:
            yield Write(relative, call.lineno, lines[call.lineno - 1].strip())
