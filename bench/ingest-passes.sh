#!/bin/bash
# Per-pass throughput and receiver processor time of one long-lived `ainode receive`.
# storescu sends the same folder PASSES times over loopback. After each pass the script prints
# instances/s and the receiver's processor time per instance, read from /proc/PID/stat. The
# JIT's recompilation shows as processor time that falls from pass to pass.
#
#   bash bench/ingest-passes.sh                         8 passes of the CT corpus
#   PASSES=4 CORPUS_DIR=/tmp/ainode-ingest-corpus/mg bash bench/ingest-passes.sh
#   bash bench/ingest-passes.sh env DOTNET_TieredPGO=1  the receiver started under a wrapper
#   AINODE_BIN=/path/to/ainode bash bench/ingest-passes.sh   another build, for an A/B run
#
# Make the corpus first with bench/make_ingest_corpus.py (bench/ingest.sh does). The store
# folder is emptied before each pass, as bench/ingest.sh does.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
AINODE_BIN=${AINODE_BIN:-$REPO/src/Node.Host/bin/Release/net10.0/ainode}
CORPUS_DIR=${CORPUS_DIR:-/tmp/ainode-ingest-corpus/ct}
PASSES=${PASSES:-8}
PORT=${PORT:-11579}
STORE=$(mktemp -d /tmp/ainode-passes.XXXXXX)
TICKS=$(getconf CLK_TCK)

"$@" "$AINODE_BIN" receive --out "$STORE" --port "$PORT" --bind 127.0.0.1 --log-format text > "$STORE.log" 2>&1 &
RECEIVER=$!
trap 'kill -TERM $RECEIVER 2> /dev/null || true; wait $RECEIVER 2> /dev/null || true; rm -rf "$STORE" "$STORE.log"' EXIT

# A wrapper such as env execs the receiver, which keeps the wrapper's PID, so $! stays valid.
for _ in $(seq 100); do
    echoscu -aec AINODE 127.0.0.1 "$PORT" 2> /dev/null && break
    sleep 0.1
done

ticks() { awk '{ print $14 + $15 }' "/proc/$RECEIVER/stat"; }
COUNT=$(find "$CORPUS_DIR" -type f | wc -l)
for pass in $(seq "$PASSES"); do
    find "$STORE" -mindepth 1 -delete
    sync
    before=$(ticks)
    start=$(date +%s.%N)
    TCP_NODELAY=1 timeout 600 storescu +sd -aec AINODE 127.0.0.1 "$PORT" "$CORPUS_DIR" > /dev/null 2>&1
    end=$(date +%s.%N)
    after=$(ticks)
    stored=$(find "$STORE" -name '*.dcm' | wc -l)
    awk -v pass="$pass" -v n="$COUNT" -v s="$start" -v e="$end" -v b="$before" -v a="$after" -v hz="$TICKS" -v stored="$stored" \
        'BEGIN { printf "pass %d: %.1f instances/s, receiver processor %.2f ms per instance, stored %d/%d\n", pass, n / (e - s), (a - b) * 1000 / hz / n, stored, n }'
done
