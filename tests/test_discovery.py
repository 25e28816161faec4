"""File discovery: include patterns decide which files are scanned, their literal endings checked first."""

from __future__ import annotations

import pytest

from conftest import write
from privlint.code.discovery import _required_endings, discover


@pytest.mark.parametrize(("include", "endings"), [
    (("**/*.py",), (".py",)),
    (("**/*.py", "bin/*.pyw"), (".py", ".pyw")),
    (("setup.py",), ("setup.py",)),
    (("scripts/*",), None),
    (("**/*.py[iw]",), None),
    (("tools/run",), None),
])
def test_required_endings(include, endings):
    assert _required_endings(include) == endings


@pytest.mark.parametrize(("include", "found"), [
    (("**/*.py",), ["app.py", "pkg/mod.py"]),
    (("**/*.py", "*.pyw"), ["app.py", "gui.pyw", "pkg/mod.py"]),
    (("bin/*",), ["bin/tool"]),
    (("*.py[w]",), ["gui.pyw"]),
])
def test_include_patterns_find_the_same_files(tmp_path, include, found):
    for name in ("app.py", "gui.pyw", "pkg/mod.py", "bin/tool", "notes.txt"):
        write(tmp_path, name, "x = 1\n")
    files = discover([tmp_path], root=tmp_path, include=include, exclude=(), gitignore=False).files
    assert [path.relative_to(tmp_path).as_posix() for path in files] == found
