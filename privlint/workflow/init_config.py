"""``privlint init``: a commented ``[tool.privlint]`` section with every key at its default."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Sequence

from privlint.errors import ConfigError

TEMPLATE = """\
[tool.privlint]
# Python files to scan, as globs relative to this file's folder, and globs to skip.
include = ["**/*.py"]
exclude = []
# Code rule packs: "core" is built in; an installed pack (entry-point group privlint.rules) by its name.
packs = ["core"]
# Rule ids to turn off, and per-rule levels (error, warning or note), e.g. { pii-in-log = "error" }.
disable = []
severity = {}
# Folders of the project's own rule packs (code/, sinks/, taxonomy/, policy/).
rule-paths = []
# Lowest level that fails a run (error, warning, note or never) and lowest level reported at all.
fail-on = "warning"
min-severity = "note"
# Hosts (and their subdomains) that belong to the project: requests to them are not transfers.
internal-domains = []
# The project's own sanitizers by qualified name (globs allowed), e.g. "myapp.privacy.scrub".
sanitizers = []
# Privacy-policy regimes to check (pipl, gbt35273, gdpr, ccpa) and where the policy is if not PRIVACY.md.
regimes = []
policy-paths = []
# The project's home jurisdiction, e.g. "CN", "EU" or "US".
# home-region = "CN"
# Per-file results are kept in the user's cache folder so that a scan of an unchanged tree is nearly free.
cache = true
"""


_CJK = re.compile(r"[\u4e00-\u9fff]")


def guess(folder: Path) -> tuple[tuple[str, ...], str | None, str]:
    """Regimes and home region suggested by the privacy policy found in ``folder`` (a Chinese policy: PIPL and
    CN; another: GDPR and CCPA, home region unknown), and the reason; nothing when there is no policy."""
    from privlint.policy.api import find_policy_documents
    from privlint.policy.documents import decode

    documents = find_policy_documents(folder)
    if not documents:
        return (), None, ""
    try:
        decoded = decode(documents[0].read_bytes())
    except OSError:
        decoded = None
    name = documents[0].relative_to(folder).as_posix()
    if decoded and len(_CJK.findall(decoded[0])) > 50:
        return ("pipl",), "CN", f"guessed from {name}, written in Chinese"
    return ("gdpr", "ccpa"), None, f"guessed from {name}; keep the regimes that apply"


def template(regimes: Sequence[str] = (), home_region: str | None = None, *, regimes_note: str = "",
             home_note: str = "") -> str:
    """TEMPLATE with ``regimes`` and ``home-region`` filled in, each with its note (why it was guessed)."""
    text = TEMPLATE
    if regimes:
        listed = ", ".join(f'"{regime}"' for regime in regimes)
        note = f"  # {regimes_note}" if regimes_note else ""
        text = text.replace("regimes = []\n", f"regimes = [{listed}]{note}\n")
    if home_region:
        note = f"  # {home_note}" if home_note else ""
        text = text.replace('# home-region = "CN"\n', f'home-region = "{home_region}"{note}\n')
    return text


def append_section(pyproject: Path, section: str = TEMPLATE) -> None:
    """Append ``section`` to ``pyproject`` (created when missing); refuse when a [tool.privlint] table exists."""
    existing = ""
    if pyproject.exists():
        existing = pyproject.read_text(encoding="utf-8")
        try:
            document = tomllib.loads(existing)
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"invalid TOML: {error}", path=str(pyproject)) from None
        if "privlint" in document.get("tool", {}):
            raise ConfigError("already has a [tool.privlint] table; edit it instead", path=str(pyproject))
    separator = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    pyproject.write_text(existing + separator + section, encoding="utf-8")
