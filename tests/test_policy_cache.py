"""The policy check's result is cached by the document's content: an unchanged policy loads no spaCy."""

from __future__ import annotations

import subprocess
import sys

from conftest import write

POLICY = ("# Privacy Policy\n\nExample Shop Ltd (privacy@shop.example) collects your e-mail address to send receipts.\n"
          "We keep receipts for six years.\n")
SCRIPT = ("import sys\nfrom privlint.cli import main\ncode = main(['policy', '--format', 'json', sys.argv[1]])\n"
          "print('spacy loaded' if 'spacy' in sys.modules else 'spacy not loaded', file=sys.stderr)\n")


def run_policy(path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, str(path)], capture_output=True, text=True, timeout=300)


def test_an_unchanged_policy_is_not_read_again(tmp_path):
    policy = write(tmp_path, "PRIVACY.md", POLICY)
    first = run_policy(policy)
    assert "spacy loaded" in first.stderr
    second = run_policy(policy)
    assert "spacy not loaded" in second.stderr
    assert second.stdout == first.stdout
    policy.write_text(POLICY + "\nWe never sell your data.\n", encoding="utf-8")
    third = run_policy(policy)
    assert "spacy loaded" in third.stderr, "a changed policy is checked again"


def test_a_forged_cache_entry_is_not_trusted(run_cli, tmp_path, cache_dir, monkeypatch):
    policy = write(tmp_path, "PRIVACY.md", POLICY)
    first = run_cli("policy", "--format", "json", str(policy))
    for entry in cache_dir.rglob("*"):
        if entry.is_file() and len(entry.name) > 20:
            entry.write_bytes(entry.read_bytes()[:32] + b'{"c":"DocumentResult","v":[{"t":[]},{"t":[]},null]}')
    assert run_cli("policy", "--format", "json", str(policy)) == first
