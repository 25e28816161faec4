"""What the handlers of a try statement catch, and which of them pass the caught exception's message on."""

from __future__ import annotations

import re

import libcst as cst

from privlint.code.imports import dotted_name

# Calls through which a handler shows an exception to the person who made the request, not to logs.
_ANSWERS_REQUESTER = re.compile(r"\b(?:render|render_to_response|TemplateResponse|Response|JsonResponse|HttpResponse\w*"
                                r"|jsonify|make_response|abort|messages\.(?:error|warning|info|add_message))\(")


def caught_names(node: cst.Try | cst.TryStar) -> frozenset[str]:
    """The last names of the exception classes a try statement's handlers catch and contain (``*`` for a bare
    except); a handler that uses the exception it binds other than to raise another (``except X as e:
    log.error(e)``) passes its message on."""
    names: set[str] = set()
    for handler in node.handlers:
        if _passes_message_on(handler):
            continue
        kinds = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type]
        for kind in kinds:
            value = kind.value if isinstance(kind, cst.Element) else kind
            dotted = dotted_name(value) if value is not None else None
            names.add(dotted.rsplit(".", 1)[-1] if dotted else "*")
    return frozenset(names)


def _passes_message_on(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> bool:
    """Whether a handler uses the exception it binds other than to raise another or to answer the requester
    with it (``render(..., {"message": e.args[0]})``, ``messages.error(request, e)``)."""
    if handler.name is None or not isinstance(handler.name.name, cst.Name):
        return False
    used = re.compile(rf"\b{re.escape(handler.name.name.value)}\b")
    body = handler.body.body if isinstance(handler.body, cst.IndentedBlock) else [handler.body]
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine) and isinstance(statement.body[0], cst.Raise):
            continue
        code = cst.Module(body=[]).code_for_node(statement)
        if used.search(code) and not _ANSWERS_REQUESTER.search(code):
            return True
    return False
