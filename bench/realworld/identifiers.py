"""Identifier names from real application code, for the labelled sets tests/data/identifiers_realworld_*.tsv.

    python bench/realworld/identifiers.py extract              # every (name, owner) of the apps -> candidates.tsv
    python bench/realworld/identifiers.py sample               # round 1: three strata, 44 pairs per app
    python bench/realworld/identifiers.py sample --round 2 --per-app 30   # names likely to be personal
    python bench/realworld/identifiers.py sample --round 3 --per-app 18   # clearly personal names
    python bench/realworld/identifiers.py assemble             # samples + labels<round>.txt -> labelled.tsv
    python bench/realworld/identifiers.py split LABELLED.tsv   # labelled rows -> the dev and blind files

The applications are those of bench/realworld/apps.yml, unpacked under bench/.cache/realworld/<app>/ by
`python bench/realworld.py --fetch-only`. Working files go to bench/.cache/realworld/_identifiers/: each
round's sample<round>.tsv and sample<round>.txt (the code around each pair, to label from); the labels
themselves (labels<round>.txt) were written by hand and live on only in the committed dev and blind files.

What is extracted (Python's ast, every .py file outside test folders, migrations and docs):

- attribute reads ``owner.name``: owner is the last name of the receiver, as privlint's engine takes it
  (``request.user.email`` -> ``email``/``user``; ``get_user().email`` -> ``get_user``; ``row["u"].email`` -> ``u``);
- subscripts with a string key ``data["phone"]`` (read or written): owner is the container's last name;
- function parameters and assignment targets (``=``, ``:=``, ``for``, ``with ... as``): no owner;
- fields of a class body (``email = models.EmailField()``, ``email: str``): owner is the class name.

Sampling is deterministic (seeds below) and never consults privlint. Each pair belongs to the application where
it occurs most often; ``where`` is its first occurrence there. Round 1 draws per application from three strata
-- a name or owner with a clearly personal word, a name with a word that only looks personal (name, id,
address, ip, token, lat, ...), a few names with neither -- weighted by the square root of the pair's count.
Round 1 gave few personal rows, so rounds 2 and 3 draw new pairs whose words make them likely, then clearly,
personal (``likely_personal``, ``clearly_personal``); ``assemble`` then keeps a seeded 60% of round 1's
non-personal rows and none of its third stratum, which brings the set to about half personal.

Labelling rules used for the committed sets (column ``expected``):

- the taxonomy type of what the value is where the code uses it (read at ``where``), else ``-``; for a common
  bare name (``token``, ``address``, ``language``) whose first occurrence is untypical, ``where`` points to an
  occurrence showing what the name holds in most of the application's code;
- ``-`` for anything not about a natural person: configuration (settings.EMAIL_HOST), system addresses
  (DEFAULT_FROM_EMAIL), servers and hosts (host.ip in an ops tool), organisations, groups, rooms, tasks, files,
  bots and service accounts (an SMTP login, a mailbox password, a storage key);
- ``-`` for personal things the taxonomy has no type for (a user object, a user's timestamps, flags, time
  zone, permissions, a foreign key to a user other than an explicit user id), for hashed or masked values
  (email_hash, phone_redacted, ``'******'``), and for names, labels, counters, functions or templates *about*
  the data (email_template, EMAIL_FIELD, phone_label, a schema's list of validators);
- a form or serializer field, declared or read (``password2 = forms.CharField()``, ``fields["old_password"]``),
  is labelled by the data it carries; a model instance that stands for one value (an EmailAddress, a
  ShippingAddress) by that value;
- credentials are labelled by what they are: a person's password (``password``), its hash (``password-hash``;
  Django's and Flask-BB's ``user.password`` are hashes), a user's API/access/refresh/ID/session/login token
  (``auth-token``), a one-time or e-mail confirmation code or password-reset key sent to a person
  (``one-time-code``), a TOTP/2FA secret or recovery codes (``mfa-secret``); application secrets, OAuth1
  request tokens, CSRF tokens and client secrets are ``-``;
- Matrix user IDs (``@alice:example.org``, in ``sender`` or ``state_key`` too) are ``user-account-id``; CKAN's
  and Flask-BB's ``user.name`` is the login name (``username``); forum signatures are
  ``user-generated-content``; coordinates, city and country looked up from a login's IP are
  ``precise-location`` / ``coarse-location``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from extraction import APPS, CACHE, CANDIDATES, ROOT, WORK, extract, tokens

DEV = ROOT / "tests" / "data" / "identifiers_realworld_dev.tsv"
BLIND = ROOT / "tests" / "data" / "identifiers_realworld_blind.tsv"

SEED = "privlint-realworld-identifiers-1"
SPLIT_SEED = "privlint-realworld-split-1"
DEV_SHARE = 0.6
ROUND1_NEGATIVE_SHARE = 0.6

# Words that make a name look personal; STRONG ones rarely mean anything else.
STRONG = {
    "email", "emails", "mail", "phone", "mobile", "telephone", "tel", "birth", "birthday", "dob", "gender", "sex",
    "passport", "ssn", "firstname", "lastname", "surname", "fullname", "username", "nickname", "avatar", "photo",
    "password", "passwd", "pwd", "address", "addr", "zip", "postcode", "postal", "city", "country", "age",
    "latitude", "longitude", "lat", "lng", "lon", "ip", "otp", "totp", "pin", "salary", "signature", "iban",
    "card", "recipient", "sender", "contact", "first", "last", "given", "family", "language", "timezone",
    "location", "bio", "website", "twitter", "github", "secret", "token",
}
WEAK = {"name", "id", "uid", "user", "users", "member", "customer", "owner", "author", "person", "profile",
        "account", "login", "key", "title", "company", "organization", "position", "device", "mac", "host",
        "handle", "display", "real", "identity", "identifier", "avatar", "region", "area", "lang", "locale",
        "comment", "message", "body", "text", "content"}
PERSON_OWNERS = {"user", "users", "request_user", "current_user", "member", "customer", "profile", "author", "person",
                 "contact", "account", "owner", "recipient", "sender", "applicant", "staff", "partner", "guest",
                 "submitter", "reporter", "assignee", "poster", "creator", "u", "usr", "actor", "invitee", "target"}


def stratum(name: str, owner: str) -> str:
    words = set(tokens(name))
    if words & STRONG or (owner and set(tokens(owner)) & PERSON_OWNERS and words & WEAK):
        return "strong"
    if words & WEAK:
        return "weak"
    return "other"


PERSONAL_WORDS = {
    "email", "emails", "phone", "mobile", "tel", "telephone", "cellphone", "surname", "fullname", "username",
    "nickname", "nick", "avatar", "photo", "picture", "birth", "birthday", "birthdate", "dob", "gender", "sex",
    "age", "address", "addr", "street", "city", "zip", "zipcode", "postcode", "postal", "country", "ip",
    "password", "passwd", "pwd", "token", "otp", "totp", "secret", "lat", "lng", "latitude", "longitude",
    "location", "language", "lang", "timezone", "signature", "bio", "website", "uid", "userid", "realname",
}
PERSON_PAIRS = {("first", "name"), ("last", "name"), ("full", "name"), ("display", "name"), ("real", "name"),
                ("user", "id"), ("user", "name"), ("given", "name"), ("family", "name"), ("middle", "name")}
PERSON_CLASS_WORDS = {"user", "profile", "account", "member", "customer", "person", "contact", "address", "author",
                      "signup", "login", "register", "registration", "owner", "poster", "recipient", "sender",
                      "applicant", "staff", "employee", "student", "patient", "guest", "visitor", "submitter"}
VERB_PREFIXES = {"get", "set", "is", "has", "send", "validate", "clean", "check", "can", "should", "enable",
                 "allow", "use", "show", "make", "create", "update", "delete", "remove", "add", "change", "reset",
                 "verify", "confirm", "max", "min", "num", "count", "default", "test", "handle", "on", "do", "render",
                 "format", "parse", "build", "load", "save", "fetch", "find", "filter", "lookup", "generate"}
NON_DATA_SUFFIXES = {"at", "on", "count", "template", "form", "view", "class", "handler", "enabled", "required",
                     "verified", "length", "regex", "backend", "field", "fields", "widget", "label", "choices",
                     "help", "serializer", "model", "ttl", "expiry", "expires", "timeout", "prefix", "suffix",
                     "policy", "strategy", "rule", "rules", "url_name", "path", "dir", "cls", "mixin"}


def likely_personal(name: str, owner: str, kind: str) -> bool:
    """The second sampling round's stratum: a name that may well hold a person's data (never asks privlint)."""
    words = tokens(name)
    if not words or name.isupper() or (kind == "attr" and name[:1].isupper()):
        return False
    if words[0] in VERB_PREFIXES or words[-1] in NON_DATA_SUFFIXES:
        return False
    personal = set(words) & PERSONAL_WORDS or any(pair in PERSON_PAIRS for pair in zip(words, words[1:]))
    owner_words = set(tokens(owner))
    person_owner = not owner or owner_words & (PERSON_OWNERS | PERSON_CLASS_WORDS) or kind == "key"
    ambiguous = set(words) & {"name", "id", "pk", "title", "company", "organization"} and owner_words & (
        PERSON_OWNERS | PERSON_CLASS_WORDS)
    return bool((personal and person_owner) or ambiguous)


STRICT_WORDS = {"email", "emails", "phone", "mobile", "telephone", "cellphone", "surname", "fullname", "username",
                "nickname", "avatar", "photo", "picture", "birthday", "birthdate", "dob", "gender", "password",
                "passwd", "pwd", "ip", "firstname", "lastname", "zipcode", "postcode", "website", "bio"}


def clearly_personal(name: str, owner: str, kind: str) -> bool:
    """The third round's stratum: a clearly personal word, read from a person (or a bare variable)."""
    words = tokens(name)
    if not words or name.isupper() or (kind == "attr" and name[:1].isupper()):
        return False
    if words[0] in VERB_PREFIXES or words[-1] in NON_DATA_SUFFIXES:
        return False
    if not (set(words) & STRICT_WORDS or any(pair in PERSON_PAIRS for pair in zip(words, words[1:]))):
        return False
    return kind in {"assign", "param", "key"} or bool(set(tokens(owner)) & (PERSON_OWNERS | PERSON_CLASS_WORDS))


