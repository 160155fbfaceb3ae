#!/bin/bash
# Peak memory of the node (ainode serve) while it takes in one large instance over C-STORE.
#
#   bash bench/node-memory.sh FILE                 the Release build of this checkout
#   AINODE_BIN=/path/to/ainode bash bench/node-memory.sh FILE   another build, for an A/B run
#
# The node runs on 127.0.0.1:12390 with its own storage folder under /tmp and a quiet period of
# ten minutes, so no analysis starts. storescu sends FILE once; the script prints VmHWM from
# /proc/PID/status before and after, then stops the node by its PID and deletes the folder.
set -euo pipefail

FILE=${1:?usage: bash bench/node-memory.sh FILE}
REPO=$(cd "$(dirname "$0")/.." && pwd)
AINODE_BIN=${AINODE_BIN:-$REPO/src/Node.Host/bin/Release/net10.0/ainode}
PORT=${PORT:-12390}
FOLDER=$(mktemp -d /tmp/ainode-memory.XXXXXX)

export AINODE__Dicom__Port=$PORT AINODE__Dicom__BindAddress=127.0.0.1 AINODE__Web__Enabled=false
export AINODE__Storage__Root=$FOLDER/var AINODE__Storage__FreeDiskMarginMegabytes=0
export AINODE__StudyAssembly__QuietPeriod=00:10:00 AINODE__Inference__UseCuda=false
(cd "$FOLDER" && exec "$AINODE_BIN" serve > "$FOLDER/node.log" 2>&1) &
NODE=$!
trap 'kill -TERM $NODE 2> /dev/null || true; wait $NODE 2> /dev/null || true; rm -rf "$FOLDER"' EXIT

for _ in $(seq 120); do
    echoscu -aec AINODE 127.0.0.1 "$PORT" 2> /dev/null && break
    sleep 0.5
done

echo "before: $(grep VmHWM /proc/$NODE/status)"
TCP_NODELAY=1 storescu -aec AINODE 127.0.0.1 "$PORT" "$FILE"
echo "after one instance of $(stat -c %s "$FILE") bytes: $(grep VmHWM /proc/$NODE/status)"
