#!/bin/bash
# C-STORE ingest benchmark on loopback: DCMTK storescu sends the same corpus to each receiver.
#
#   bash bench/ingest.sh                 3 runs of every receiver on both corpora
#   REPS=5 bash bench/ingest.sh          more runs
#   RECEIVERS="ainode storescp+B" ...    a subset (names below)
#   WARM_PASSES=3 bash bench/ingest.sh   untimed passes before the timed one (default 1)
#   SENDERS=4 bash bench/ingest.sh       4 storescu processes at once, files dealt round-robin,
#                                        one association each; storescp then runs with --fork
#
# Receivers (the number is the maximum PDU length each advertises):
#   ainode                 ainode receive, default 262144; writes, fsyncs and renames every instance
#   ainode-16k / -128k     the same with --max-pdu 16384 / 131072
#   ainode-nofsync         ainode-128k under eatmydata, which turns fsync into a no-op: not a way
#                          to run the node, only to split its time between the disk and the CPU
#   storescp+B             TCP_NODELAY=1 storescp +B (bit-preserving, never fsyncs), 16384
#   storescp+B-128k        the same with -pdu 131072, the largest storescp 3.6.7 accepts
#   storescp+B-nagle       storescp +B as Debian ships it: TCP_NODELAY unset, so Nagle stays on
#   orthanc                Orthanc with its defaults (fsync of every file, SQLite index), 16384,
#                          TCP_NODELAY=1; its store is emptied through its REST API between passes
# The sender is always TCP_NODELAY=1 storescu: DCMTK 3.6.7 leaves Nagle on otherwise, which
# stalls each response by a delayed-ACK timeout.
#
# Each run: empty store folder, receiver started under /usr/bin/time -v (peak RSS and CPU for its
# whole life), ready when echoscu succeeds. storescu sends the corpus WARM_PASSES + 1 times, each
# pass timed from start to exit (every response received). The first pass finds the receiver
# cold, the store folder is emptied after each untimed pass, and the last pass is the measured
# one. Then the stored files are counted and the receiver is stopped by SIGTERM to its PID. Everything runs in a
# private network namespace (unshare -n) that has only the loopback interface, and every program
# is bounded by timeout(1).
# Output: a CSV row per run in $WORK/ingest.csv and a table of medians on standard output.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CORPUS=${CORPUS:-/tmp/ainode-ingest-corpus}
WORK=${WORK:-/tmp/ainode-ingest-bench}
REPS=${REPS:-3}
WARM_PASSES=${WARM_PASSES:-1}
SENDERS=${SENDERS:-1}
CT_COUNT=${CT_COUNT:-300}
MG_COUNT=${MG_COUNT:-3}
RECEIVERS=${RECEIVERS:-"ainode ainode-16k ainode-128k storescp+B storescp+B-128k storescp+B-nagle"}
CORPORA=${CORPORA:-"ct mg"}
PORT=11112
RUN_LIMIT=600

if [ -z "${INGEST_IN_NETNS:-}" ]; then
    for program in storescu storescp echoscu /usr/bin/time unshare dotnet; do
        command -v "$program" > /dev/null || { echo "missing $program (apt-get install -y dcmtk time util-linux)" >&2; exit 1; }
    done
    if [[ " $RECEIVERS " == *" orthanc "* ]]; then
        for program in Orthanc curl; do
            command -v "$program" > /dev/null || { echo "missing $program (apt-get install -y orthanc curl)" >&2; exit 1; }
        done
    fi
    if [ ! -f "$CORPUS/ct/ct$(printf %05d $((CT_COUNT - 1))).dcm" ] || [ ! -f "$CORPUS/mg/mg$(printf %03d $((MG_COUNT - 1))).dcm" ]; then
        echo "# making the corpus in $CORPUS" >&2
        /usr/bin/python3 "$HERE/make_ingest_corpus.py" "$CORPUS" "$CT_COUNT" "$MG_COUNT"
    fi
    echo "# building ainode (Release)" >&2
    dotnet build "$REPO/src/Node.Host" -c Release -v quiet -nologo > "${TMPDIR:-/tmp}/ainode-ingest-build.log" 2>&1 \
        || { cat "${TMPDIR:-/tmp}/ainode-ingest-build.log" >&2; exit 1; }
    mkdir -p "$WORK"
    exec unshare -n env INGEST_IN_NETNS=1 bash "$0" "$@"
fi

ip link set lo up
AINODE="$REPO/src/Node.Host/bin/Release/net10.0/ainode"
CSV=$WORK/ingest.csv
STORE=$WORK/store
echo "receiver,max_pdu,corpus,rep,files,bytes,wall_s,cold_wall_s,stored,rx_max_rss_kib,rx_cpu_s,errors,senders" > "$CSV"

