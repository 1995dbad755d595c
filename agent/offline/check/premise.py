"""Claims a question may presuppose (「营收为什么下降了」), and the documented facts that
contradict them: looked for as extra terms, and noted when the evidence states the opposite."""

from __future__ import annotations

# claims a question may presuppose, and the documented facts that contradict them (generic)
OPPOSITES = {
    "下降": ("增长", "上升", "提高", "提升", "增加"),
    "下滑": ("增长", "上升", "提升"),
    "减少": ("增加", "增长", "提升"),
    "亏损": ("营收", "盈利", "增长"),
    "失败": ("成功", "圆满"),
    "取消": ("签约", "推进", "举行"),
    "停产": ("投产", "运营"),
    "关闭": ("运营", "投产"),
    "放弃": ("推进", "加快", "深化"),
    "落后": ("领先", "赶上", "崛起"),
}


def claimed_opposites(question: str) -> list[str]:
    """The facts that would contradict what the question presupposes, in table order."""
    return [o for claim, opposites in OPPOSITES.items() if claim in question for o in opposites]


def false_premise(question: str, evidence_norms: list[str]) -> str:
    """A note when the question presupposes a claim the evidence contradicts, "" otherwise."""
    joined = "".join(evidence_norms)
    for claim, opposites in OPPOSITES.items():
        if claim in question and claim not in joined and any(o in joined for o in opposites):
            return f"注意：资料并未提到“{claim}”，与问题的前提不符；以上为资料记载的情况。"
    return ""


__all__ = ["OPPOSITES", "claimed_opposites", "false_premise"]
