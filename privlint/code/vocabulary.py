"""Names the flow analysis knows: calls that pass data on or fetch it, container types, configuration owners."""

from __future__ import annotations

# Calls whose result carries the personal data of their arguments or receiver.
PROPAGATORS = frozenset({
    "str", "repr", "format", "dict", "list", "tuple", "set", "sorted", "reversed", "copy", "deepcopy",
    "dumps", "json.dumps", "urlencode", "quote", "quote_plus", "b64encode", "encode", "decode",
    "dump", "model_dump", "model_dump_json", "to_dict", "asdict", "astuple", "serialize", "enumerate", "zip",
})
STRING_METHODS = frozenset({
    "lower", "upper", "strip", "lstrip", "rstrip", "title", "casefold", "capitalize", "format", "format_map",
    "replace", "join", "split", "rsplit", "splitlines", "encode", "decode", "ljust", "rjust", "center",
    "zfill", "removeprefix", "removesuffix", "copy", "items", "values", "partition", "rpartition",
    "isoformat", "strftime", "astimezone", "date", "hexdigest", "digest",
})
# Methods that put their arguments into the container they are called on: ``hops.append(ip)``.
CONTAINER_ADDERS = frozenset({"append", "extend", "add", "insert", "update", "appendleft", "extendleft",
                              "from_json_string", "from_map"})  # SDK request models filled from JSON or a dict
# Request fields whose bare name says what the person typed into them, although elsewhere the word needs a
# person as owner: their account (``request.form["login"]``) or their mobile number (``request.json["mobile"]``).
REQUEST_FIELDS = {"user": "username", "login": "username", "mobile": "phone-number"}
KEYED_GETTERS = frozenset({"get", "pop", "getlist", "setdefault", "get_one", "getone"})
GETTER_PREFIXES = ("get_", "fetch_", "load_", "read_", "lookup_")
# Types of variables a loop over which yields keys or (key, value) pairs.
MAPPING, ITEMS = "<mapping>", "<items>"
ITERATES = {MAPPING: "keys", ITEMS: "items"}
MAPPING_TYPES = frozenset({"dict", "builtins.dict", "typing.Dict", "typing.Mapping", "typing.MutableMapping",
                           "collections.abc.Mapping", "collections.abc.MutableMapping", "Dict", "Mapping"})
# Methods of the built-in types: a call of one on an object of unknown type is not followed into the project.
BUILTIN_METHODS = frozenset(name for kind in (str, bytes, list, dict, set, tuple, int, float) for name in dir(kind))
# Objects whose attributes, at any depth, are the application's configuration.
CONFIGURATION = frozenset({"config", "settings", "conf", "cfg", "configuration"})
# Names of a variable that, with no known type, holds a user of the project's user model.
USER_NAMES = frozenset({"user", "current_user", "request_user"})
# Package metadata (``setup(author_email=...)``): published on purpose, neither collected nor sent.
PUBLISHED_KEYWORDS = frozenset({"author_email", "maintainer_email"})
# The contact of an API's published description (OpenAPI ``info.contact``): the vendor's address, on purpose.
PUBLISHED_CALLS = frozenset({"drf_yasg.openapi.Contact"})
