"""Every (name, owner) pair of the real applications' code, read with Python's ast: the candidates
identifiers.py samples from (see its docstring for what counts as a name and an owner)."""

from __future__ import annotations

import ast
import csv
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = ROOT / "bench" / ".cache" / "realworld"
WORK = CACHE / "_identifiers"
CANDIDATES = WORK / "candidates.tsv"

APPS = ["bk-user", "ckan", "django", "django-allauth", "django-helpdesk", "django-oscar", "django-vue-admin",
        "djangoblog", "flaskbb", "label-studio", "matrix-synapse", "mayan-edms", "misago", "privacyidea", "spug",
        "wagtail", "weblate"]
SKIP_DIRS = {"tests", "test", "testing", "testcases", "test_utils", "migrations", "node_modules", ".git",
             "docs", "doc", "__pycache__", "site-packages", "alembic", "_downloads", "_privlint", "_reports"}


def tokens(name: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    return [t for t in re.split(r"[^A-Za-z0-9]+|(?<=[A-Za-z])(?=[0-9])", spaced.lower()) if t]


def is_test_path(rel: Path) -> bool:
    if any(part in SKIP_DIRS or part.startswith("test_") for part in rel.parts[:-1]):
        return True
    name = rel.name
    return name.startswith("test_") or name.endswith("_test.py") or name.endswith("_tests.py") \
        or name in {"conftest.py", "tests.py", "test.py"}


def owner_name(node: ast.expr) -> str:
    """The name an attribute is read from, as privlint's engine takes it (syntax.owner_name)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return owner_name(node.func)
    if isinstance(node, ast.Subscript):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
        return owner_name(node.value)
    return ""


def target_names(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [n for e in node.elts for n in target_names(e)]
    if isinstance(node, ast.Starred):
        return target_names(node.value)
    return []


class Walker(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[str, str, str, int]] = []   # name, owner, kind, line
        self.classes: list[str] = []
        self.in_class_body = False

    def add(self, name: str, owner: str, kind: str, node: ast.AST) -> None:
        if name and not (name.startswith("__") and name.endswith("__")) and name.isprintable() and len(name) < 80:
            self.found.append((name, owner, kind, node.lineno))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for base in node.bases:
            self.visit(base)
        for deco in node.decorator_list:
            self.visit(deco)
        for stmt in node.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                for target in stmt.targets:
                    if isinstance(target, ast.Name):
                        self.add(target.id, node.name, "field", stmt)
                self.visit(stmt.value)
            elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                self.add(stmt.target.id, node.name, "field", stmt)
                if stmt.value is not None:
                    self.visit(stmt.value)
            elif isinstance(stmt, (ast.Assign, ast.AugAssign)):
                self.visit(stmt.value)   # class constants: neither fields nor variables
            else:
                self.visit(stmt)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> None:
        args = node.args
        for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if arg is not None and arg.arg not in {"self", "cls"}:
                self.add(arg.arg, "", "param", arg)
        self.generic_visit(node)

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.ctx, ast.Load):
            self.add(node.attr, owner_name(node.value), "attr", node)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and re.fullmatch(r"[A-Za-z_][\w-]*", key.value):
            self.add(key.value, owner_name(node.value), "key", node)
        self.generic_visit(node)

    def _assign_targets(self, targets: list[ast.expr], node: ast.AST) -> None:
        for target in targets:
            for name in target_names(target):
                self.add(name, "", "assign", node)

    def visit_Assign(self, node: ast.Assign) -> None:
        self._assign_targets(node.targets, node)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._assign_targets([node.target], node)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._assign_targets([node.target], node)
        self.generic_visit(node)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self._assign_targets([node.target], node)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        self._assign_targets([node.target], node)
        self.generic_visit(node)

    visit_AsyncFor = visit_For

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._assign_targets([node.target], node.target)
        self.generic_visit(node)

    def visit_withitem(self, node: ast.withitem) -> None:
        if node.optional_vars is not None:
            self._assign_targets([node.optional_vars], node.context_expr)
        self.generic_visit(node)


def python_files(app_dir: Path):
    for path in sorted(app_dir.rglob("*.py")):
        rel = path.relative_to(app_dir)
        if not is_test_path(rel):
            yield path, rel


def extract() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    occurrences: dict[tuple[str, str], dict] = {}
    for app in APPS:
        app_dir = CACHE / app
        if not app_dir.is_dir():
            sys.exit(f"{app_dir} is missing: run python bench/realworld.py --fetch-only")
        files = 0
        for path, rel in python_files(app_dir):
            try:
                tree = ast.parse(path.read_bytes(), filename=str(path))
            except (SyntaxError, ValueError):
                continue
            files += 1
            walker = Walker()
            walker.visit(tree)
            for name, owner, kind, line in walker.found:
                entry = occurrences.setdefault((name, owner), {"count": 0, "apps": Counter(), "kinds": Counter(),
                                                               "where": {}})
                entry["count"] += 1
                entry["apps"][app] += 1
                entry["kinds"][kind] += 1
                entry["where"].setdefault(app, f"{rel.as_posix()}:{line}")
        print(f"{app}: {files} files", file=sys.stderr)
    with CANDIDATES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        writer.writerow(["name", "owner", "count", "kind", "apps", "where"])
        for (name, owner), entry in sorted(occurrences.items()):
            writer.writerow([name, owner, entry["count"], entry["kinds"].most_common(1)[0][0],
                             ",".join(f"{a}:{n}" for a, n in entry["apps"].most_common()),
                             " ".join(f"{a}|{w}" for a, w in entry["where"].items())])
    print(f"{len(occurrences)} distinct (name, owner) pairs -> {CANDIDATES}", file=sys.stderr)
