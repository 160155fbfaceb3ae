#!/bin/bash
# End-to-end latency and throughput of the node, with DCMTK on both ends, on loopback.
#
#   bash bench/e2e.sh                   3 runs of each study size, then the sustained run
#   REPS=5 bash bench/e2e.sh            more runs
#
# storescu (the sending PACS) pushes a study to `ainode` (the node, run from its build output
# with its defaults but for the ports, the destination and the quiet period); storescp (the
# receiving PACS) stores the SR and SC and stamps the arrival time of each file with
# --exec-on-reception. For each study:
#   latency  = SR arrival - storescu exit (the last C-STORE response)
#   overhead = latency - quiet period - the model's own time (the worker's "analysed ... ms" log line)
# The overhead is the node's own cost: finding the quiet study, reading its files, writing the
# SR and SC, flushing them and sending them. Study sizes: a 1-image and a 300-image
# CT phantom (192x192 slices, `ainode synth --images N`). Then the sustained rate: four
# storescu processes at once, each sending STUDIES_PER_SENDER 3-slice CT studies; studies per
# minute from the first send to the last SR arrival.
# Everything runs in a private network namespace (unshare -n) with only the loopback interface,
# every program is bounded by timeout(1), and every process is stopped by its PID.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
WORK=${WORK:-/tmp/ainode-e2e-bench}
REPS=${REPS:-3}
QUIET_S=${QUIET_S:-1}
STUDIES_PER_SENDER=${STUDIES_PER_SENDER:-10}
NODE_PORT=11112
DEST_PORT=11113
LIMIT=300

if [ -z "${E2E_IN_NETNS:-}" ]; then
    for program in storescu storescp dcmdump unshare dotnet timeout; do
        command -v "$program" > /dev/null || { echo "missing $program (apt-get install -y dcmtk util-linux coreutils)" >&2; exit 1; }
    done
    echo "# building ainode (Release)" >&2
    dotnet build "$REPO/src/Node.Host" -c Release -v quiet -nologo > "${TMPDIR:-/tmp}/ainode-e2e-build.log" 2>&1 \
        || { cat "${TMPDIR:-/tmp}/ainode-e2e-build.log" >&2; exit 1; }
    rm -rf "$WORK"
    mkdir -p "$WORK"
    exec unshare -n env E2E_IN_NETNS=1 bash "$0" "$@"
fi

ip link set lo up
AINODE_DLL="$REPO/src/Node.Host/bin/Release/net10.0/ainode.dll"
ainode() { dotnet "$AINODE_DLL" "$@"; }
now() { date +%s.%N; }
study_uid() { dcmdump +P StudyInstanceUID "$(find "$1" -name '*.dcm' | head -1)" | sed 's/.*\[\(.*\)\].*/\1/'; }
sr_count() { grep -c ' SR[a-z]*\.' "$WORK/arrivals" 2> /dev/null || true; }

echo "# making the studies" >&2
for rep in $(seq 1 "$REPS"); do
    ainode synth --out "$WORK/in/one-$rep" --studies 1 --seed "$((100 + rep))" --modality CT --images 1 > /dev/null
    ainode synth --out "$WORK/in/ct300-$rep" --studies 1 --seed "$((200 + rep))" --modality CT --images 300 > /dev/null
done
for sender in 1 2 3 4; do
    ainode synth --out "$WORK/in/sustained-$sender" --studies "$STUDIES_PER_SENDER" --seed "$((300 + sender))" --modality CT > /dev/null
done

# The receiving PACS: every stored file appends "arrival-time file-name" to $WORK/arrivals.
mkdir -p "$WORK/dest" "$WORK/node"
: > "$WORK/arrivals"
TCP_NODELAY=1 timeout "$LIMIT" storescp -aet DEST -od "$WORK/dest" \
    -xcr "echo \$(date +%s.%N) #f >> $WORK/arrivals" "$DEST_PORT" > "$WORK/storescp.log" 2>&1 &
DEST_PID=$!

# The node: defaults but for ports, destination, quiet period, and CPU only (no GPU here).
(
    cd "$WORK/node"
    export AINODE__Dicom__BindAddress=127.0.0.1 AINODE__Dicom__Port=$NODE_PORT
    export AINODE__Web__Enabled=false AINODE__Storage__FreeDiskMarginMegabytes=0
    export AINODE__StudyAssembly__QuietPeriod="00:00:0$QUIET_S" AINODE__Inference__UseCuda=false
    export AINODE__Destinations__Peers__0__Name=pacs AINODE__Destinations__Peers__0__Host=127.0.0.1
    export AINODE__Destinations__Peers__0__Port=$DEST_PORT AINODE__Destinations__Peers__0__CalledAeTitle=DEST
    exec timeout "$LIMIT" dotnet "$AINODE_DLL"
) > "$WORK/node.log" 2>&1 &
NODE_PID=$!
trap 'kill "$NODE_PID" "$DEST_PID" 2> /dev/null || true' EXIT
for _ in $(seq 1 100); do
    echoscu -aec AINODE 127.0.0.1 "$NODE_PORT" 2> /dev/null && break
    sleep 0.2
done

# Sends one study folder and waits for its SR; prints "latency_s model_ms overhead_s".
run_study() {
    local folder=$1 before uid sent arrived model_ms
    before=$(sr_count)
    uid=$(study_uid "$folder")
    TCP_NODELAY=1 timeout "$LIMIT" storescu -aec AINODE +sd +r 127.0.0.1 "$NODE_PORT" "$folder"
    sent=$(now)
    while [ "$(sr_count)" -le "$before" ]; do sleep 0.02; done
    arrived=$(grep ' SR[a-z]*\.' "$WORK/arrivals" | tail -1 | cut -d' ' -f1)
    model_ms=$(grep -E "Study $uid [a-z-]*analysed: job" "$WORK/node.log" | sed 's/.*, \([0-9]*\) ms$/\1/' | tail -1)
    echo "$(echo "$arrived - $sent" | bc -l) $model_ms $(echo "$arrived - $sent - $QUIET_S - $model_ms / 1000" | bc -l)"
}

echo "study,images,rep,latency_s,model_ms,overhead_s"
for rep in $(seq 1 "$REPS"); do
    for size in one ct300; do
        images=$([ "$size" = one ] && echo 1 || echo 300)
        read -r latency model overhead < <(run_study "$(ls -d "$WORK/in/$size-$rep"/study-*)")
        printf '%s,%s,%s,%.3f,%s,%.3f\n' "$size" "$images" "$rep" "$latency" "$model" "$overhead"
    done
done

# Sustained: four senders at once.
before=$(sr_count)
total=$((4 * STUDIES_PER_SENDER))
start=$(now)
for sender in 1 2 3 4; do
    TCP_NODELAY=1 timeout "$LIMIT" storescu -aec AINODE +sd +r 127.0.0.1 "$NODE_PORT" $(ls -d "$WORK/in/sustained-$sender"/study-*) &
done
wait $(jobs -p | grep -v -e "^$NODE_PID\$" -e "^$DEST_PID\$") 2> /dev/null || true
while [ "$(sr_count)" -lt $((before + total)) ]; do sleep 0.05; done
last=$(grep ' SR[a-z]*\.' "$WORK/arrivals" | tail -1 | cut -d' ' -f1)
echo "sustained,4 senders x $STUDIES_PER_SENDER CT studies,$(echo "$total * 60 / ($last - $start)" | bc -l | xargs printf '%.1f') studies/min over $(echo "$last - $start" | bc -l | xargs printf '%.1f') s"
kill "$NODE_PID" "$DEST_PID" 2> /dev/null || true
