"""The corpora the benchmark times: pinned sdists fetched once into bench/.cache, and a small module."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence


BENCH = Path(__file__).resolve().parent
CACHE = BENCH / ".cache"
SOURCES = CACHE / "src"
LOGS = CACHE / "logs"
RESULTS = BENCH / "results"


class BenchError(Exception):
    """A reason to stop: reported on stderr, exit status 2."""


# --------------------------------------------------------------------------------------------- corpora

SMALL_MODULE = '''\
"""Sign-up helpers: a small module of the kind a pre-commit hook scans."""

import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)

SUPPORT_ADDRESS = "support@example.com"


@dataclass
class User:
    name: str
    email: str
    phone: str


def register(name: str, email: str, phone: str) -> User:
    user = User(name=name, email=email, phone=phone)
    logger.info("registered %s <%s>", name, email)
    return user


def notify(user: User) -> str:
    body = f"Welcome, {user.name}! Questions? Write to {SUPPORT_ADDRESS}."
    logger.debug("sending welcome mail to %s", user.email)
    return body


def mask(email: str) -> str:
    return email[:1] + "***"
'''


@dataclass(frozen=True)
class Corpus:
    """What to scan: a pinned sdist (``requirement``) or a file the script writes (``text``)."""

    name: str
    requirement: str | None = None      # NAME==VERSION, fetched with pip download --no-binary :all:
    subdir: str = ""                    # scan this directory of the extracted sdist ("" = all of it)
    text: str | None = None             # or: write this text to bench/.cache/<name>/<filename>
    filename: str = "module.py"
    large: bool = False                 # only with --large

    @property
    def label(self) -> str:
        if self.requirement:
            return self.requirement + (f" ({self.subdir}/)" if self.subdir else "")
        return f"{self.name} ({self.filename})"


CORPORA: list[Corpus] = [
    Corpus("small", text=SMALL_MODULE, filename="signup.py"),
    Corpus("requests", requirement="requests==2.34.2"),
    Corpus("sentry-sdk", requirement="sentry-sdk==2.75.0", subdir="sentry_sdk"),
    Corpus("django", requirement="django==5.2.19", large=True),
]


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _find_archive(name: str, version: str) -> Path | None:
    wanted = f"{_normalize(name)}_{_normalize(version)}"
    for archive in sorted(CACHE.iterdir()) if CACHE.is_dir() else ():
        stem = archive.name
        for suffix in (".tar.gz", ".tgz", ".tar.bz2", ".zip"):
            if stem.endswith(suffix) and _normalize(stem[: -len(suffix)]) == wanted:
                return archive
    return None


def fetch(corpus: Corpus, python: str) -> Path:
    """The directory to scan; downloads and extracts the sdist on first use only."""
    if corpus.text is not None:
        folder = CACHE / corpus.name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / corpus.filename
        if not target.exists() or target.read_text("utf-8") != corpus.text:
            target.write_text(corpus.text, encoding="utf-8")
        return target
    assert corpus.requirement
    name, _, version = corpus.requirement.partition("==")
    if not version:
        raise BenchError(f"corpus {corpus.name}: requirement must be pinned as NAME==VERSION")
    dest = SOURCES / f"{_normalize(name)}-{version}"
    if not (dest / ".complete").exists():
        archive = _find_archive(name, version)
        if archive is None:
            CACHE.mkdir(parents=True, exist_ok=True)
            print(f"downloading {corpus.requirement} ...", file=sys.stderr, flush=True)
            command = [python, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                       "--disable-pip-version-check", corpus.requirement, "-d", str(CACHE)]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
                raise BenchError(f"download of {corpus.requirement} failed (pip exit {done.returncode}):\n{tail}")
            archive = _find_archive(name, version)
            if archive is None:
                raise BenchError(f"pip reported success but no sdist of {corpus.requirement} is in {CACHE}")
        _extract(archive, dest)
    top = [entry for entry in dest.iterdir() if entry.is_dir()]
    if len(top) != 1:
        raise BenchError(f"{dest.name}: expected one top-level directory in the sdist, found {len(top)}")
    root = top[0] / corpus.subdir if corpus.subdir else top[0]
    if not root.is_dir():
        raise BenchError(f"corpus {corpus.name}: {root} is not a directory")
    return root


def _extract(archive: Path, dest: Path) -> None:
    print(f"extracting {archive.name} ...", file=sys.stderr, flush=True)
    SOURCES.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        shutil.rmtree(dest)
    staging = Path(tempfile.mkdtemp(prefix=dest.name + ".", dir=SOURCES))
    try:
        if archive.name.endswith(".zip"):
            with zipfile.ZipFile(archive) as zipped:
                zipped.extractall(staging)
        else:
            with tarfile.open(archive) as tarred:
                tarred.extractall(staging, filter="data")
        (staging / ".complete").write_text(archive.name + "\n", encoding="utf-8")
        staging.rename(dest)
    except (OSError, tarfile.TarError, zipfile.BadZipFile) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BenchError(f"cannot extract {archive}: {error}") from None


def python_files(target: Path) -> list[Path]:
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


def count_lines(files: Sequence[Path]) -> int:
    return sum(len(path.read_bytes().splitlines()) for path in files)


# ----------------------------------------------------------------------------------------- measurements
