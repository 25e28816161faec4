"""Rule packs, taxonomy and sink catalogue kept compiled in the user's cache: reused, rebuilt, never trusted blindly."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, write
from privlint import compiled as compiled_module
from privlint.code import cache as cache_module
from privlint.code.cache import code_digest
from privlint.compiled import compiled
from privlint.config import Config
from privlint.engine import build_engine
from privlint.loader import load_code_rules

RULE = """\
kind: logging
severity: warning
confidence: high
select: {kinds: [logging]}
message: "{data} is logged"
short: Personal data logged
description: Personal data reaches a log.
docs: {why: Logs are kept.}
"""


def stored(cache_dir: Path) -> list[Path]:
    return sorted(path for path in (cache_dir / "compiled").rglob("*") if path.is_file())


class Counting:
    """A reader that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def rule_file(tmp_path: Path) -> Path:
    return write(tmp_path, "pack/code/my-log-rule.yml", RULE)


def test_a_second_load_takes_the_compiled_form(rule_file, cache_dir):
    read = Counting(("kept", 1, None))
    assert compiled("demo", [rule_file], read, tuple) == ("kept", 1, None)
    assert compiled("demo", [rule_file], read, tuple) == ("kept", 1, None)
    assert read.calls == 1
    assert len(stored(cache_dir)) == 1


def test_a_scan_that_found_the_compiled_form_parses_no_yaml(tmp_path, cache_dir):
    program = ("import sys; from privlint.config import Config; from privlint.engine import build_engine; "
               "build_engine(Config()); print('yaml' in sys.modules)")
    env = {**os.environ, "PRIVLINT_CACHE_DIR": str(cache_dir)}
    runs = [subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, cwd=tmp_path,
                           check=True).stdout.strip() for _ in range(2)]
    assert runs == ["True", "False"]


def test_the_engine_is_the_same_from_yaml_and_from_the_cache(cache_dir):
    first = build_engine(Config())
    second = build_engine(Config())
    assert second.rules == first.rules
    assert dict(second.context.taxonomy.types) == dict(first.context.taxonomy.types)
    assert second.context.catalogue.sinks == first.context.catalogue.sinks
    assert second.context.catalogue.regions.regions == first.context.catalogue.regions.regions


def test_a_changed_yaml_file_is_read_again(rule_file, cache_dir):
    [rule] = load_code_rules([rule_file])
    assert rule.message == "{data} is logged"
    rule_file.write_text(RULE.replace("{data} is logged", "{data} goes to a log"), encoding="utf-8")
    [rule] = load_code_rules([rule_file])
    assert rule.message == "{data} goes to a log"


def test_an_invalid_yaml_file_is_reported_and_never_kept(rule_file, cache_dir):
    from privlint.errors import RuleError

    rule_file.write_text(RULE.replace("severity: warning", "severity: dire"), encoding="utf-8")
    with pytest.raises(RuleError):
        load_code_rules([rule_file])
    assert not (cache_dir / "compiled").exists() or not stored(cache_dir)


def test_a_changed_privlint_reads_again_and_drops_the_old_forms(rule_file, cache_dir, monkeypatch):
    read = Counting(("old",))
    compiled("demo", [rule_file], read, tuple)
    [old_entry] = stored(cache_dir)
    monkeypatch.setattr(cache_module, "code_digest", lambda: "another version of privlint")
    assert compiled("demo", [rule_file], Counting(("new",)), tuple) == ("new",)
    assert not old_entry.exists(), "the folder of the other version is pruned"
    assert len(stored(cache_dir)) == 1


@pytest.mark.parametrize("damage", ["flip", "truncate", "resign", "pickle", "unregistered"])
def test_a_forged_or_damaged_entry_is_rejected_and_rebuilt(rule_file, cache_dir, tmp_path, damage):
    [expected] = load_code_rules([rule_file])
    [entry] = stored(cache_dir)
    data = entry.read_bytes()
    signature, body = data[:32], data[32:]
    marker = tmp_path / "executed"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    forged = {
        "flip": signature + body.replace(b"is logged", b"is LOGGED"),
        "truncate": data[:-5],
        "resign": bytes(32) + body,
        "pickle": pickle.dumps(Payload()),
        "unregistered": _signed(cache_dir, entry, json.dumps(
            {"t": [{"c": "Popen", "v": [["touch", str(marker)]]}]}).encode()),
    }[damage]
    entry.write_bytes(forged)
    [rule] = load_code_rules([rule_file])
    assert rule == expected
    assert not marker.exists()
    assert entry.read_bytes() == data, "the entry is written again, as the YAML says"


def test_entries_are_json_and_no_module_involved_uses_pickle(rule_file, cache_dir):
    load_code_rules([rule_file])
    [entry] = stored(cache_dir)
    value = json.loads(entry.read_bytes()[32:])
    assert value["t"][0]["c"] == "CodeRule"
    for module in (compiled_module, cache_module):
        assert "pickle" not in Path(module.__file__).read_text(encoding="utf-8")
    assert "pickle" not in (REPO / "privlint" / "code" / "facts_codec.py").read_text(encoding="utf-8")


def test_an_unusable_cache_folder_still_loads_from_yaml(rule_file, tmp_path, monkeypatch):
    blocker = write(tmp_path, "not-a-folder", "")
    monkeypatch.setenv("PRIVLINT_CACHE_DIR", str(blocker / "privlint"))
    [rule] = load_code_rules([rule_file])
    assert rule.meta.id == "my-log-rule"


def _signed(cache_dir: Path, entry: Path, body: bytes) -> bytes:
    """``body`` signed with the user's real key, as a cache entry for ``entry``'s key."""
    store = cache_module.FactsCache.open_shared(cache_dir, "compiled", code_digest())
    assert store is not None
    return store._sign(entry.parent.name + entry.name, body) + body
