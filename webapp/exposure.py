"""Whether the web app is reachable from other machines, said as a warning at start-up."""

from __future__ import annotations

import ipaddress

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: only this machine can connect."""
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name or an interface address: reachable from the network


def exposure_warning(host: str, port: int, login: bool) -> str:
    """The warning to print when ``host`` is not loopback ("" otherwise)."""
    if is_loopback(host):
        return ""
    warning = (
        f"警告：网页监听 {host}:{port}，本机以外的设备（同一网络中的任何人）都能打开问答页面、"
        "查看和下载已收录的文档、上传或删除文档"
    )
    if login:
        return warning + "；已启用登录（QA_AUTH_USER / QA_AUTH_PASSWORD），请使用足够长的密码"
    return (
        warning + "，且未设置登录。只在本机使用请去掉 --host（默认 127.0.0.1）；"
        "确需共享请设置环境变量 QA_AUTH_USER 和 QA_AUTH_PASSWORD 启用登录"
    )
