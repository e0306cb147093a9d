"""Whether the model is kept busy: parts of one article and several articles in flight at once.

Starts a loopback OpenAI-compatible server that answers every chat completion after 500 ms (and
counts how many requests it holds at once), then times, from one run:

- ``Assistant.analyze`` of 8 files against 1 file, with ``concurrency=8`` (target: <= 1.5x);
- ``claimdesk analyze`` (the CLI, a fresh process) of 8 files against 1 file;
- an article cut into 5 parts against a 1-part article (target: <= 2x).

    python bench/concurrency.py [--delay 0.5]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant

CONCURRENCY = 8  # the bound under test (--concurrency; the default is 4)
ANSWER = {
    "id": "chatcmpl-bench",
    "object": "chat.completion",
    "created": 0,
    "model": "bench",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": '{"claims": []}'},
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}


class SlowServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, delay: float) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.delay = delay
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most = 0
        self.requests = 0

    def reset(self) -> None:
        with self.lock:
            self.most = self.requests = 0


class _Handler(BaseHTTPRequestHandler):
    server: SlowServer

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with self.server.lock:
            self.server.in_flight += 1
            self.server.requests += 1
            self.server.most = max(self.server.most, self.server.in_flight)
        time.sleep(self.server.delay)
        with self.server.lock:
            self.server.in_flight -= 1
        body = json.dumps(ANSWER).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        return


def article(paragraphs: int, seed: int) -> str:
    return "\n\n".join(
        f"Paragraph {i} of article {seed}: the council said the budget for project {i} rose by "
        f"{i * 3 + seed} per cent, according to the city auditor's report."
        for i in range(paragraphs)
    )


def timed(action: Any, runs: int = 3) -> float:
    """The median of ``runs`` timings."""
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return sorted(seconds)[len(seconds) // 2]


def sdk(server: SlowServer, url: str, texts: list[str], context: int) -> tuple[float, int, int]:
    server.reset()
    os.environ["CLAIMDESK_CONTEXT_CHARS"] = str(context)
    assistant = Assistant("openai:bench", base_url=url, api_key="bench", concurrency=CONCURRENCY)
    seconds = timed(lambda: assistant.analyze(texts))
    return seconds, server.requests // 3, server.most


def cli(server: SlowServer, url: str, files: list[str]) -> tuple[float, int, int]:
    server.reset()
    command = ["claimdesk", "analyze", *files, "-m", "openai:bench", "--base-url", url, "-q"]
    command += ["--concurrency", str(CONCURRENCY)]
    env = {**os.environ, "OPENAI_API_KEY": "bench", "CLAIMDESK_HOME": tempfile.mkdtemp()}
    seconds = timed(lambda: subprocess.run(command, env=env, check=True, capture_output=True))
    return seconds, server.requests // 3, server.most


def report(
    name: str, one: tuple[float, int, int], many: tuple[float, int, int], goal: float
) -> None:
    ratio = many[0] / one[0]
    verdict = "ok" if ratio <= goal else "SLOW"
    print(
        f"{name}: one {one[0]:.2f} s ({one[1]} requests), many {many[0]:.2f} s ({many[1]} "
        f"requests, at most {many[2]} in flight) -> ratio {ratio:.2f} (target <= {goal}) {verdict}"
    )


def main() -> None:
    options = argparse.ArgumentParser()
    options.add_argument("--delay", type=float, default=0.5)
    args = options.parse_args()
    server = SlowServer(args.delay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    texts = [article(4, n) for n in range(8)]
    sdk(server, url, texts[:1], 24_000)  # warm-up: imports, first connection
    report(
        "sdk 8 files vs 1",
        sdk(server, url, texts[:1], 24_000),
        sdk(server, url, texts, 24_000),
        1.5,
    )
    long = article(20, 99)
    report(
        "5-part article vs 1 part",
        sdk(server, url, [long], 24_000),
        sdk(server, url, [long], len(long) // 5 + 10),
        2.0,
    )
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for n, text in enumerate(texts):
            path = Path(folder) / f"article{n}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        os.environ.pop("CLAIMDESK_CONTEXT_CHARS", None)
        report("cli 8 files vs 1", cli(server, url, files[:1]), cli(server, url, files), 1.5)
    server.shutdown()


if __name__ == "__main__":
    main()
