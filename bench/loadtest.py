"""Load test: gunicorn with the documented worker count serves the bench
database; wrk, on the same machine and on loopback only, sends logged-in
dashboard, API and drill-down requests at increasing concurrency, for a
bounded time each. Records throughput, p95 latency and errors."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.pages import client_for

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8765
WORKERS = 2 * (os.cpu_count() or 1) + 1  # gunicorn's advice: (2 x cores) + 1
PATHS = ["/dashboard/2024/?province=15", "/api/plan/2024/?province=all", "/dashboard/2024/htx_new/?province=15"]
DASHBOARD_ONLY = ["/dashboard/2024/?province=15"]
CONCURRENCY = [1, 4, 8, 16]
SECONDS = 15


def _free(port):
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) != 0


def _serve():
    env = os.environ.copy()
    env.update(
        {
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "ALLOWED_HOSTS": HOST,
            "LOG_LEVEL": "WARNING",
        }
    )
    if not _free(PORT):
        raise RuntimeError(f"port {PORT} is taken")
    # As in production (the Dockerfile): hashed static files, served by WhiteNoise.
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "coopportal.wsgi:application", "--bind", f"{HOST}:{PORT}",
         "--workers", str(WORKERS), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /healthz")


def _check(cookie, paths):
    """Every path answers 200 with the session: a redirect to the login page
    would otherwise count as a fast success."""
    for path in paths:
        request = urllib.request.Request(f"http://{HOST}:{PORT}{path}", headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200 and response.url.endswith(path), (path, response.status, response.url)


def _wrk(cookie, connections, paths):
    env = os.environ.copy()
    env["BENCH_COOKIE"] = cookie
    output = subprocess.run(
        ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{SECONDS}s", "--timeout", "10s",
         "-s", str(ROOT / "bench" / "loadtest.lua"), f"http://{HOST}:{PORT}", *paths],
        capture_output=True, text=True, check=True, env=env, timeout=SECONDS + 60,
    )  # fmt: skip
    return json.loads(output.stdout.strip().splitlines()[-1])


def run(table):
    if not shutil.which("wrk"):
        table.add("load test", "skipped", "", "wrk is not installed (apt-get install wrk)")
        return
    client = client_for()
    client.get("/dashboard/2024/")
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    server = _serve()
    try:
        _check(cookie, PATHS)
        for label, paths in (("dashboard, API, drill-down", PATHS), ("dashboard only", DASHBOARD_ONLY)):
            for connections in CONCURRENCY:
                result = _wrk(cookie, connections, paths)
                errors = result["socket_errors"] + result["status_errors"]
                table.add(
                    f"load: {label}, {connections} concurrent, gunicorn {WORKERS} workers",
                    f"{result['requests'] / result['seconds']:.1f} req/s",
                    f"p95 {result['p95_ms']:.0f} ms",
                    f"{result['requests']} requests, {errors} errors",
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
