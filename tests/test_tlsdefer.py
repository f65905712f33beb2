"""aiohttp is imported without loading the CA bundle (issue 9), and https is still verified
against the system's CAs: by a context of ours, made when the first https pool needs it.

The "system" CAs are a trustme CA named by SSL_CERT_FILE in a fresh interpreter, so the
default path (no ``tls`` given) is what is tested: a context without CAs (aiohttp's own,
after the deferred import) would refuse the server, and one that does not verify would
accept an untrusted one."""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
from pathlib import Path
from typing import Any

import trustme

from .servers import html, scripted

_CLIENT = """
import asyncio, json, sys
from monitor.egress import EgressGuard
from monitor.errors import FetchError
from monitor.fetch import Fetcher, FetchSettings, make_client
from monitor.politeness import HostLimiter
import aiohttp.connector  # (after the monitor's import of aiohttp: what it left)

async def loopback(host, port):
    return ["127.0.0.1"]

async def main(port):
    settings = FetchSettings(retries=0)
    out = {"import_loaded_cas": aiohttp.connector._SSL_CONTEXT_VERIFIED.cert_store_stats()}
    async with make_client(settings) as client:
        fetcher = Fetcher(client, settings, HostLimiter(total=4, per_host=4, delay=0),
                          guard=EgressGuard(loopback))
        for host in ("news.example", "127.0.0.1", "other.example"):
            try:
                page = await fetcher.get(f"https://{host}:{port}/p",
                                         allowed_hosts={f"{host}:{port}"})
                out[host] = page.text
            except FetchError as exc:
                out[host] = exc.reason
        out["pools"] = sorted(client.pools.names)
    print(json.dumps(out))

asyncio.run(main(int(sys.argv[1])))
"""


def _fetch_in_a_process(port: int, cafile: Path) -> dict[str, Any]:
    env = {**os.environ, "SSL_CERT_FILE": str(cafile), "SSL_CERT_DIR": str(cafile.parent)}
    out = subprocess.run([sys.executable, "-c", _CLIENT, str(port)], capture_output=True,
                         text=True, timeout=60, check=True, env=env)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def test_https_is_verified_against_the_system_cas_without_aiohttps_contexts(
        tmp_path: Path) -> None:
    ca = trustme.CA()
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("news.example", "127.0.0.1").configure_cert(server_tls)
    cafile = tmp_path / "cas" / "ca.pem"
    cafile.parent.mkdir()
    ca.cert_pem.write_to_path(str(cafile))
    with scripted({"/p": html("<p>over tls</p>")}, tls=server_tls) as srv:
        port = int(srv.host.rsplit(":", 1)[1])
        out = _fetch_in_a_process(port, cafile)
    assert out["import_loaded_cas"]["x509_ca"] == 0  # aiohttp's import loaded no CA bundle
    assert out["news.example"] == out["127.0.0.1"] == "<p>over tls</p>"
    assert out["other.example"] == "tls_error"  # the certificate names another host
    assert out["pools"] == [f"https://127.0.0.1:{port}", "news.example", "other.example"]
