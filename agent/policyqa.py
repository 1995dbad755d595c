"""`PolicyQA`: the public entry point. The app, the CLI, the evals and the tests go through it."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from agent.answering import OfflineAnswerer
from agent.catalog import DocumentInfo, IndexStats, describe_documents, index_stats, source_path
from agent.config import LLMConfig, Settings
from agent.errors import BadHistoryError, EmptyQuestionError, UnknownDocumentError
from agent.retrieval import Filters, HybridRetriever
from agent.types import Answer, Passage, Turn
from ingest.embeddings import Embedder, load_embedder
from ingest.errors import EmptyCorpusError
from ingest.pipeline import sync_corpus
from ingest.progress import ProgressCallback
from ingest.reader import LoadedIndex, open_index
from ingest.repair import repairing
from ingest.store import IndexFiles
from ingest.types import IngestReport, LoadedDocument

MAX_QUESTION_CHARS = 500


class PolicyQA:
    def __init__(
        self,
        settings: Settings,
        index: LoadedIndex,
        embedder: Embedder,
        chat_model=None,
        report: IngestReport | None = None,
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self.report = report
        self._chat_model = chat_model
        self._stamp = _manifest_stamp(settings.index_dir)
        self._use(index)
        index.segmenter.tagged("预热")  # build jieba's POS tagger now, not on the first question

    def _use(self, index: LoadedIndex) -> None:
        self.index = index
        self.retriever = HybridRetriever(index, self.embedder)
        self.offline = OfflineAnswerer(self.retriever, index, self.settings.top_k)
        self._llm = None

    def follow_index(self) -> bool:
        """Reload the index if another process committed a new one (``python -m ingest``, another
        app process's upload); True if it did. Called before every question: one ``stat`` of
        ``manifest.json`` while nothing changed. Every app process over the same index folder
        (and the same QA_CHROMA_URL) thus answers from the same generation."""
        stamp = _manifest_stamp(self.settings.index_dir)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        if IndexFiles(self.settings.index_dir).read_manifest() == self.index.manifest:
            return False
        self._use(open_index(self.settings.index_dir, self.settings.ingest))
        return True

    # construction ------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        corpus_dir: str | Path | None = None,
        index_dir: str | Path | None = None,
        settings: Settings | None = None,
        refresh: bool = True,
        embedder: Embedder | None = None,
        chat_model=None,
        progress: ProgressCallback | None = None,
    ) -> PolicyQA:
        """Open (building or refreshing first, unless ``refresh=False``) the index of a corpus;
        ``progress`` receives the sync's `ProgressEvent`s."""
        settings = settings or Settings.from_env()
        settings = settings.with_(
            corpus_dir=Path(corpus_dir) if corpus_dir is not None else settings.corpus_dir,
            index_dir=Path(index_dir) if index_dir is not None else settings.index_dir,
        )
        embedder = embedder or load_embedder(settings.ingest.embeddings)
        report = None
        if refresh:  # a damaged index is rebuilt from the corpus (ingest.repair)
            report, index = _sync_and_open(settings, embedder, progress)
        else:
            index = open_index(settings.index_dir, settings.ingest)
        if not index.chunks:
            raise EmptyCorpusError(
                f"语料目录 {settings.corpus_dir} 中没有可索引的文档；"
                "请放入 .txt/.md/.html/.docx/.pdf 文件后重试"
                + (f"（跳过：{'；'.join(s.source + ' ' + s.reason for s in report.skipped)}）"
                   if report and report.skipped else "")
            )
        return cls(settings, index, embedder, chat_model=chat_model, report=report)

    # questions ---------------------------------------------------------------------------------
    def ask(self, question: str, history: Sequence[Turn | tuple | dict] | None = None) -> Answer:
        """Answer from the documents, with exact citations; offline unless an LLM is configured."""
        final = None
        for final in self.stream(question, history):
            pass
        return final

    def stream(
        self, question: str, history: Sequence[Turn | tuple | dict] | None = None
    ) -> Iterator[Answer]:
        """Yield growing partial answers; the last one is final (same as `ask`)."""
        question = _check_question(question)
        turns = _turns(history)
        started = time.perf_counter()
        self.follow_index()
        if self.settings.llm.enabled or self._chat_model is not None:
            llm = self._llm_answerer()
            for partial in llm.stream(question, turns):
                yield _timed(partial, started)
            return
        yield _timed(self.offline.answer(question, turns), started)

    def retrieve(
        self,
        question: str,
        k: int = 5,
        sources: Iterable[str] = (),
        date_from: str = "",
        date_to: str = "",
    ) -> list[Passage]:
        """The ``k`` best passages for a question, best first; filter by source or date range."""
        question = _check_question(question)
        if k <= 0:
            raise ValueError(f"k 必须大于 0，当前为 {k}")
        filters = Filters(tuple(sources), date_from, date_to)
        self.follow_index()
        return self.retriever.retrieve(question, k=k, filters=filters)

    def as_retriever(self, k: int = 5):
        """A LangChain `BaseRetriever` over the same index, for users' own chains."""
        from agent.langchain_adapter import PolicyQARetriever

        return PolicyQARetriever(qa=self, k=k)

    # documents ---------------------------------------------------------------------------------
    def documents(self) -> list[LoadedDocument]:
        return list(self.index.documents.values())

    def catalog(self) -> list[DocumentInfo]:
        """Every indexed document with its metadata, chunk count, size and when it was added."""
        return describe_documents(self.index, Path(self.settings.corpus_dir))

    def stats(self) -> IndexStats:
        return index_stats(self.index)

    def rebuild(self) -> IngestReport:
        """Build the index again from nothing (every document re-read and re-embedded)."""
        report = sync_corpus(
            self.settings.corpus_dir,
            self.settings.index_dir,
            self.settings.ingest,
            self.embedder,
            rebuild=True,
        )
        self.refresh()  # reloads the rebuilt index (a sync that finds nothing to do)
        self.report = report
        return report

    def remove_document(self, source: str) -> IngestReport:
        """Delete ``source``'s file from the corpus folder and drop it from the index at once.

        The file is moved aside until the index is updated, and put back if that fails."""
        if source not in self.index.documents:
            known = "、".join(sorted(self.index.documents)) or "（无）"
            raise UnknownDocumentError(f"没有名为 {source} 的文档；已索引：{known}")
        corpus = Path(self.settings.corpus_dir)
        path = source_path(corpus, source)
        if path is None:
            raise UnknownDocumentError(f"{source} 不在语料目录 {corpus} 中；无法删除")
        if not path.is_file():  # already gone from the folder: only the index still has it
            return self.refresh()
        aside = Path(tempfile.mkdtemp(dir=self.settings.index_dir, prefix=".removing-"))
        shutil.move(path, aside / path.name)
        try:
            report = self.refresh()
        except BaseException:
            shutil.move(aside / path.name, path)
            raise
        finally:
            shutil.rmtree(aside, ignore_errors=True)
        return report

    def use_llm(self, llm: LLMConfig) -> None:
        """Answer with another LLM endpoint from now on (an empty config: offline)."""
        self.settings = self.settings.with_(llm=llm)
        self._llm = None

    def document_text(self, source: str) -> str:
        """The text every citation of ``source`` indexes: ``quote == text[start:end]``."""
        doc = self.index.documents.get(source)
        if doc is None:
            known = "、".join(sorted(self.index.documents)) or "（无）"
            raise KeyError(f"没有名为 {source} 的文档；已索引：{known}")
        return doc.text

    def refresh(self, progress: ProgressCallback | None = None) -> IngestReport:
        """Re-sync the corpus folder into the index and reload it. ``progress`` receives a
        `ProgressEvent` (stage, done/total, overall fraction, ETA) as the sync advances."""
        report, index = _sync_and_open(self.settings, self.embedder, progress)
        self._stamp = _manifest_stamp(self.settings.index_dir)
        self._use(index)
        self.report = report
        return report

    def _llm_answerer(self):
        if self._llm is None:
            from agent.llm import LLMAnswerer

            self._llm = LLMAnswerer(self.settings.llm, self.retriever, self.offline, self._chat_model)
        return self._llm


def _sync_and_open(
    settings: Settings, embedder: Embedder, progress: ProgressCallback | None
) -> tuple[IngestReport, LoadedIndex]:
    """Sync the corpus into the index and load it; a damaged part of the index (a truncated or
    overwritten file, a deleted folder) is deleted and rebuilt while the corpus is at hand."""

    def attempt() -> tuple[IngestReport, LoadedIndex]:
        report = sync_corpus(
            settings.corpus_dir, settings.index_dir, settings.ingest, embedder, progress=progress
        )
        return report, open_index(settings.index_dir, settings.ingest)

    (report, index), repaired = repairing(attempt, settings.index_dir, settings.corpus_dir)
    return (replace(report, repaired=repaired) if repaired else report), index


def _manifest_stamp(index_dir: Path) -> tuple[int, int, int] | None:
    """What changes when ``manifest.json`` is replaced (it is only ever replaced atomically)."""
    try:
        stat = (Path(index_dir) / "manifest.json").stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _check_question(question: str) -> str:
    if question is not None and not isinstance(question, str):
        raise EmptyQuestionError(
            f"问题必须是文字（str），收到的是 {type(question).__name__}；请传入问题文本，例如「申报截止时间是什么时候？」"
        )
    if question is None or not question.strip():
        raise EmptyQuestionError("问题为空；请输入要查询的问题，例如「申报截止时间是什么时候？」")
    question = question.strip()
    if len(question) > MAX_QUESTION_CHARS:
        raise EmptyQuestionError(
            f"问题过长（{len(question)} 字）；请把问题缩短到 {MAX_QUESTION_CHARS} 字以内"
        )
    return question


_HISTORY_FIX = (
    "；对话历史应是列表，每项为 Turn、(问题, 回答) 元组、{'question': …, 'answer': …} "
    "或 {'role': 'user'|'assistant', 'content': …}"
)


def _turns(history) -> list[Turn]:
    """Earlier turns from ``history``: None, or a list/tuple whose items are `Turn`s,
    ``(question,)``/``(question, answer)`` tuples or lists, ``{"question", "answer"}`` dicts, or
    chat messages ``{"role": "user"|"assistant"|"system", "content": …}`` (system ones ignored).
    Anything else raises `BadHistoryError` saying which item and why."""
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise BadHistoryError(f"对话历史的类型是 {type(history).__name__}，不是列表{_HISTORY_FIX}")
    turns: list[Turn] = []
    for n, item in enumerate(history, start=1):
        if isinstance(item, Turn) and isinstance(item.question, str) and isinstance(item.answer, str):
            turns.append(item)
        elif isinstance(item, dict) and isinstance(item.get("question"), str):
            turns.append(Turn(item["question"], _text(item.get("answer", ""), n)))
        elif isinstance(item, dict) and item.get("role") in ("user", "assistant", "system"):
            content = _text(item.get("content", ""), n)
            if item["role"] == "user":
                turns.append(Turn(content))
            elif item["role"] == "assistant" and turns:
                turns[-1] = Turn(turns[-1].question, content)
        elif isinstance(item, (tuple, list)) and 1 <= len(item) <= 2:
            turns.append(Turn(_text(item[0], n), _text(item[1], n) if len(item) > 1 else ""))
        else:
            shown = repr(item)
            shown = shown if len(shown) <= 40 else shown[:40] + "…"
            raise BadHistoryError(f"对话历史第 {n} 项 {shown} 的格式无法识别{_HISTORY_FIX}")
    return turns


def _text(value, n: int) -> str:
    """A question, answer or message content as text (Gradio's list of parts joined)."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "".join(_text(part.get("text", "") if isinstance(part, dict) else part, n) for part in value)
    if isinstance(value, (int, float)):
        return str(value)
    raise BadHistoryError(
        f"对话历史第 {n} 项中有 {type(value).__name__} 类型的内容，不是文字{_HISTORY_FIX}"
    )


def _timed(answer: Answer, started: float) -> Answer:
    from dataclasses import replace

    return replace(answer, seconds=round(time.perf_counter() - started, 4))
