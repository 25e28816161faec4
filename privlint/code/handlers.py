"""How the code handles exceptions: what try handlers contain, and which handlers answer the requester."""

from __future__ import annotations

import re

import libcst as cst

from privlint.code.imports import dotted_name

# Calls through which a handler shows an exception to the person who made the request, not to logs.
_ANSWERS_REQUESTER = re.compile(r"\b(?:render|render_to_response|TemplateResponse|Response|JsonResponse|HttpResponse\w*"
                                r"|jsonify|make_response|abort|messages\.(?:error|warning|info|add_message))\(")
# Calls that write what they are given where it is kept: logs, the console, error trackers.
_KEEPS = re.compile(r"(?:\b(?:log|logger|logging|LOG|LOGGER|_log|_logger)\w*\s*\.\s*"
                    r"(?:debug|info|warning|warn|error|exception|critical|fatal|log)"
                    r"|\bprint|\bcapture_exception|\bcapture_message|\breport_error)\s*\(")
# Handlers that catch whatever a try block raises.
BROAD_HANDLERS = frozenset({"*", "Exception", "BaseException"})
# Decorators that register a function as the handler of an exception class for every request (Flask,
# FastAPI, Starlette): ``@app.errorhandler(AuthError)``.
_REGISTERS_HANDLER = frozenset({"errorhandler", "app_errorhandler", "exception_handler"})


def caught_names(node: cst.Try | cst.TryStar) -> frozenset[str]:
    """The last names of the exception classes a try statement's handlers catch and contain (``*`` for a bare
    except); a handler that uses the exception it binds other than to raise another (``except X as e:
    log.error(e)``) passes its message on."""
    names: set[str] = set()
    for handler in node.handlers:
        if passes_message_on(handler):
            continue
        names.update(dotted.rsplit(".", 1)[-1] if (dotted := dotted_name(kind)) else "*"
                     for kind in handled_types(handler))
    return frozenset(names)


def handled_types(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> list[cst.BaseExpression | None]:
    """The class expressions an except clause names (None for a bare except)."""
    kinds = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type]
    return [kind.value if isinstance(kind, cst.Element) else kind for kind in kinds]


def passes_message_on(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> bool:
    """Whether a handler uses the exception it binds other than to raise another or to answer the requester
    with it (``render(..., {"message": e.args[0]})``, ``messages.error(request, e)``)."""
    name = _bound_name(handler)
    if name is None:
        return False
    used = _use_of(name)
    for statement in _body(handler):
        if isinstance(statement, cst.SimpleStatementLine) and isinstance(statement.body[0], cst.Raise):
            continue
        code = _code(statement)
        if used.search(code) and not _ANSWERS_REQUESTER.search(code):
            return True
    return False


def answers_requester(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> bool:
    """Whether a handler shows the exception it binds to the person who made the request, and nothing else
    (``except MassActionError as e: messages.error(request, e.args[0])``)."""
    name = _bound_name(handler)
    if name is None or passes_message_on(handler):
        return False
    used = _use_of(name)
    return any(used.search(code) and _ANSWERS_REQUESTER.search(code) for code in map(_code, _body(handler)))


def registered_types(function: cst.FunctionDef) -> list[cst.BaseExpression]:
    """The exception classes a decorator registers ``function`` to handle for every request, when it keeps
    nothing of what it receives (no log, print or error tracker call with the exception or its traceback):
    their messages answer the requester."""
    kinds = [decorator.decorator.args[0].value for decorator in function.decorators
             if isinstance(decorator.decorator, cst.Call) and decorator.decorator.args
             and _last_name(decorator.decorator.func) in _REGISTERS_HANDLER]
    kinds = [kind for kind in kinds if not isinstance(kind, (cst.Integer, cst.SimpleString))]
    if not kinds or _keeps_what_it_handles(function):
        return []
    return kinds


def _keeps_what_it_handles(function: cst.FunctionDef) -> bool:
    params = function.params.params
    used = _use_of(params[0].name.value) if params else None
    for line in _simple_lines(function.body):
        code = _code(line)
        if _KEEPS.search(code) and ((used is not None and used.search(code)) or "exception(" in code
                                    or "exc_info" in code):
            return True
    return False


def _simple_lines(node: cst.CSTNode) -> list[cst.SimpleStatementLine]:
    lines: list[cst.SimpleStatementLine] = []

    class Lines(cst.CSTVisitor):
        def visit_SimpleStatementLine(self, line: cst.SimpleStatementLine) -> bool:
            lines.append(line)
            return False

    node.visit(Lines())
    return lines


def _last_name(node: cst.BaseExpression) -> str | None:
    dotted = dotted_name(node)
    return dotted.rsplit(".", 1)[-1] if dotted else None


def _bound_name(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> str | None:
    if handler.name is None or not isinstance(handler.name.name, cst.Name):
        return None
    return handler.name.name.value


def _use_of(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b")


def _body(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> list[cst.BaseStatement]:
    return list(handler.body.body) if isinstance(handler.body, cst.IndentedBlock) else [handler.body]


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=[]).code_for_node(node)
