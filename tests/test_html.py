"""The data map as one offline HTML file (issue 14), checked statically and in a real headless browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EXAMPLES, write

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
PROBE = """<script>
const svg = document.querySelector("svg.flows");
const box = svg.getBBox();
const fill = (selector) => { const rect = document.querySelector(selector); return rect && getComputedStyle(rect).fill; };
document.title = JSON.stringify({width: box.width, height: box.height,
  boxes: document.querySelectorAll("svg.flows g.node rect").length,
  arrows: document.querySelectorAll("svg.flows g.edge path").length,
  abroad: fill("svg.flows g.node.abroad rect"), plain: fill("svg.flows g.node:not(.abroad):not(.code) rect"),
  labels: [...document.querySelectorAll("svg.flows g.edge text")].map((t) => t.getComputedTextLength())});
</script>"""


class Links(HTMLParser):
    """Every attribute that could load something, and the links of the findings table."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.places: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        self.loads.extend(value or "" for name, value in attrs if name in {"src", "srcset", "data", "poster"})
        if tag == "link":
            self.loads.append(values.get("href") or "")
        if tag == "a" and values.get("class") == "place":
            self.places.append(values.get("href") or "")


@pytest.fixture
def examples_html(run_cli, tmp_path, monkeypatch) -> Path:
    """The examples' data map written to reports/map.html beside a copy of the project."""
    project = tmp_path / "examples"
    shutil.copytree(EXAMPLES, project)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("scan", "examples", "--format", "html", "-o", "reports/map.html")
    assert code == 1 and "report written to reports/map.html" in err
    return tmp_path / "reports" / "map.html"


def test_html_is_one_offline_file_with_every_finding_linked_to_its_line(run_cli, examples_html):
    text = examples_html.read_text(encoding="utf-8")
    parser = Links()
    parser.feed(text)
    assert "script" not in parser.tags and parser.loads == []
    assert not re.search(r"url\((?!#)", text), "no stylesheet fetches"
    assert "default-src 'none'" in text
    findings = json.loads(run_cli("scan", "examples", "--format", "json")[1])["findings"]
    table = text[text.index("<h2>Findings</h2>"):]
    assert table.count('class="place"') == len(findings)
    assert '<a class="place" href="../examples/shop/app.py#L27">examples/shop/app.py:27</a>' in table
    for href in parser.places:
        target, line = href.split("#L")
        assert (examples_html.parent / target).is_file() and int(line) >= 1


def test_html_marks_destinations_abroad_and_sensitive_flows(examples_html):
    text = examples_html.read_text(encoding="utf-8")
    assert '<g class="node abroad"><rect' in text and "Segment (US)" in text
    assert text.count('<g class="edge') == text.count('<g class="node') - 1


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("PRIVLINT_REQUIRE_CHROMIUM") == "1":
            pytest.fail("PRIVLINT_REQUIRE_CHROMIUM=1 but chromium is not installed")
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium for this test)")
    return found


def test_picture_renders_in_headless_chromium(examples_html, tmp_path):
    browser = chromium()
    probe = tmp_path / "reports" / "probe.html"
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", examples_html.read_text("utf-8"))
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                           probe.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    title = re.search(r"<title>(.*?)</title>", done.stdout, re.DOTALL)
    assert title is not None, done.stdout[:500]
    measured = json.loads(title.group(1).replace("&quot;", '"'))
    assert measured["width"] > 300 and measured["height"] > 200
    assert measured["boxes"] == measured["arrows"] + 1 == 7
    assert measured["abroad"] == "rgb(253, 226, 226)" and measured["plain"] == "rgb(238, 243, 251)"
    assert all(length > 0 for length in measured["labels"])


def test_screenshot_of_the_offline_page_is_drawn(examples_html, tmp_path):
    browser = chromium()
    shot = tmp_path / "map.png"
    done = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                           "--window-size=1200,900", f"--screenshot={shot}", examples_html.as_uri()],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_empty_project_html_says_nothing_found(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", "[tool.privlint]\n")
    write(tmp_path, "app.py", "x = 1\n")
    code, out, _ = run_cli("scan", "--format", "html", ".")
    assert code == 0 and out.count("<p>Nothing found.</p>") == 4 and "<svg" not in out
