"""A safe arithmetic calculator: + - * / ** and parentheses over numbers, nothing else."""

from __future__ import annotations

import ast
import operator

from agent.errors import PolicyQAError

_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


class CalculatorError(PolicyQAError, ValueError):
    """The expression is not plain arithmetic."""


def calculate(expression: str) -> float:
    """Evaluate ``expression``; ``×`` ``÷`` and full-width digits are accepted."""
    cleaned = (
        expression.replace("×", "*").replace("÷", "/").replace("，", "").replace(",", "")
        .translate(str.maketrans("０１２３４５６７８９．（）＋－＊／", "0123456789.()+-*/"))
    )
    try:
        tree = ast.parse(cleaned, mode="eval")
        return float(_eval(tree.body))
    except (SyntaxError, CalculatorError, ZeroDivisionError, OverflowError) as exc:
        raise CalculatorError(f"无法计算表达式 {expression!r}：{exc}；只支持数字与 + - × ÷ 和括号") from None


def _eval(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        if isinstance(node.op, ast.Pow) and abs(_eval(node.right)) > 100:
            raise CalculatorError("指数过大")
        return _OPS[type(node.op)](_eval(node.left), _eval(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval(node.operand))
    raise CalculatorError(f"不支持的内容 {ast.dump(node)[:40]}")


def format_number(value: float, digits: int = 2) -> str:
    """2.0 -> "2", 0.52 -> "0.52", 2.3698 -> "2.37"."""
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")
