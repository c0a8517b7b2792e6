"""HTTP for the harness: one-off requests (setup, query counts), and the two load tools.

Gunicorn's sync workers close the connection after every response, so each request here is a
connection of its own, as it is for wrk against them.

- `run_wrk`: wrk (Debian's `wrk` package) with a Lua script cycling through the requests given.
- `run_python`: the fallback when wrk is missing, asyncio streams in this process (no extra
  package: the venv has neither httpx nor aiohttp). Its own CPU use counts against the server on
  a small machine, so its figures are lower than wrk's; the output says which tool ran.
"""

import asyncio
import json
import math
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from http.client import HTTPConnection
from http.cookies import SimpleCookie

HOST = "127.0.0.1"


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]
    cookies: dict[str, str] = field(default_factory=dict)


@dataclass
class Req:
    method: str
    path: str
    cookie: str = ""
    body: str = ""
    htmx: bool = False

    def headers(self) -> dict[str, str]:
        headers = {"Host": HOST, "Connection": "close", "User-Agent": "dbt-load-harness"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.htmx:
            headers["HX-Request"] = "true"
        return headers


def request(port: int, method: str, path: str, *, body: str = "", cookie: str = "", htmx=False):
    req = Req(method, path, cookie, body, htmx)
    conn = HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request(method, path, body=body.encode() or None, headers=req.headers())
        response = conn.getresponse()
        payload = response.read()
        cookies = {}
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            cookies.update({name: morsel.value for name, morsel in jar.items()})
        return Answer(response.status, payload, dict(response.headers.items()), cookies)
    finally:
        conn.close()


def send(port: int, req: Req) -> Answer:
    return request(port, req.method, req.path, body=req.body, cookie=req.cookie, htmx=req.htmx)


@dataclass
class Round:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)  # nearest rank
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def wrk_path() -> str | None:
    return shutil.which("wrk")


# --- wrk ---------------------------------------------------------------------------------------

_LUA = """
local reqs = {%s}
local n = 0
request = function()
  n = n + 1
  return reqs[(n %% #reqs) + 1]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "\\nHARNESS {\\"requests\\": %%d, \\"us\\": %%d, \\"errors\\": %%d, " ..
    "\\"p50\\": %%d, \\"p95\\": %%d, \\"p99\\": %%d}\\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def _lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid Lua string literal for ASCII


def run_wrk(port: int, reqs: list[Req], seconds: float, connections: int) -> Round:
    lines = []
    for req in reqs:
        headers = ", ".join(
            f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in req.headers().items()
        )
        body = _lua_string(req.body) if req.body else "nil"
        lines.append(
            f"wrk.format({_lua_string(req.method)}, {_lua_string(req.path)}, {{{headers}}}, {body})"
        )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_LUA % ",\n".join(lines))
    try:
        out = subprocess.run(
            [
                "wrk",
                "--threads",
                "1",
                "--connections",
                str(connections),
                "--duration",
                f"{max(1, round(seconds))}s",
                "--timeout",
                "30s",
                "--script",
                script.name,
                f"http://{HOST}:{port}/",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    data = json.loads(out.split("HARNESS ", 1)[1].splitlines()[0])
    return Round(
        requests=data["requests"],
        seconds=data["us"] / 1e6,
        errors=data["errors"],
        p50_ms=data["p50"] / 1000,
        p95_ms=data["p95"] / 1000,
        p99_ms=data["p99"] / 1000,
    )


# --- asyncio -----------------------------------------------------------------------------------


async def fetch(port: int, req: Req, timeout: float = 30) -> int:
    """One request on a connection of its own; the status, or 0 for a connection error."""
    payload = req.body.encode()
    head = f"{req.method} {req.path} HTTP/1.1\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in req.headers().items()
    )
    if req.method == "POST":
        head += f"Content-Length: {len(payload)}\r\n"
    data = head.encode() + b"\r\n" + payload

    async def exchange() -> int:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            writer.write(data)
            await writer.drain()
            status_line = await reader.readline()
            await reader.read()  # the server closes the connection after the response
            return int(status_line.split()[1])
        finally:
            writer.close()

    try:
        return await asyncio.wait_for(exchange(), timeout)
    except (TimeoutError, OSError, ValueError, IndexError):
        return 0


def ok(status: int) -> bool:
    return 200 <= status < 400


def run_python(port: int, reqs: list[Req], seconds: float, connections: int) -> Round:
    latencies: list[float] = []
    errors = 0

    async def worker(index: int, stop: float) -> None:
        nonlocal errors
        n = index
        while time.monotonic() < stop:
            started = time.perf_counter()
            status = await fetch(port, reqs[n % len(reqs)])
            latencies.append(time.perf_counter() - started)
            errors += not ok(status)
            n += connections

    async def main() -> float:
        started = time.monotonic()
        stop = started + seconds
        await asyncio.gather(*(worker(i, stop) for i in range(connections)))
        return time.monotonic() - started

    elapsed = asyncio.run(main())
    ms = [x * 1000 for x in latencies]
    return Round(
        requests=len(ms),
        seconds=elapsed,
        errors=errors,
        p50_ms=percentile(ms, 50),
        p95_ms=percentile(ms, 95),
        p99_ms=percentile(ms, 99),
    )
