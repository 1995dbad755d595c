"""Helpers several test modules share: a small made-up corpus opened as `PolicyQA`, the ingest
command line run as a user runs it, and a free local port for a server under test."""

import os
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def open_small_corpus(tmp_path_factory, embedder, name: str, files: dict[str, str], folder: str = "docs"):
    """Write ``files`` into a fresh ``<tmp>/<folder>`` and open its index (sources 「folder/file」).

    Settings come from an empty environment, so a user's QA_* variables do not leak in.
    """
    from agent.config import Settings
    from agent.policyqa import PolicyQA

    root = tmp_path_factory.mktemp(name)
    corpus = root / folder
    corpus.mkdir()
    for filename, text in files.items():
        (corpus / filename).write_text(text, encoding="utf-8")
    return PolicyQA.open(corpus_dir=corpus, index_dir=root / ".index", settings=Settings.from_env(env={}),
                         embedder=embedder)


def run_ingest(corpus: Path, index: Path, **env: str) -> subprocess.CompletedProcess:
    """``python -m ingest CORPUS --index-dir INDEX`` from the repo, offline, with ``env`` added to
    the environment (QA_CHROMA_URL and QA_EMBEDDINGS unset unless given). Never raises on failure."""
    environ = {k: v for k, v in os.environ.items() if k not in ("QA_CHROMA_URL", "QA_EMBEDDINGS")}
    environ.update(HF_HUB_OFFLINE="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "ingest", str(corpus), "--index-dir", str(index)],
        cwd=REPO,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(root: Path, port: int, env: dict[str, str] | None = None, host: str | None = None,
              timeout: float = 240) -> tuple[subprocess.Popen, str, Path]:
    """``python app.py`` over ``root/corpus`` (index in ``root/.index``) on ``port``, offline, with
    the user's QA_*/OPENAI_* variables removed and ``env`` added; returns once the page answers.
    Output goes to ``root/app.log``. The caller stops the process (`stop_app`)."""
    import time
    import urllib.request

    environ = {k: v for k, v in os.environ.items() if not k.startswith(("QA_", "OPENAI_"))}
    environ.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False",
                   QA_PROGRESS="0", QA_FEEDBACK_PATH=str(root / "feedback.jsonl"), **(env or {}))
    log_path = root / "app.log"
    cmd = [sys.executable, "app.py", "--port", str(port), "--corpus", str(root / "corpus"),
           "--index", str(root / ".index")] + (["--host", host] if host else [])
    with log_path.open("w") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=environ, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"app.py exited with {proc.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return proc, url, log_path
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop_app(proc)
            raise RuntimeError(f"app.py not up after {timeout} s:\n{log_path.read_text()}")
        time.sleep(0.3)


def stop_app(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
