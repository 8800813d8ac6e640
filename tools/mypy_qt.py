"""A mypy plugin: PySide6 constructors accept ``objectName=``, as they do at run time.

Qt widgets take any Qt property as a keyword (``QLabel(text, objectName="x")``),
and FrontDesk names every widget that way for tests and theming. PySide6's stubs
list each class's own properties but not those it inherits, so mypy would flag
every ``objectName=``. This plugin adds that one inherited keyword to the
constructors of PySide6 classes; any other unknown keyword is still an error.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_NAMED_OPT, ARG_STAR2
from mypy.plugin import FunctionSigContext, Plugin
from mypy.types import FunctionLike, Type

_KEYWORD = "objectName"


class QtObjectNamePlugin(Plugin):
    def get_function_signature_hook(
            self, fullname: str) -> Callable[[FunctionSigContext], FunctionLike] | None:
        return _with_object_name if fullname.startswith("PySide6.") else None


def _with_object_name(ctx: FunctionSigContext) -> FunctionLike:
    """The signature with ``objectName: str`` added (mypy asks once per overload)."""
    item = ctx.default_signature
    if _KEYWORD in item.arg_names or ARG_STAR2 in item.arg_kinds:
        return item
    text: Type = ctx.api.named_generic_type("builtins.str", [])
    return item.copy_modified(arg_types=[*item.arg_types, text],
                              arg_kinds=[*item.arg_kinds, ARG_NAMED_OPT],
                              arg_names=[*item.arg_names, _KEYWORD])


def plugin(version: str) -> type[Plugin]:
    return QtObjectNamePlugin
