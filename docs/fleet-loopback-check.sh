#!/usr/bin/env bash
# Issue 11, acceptance 3: the fleet simulator against the real loopback verification service.
#
# Runs `configspec fleet-loopback` under SLED and under WISP (4 drafting clients against the real
# VerificationServer on 127.0.0.1, sample model family) — WISP twice: with draft-3l-fp32, whose
# tokens its predictor never flags (no stop is predicted, so the false-stop rate has nothing to
# count and is printed as n/a), and with the weaker draft-1l-int8, where it does stop — and checks
# that the simulator's goodput
# and median time per output token are each within 10 % of what the service measured. Prints the
# machine's load average (1, 5, 15 min) before and after each run and its CPU count beside the
# figures, because on a loaded machine the overheads it measures grow by orders of magnitude
# (docs/benchmarks.md, "Loopback experiment"). Exit status 0 when all four figures are within
# 10 %, 1 when one is not, 2 on bad usage. Documented in docs/fleet.md and docs/benchmarks.md.
#
# Usage (from anywhere in the checkout):  docs/fleet-loopback-check.sh
# Settings by environment: MODELS (default /tmp/fleetmodels; generated there when missing),
# CLIENTS (4), DURATION (20 s), CASES ("sled:draft-3l-fp32 wisp:draft-3l-fp32 wisp:draft-1l-int8",
# policy:drafter), BOUND (10, percent).
set -euo pipefail
cd "$(dirname "$0")/.."
MODELS=${MODELS:-/tmp/fleetmodels}
CLIENTS=${CLIENTS:-4}
DURATION=${DURATION:-20}
CASES=${CASES:-sled:draft-3l-fp32 wisp:draft-3l-fp32 wisp:draft-1l-int8}
BOUND=${BOUND:-10}

if [ ! -e "$MODELS/draft-3l-fp32" ] || [ ! -e "$MODELS/target-12l-fp32" ]; then
    echo "generating the sample model family in $MODELS"
    ./configspec models generate --out "$MODELS" >/dev/null
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
status=0
echo "machine: $(nproc) CPUs; bound ${BOUND} %; ${CLIENTS} clients, ${DURATION} s per case"
for case in $CASES; do
    policy=${case%%:*}
    drafter=${case#*:}
    before=$(load)
    summary=$(./configspec fleet-loopback --models "$MODELS" --draft "$drafter" --target target-12l-fp32 \
        --prompts samples/prompts/sample-prompts.txt --policy "$policy" --clients "$CLIENTS" \
        --duration "$DURATION" | head -n 1)
    after=$(load)
    # "... goodput measured A vs simulated B tokens/s (G % off); median TPOT measured C vs simulated D ms (T % off); ..."
    goodput=$(sed -n 's/.*goodput measured \([0-9.]*\) vs simulated \([0-9.]*\) tokens\/s (\([0-9.]*\) % off).*/\1 \2 \3/p' <<<"$summary")
    tpot=$(sed -n 's/.*median TPOT measured \([0-9.]*\) vs simulated \([0-9.]*\) ms (\([0-9.]*\) % off).*/\1 \2 \3/p' <<<"$summary")
    if [ -z "$goodput" ] || [ -z "$tpot" ]; then
        echo "$policy ($drafter): could not read the summary: $summary" >&2
        exit 1
    fi
    read -r gm gs ge <<<"$goodput"
    read -r tm ts te <<<"$tpot"
    verdict=$(awk -v g="$ge" -v t="$te" -v b="$BOUND" 'BEGIN { print (g <= b && t <= b) ? "within" : "NOT within" }')
    [ "$verdict" = "within" ] || status=1
    printf '%s (%s): goodput measured %s vs simulated %s tokens/s (%s %% off); median TPOT measured %s vs simulated %s ms (%s %% off): %s %s %%; load average before %s, after %s\n' \
        "$policy" "$drafter" "$gm" "$gs" "$ge" "$tm" "$ts" "$te" "$verdict" "$BOUND" "$before" "$after"
    echo "  full summary: $summary"
done
exit $status