def read_candidates() -> list[dict]:
    with CANDIDATES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))


def sample(per_app: int, shares: dict[str, float], round_: int = 1) -> None:
    rng = random.Random(SEED if round_ == 1 else f"{SEED}-round{round_}")
    seen: set[tuple[str, str]] = set()
    if round_ > 1:   # later rounds add to the earlier ones: never the same pair twice
        for earlier in range(1, round_):
            with sample_path(earlier).open(encoding="utf-8", newline="") as handle:
                seen |= {(r["name"], r["owner"]) for r in csv.DictReader(handle, delimiter="\t",
                                                                          quoting=csv.QUOTE_NONE)}
    by_app: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in read_candidates():
        if len(row["name"]) < 2 or row["name"].startswith("_") and row["kind"] != "key":
            continue
        apps = dict(item.split(":") for item in row["apps"].split(","))
        app = max(apps, key=lambda a: (int(apps[a]), a))   # the app where the pair is most frequent
        if round_ == 1:
            by_app[app][stratum(row["name"], row["owner"])].append(row)
        elif round_ == 2 and likely_personal(row["name"], row["owner"], row["kind"]):
            by_app[app]["likely"].append(row)
        elif round_ == 3 and clearly_personal(row["name"], row["owner"], row["kind"]):
            by_app[app]["likely"].append(row)
    chosen: list[tuple[str, dict]] = []
    for app in APPS:
        for name, share in shares.items():
            pool = sorted(by_app[app][name], key=lambda r: (r["name"], r["owner"]))
            # weighted sampling without replacement (Efraimidis-Spirakis), weight sqrt(count)
            keyed = sorted(pool, key=lambda r: -rng.random() ** (1 / math.sqrt(int(r["count"]))))
            quota = round(per_app * share)
            for row in keyed:
                if quota == 0:
                    break
                key = (row["name"], row["owner"])
                if key in seen:
                    continue
                seen.add(key)
                chosen.append((app, row))
                quota -= 1
    with sample_path(round_).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        writer.writerow(["name", "owner", "app", "where", "count", "kind", "stratum"])
        for app, row in chosen:
            where = dict(w.split("|", 1) for w in row["where"].split(" "))[app]
            writer.writerow([row["name"], row["owner"], app, where, row["count"], row["kind"],
                             stratum(row["name"], row["owner"]) if round_ == 1 else
                             {2: "likely", 3: "clear"}[round_]])
    with sample_path(round_).with_suffix(".txt").open("w", encoding="utf-8") as handle:
        for number, (app, row) in enumerate(chosen):
            wheres = dict(w.split("|", 1) for w in row["where"].split(" "))
            handle.write(f"#{number} {row['name']!r} owner={row['owner']!r} [{row['kind']}, {row['count']}x, "
                         f"{row['apps']}]\n")
            ordered = [(app, wheres[app])] + [(a, w) for a, w in wheres.items() if a != app]
            for other_app, where in ordered[:2]:
                handle.write(context(other_app, where))
            handle.write("\n")
    print(f"{len(chosen)} rows -> {sample_path(round_)}, contexts beside it (.txt)", file=sys.stderr)


