"""The ``[tool.privlint]`` table of a project's ``pyproject.toml``, read into a frozen Config."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from privlint.errors import ConfigError
from privlint.findings import Severity

DEFAULT_EXCLUDES = (
    ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "env", ".env", "virtualenv",
    "site-packages", "node_modules", "build", "dist", "__pycache__", ".mypy_cache",
    ".pytest_cache", ".eggs", "*.egg-info", ".cache", ".privlint_cache",
)
# ISO 3166-1 alpha-2 country codes, and the region groups home-region accepts (EU: the member states as one).
COUNTRY_CODES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA
CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA
GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS
MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS
RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW
TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())
REGION_GROUPS = frozenset({"EU"})
_REGION_HINTS = {"CHINA": "CN", "PRC": "CN", "UK": "GB", "USA": "US", "UNITED STATES": "US", "EUROPE": "EU",
                 "HONG KONG": "HK", "JAPAN": "JP", "GERMANY": "DE", "FRANCE": "FR", "SINGAPORE": "SG"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Everything a scan needs to know about the project; built once, never mutated."""

    root: Path = Path(".")
    source: str | None = None
    include: tuple[str, ...] = ("**/*.py",)
    exclude: tuple[str, ...] = ()
    packs: tuple[str, ...] = ("core",)
    disable: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rule_paths: tuple[Path, ...] = ()
    fail_on: Severity | None = Severity.WARNING
    min_severity: Severity = Severity.NOTE
    internal_domains: tuple[str, ...] = ()
    home_region: str | None = None
    sanitizers: tuple[str, ...] = ()
    regimes: tuple[str, ...] = ()
    policy_paths: tuple[str, ...] = ()
    data_types: tuple[Mapping[str, Any], ...] = ()
    taxonomy_paths: tuple[Path, ...] = ()
    name_excludes: tuple[str, ...] = ()
    cache: bool = True


_LIST_KEYS = {
    "include", "exclude", "packs", "disable", "internal_domains", "sanitizers",
    "regimes", "policy_paths", "name_excludes",
}
_PATH_LIST_KEYS = {"rule_paths", "taxonomy_paths"}
KNOWN_KEYS = frozenset(f.name.replace("_", "-") for f in fields(Config) if f.name not in {"root", "source"})


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` (a file or a directory)."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_config(pyproject: Path | None) -> Config:
    """Read ``[tool.privlint]`` from ``pyproject`` (or defaults when there is none)."""
    if pyproject is None:
        return Config(root=Path.cwd())
    text = _read_text(pyproject)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _toml_error_line(error, text)
        raise ConfigError(f"invalid TOML: {error}", path=str(pyproject), line=line) from None
    tool = document.get("tool", {})
    table = tool.get("privlint", {}) if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        raise ConfigError("[tool.privlint] must be a table", path=str(pyproject),
                          line=_first_line_matching(text, r"\s*(?:tool\s*\.\s*)?(?:privlint|tool)\s*="))
    return config_from_table(table, root=pyproject.parent, source=str(pyproject), text=text)


def config_from_table(table: Mapping[str, Any], *, root: Path, source: str | None = None, text: str = "") -> Config:
    """Validate a ``[tool.privlint]`` table and turn it into a Config."""
    values: dict[str, Any] = {"root": root, "source": source}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if raw_key.replace("_", "-") not in KNOWN_KEYS:
            known = ", ".join(sorted(KNOWN_KEYS))
            raise ConfigError(
                f"unknown key {raw_key!r} in [tool.privlint] (known keys: {known})",
                path=source, line=_key_line(text, raw_key),
            )
        values[key] = _convert(key, value, root, source, _key_line(text, raw_key))
    return Config(**values)


def _convert(key: str, value: Any, root: Path, source: str | None, line: int | None) -> Any:
    def fail(expected: str) -> ConfigError:
        return ConfigError(f"{key.replace('_', '-')} must be {expected}", path=source, line=line)

    if key in _LIST_KEYS | _PATH_LIST_KEYS:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise fail("a list of strings")
        if key in _PATH_LIST_KEYS:
            return tuple(root / item for item in value)
        if key == "name_excludes":
            _check_name_excludes(value, fail)
        return tuple(value)
    if key == "data_types":
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise fail("a list of tables")
        return tuple(value)
    if key == "severity":
        if not isinstance(value, dict):
            raise fail("a table of rule-id = level")
        try:
            return {rule: Severity.parse(str(level)) for rule, level in value.items()}
        except ValueError as error:
            raise fail(f"a table of rule-id = level ({error})") from None
    if key == "fail_on":
        return parse_gate(str(value), source=source, line=line)
    if key == "min_severity":
        return parse_level(str(value), "min-severity", source=source, line=line)
    if key == "cache":
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if key == "home_region":
        return parse_home_region(value, source=source, line=line)
    raise AssertionError(f"unhandled config key {key}")


def _check_name_excludes(value: list[str], fail: Any) -> None:
    from privlint.taxonomy.matcher import names_a_word

    for item in value:
        if not names_a_word(item):
            raise fail(f"a list of names with a word in each ({item!r} has none and would exclude every name)")


def parse_home_region(value: Any, *, source: str | None = None, line: int | None = None) -> str:
    """An ISO 3166-1 alpha-2 country code (``CN``, ``US``) or a region group (``EU``), upper-cased; anything
    else is a ConfigError naming the file and line, with the code meant when the value is a country's name."""
    text = value.strip().upper() if isinstance(value, str) else ""
    if text in COUNTRY_CODES or text in REGION_GROUPS:
        return text
    hint = f"; did you mean {_REGION_HINTS[text]!r}?" if text in _REGION_HINTS else ""
    raise ConfigError(f"home-region must be an ISO 3166-1 alpha-2 country code such as CN or US, or EU for the "
                      f"member states as one region; got {value!r}{hint}", path=source, line=line)


def parse_gate(text: str, *, source: str | None = None, line: int | None = None) -> Severity | None:
    """``error|warning|note|never`` to the lowest severity that fails a run (None: never)."""
    if text.strip().lower() == "never":
        return None
    try:
        return Severity.parse(text)
    except ValueError as error:
        raise ConfigError(f"fail-on: {error} or 'never'", path=source, line=line) from None


def parse_level(text: str, option: str, *, source: str | None = None, line: int | None = None) -> Severity:
    """``error|warning|note`` to a Severity; a ConfigError naming ``option`` otherwise."""
    try:
        return Severity.parse(text)
    except ValueError as error:
        raise ConfigError(f"{option}: {error}", path=source, line=line) from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read configuration: {error}", path=str(path)) from None


def _key_line(text: str, key: str) -> int | None:
    in_table = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.startswith("[tool.privlint")
            continue
        if in_table and re.match(rf"[\"']?{re.escape(key)}[\"']?\s*=", stripped):
            return number
    return None


def _first_line_matching(text: str, pattern: str) -> int | None:
    return next((number for number, line in enumerate(text.splitlines(), start=1) if re.match(pattern, line)), None)


def _toml_error_line(error: tomllib.TOMLDecodeError, text: str) -> int | None:
    match = re.search(r"line (\d+)", str(error))
    if match:
        return int(match.group(1))
    return max(len(text.splitlines()), 1) if "end of document" in str(error) else None
