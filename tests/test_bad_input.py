"""Bad input never crashes a scan and is never silently dropped."""

from __future__ import annotations

import os

import pytest

from conftest import write

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n"


def scan_with(run_cli, tmp_path, *extra):
    write(tmp_path, "good.py", LEAK)
    return run_cli("scan", *extra, str(tmp_path))


@pytest.mark.parametrize(("name", "content", "message"), [
    ("syntax.py", "def f(:\n    pass\n", "cannot parse file (syntax error)"),
    ("py2.py", "def f(user):\n    print user.email\n", "py2.py:2: cannot parse file (syntax error): Missing parentheses"),
    ("latin1.py", "# coding: ascii\nname = 'Jos\xe9'\n".encode("latin-1"), "cannot decode file"),
    ("binary.py", b"\x00\x01\x02 not python", "binary file"),
])
def test_unreadable_files_are_reported_and_the_scan_goes_on(run_cli, tmp_path, name, content, message):
    write(tmp_path, name, content)
    code, out, err = scan_with(run_cli, tmp_path)
    assert code == 1, "the good file's finding still fails the run"
    assert "good.py:4:5: pii-in-log" in out
    assert f"{name}" in err and message in err
    assert out.splitlines()[-1].endswith("in 2 files, 1 file not analysed")


def test_strict_turns_unreadable_files_into_exit_two(run_cli, tmp_path):
    write(tmp_path, "syntax.py", "def f(:\n")
    assert scan_with(run_cli, tmp_path, "--strict")[0] == 2


def test_empty_file_is_fine(run_cli, tmp_path):
    write(tmp_path, "empty.py", "")
    code, out, err = run_cli("scan", str(tmp_path))
    assert (code, err) == (0, "")
    assert out == "privlint: no findings in 1 file\n"


def test_declared_encoding_is_honoured(run_cli, tmp_path):
    write(tmp_path, "gbk.py", "# -*- coding: gbk -*-\nimport logging\n\ndef f(user):\n    logging.info('用户 %s', user.phone)\n"
          .encode("gbk"))
    code, out, err = run_cli("scan", str(tmp_path))
    assert code == 1 and err == ""
    assert "gbk.py:5:5: pii-in-log" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(run_cli, tmp_path):
    path = write(tmp_path, "secret.py", LEAK)
    path.chmod(0)
    code, _, err = run_cli("scan", str(tmp_path))
    assert "secret.py" in err and "cannot read file" in err


def test_symlink_loop_is_reported(run_cli, tmp_path):
    write(tmp_path, "pkg/good.py", LEAK)
    os.symlink(tmp_path / "pkg", tmp_path / "pkg" / "loop")
    code, out, err = run_cli("scan", str(tmp_path))
    assert code == 1
    assert "symbolic link loop" in err
    assert out.count("pii-in-log") == 1


def test_broken_symlink_is_reported(run_cli, tmp_path):
    os.symlink(tmp_path / "missing.py", tmp_path / "dangling.py")
    code, _, err = run_cli("scan", str(tmp_path / "dangling.py"))
    assert code == 0
    assert "broken symbolic link" in err


def test_default_excludes_skip_virtualenvs_and_build_output(run_cli, tmp_path):
    for folder in (".venv/lib", "node_modules/x", "build/lib", "site-packages/y", ".git/hooks"):
        write(tmp_path, f"{folder}/leak.py", LEAK)
    write(tmp_path, "custom_env/pyvenv.cfg", "home = /usr\n")
    write(tmp_path, "custom_env/lib/leak.py", LEAK)
    code, out, _ = run_cli("scan", str(tmp_path))
    assert (code, out) == (0, "privlint: no findings in 0 files\n")


def test_deeply_nested_expression_is_reported_not_fatal(run_cli, tmp_path):
    write(tmp_path, "deep.py", "import logging\n\ndef f(user):\n    logging.info(user.email + " + " + ".join(["'x'"] * 3000) + ")\n")
    write(tmp_path, "good.py", LEAK)
    code, out, err = run_cli("scan", str(tmp_path))
    assert code == 1 and "good.py:4:5: pii-in-log" in out
    assert "deep.py" in err or "deep.py" in out


def test_unreadable_file_even_as_root(run_cli, tmp_path):
    import socket

    write(tmp_path, "good.py", LEAK)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(tmp_path / "sock.py"))
        code, out, err = run_cli("scan", str(tmp_path))
        assert code == 1 and "good.py:4:5: pii-in-log" in out
        assert "sock.py: cannot read file" in err
        assert run_cli("scan", "--strict", str(tmp_path))[0] == 2
    finally:
        server.close()
