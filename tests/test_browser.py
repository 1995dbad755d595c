"""The app in a real headless Chromium: ask, see the streamed answer and its source, give feedback."""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from support import free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED_SOURCE = "corpus/dongxing-ai-industry.txt"
STARTUP_SECONDS = 240  # imports (~4 s) plus building the index of the seed document


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``python app.py`` on a free port over a copy of the seed corpus; yields (url, root)."""
    if not CHROMIUM.exists():
        pytest.skip("没有 /usr/bin/chromium：请先 apt-get install -y chromium fonts-noto-cjk")
    root = tmp_path_factory.mktemp("app")
    (root / "corpus").mkdir()
    shutil.copyfile(
        REPO / "corpus" / "dongxing-ai-industry.txt", root / "corpus" / "dongxing-ai-industry.txt"
    )
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QA_", "OPENAI_"))}
    env.update(
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        GRADIO_ANALYTICS_ENABLED="False",
        QA_PROGRESS="0",
        QA_FEEDBACK_PATH=str(root / "feedback.jsonl"),
    )
    log = (root / "app.log").open("w")
    cmd = [
        sys.executable,
        "app.py",
        "--port",
        str(port),
        "--corpus",
        str(root / "corpus"),
        "--index",
        str(root / ".index"),
    ]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    f"app.py exited with {proc.returncode}:\n{(root / 'app.log').read_text()}"
                )
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"app.py not up after {STARTUP_SECONDS} s:\n{(root / 'app.log').read_text()}"
                )
            time.sleep(0.5)
        yield url, root
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        page.set_default_timeout(60_000)
        page.goto(server[0])
        yield page
        browser.close()


def test_question_in_browser_shows_answer_and_source(page, tmp_path):
    box = page.locator('#question textarea[data-testid="textbox"]')
    box.fill("并济科技的算力接入了哪个经济圈？")
    box.press("Enter")

    bot = page.locator('[data-testid="bot"]').filter(has_text="成渝").last
    bot.wait_for()
    page.locator('[data-testid="bot"]').filter(has_text="来源").last.wait_for()
    reply = bot.inner_text()
    assert "成渝地区双城经济圈" in reply or "成渝地區雙城經濟圈" in reply
    assert "《內江市東興區:建鏈育企 人工智能產業加速崛起》" in reply
    assert box.input_value() == ""

    shot = tmp_path / "chat.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_thumbs_down_in_browser_writes_feedback(page, server):
    feedback = server[1] / "feedback.jsonl"
    page.locator("#feedback-comment textarea").fill("引用不完整")
    page.locator('button[aria-label="踩"]').last.click()  # "Dislike" under the zh-CN locale

    deadline = time.monotonic() + 30
    lines: list[str] = []
    while not lines and time.monotonic() < deadline:  # the file may exist before its line is written
        lines = feedback.read_text(encoding="utf-8").splitlines() if feedback.exists() else []
        time.sleep(0.2)
    entry = json.loads(lines[-1])
    assert entry["question"] == "并济科技的算力接入了哪个经济圈？"
    assert entry["liked"] is False
    assert entry["comment"] == "引用不完整"
    assert entry["citations"][0]["source"] == SEED_SOURCE
