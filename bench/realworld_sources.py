"""Sources of the real-application benchmark: pinned sdists downloaded and unpacked, git commits archived from
local mirrors, each kept under bench/.cache/realworld/<app> with a marker naming its pin."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
HERE = BENCH / "realworld"
APPS_FILE = HERE / "apps.yml"
CACHE = BENCH / ".cache" / "realworld"
DOWNLOADS = CACHE / "_downloads"
MIRRORS = Path(os.environ.get("PRIVLINT_MIRRORS", "/work/.mirror"))
MARKER = ".privlint-bench-source"


class BenchError(Exception):
    """A reason to stop: reported on stderr, exit status 2."""


# ------------------------------------------------------------------------------------------------ sources

def load_apps() -> list[dict[str, Any]]:
    apps = yaml.safe_load(APPS_FILE.read_text("utf-8"))["apps"]
    for app in apps:
        app["version"] = str(app.get("version", ""))
    return apps


def app_root(app: dict[str, Any]) -> Path:
    return CACHE / app["name"]


def pin_of(app: dict[str, Any]) -> str:
    return app["sha256"] if app["kind"] == "pypi" else app["commit"]


def ensure_source(app: dict[str, Any]) -> Path:
    """The unpacked application, fetched and unpacked on first use (again when its pin changed)."""
    root = app_root(app)
    marker = root / MARKER
    if marker.is_file() and marker.read_text("utf-8").strip() == pin_of(app):
        return root
    staging = Path(tempfile.mkdtemp(prefix=app["name"] + ".", dir=make_dir(CACHE)))
    try:
        if app["kind"] == "pypi":
            _unpack(_download(app), app, staging)
        elif app["kind"] == "git":
            _archive(app, staging)
        else:
            raise BenchError(f"{app['name']}: unknown kind {app['kind']!r}")
        # A checkout has a .git folder: privlint's search for the nearest pyproject.toml stops there,
        # as in a user's repository, instead of climbing to privlint's own pyproject.toml.
        subprocess.run(["git", "init", "-q", str(staging)], check=True)
        (staging / MARKER).write_text(pin_of(app) + "\n", encoding="utf-8")
        if root.exists():
            shutil.rmtree(root)
        staging.rename(root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return root


def make_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(app: dict[str, Any]) -> Path:
    archive = make_dir(DOWNLOADS) / app["file"]
    if not archive.is_file():
        requirement = f"{app['name']}=={app['version']}"
        print(f"downloading {requirement} ({app['dist']}) ...", file=sys.stderr, flush=True)
        if app["dist"] == "sdist":
            # --no-binary NAME, not :all:, so that build dependencies (maturin, ...) may come as wheels.
            choice = ["--no-binary", app["name"]]
        else:
            choice = ["--only-binary", ":all:"]
        extra = [*app.get("pip_args", []), *(["--python-version", app["python"]] if app.get("python") else [])]
        command = [sys.executable, "-m", "pip", "download", "--no-deps", *choice, *extra,
                   "--disable-pip-version-check", "-q", requirement, "-d", str(DOWNLOADS)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0 or not archive.is_file():
            tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-12:])
            raise BenchError(f"download of {requirement} failed (pip exit {done.returncode}, "
                             f"expected {archive.name}):\n{tail}")
    actual = _sha256(archive)
    if actual != app["sha256"]:
        raise BenchError(f"{archive}: sha256 {actual} differs from the pinned {app['sha256']}")
    return archive


def _unpack(archive: Path, app: dict[str, Any], dest: Path) -> None:
    print(f"unpacking {archive.name} ...", file=sys.stderr, flush=True)
    if archive.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(dest)
    else:
        with tarfile.open(archive) as tarred:
            tarred.extractall(dest, filter="data")
    if app["dist"] == "sdist":  # an sdist has one top folder NAME-VERSION/: the application root is inside it
        entries = list(dest.iterdir())
        if len(entries) != 1 or not entries[0].is_dir():
            raise BenchError(f"{archive.name}: expected one top-level folder, found {len(entries)} entries")
        top = entries[0]
        for entry in list(top.iterdir()):
            entry.rename(dest / entry.name)
        top.rmdir()


def mirror_of(app: dict[str, Any]) -> Path:
    return MIRRORS / app["repo"].replace("/", "+") / "repo"


def _archive(app: dict[str, Any], dest: Path) -> None:
    mirror = mirror_of(app)
    if not mirror.is_dir():
        raise BenchError(
            f"{app['name']}: no mirror of {app['repo']} at {mirror}. Fetch it first (the search tool's "
            f"fetch, source github:{app['repo']}), or clone it: git clone --mirror "
            f"<url of {app['repo']}> {mirror} (PRIVLINT_MIRRORS changes the folder).")
    commit = app["commit"]
    check = subprocess.run(["git", "--git-dir", str(mirror), "cat-file", "-e", f"{commit}^{{commit}}"],
                           capture_output=True)
    if check.returncode != 0:
        raise BenchError(f"{app['name']}: commit {commit} is not in {mirror}; fetch the mirror again")
    print(f"exporting {app['repo']}@{commit[:10]} ...", file=sys.stderr, flush=True)
    missing = _missing_blobs(mirror, commit)
    if missing:
        print(f"  {len(missing)} file(s) absent from the mirror, left out: {', '.join(missing[:3])}"
              f"{' ...' if len(missing) > 3 else ''}", file=sys.stderr, flush=True)
    excludes = [f":(exclude,literal){path}" for path in missing]
    archive = subprocess.Popen(["git", "--git-dir", str(mirror), "archive", commit,
                                *(["--", ".", *excludes] if excludes else [])],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    untar = subprocess.run(["tar", "-x", "-C", str(dest)], stdin=archive.stdout)
    archive.stdout.close()
    # git names the left-out files on stderr ("invalid object") even though it does not read them.
    errors = archive.stderr.read().decode(errors="replace")
    if archive.wait() != 0 or untar.returncode != 0:
        raise BenchError(f"{app['name']}: git archive | tar -x failed:\n{errors.strip()[-2000:]}")


def _missing_blobs(mirror: Path, commit: str) -> list[str]:
    """Paths whose content the mirror lacks (snapshots may leave out large files): git archive would fail."""
    listing = subprocess.run(["git", "--git-dir", str(mirror), "ls-tree", "-r", "-z", commit],
                             capture_output=True, check=True).stdout.decode("utf-8", "surrogateescape")
    blobs = {}
    for record in filter(None, listing.split("\0")):
        meta, path = record.split("\t", 1)
        _mode, kind, sha = meta.split()
        if kind == "blob":
            blobs.setdefault(sha, []).append(path)
    check = subprocess.run(["git", "--git-dir", str(mirror), "cat-file", "--batch-check"],
                           input="\n".join(blobs).encode(), capture_output=True, check=True).stdout.decode()
    absent = [line.split()[0] for line in check.splitlines() if line.endswith(" missing")]
    return sorted(path for sha in absent for path in blobs[sha])