def sample_path(round_: int) -> Path:
    return WORK / f"sample{round_}.tsv"


def context(app: str, where: str, before: int = 2, after: int = 2) -> str:
    rel, line = where.rsplit(":", 1)
    lines = (CACHE / app / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    number = int(line)
    enclosing = ""
    for index in range(number - 1, -1, -1):
        match = re.match(r"\s*(class|def|async def)\s+(\w+)", lines[index])
        if match and (index < number - 1 or len(lines[index]) - len(lines[index].lstrip()) == 0):
            enclosing = f"{match.group(1)} {match.group(2)}"
            if match.group(1) == "class" or not lines[index].startswith(" "):
                break
    out = [f"  {app}/{where}  in {enclosing}\n"]
    for index in range(max(0, number - 1 - before), min(len(lines), number + after)):
        mark = ">" if index == number - 1 else " "
        out.append(f"   {mark}{lines[index][:150]}\n")
    return "".join(out)


def keep_negative(name: str, owner: str) -> bool:
    """Round 1 drew far more non-personal rows than personal ones; a seeded 60% of them is kept."""
    digest = hashlib.sha256(f"{SEED}-keep\0{name}\0{owner}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64 < ROUND1_NEGATIVE_SHARE


def assemble(rounds: list[int], out: Path) -> None:
    """Join each round's sample with its labels (WORK/labels<round>.txt: index, type id or - or SKIP, optional
    where that replaces the sampled occurrence by one showing the name's usual meaning in the app)."""
    rows: list[dict] = []
    for round_ in rounds:
        with sample_path(round_).open(encoding="utf-8", newline="") as handle:
            sampled = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
        labels: dict[int, list[str]] = {}
        for line in (WORK / f"labels{round_}.txt").read_text(encoding="utf-8").splitlines():
            index, *rest = line.split("\t")
            labels[int(index)] = rest
        if sorted(labels) != list(range(len(sampled))):
            sys.exit(f"round {round_}: {len(labels)} labels for {len(sampled)} sampled rows")
        for index, row in enumerate(sampled):
            expected, *where = labels[index]
            if expected == "SKIP":   # the code does not say which of two types it holds
                continue
            if round_ == 1 and expected == "-" and (row["stratum"] == "other"
                                                     or not keep_negative(row["name"], row["owner"])):
                continue
            rows.append({"name": row["name"], "owner": row["owner"], "expected": expected,
                         "where": where[0] if where else row["where"], "app": row["app"]})
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["name", "owner", "expected", "where", "app"], delimiter="\t",
                                quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    personal = sum(row["expected"] != "-" for row in rows)
    print(f"{len(rows)} rows ({personal} personal) -> {out}", file=sys.stderr)


def part_of(name: str, owner: str) -> str:
    digest = hashlib.sha256(f"{SPLIT_SEED}\0{name}\0{owner}".encode()).digest()
    return "dev" if int.from_bytes(digest[:8], "big") / 2 ** 64 < DEV_SHARE else "blind"


def split(labelled: Path) -> None:
    with labelled.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    parts: dict[str, list[dict]] = {"dev": [], "blind": []}
    for row in sorted(rows, key=lambda r: (r["app"], r["name"].lower(), r["owner"])):
        parts[part_of(row["name"], row["owner"])].append(row)
    for part, path in (("dev", DEV), ("blind", BLIND)):
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
            writer.writerow(["name", "owner", "expected", "where", "app"])
            for row in parts[part]:
                writer.writerow([row["name"], row["owner"], row["expected"], row["where"], row["app"]])
        personal = sum(row["expected"] != "-" for row in parts[part])
        print(f"{part}: {len(parts[part])} rows ({personal} personal) -> {path}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("extract")
    sampler = sub.add_parser("sample")
    sampler.add_argument("--per-app", type=int, default=44)
    sampler.add_argument("--strong", type=float, default=0.6)
    sampler.add_argument("--weak", type=float, default=0.3)
    sampler.add_argument("--other", type=float, default=0.1)
    sampler.add_argument("--round", type=int, default=1, dest="round_",
                         help="1: the three strata; 2: names likely to hold a person's data; 3: clearly personal "
                              "names (2 and 3 add new pairs only)")
    assembler = sub.add_parser("assemble")
    assembler.add_argument("--rounds", type=int, nargs="+", default=[1, 2, 3])
    assembler.add_argument("--out", type=Path, default=WORK / "labelled.tsv")
    splitter = sub.add_parser("split")
    splitter.add_argument("labelled", type=Path)
    args = parser.parse_args()
    if args.command == "extract":
        extract()
    elif args.command == "sample":
        shares = {"strong": args.strong, "weak": args.weak, "other": args.other} if args.round_ == 1 \
            else {"likely": 1.0}
        sample(args.per_app, shares, args.round_)
    elif args.command == "assemble":
        assemble(args.rounds, args.out)
    else:
        split(args.labelled)


if __name__ == "__main__":
    main()
