"""The XLSForm expression subset: tokenizer, parser, static checker and tree-walking evaluator.

Supported: `${ref}`, `.` (the answer being checked, in constraints), '..' and ".." text,
numbers, `= != < <= > >=`, `and or`, `+ - * div mod`, unary minus, parentheses, and the
functions `selected()`, `count-selected()`, `string-length()`, `if()`, `coalesce()`,
`not()`, `today()`, `now()` and `count(${repeat})` (rows in a repeat group). Empty-answer
semantics are documented in `values`.
"""

from rhi_desktop.forms.expressions.errors import ExpressionError
from rhi_desktop.forms.expressions.evaluate import Context, MappingContext, evaluate
from rhi_desktop.forms.expressions.nodes import Expr, references
from rhi_desktop.forms.expressions.parser import MAX_DEPTH, parse
from rhi_desktop.forms.expressions.typecheck import CheckResult, FieldType, check
from rhi_desktop.forms.expressions.values import Value, ValueType, is_empty

__all__ = [
    "MAX_DEPTH",
    "CheckResult",
    "Context",
    "Expr",
    "ExpressionError",
    "FieldType",
    "MappingContext",
    "Value",
    "ValueType",
    "check",
    "evaluate",
    "is_empty",
    "parse",
    "references",
]
