"""The report's PNG: per-category key-fact accuracy, PolicyQA vs the baselines' top-1 chunks,
plus accuracy against the number of distractors when the run had several levels."""

from __future__ import annotations

from pathlib import Path

CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
COLORS = {
    "policyqa": "#1f77b4",
    "policyqa-llm": "#9467bd",
    "policyqa-retrieval": "#aec7e8",
    "langchain-dense": "#ff7f0e",
    "bm25-jieba": "#2ca02c",
}
TEXT = {
    "zh": {"title": "各类问题的关键事实准确率（N = {n}）", "y": "准确率", "sweep": "干扰文档数量与总体准确率",
           "x_sweep": "干扰文档数 N", "overall": "总体"},
    "en": {"title": "Key-fact accuracy by category (N = {n})", "y": "accuracy",
           "sweep": "Overall accuracy vs distractor documents", "x_sweep": "distractors N",
           "overall": "overall"},
}


def _language(font: Path) -> str:
    """Use Chinese labels when the CJK font exists (fonts-noto-cjk), English otherwise."""
    from matplotlib import font_manager, rcParams

    if not font.is_file():
        return "en"
    font_manager.fontManager.addfont(str(font))
    rcParams["font.family"] = font_manager.FontProperties(fname=str(font)).get_name()
    rcParams["axes.unicode_minus"] = False
    return "zh"


def write_chart(report: dict, path: Path, font: Path = CJK_FONT) -> str:
    """Draw the chart into ``path``; returns the label language used ("zh" or "en")."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    language = _language(font)
    text = TEXT[language]
    levels = report["levels"]
    first = levels[0]
    systems = first["systems"]
    names = list(systems)
    categories = [c for c in systems["policyqa"]["metrics"] if c != "overall"] + ["overall"]
    sweep = len(levels) > 1
    fig, axes = plt.subplots(
        1, 2 if sweep else 1, figsize=(15 if sweep else 11, 5.2),
        gridspec_kw={"width_ratios": [3, 1]} if sweep else None, squeeze=False,
    )
    ax = axes[0][0]
    width = 0.8 / len(names)
    for j, name in enumerate(names):
        values = [systems[name]["metrics"][c]["key_fact_accuracy"] or 0.0 for c in categories]
        xs = [i + (j - (len(names) - 1) / 2) * width for i in range(len(categories))]
        ax.bar(xs, values, width, label=systems[name]["label"], color=COLORS.get(name))
    labels = [text["overall"] if c == "overall" else c for c in categories]
    ax.set_xticks(range(len(categories)), labels, rotation=30, ha="right")
    ax.set_ylim(0, 1.22)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_ylabel(text["y"])
    ax.set_title(text["title"].format(n=first["distractors"]))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="upper center", ncol=min(len(names), 3), frameon=False)
    if sweep:
        ax2 = axes[0][1]
        counts = [lv["distractors"] for lv in levels]
        for name in names:
            values = [lv["systems"][name]["metrics"]["overall"]["key_fact_accuracy"] or 0.0
                      for lv in levels if name in lv["systems"]]
            ax2.plot(counts[: len(values)], values, marker="o", color=COLORS.get(name),
                     label=systems[name]["label"])
        ax2.set_xticks(counts)
        ax2.set_ylim(0, 1.0)
        ax2.set_xlabel(text["x_sweep"])
        ax2.set_title(text["sweep"])
        ax2.grid(alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return language
