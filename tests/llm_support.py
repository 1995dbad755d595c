"""Helpers shared by the LLM tests: scripted chat models, a query-memoising embedder, a
fallback timer and hand-written HTTP stubs of an OpenAI-compatible endpoint."""

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import openai
from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage, AIMessageChunk
from langchain_core.outputs import ChatGenerationChunk
from pydantic import Field


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


class ScriptedChatModel(FakeMessagesListChatModel):
    """Replays ``responses`` in order, streams text in 4-character chunks, records its inputs.
    ``delay``: seconds before the first chunk of each reply (a model reading its prompt)."""

    seen: list = Field(default_factory=list)
    delay: float = 0.0
    role_first: bool = False  # send an empty chunk before the delay, as llama.cpp's server does

    def bind_tools(self, tools, **kwargs):
        return self

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.seen.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        message = self._generate(messages, stop, run_manager, **kwargs).generations[0].message
        if self.role_first:
            yield ChatGenerationChunk(message=AIMessageChunk(content=""))
        time.sleep(self.delay)
        if message.tool_calls or message.invalid_tool_calls:
            chunks = [
                {"name": c["name"], "args": json.dumps(c["args"]), "id": c["id"], "index": i}
                for i, c in enumerate(message.tool_calls)
            ] + [
                {"name": c["name"], "args": c["args"], "id": c["id"], "index": i + 10}
                for i, c in enumerate(message.invalid_tool_calls)
            ]
            yield ChatGenerationChunk(message=AIMessageChunk(content="", tool_call_chunks=chunks))
            return
        text = message.content
        for i in range(0, len(text), 4):
            yield ChatGenerationChunk(message=AIMessageChunk(content=text[i : i + 4]))


class DownChatModel(ScriptedChatModel):
    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        url = "http://127.0.0.1:9/v1/chat/completions"
        raise openai.APIConnectionError(request=httpx.Request("POST", url))


def call(name, **args):
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": f"call_{name}"}])


def bad_call(name, raw_args):
    """A tool call whose arguments are not JSON, as small models write them."""
    return AIMessage(content="", invalid_tool_calls=[
        {"name": name, "args": raw_args, "id": f"bad_{name}", "error": None,
         "type": "invalid_tool_call"}
    ])


class QuietHandler(BaseHTTPRequestHandler):
    """An HTTP handler for hand-written OpenAI-compatible stubs: `_send` one whole reply, no log."""

    def _send(self, status, content_type, payload):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@contextmanager
def serving(handler, **state):
    """A threaded stub server on a free 127.0.0.1 port with ``state`` as attributes and ``url``
    (its /v1 base); shut down on exit."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    for name, value in state.items():
        setattr(server, name, value)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
