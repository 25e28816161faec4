"""One-line hints for a first run: a policy that no regime checks, transfers abroad that no home-region judges."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from privlint.config import Config
from privlint.findings import Report


def hints(report: Report, config: Config, paths: Sequence[Path]) -> list[str]:
    """What a new user would otherwise miss without a word; only for a project scan (a directory named)."""
    if not any(path.is_dir() for path in paths):
        return []
    found: list[str] = []
    if not config.regimes:
        from privlint.policy.api import find_policy_documents

        documents = find_policy_documents(config.root, config.policy_paths)
        if documents:
            name = documents[0].relative_to(config.root).as_posix()
            found.append(f"{name} is not checked: set `regimes` in [tool.privlint] (pipl, gbt35273, gdpr, ccpa; "
                         f"`privlint init` suggests them)")
    if config.home_region is None:
        countries = sorted({str(finding.properties["country"]) for finding in report.findings
                            if finding.properties.get("country")})
        if countries:
            found.append(f"personal data reaches services in {', '.join(countries)}; set `home-region` in "
                         f"[tool.privlint] (e.g. \"CN\", \"EU\") to report transfers abroad")
    return found
