"""Answer a Batch API requests file with a real OpenAI-compatible server, one request at a time,
and write what it returns in the Batch API output format (one line per request:
``{"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}``).

This is how ``tests/fixtures/batch/results.jsonl`` is recorded (scripts/record-batch-results.sh
starts the server and runs this); results files are never written by hand.

    python scripts/batch_results_from_server.py REQUESTS.jsonl OUT.jsonl --base-url URL
"""

from __future__ import annotations

import argparse
import json
import urllib.error
import urllib.request
from typing import Any


def answer(base_url: str, line: dict[str, Any], number: int) -> dict[str, Any]:
    url = base_url.rstrip("/").removesuffix("/v1") + line["url"]
    data = json.dumps(line["body"]).encode("utf-8")
    headers = {"Content-Type": "application/json", "Authorization": "Bearer unused"}
    request = urllib.request.Request(url, data=data, headers=headers, method=line["method"])
    try:
        with urllib.request.urlopen(request, timeout=600) as reply:
            status, body = reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        status, body = error.code, json.loads(error.read() or b"{}")
    return {
        "id": f"batch_req_{number:06d}",
        "custom_id": line["custom_id"],
        "response": {"status_code": status, "request_id": f"req_{number:06d}", "body": body},
        "error": None,
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("requests")
    options.add_argument("output")
    options.add_argument("--base-url", default="http://127.0.0.1:8011/v1")
    args = options.parse_args()
    with open(args.requests, encoding="utf-8") as lines, open(
        args.output, "w", encoding="utf-8"
    ) as out:
        for number, text in enumerate(lines, start=1):
            result = answer(args.base_url, json.loads(text), number)
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            print(f"{result['custom_id']}: HTTP {result['response']['status_code']}")


if __name__ == "__main__":
    main()
