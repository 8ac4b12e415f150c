#!/usr/bin/env bash
# Builds and runs the three M/M/c benchmarks (ScaleSim, hand-written C, SimPy) and prints a
# comparison of events per second. Each is run RUNS times and the median is taken.
#
# Usage: benchmarks/run.sh [runs] (default 5)
# Environment: CUSTOMERS (default 5000000) for Swift and C, SIMPY_CUSTOMERS (default 1000000),
# SCRATCH (Swift scratch path, default .build).
# Needs: swift, cc, python3 with simpy 4.1.x (pip install simpy==4.1.2).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
customers="${CUSTOMERS:-5000000}"
simpy_customers="${SIMPY_CUSTOMERS:-1000000}"
scratch="${SCRATCH:-$root/.build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "building: swift (release) and cc -O2" >&2
swift build -c release --package-path "$root" --scratch-path "$scratch" --product simctl >&2
cc -O2 -o "$work/mmc" "$root/benchmarks/mmc.c" -lm

# Prints the median of the events_per_second figures read on standard input.
median() {
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Extracts events_per_second from key=value output or from JSON.
rate() {
    grep -oE '"?events_per_second"?[=:] *[0-9.e+]+' | grep -oE '[0-9.e+]+$'
}

for ((i = 1; i <= runs; i++)); do
    echo "run $i of $runs" >&2
    "$scratch/release/simctl" bench --model mmc --customers "$customers" --format json | rate >> "$work/swift"
    "$work/mmc" "$customers" | rate >> "$work/c"
    python3 "$root/benchmarks/simpy_mmc.py" "$simpy_customers" | rate >> "$work/simpy"
done

swift_rate="$(median < "$work/swift")"
c_rate="$(median < "$work/c")"
simpy_rate="$(median < "$work/simpy")"

awk -v s="$swift_rate" -v c="$c_rate" -v p="$simpy_rate" -v runs="$runs" 'BEGIN {
    printf "M/M/8 at utilization 0.9, median of %d runs\n", runs
    printf "%-10s %16s %12s\n", "", "events/s", "ns/event"
    printf "%-10s %16.0f %12.1f\n", "ScaleSim", s, 1e9 / s
    printf "%-10s %16.0f %12.1f\n", "C", c, 1e9 / c
    printf "%-10s %16.0f %12.1f\n", "SimPy", p, 1e9 / p
    printf "ScaleSim / SimPy: %.1fx (bar: at least 50x)\n", s / p
    printf "C / ScaleSim:     %.2fx (bar: at most 2x)\n", c / s
    printf "ScaleSim:         %.1f million events/s (bar: at least 20)\n", s / 1e6
}'
