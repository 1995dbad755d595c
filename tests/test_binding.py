"""Who can reach the web app: it listens on 127.0.0.1 unless told otherwise; --host 0.0.0.0 prints
a Chinese warning; QA_AUTH_USER/QA_AUTH_PASSWORD turn on Gradio's login, which a real running
app then demands from browsers, API clients and the /document routes alike."""

import httpx
import pytest
from support import free_port, start_app, stop_app

from agent import ConfigError, Settings
from app import ChatHandlers, LibraryHandlers, parse_args
from webapp.exposure import exposure_warning, is_loopback

USER, PASSWORD = "审阅人", "correct horse battery staple 长密码"
PLAN = "临江市低空经济发展行动方案\n到2026年，全市低空经济产值达到80亿元。\n"


def test_default_host_is_loopback_and_only_other_hosts_warn():
    args = parse_args([])
    assert args.host is None
    assert Settings.from_env(env={}, host=args.host).host == "127.0.0.1"
    assert Settings.from_env(env={"QA_HOST": "0.0.0.0"}, host=parse_args(["--host", "::1"]).host).host == "::1"
    assert [is_loopback(h) for h in ("127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost",
                                     "0.0.0.0", "::", "192.168.1.5", "policy.example.cn")] == [
        True, True, True, True, True, False, False, False, False]
    assert exposure_warning("127.0.0.1", 7860, login=False) == ""
    assert exposure_warning("0.0.0.0", 7860, login=False) == (
        "警告：网页监听 0.0.0.0:7860，本机以外的设备（同一网络中的任何人）都能打开问答页面、"
        "查看和下载已收录的文档、上传或删除文档，且未设置登录。只在本机使用请去掉 --host（默认 127.0.0.1）；"
        "确需共享请设置环境变量 QA_AUTH_USER 和 QA_AUTH_PASSWORD 启用登录")
    assert exposure_warning("::", 80, login=True).endswith(
        "；已启用登录（QA_AUTH_USER / QA_AUTH_PASSWORD），请使用足够长的密码")


def test_login_settings_need_both_variables_and_never_print_the_password():
    settings = Settings.from_env(env={"QA_AUTH_USER": USER, "QA_AUTH_PASSWORD": PASSWORD,
                                      "QA_LLM_API_KEY": "sk-REPRCHECK-0000"})
    assert settings.auth == (USER, PASSWORD) and Settings.from_env(env={}).auth is None
    assert PASSWORD not in repr(settings) and "REPRCHECK" not in repr(settings)
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(env={"QA_AUTH_USER": USER})
    assert str(caught.value) == (
        "只设置了 QA_AUTH_USER，没有设置 QA_AUTH_PASSWORD；网页登录需要两者都设置（或都不设置，不要求登录）")
    with pytest.raises(ConfigError, match="^只设置了 QA_AUTH_PASSWORD，没有设置 QA_AUTH_USER"):
        Settings.from_env(env={"QA_AUTH_PASSWORD": PASSWORD})


def test_pointing_the_app_at_another_endpoint_does_not_carry_the_key_along(make_qa):
    """The settings tab keeps the key when it is left empty only for the same endpoint: a visitor
    cannot send the configured key to a server of their own."""
    qa = make_qa({"plan.txt": PLAN}, seed=False)
    qa.use_llm(Settings.from_env(env={"QA_LLM_BASE_URL": "https://api.deepseek.com/v1", "QA_LLM_MODEL": "m",
                                      "QA_LLM_API_KEY": "sk-KEEP-1234567890"}).llm)
    kb = LibraryHandlers(ChatHandlers(qa))
    kb.save_llm("https://api.deepseek.com/v1", "deepseek-chat", "")
    assert qa.settings.llm.api_key == "sk-KEEP-1234567890"
    kb.save_llm("http://attacker.example:8080/v1", "m", "")
    assert qa.settings.llm.api_key == ""


@pytest.mark.integration
@pytest.mark.slow
def test_real_app_on_all_interfaces_warns_and_demands_login(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "plan.txt").write_text(PLAN, encoding="utf-8")
    port = free_port()
    proc, url, log = start_app(tmp_path, port, host="0.0.0.0",
                               env={"QA_AUTH_USER": USER, "QA_AUTH_PASSWORD": PASSWORD})
    try:
        from gradio_client import Client

        output = log.read_text(encoding="utf-8")
        assert f"警告：网页监听 0.0.0.0:{port}，本机以外的设备" in output
        assert f"网页已启动：http://0.0.0.0:{port}/（需登录，用户 {USER}）" in output
        assert PASSWORD not in output
        # without a login: no config, no API, no documents
        document = f"{url}document?source=corpus/plan.txt"
        assert httpx.get(f"{url}config").status_code == 401
        assert httpx.get(f"{url}gradio_api/info").status_code == 401
        refused = httpx.get(document)
        assert refused.status_code == 401 and "请先登录" in refused.text
        assert httpx.get(f"{url}document/file?source=corpus/plan.txt").status_code == 401
        with pytest.raises(Exception, match="credentials were not provided"):
            Client(url, verbose=False)
        with pytest.raises(ValueError, match="Could not login"):
            Client(url, auth=(USER, "wrong"), verbose=False)
        assert httpx.post(f"{url}login", data={"username": USER, "password": "wrong"}).status_code == 400
        # with it: the page's config, the documents and the chat API
        login = httpx.post(f"{url}login", data={"username": USER, "password": PASSWORD})
        assert login.status_code == 200
        assert httpx.get(f"{url}config", cookies=login.cookies).status_code == 200
        page = httpx.get(document, cookies=login.cookies)
        assert page.status_code == 200 and "全市低空经济产值达到80亿元" in page.text
        client = Client(url, auth=(USER, PASSWORD), verbose=False)
        _, chat = client.predict("到2026年全市低空经济产值达到多少？", [], api_name="/respond")
        assert "全市低空经济产值达到80亿元" in chat[-1]["content"][0]["text"]
    finally:
        stop_app(proc)
