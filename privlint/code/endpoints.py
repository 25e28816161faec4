"""Where a call sends data: the host of a request, the region a client was built for, or the vendor's country."""

from __future__ import annotations

import libcst as cst

from privlint.code.catalogue import Sink
from privlint.code.collection import CollectionRecorder
from privlint.code.hosts import host_of
from privlint.code.imports import dotted_name
from privlint.code.syntax import leading_expression, leading_text
from privlint.code.taint import Scope

# Keywords of client constructors that say where the client sends data.
REGION_KEYWORDS = frozenset({"region_name", "region", "Region", "endpoint", "endpoint_url", "base_url", "host"})
# Words in the name of a constant passed by position that make it a client's region or endpoint.
REGION_WORDS = ("region", "endpoint", "host", "url")
# Marks a client's region that a constant of another module names (resolved when the project is linked).
REGION_REFERENCE = "@"


class EndpointReader(CollectionRecorder):
    """Reads a call's destination from its URL, its client's region or endpoint, or the sink's vendor."""

    def call_country(self, sink: Sink, node: cst.Call, host: str | None, scope: Scope) -> str | None:
        """Where the data goes: the request's host, the region the client was built for, or the vendor's country."""
        if host is not None:
            return self.catalogue.regions.country_of_host(host) or sink.country
        receiver = node.func.value if isinstance(node.func, cst.Attribute) else None
        while isinstance(receiver, (cst.Call, cst.Attribute)) and dotted_name(receiver) is None:
            if isinstance(receiver, cst.Call):
                found = self.endpoint_country(receiver, scope)
                if found is not None:
                    return found
                receiver = receiver.func
            receiver = receiver.value if isinstance(receiver, cst.Attribute) else receiver
        dotted = dotted_name(receiver) if receiver is not None else None
        parts = dotted.split(".") if dotted else []
        for cut in range(len(parts), 0, -1):
            found = scope.find("regions", ".".join(parts[:cut]))
            if found is not None:
                return found
        return sink.country

    def endpoint_reference(self, call: cst.Call, scope: Scope) -> str | None:
        """A client constructor's region or endpoint read from another module or the settings
        (``region_name=config.EXPORT_REGION``, ``oss2.Bucket(auth, settings.OSS_ENDPOINT, ...)``): its qualified
        name, resolved when the project is linked."""
        for arg in call.args:
            if not _names_endpoint(arg):
                continue
            name = dotted_name(arg.value)
            if name is not None and "." in name and scope.find("constants", name) is None:
                return self.resolve_dotted(name, scope)
        return None

    def endpoint_country(self, call: cst.Call, scope: Scope) -> str | None:
        """The country named by a client constructor's region or endpoint argument, or carried by a config
        object built for a region (``CosS3Client(CosConfig(Region="ap-guangzhou"))``), if any."""
        for arg in call.args:
            name = dotted_name(arg.value)
            carried = scope.find("regions", name) if name else None
            if carried is not None:
                return carried
            if isinstance(arg.value, cst.Call):
                carried = self.endpoint_country(arg.value, scope)
                if carried is not None:
                    return carried
            text = leading_text(arg.value, scope)
            country = self.catalogue.regions.country_of_text(text) if text else None
            if country is not None:
                return country
        return None

    def request_host(self, node: cst.Call, scope: Scope) -> str | None:
        """The host of the URL argument: ``url=``, or the first of the first two positional arguments with one."""
        for arg in _url_candidates(node):
            text = leading_text(arg.value, scope)
            host = host_of(text) if text else None
            if host is not None:
                return host
        return None

    def url_reference_of(self, node: cst.Call, scope: Scope) -> str | None:
        """The qualified name of a constant the URL starts with, when it is defined in another module or in
        the settings (``from shop.config import CRM_URL``, ``settings.CRM_URL``): resolved when linked."""
        for arg in _url_candidates(node):
            name = dotted_name(leading_expression(arg.value))
            if name is not None and scope.find("constants", name) is None:
                return self.resolve_dotted(name, scope)
        return None


def _url_candidates(node: cst.Call) -> list[cst.Arg]:
    """Where a request's URL may be: ``url=``, then the first two positional arguments (``request(method, url)``)."""
    keyword = [arg for arg in node.args if arg.keyword is not None and arg.keyword.value == "url"]
    return [*keyword, *[arg for arg in node.args if arg.keyword is None and not arg.star][:2]]


def _names_endpoint(arg: cst.Arg) -> bool:
    """A region or endpoint argument: by its keyword, or passed by position as a constant whose name says so."""
    if arg.keyword is not None:
        return arg.keyword.value in REGION_KEYWORDS
    name = dotted_name(arg.value)
    return name is not None and any(word in name.rsplit(".", 1)[-1].lower() for word in REGION_WORDS)