now() { date +%s.%N; }

# Sets RX_CMD, RX_ENV, RX_AE and RX_PDU for a receiver name.
receiver_command() {
    RX_ENV=(env TCP_NODELAY=1)
    case $1 in
        ainode)           RX_AE=AINODE; RX_PDU=262144; RX_CMD=("$AINODE" receive --out "$STORE" --port $PORT --bind 127.0.0.1 --log-format text) ;;
        ainode-16k)       RX_AE=AINODE; RX_PDU=16384;  RX_CMD=("$AINODE" receive --out "$STORE" --port $PORT --bind 127.0.0.1 --log-format text --max-pdu 16384) ;;
        ainode-128k)      RX_AE=AINODE; RX_PDU=131072; RX_CMD=("$AINODE" receive --out "$STORE" --port $PORT --bind 127.0.0.1 --log-format text --max-pdu 131072) ;;
        ainode-nofsync)   RX_AE=AINODE; RX_PDU=131072; RX_CMD=(eatmydata "$AINODE" receive --out "$STORE" --port $PORT --bind 127.0.0.1 --log-format text --max-pdu 131072) ;;
        storescp+B)       RX_AE=STORESCP; RX_PDU=16384;  RX_CMD=(storescp -aet STORESCP +B -od "$STORE" $PORT) ;;
        storescp+B-128k)  RX_AE=STORESCP; RX_PDU=131072; RX_CMD=(storescp -aet STORESCP +B -pdu 131072 -od "$STORE" $PORT) ;;
        storescp+B-nagle) RX_AE=STORESCP; RX_PDU=16384;  RX_CMD=(storescp -aet STORESCP +B -od "$STORE" $PORT); RX_ENV=(env -u TCP_NODELAY) ;;
        orthanc)          RX_AE=ORTHANC;  RX_PDU=16384;  write_orthanc_config; RX_CMD=(Orthanc "$WORK/orthanc.json") ;;
        *) echo "unknown receiver $1" >&2; exit 2 ;;
    esac
    # storescp serves one association at a time unless it forks a child for each.
    if [ "$SENDERS" -gt 1 ] && [ "$RX_AE" = STORESCP ]; then
        RX_CMD=("${RX_CMD[0]}" --fork "${RX_CMD[@]:1}")
    fi
}

ORTHANC_REST=http://127.0.0.1:8042

# Orthanc's configuration: its defaults, except the folders, the ports and no plugins.
write_orthanc_config() {
    rm -rf "$WORK/orthanc-index"
    cat > "$WORK/orthanc.json" <<JSON
{
  "Name": "ainode-ingest-bench",
  "StorageDirectory": "$STORE",
  "IndexDirectory": "$WORK/orthanc-index",
  "DicomAet": "ORTHANC",
  "DicomPort": $PORT,
  "HttpPort": 8042,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "Plugins": []
}
JSON
}

# Empties the store folder between passes; Orthanc's index must forget the instances too.
empty_store() {
    if [ "$RX_AE" = ORTHANC ]; then
        local patient
        for patient in $(curl -s "$ORTHANC_REST/patients" | /usr/bin/python3 -c 'import json, sys; print(" ".join(json.load(sys.stdin)))'); do
            curl -s -X DELETE "$ORTHANC_REST/patients/$patient" > /dev/null
        done
    else
        find "$STORE" -type f -delete
    fi
    sync
}

# Counts the instances stored by the measured pass.
count_stored() {
    if [ "$RX_AE" = ORTHANC ]; then
        curl -s "$ORTHANC_REST/statistics" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["CountInstances"])'
    else
        # A .partial file is one ainode has not finished; storescp names files without an extension.
        find "$STORE" -type f ! -name '*.partial' | wc -l
    fi
}

start_receiver() {
    rm -rf "$STORE"; mkdir -p "$STORE"; sync
    "${RX_ENV[@]}" timeout -s TERM $RUN_LIMIT /usr/bin/time -v -o "$WORK/rx_time.txt" "${RX_CMD[@]}" > "$WORK/rx.log" 2>&1 &
    RX_OUTER=$!
    for _ in $(seq 300); do
        echoscu -aec "$RX_AE" 127.0.0.1 $PORT > /dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "receiver did not start:" >&2; cat "$WORK/rx.log" >&2; exit 1
}

