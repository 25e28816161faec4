"""The per-file cache: reused when nothing changed, kept out of the scanned tree, never trusted blindly."""

from __future__ import annotations

import json
import os
import pickle
import stat

import pytest

from conftest import write

LEAK = "import logging\n\ndef f(user):\n    logging.info(user.email)\n"


def entries(cache_dir, kind="files"):
    """The per-file entries, or those of whole scans (``scans``) or of compiled rule packs (``compiled``)."""
    return sorted(path for path in cache_dir.rglob("*") if path.is_file() and len(path.name) > 20
                  and (path.relative_to(cache_dir).parts[0] == kind
                       or kind == "files" and path.relative_to(cache_dir).parts[0] not in ("scans", "compiled")))


def test_second_scan_reuses_entries_and_gives_the_same_report(run_cli, tmp_path, cache_dir):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", LEAK)
    first = run_cli("scan", "--format", "sarif", str(tmp_path))
    stored = entries(cache_dir)
    assert len(stored) == 1
    second = run_cli("scan", "--format", "sarif", str(tmp_path))
    assert second == first
    assert entries(cache_dir) == stored, "nothing new was written"
    assert not (tmp_path / ".privlint_cache").exists(), "nothing is written into the scanned tree"


def test_cache_folders_and_entries_are_private(run_cli, tmp_path, cache_dir):
    write(tmp_path, "app.py", LEAK)
    run_cli("scan", str(tmp_path))
    [entry] = entries(cache_dir)
    assert stat.S_IMODE(entry.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(entry.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache_dir / "secret").stat().st_mode) == 0o600


def test_changed_file_or_config_is_analysed_again(run_cli, tmp_path, cache_dir):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", LEAK)
    run_cli("scan", str(tmp_path))
    write(tmp_path, "app.py", LEAK.replace("user.email", "user.id"))
    assert run_cli("scan", str(tmp_path))[0] == 0
    write(tmp_path, "app.py", LEAK)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ndisable = ['pii-in-log']\n")
    assert run_cli("scan", str(tmp_path))[0] == 0, "rules apply to cached facts"
    assert len(entries(cache_dir)) == 2, "disabling a rule does not change what a file's analysis finds"
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ninternal-domains = ['corp.example']\n")
    assert run_cli("scan", str(tmp_path))[0] == 1
    assert len(entries(cache_dir)) == 1, "a setting that shapes the analysis starts a new cache; the old one goes"


def test_projects_do_not_share_entries_or_prune_each_other(run_cli, tmp_path, cache_dir):
    for name in ("one", "two"):
        write(tmp_path, f"{name}/pyproject.toml", "[tool.privlint]\n")
        write(tmp_path, f"{name}/app.py", LEAK)
    write(tmp_path, "two/pyproject.toml", "[tool.privlint]\ninternal-domains = ['corp.example']\n")
    run_cli("scan", str(tmp_path / "one"))
    run_cli("scan", str(tmp_path / "two"))
    assert len(entries(cache_dir)) == 2


def test_forged_damaged_or_pickled_entries_are_misses(run_cli, tmp_path, cache_dir):
    write(tmp_path, "app.py", LEAK)
    run_cli("scan", str(tmp_path))
    [entry] = entries(cache_dir)
    marker = tmp_path / "executed"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    forged_empty = json.dumps({"c": "FileFacts", "v": ["app.py"] + [{"t": []}] * 6 + [{"m": []}] * 2
                              + [{"t": []}, False]}).encode()
    for poison in (pickle.dumps(Payload()), b"", b"\x00" * 31, entry.read_bytes()[:32] + forged_empty,
                   entry.read_bytes()[:-3]):
        entry.write_bytes(poison)
        code, out, _ = run_cli("scan", "--format", "json", str(tmp_path))
        assert code == 1 and json.loads(out)["findings"][0]["ruleId"] == "pii-in-log"
        assert not marker.exists()


def test_a_cache_committed_into_the_repository_is_never_read(run_cli, tmp_path):
    marker = tmp_path / "executed"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    write(tmp_path, "app.py", LEAK)
    for key in ("00", "ff"):
        write(tmp_path, f".privlint_cache/abcdef0123456789/{key}/{'0' * 62}", pickle.dumps(Payload()))
    code, out, _ = run_cli("scan", str(tmp_path))
    assert code == 1 and "pii-in-log" in out
    assert not marker.exists()


