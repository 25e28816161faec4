"""The data map: a Markdown draft of what is collected, where it goes and what the policy says."""

from __future__ import annotations

from conftest import EXAMPLES, write


def test_examples_data_map(run_cli, monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    code, out, _ = run_cli("scan", "--format", "datamap", ".")
    assert code == 1
    assert out.startswith("# Personal data map\n")
    assert "| Telephone number | contact | no | `shop/app.py:23`, `shop/models.py:11` |" in out
    assert "| Sentry | third-party | US | E-mail address | `shop/app.py:28` |" in out
    assert "| US | Segment | E-mail address, Person's name |" in out
    assert ('  code -- "Person\'s name, Telephone number" --> n_sms_gateway_example_net["sms.gateway-example.net"]\n'
            in out)
    assert '  code -- "E-mail address" --> n_sentry_us["Sentry (US)"]:::abroad\n' in out
    assert '--> n_application_log["application log"]\n' in out
    assert "- What it denies: \"We do not sell your personal information.\" (line 19)" in out


def test_empty_project_says_nothing_found(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", "x = 1\n")
    _, out, _ = run_cli("scan", "--format", "datamap", str(tmp_path))
    assert out.count("Nothing found.") == 3
    assert "```mermaid" not in out and "privacy policy says" not in out


def test_sensitive_data_edges_are_styled_apart(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", "import logging\n\ndef f(user):\n    logging.info(user.email)\n"
                              "    logging.warning(user.id_card_no)\n    print(user.phone)\n")
    out = run_cli("scan", "--format", "datamap", ".")[1]
    edges = [line for line in out.splitlines() if line.startswith("  code -- ")]
    sensitive = [index for index, line in enumerate(edges) if "(sensitive)" in line]
    assert sensitive and f"  linkStyle {','.join(map(str, sensitive))} stroke:#c0392b,stroke-width:3px" in out