# Stops the receiver by SIGTERM to its own PID: the child of /usr/bin/time, itself the child of timeout.
stop_receiver() {
    local time_pid receiver_pid
    time_pid=$(pgrep -P "$RX_OUTER" | head -1)
    receiver_pid=$(pgrep -P "$time_pid" | head -1)
    kill -TERM "$receiver_pid"
    wait "$RX_OUTER" || true
    RX_RSS=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/rx_time.txt")
    RX_CPU=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$WORK/rx_time.txt")
}

# Sends the files with SENDERS storescu processes at once, one association each, with the files
# dealt round-robin. Sets SEND_WALL (seconds from the start to the last exit) and adds to ERRORS.
send_files() {
    local started finished sender index pids=() files
    started=$(now)
    for sender in $(seq 0 $((SENDERS - 1))); do
        files=()
        for index in $(seq "$sender" "$SENDERS" $(($# - 1))); do
            files+=("${@:$((index + 1)):1}")
        done
        [ ${#files[@]} -gt 0 ] || continue
        TCP_NODELAY=1 timeout $RUN_LIMIT storescu -aet BENCHSCU -aec "$RX_AE" 127.0.0.1 $PORT "${files[@]}" > "$WORK/tx$sender.log" 2>&1 &
        pids+=($!)
    done
    for sender in "${!pids[@]}"; do
        wait "${pids[$sender]}" || ERRORS=$((ERRORS + 1))
    done
    finished=$(now)
    for sender in "${!pids[@]}"; do
        ERRORS=$((ERRORS + $(grep -c '^E:' "$WORK/tx$sender.log" || true)))
    done
    SEND_WALL=$(awk "BEGIN {print $finished - $started}")
}

run_once() { # receiver corpus rep
    local files=("$CORPUS/$2"/*.dcm)
    local bytes; bytes=$(cat "${files[@]}" | wc -c)   # also brings the corpus into the page cache
    receiver_command "$1"
    start_receiver
    ERRORS=0

    # The first pass finds the receiver cold (for ainode: methods not yet compiled by the JIT).
    # Further untimed passes let the JIT finish recompiling hot methods, as in a node that has
    # run for a while.
    local cold="" pass
    for pass in $(seq "$WARM_PASSES"); do
        send_files "${files[@]}"
        cold=${cold:-$SEND_WALL}
        empty_store
    done

    # The pass after them is the measured one.
    send_files "${files[@]}"
    local stored; stored=$(count_stored)
    stop_receiver
    printf '%s,%s,%s,%s,%s,%s,%.3f,%.3f,%s,%s,%s,%s,%s\n' "$1" "$RX_PDU" "$2" "$3" "${#files[@]}" "$bytes" \
        "$SEND_WALL" "$cold" "$stored" "$RX_RSS" "$RX_CPU" "$ERRORS" "$SENDERS" | tee -a "$CSV" >&2
    rm -rf "$STORE"
}

# Receivers take turns within each repetition, so a slow spell of the machine hits them all.
for rep in $(seq "$REPS"); do
    for corpus in $CORPORA; do
        for receiver in $RECEIVERS; do
            run_once "$receiver" "$corpus" "$rep"
        done
    done
done

/usr/bin/python3 - "$CSV" <<'PYTHON'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
groups = {}
for row in rows:
    groups.setdefault((row["corpus"], row["receiver"], row["max_pdu"]), []).append(row)
print(f"senders: {rows[0]['senders']} storescu at once" if rows else "no runs")
print("| corpus | receiver | max PDU | runs | instances/s median (min-max) | MB/s median | first pass instances/s median | peak RSS MiB median | CPU s median (all passes) | stored/sent | errors |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for (corpus, receiver, pdu), runs in groups.items():
    rates = [int(r["files"]) / float(r["wall_s"]) for r in runs]
    mbps = [int(r["bytes"]) / 1e6 / float(r["wall_s"]) for r in runs]
    cold = [int(r["files"]) / float(r["cold_wall_s"]) for r in runs]
    rss = [int(r["rx_max_rss_kib"]) / 1024 for r in runs]
    cpu = [float(r["rx_cpu_s"]) for r in runs]
    stored = "/".join({f'{r["stored"]}/{r["files"]}' for r in runs})
    errors = sum(int(r["errors"]) for r in runs)
    print(f"| {corpus} | {receiver} | {pdu} | {len(runs)} | {statistics.median(rates):.1f} ({min(rates):.1f}-{max(rates):.1f}) "
          f"| {statistics.median(mbps):.0f} | {statistics.median(cold):.1f} | {statistics.median(rss):.0f} | {statistics.median(cpu):.2f} | {stored} | {errors} |")
PYTHON