def test_a_symlinked_cache_folder_is_not_followed_or_pruned(run_cli, tmp_path, cache_dir):
    victim = tmp_path / "victim"
    write(victim, "keep/me.txt", "precious")
    write(tmp_path, "project/app.py", LEAK)
    run_cli("scan", str(tmp_path / "project"))
    [entry] = entries(cache_dir)
    project_folder = entry.parent.parent.parent
    for child in project_folder.iterdir():
        os.rename(child, tmp_path / "moved")
    project_folder.rmdir()
    os.symlink(victim, project_folder)
    code, out, _ = run_cli("scan", str(tmp_path / "project"))
    assert code == 1 and "pii-in-log" in out
    assert (victim / "keep" / "me.txt").read_text() == "precious"
    assert sorted(path.name for path in victim.rglob("*")) == ["keep", "me.txt"]


def test_a_symlinked_cache_root_is_refused(run_cli, tmp_path, cache_dir, monkeypatch):
    victim = tmp_path / "victim"
    write(victim, "keep/me.txt", "precious")
    link = tmp_path / "cache-link"
    os.symlink(victim, link)
    monkeypatch.setenv("PRIVLINT_CACHE_DIR", str(link))
    write(tmp_path, "project/app.py", LEAK)
    code, out, _ = run_cli("scan", str(tmp_path / "project"))
    assert code == 1 and "pii-in-log" in out
    assert sorted(path.name for path in victim.rglob("*")) == ["keep", "me.txt"]


def test_no_cache_and_config_switch_write_nothing(run_cli, tmp_path, cache_dir):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\ncache = false\n")
    write(tmp_path, "app.py", LEAK)
    assert run_cli("scan", str(tmp_path))[0] == 1
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    assert run_cli("scan", "--no-cache", str(tmp_path))[0] == 1
    assert sorted(path.name for path in cache_dir.iterdir()) == ["compiled", "secret"], \
        "no per-file or whole-scan results; only the compiled rule packs"


def test_an_unchanged_project_is_not_analysed_again(run_cli, tmp_path, cache_dir, monkeypatch):
    from privlint import engine

    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", LEAK)
    write(tmp_path, "helpers.py", "def helper(x):\n    return x\n")
    first = run_cli("scan", "--format", "sarif", str(tmp_path))
    assert len(entries(cache_dir, "scans")) == 1

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysed again")

    monkeypatch.setattr(engine, "scan_project", no_analysis)
    assert run_cli("scan", "--format", "sarif", str(tmp_path)) == first


@pytest.mark.parametrize("change", ["file", "new file", "removed file", "setting", "disabled rule"])
def test_a_change_of_any_file_or_setting_is_analysed_again(run_cli, tmp_path, cache_dir, monkeypatch, change):
    from privlint import engine

    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", LEAK)
    write(tmp_path, "other.py", "x = 1\n")
    run_cli("scan", str(tmp_path))
    if change == "file":
        write(tmp_path, "other.py", "x = 2\n")
    elif change == "new file":
        write(tmp_path, "more.py", "x = 1\n")
    elif change == "removed file":
        (tmp_path / "other.py").unlink()
    elif change == "setting":
        write(tmp_path, "pyproject.toml", "[tool.privlint]\ninternal-domains = ['corp.example']\n")
    else:
        write(tmp_path, "pyproject.toml", "[tool.privlint]\ndisable = ['pii-in-log']\n")
    analysed = []
    real = engine.scan_project
    monkeypatch.setattr(engine, "scan_project", lambda *args, **kwargs: analysed.append(1) or real(*args, **kwargs))
    code = run_cli("scan", str(tmp_path))[0]
    assert analysed == [1]
    assert code == (0 if change == "disabled rule" else 1)


def test_a_damaged_whole_scan_entry_is_a_miss(run_cli, tmp_path, cache_dir):
    write(tmp_path, "app.py", LEAK)
    first = run_cli("scan", "--format", "json", str(tmp_path))
    [entry] = entries(cache_dir, "scans")
    entry.write_bytes(entry.read_bytes()[:32] + json.dumps({"c": "ScanResult", "v": [{"t": []}, {"t": []}]}).encode())
    assert run_cli("scan", "--format", "json", str(tmp_path)) == first


def test_a_kept_scan_of_one_file_does_not_answer_for_more_files(run_cli, tmp_path, cache_dir):
    # Scanning app.py walks the rest of the project (other.py) too, only to follow calls into it: the same
    # files in the same order as a scan of both, whose findings must include other.py's own.
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", "x = 1\n")
    write(tmp_path, "other.py", LEAK)
    assert run_cli("scan", str(tmp_path / "app.py"))[0] == 0
    code, out, _ = run_cli("scan", str(tmp_path / "app.py"), str(tmp_path / "other.py"))
    assert code == 1 and "other.py:4" in out
