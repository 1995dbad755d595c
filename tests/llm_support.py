"""Helpers shared by the LLM tests: a query-memoising embedder and a fallback timer."""

import time


class MemoEmbedder:
    """The session embedder, remembering query vectors, so timing tests measure the endpoint and
    not the embedding engine, whose speed depends on what else the CPU is running."""

    def __init__(self, inner):
        self.inner, self.spec, self.dim, self.memo = inner, inner.spec, inner.dim, {}

    def passages(self, texts):
        return self.inner.passages(texts)

    def query(self, text):
        if text not in self.memo:
            self.memo[text] = self.inner.query(text)
        return self.memo[text]


def ask_until_fallback(qa, question):
    """Ask, and time how long the LLM path took to give up (the offline answer's own time, which
    other processes' CPU load stretches, is not the endpoint's budget)."""
    offline, called = qa.offline, []

    class Recording:
        def answer(self, q, turns=()):
            called.append(time.perf_counter())
            return offline.answer(q, turns)

    qa.offline = Recording()
    started = time.perf_counter()
    answer = qa.ask(question)
    return answer, called[0] - started


def index_policy(tmp_path_factory, embedder, name: str, policy: str):
    """Index ``policy`` as corpus/policy.txt once; return the folder and the memoising embedder."""
    from agent import PolicyQA, Settings

    root = tmp_path_factory.mktemp(name)
    (root / "corpus").mkdir()
    (root / "corpus" / "policy.txt").write_text(policy, encoding="utf-8")
    memo = MemoEmbedder(embedder)
    PolicyQA.open(root / "corpus", root / ".index", Settings.from_env(env={}), embedder=memo)
    return root, memo
