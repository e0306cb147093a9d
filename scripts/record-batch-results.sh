#!/usr/bin/env bash
# Record tests/fixtures/batch/results.jsonl from a real server: export the fixture corpus's Batch
# API requests (tests/fixtures/batch/requests.jsonl), send each to the llama-cpp-python server,
# and save its answers in the Batch API output format. Never write these files by hand; rerun
# this when a prompt template or the request body changes:
#
#   flock /tmp/record.lock scripts/record-batch-results.sh
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=tests/fixtures/batch
export CLAIMDESK_OUTPUT_MODE=json_object CLAIMDESK_MAX_TOKENS=256 OPENAI_API_KEY=unused
export CLAIMDESK_HOME="$(mktemp -d)"
claimdesk batch export "$fixtures/corpus.jsonl" -o "$fixtures/requests.jsonl" \
    --model openai:smollm2-135m --base-url http://127.0.0.1:8011/v1
exec scripts/with-llama-server.sh python scripts/batch_results_from_server.py \
    "$fixtures/requests.jsonl" "$fixtures/results.jsonl" --base-url http://127.0.0.1:8011/v1
