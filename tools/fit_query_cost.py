#!/usr/bin/env python3
"""Fit the query cost constants on the 10k-1M calibration rows and predict 10M.

Usage, from the repository root:

    python3 tools/fit_query_cost.py            # print constants and the comparison table
    python3 tools/fit_query_cost.py --write    # also rewrite the two generated fixtures

Reads Tests/SimModelsTests/Fixtures/calibration/{postgres15_query_cost,dataset_sizes}.csv.
With --write it rewrites calibration_inputs.csv (the per-size inputs of every modelled
row) and model_predictions.csv (this script's modelled latency of every row), which
QueryCostModelTests uses to check that the Swift model computes the same figures.

Python 3 standard library only. The model below mirrors Sources/SimModels/Store/
QueryCostModel.swift; a change to one must be made in the other.
"""

import csv
import math
import os
import re
import sys

FIXTURES = os.path.join("Tests", "SimModelsTests", "Fixtures", "calibration")
FIT_SIZES = (9953, 101173, 1000129)
HOLDOUT_SIZE = 10003964
LISTING_LIMIT = 50
# Fixed, not fitted: a B-tree page contains a few hundred keys. With 300 the rounded-up depth
# is 2 levels at 10k rows and 3 at 1M and 10M, as reported for the calibration indexes.
BTREE_FANOUT = 300.0
# 13 monthly partitions; a 90-day window overlaps 3 of them.
PARTITION_COUNT = 13
SCANNED_PARTITIONS = 3
MESSAGE_INDEXES = {"noidx": 1, "idx": 2}  # messages_pkey, plus messages_conv_created_idx


class Constants:
    """Every fitted figure, in seconds (per row, per byte, per level, ...)."""

    statement_overhead = 0.0
    per_row_scanned = 0.0
    per_byte_scanned = 0.0
    parallel_speedup = 1.0
    parallel_threshold_rows = float("inf")
    per_index_level = 0.0
    per_row_returned = 0.0
    per_row_sorted = 0.0
    per_row_aggregated = 0.0
    per_partition_scanned = 0.0
    insert_base = 0.0
    per_index_maintained = 0.0
    commit_flush = 0.0


# ---------------------------------------------------------------- model (mirror of Swift)

def btree_levels(rows):
    return max(1.0, math.log(max(rows, 1.0)) / math.log(BTREE_FANOUT))


def index_probe(c, table_rows, rows_returned):
    return btree_levels(table_rows) * c.per_index_level + rows_returned * c.per_row_returned


def is_parallel(c, rows):
    return rows > c.parallel_threshold_rows


def serial_scan(c, rows, row_bytes):
    return rows * (c.per_row_scanned + row_bytes * c.per_byte_scanned)


def scan_then_work(c, rows, row_bytes, work, allow_parallel=True):
    """Seq scan plus per-row work above it (sort, aggregate); parallel plans divide both."""
    total = serial_scan(c, rows, row_bytes) + work
    if allow_parallel and is_parallel(c, rows):
        return total / c.parallel_speedup
    return total


def conversation_list(c, w):
    k = min(LISTING_LIMIT, w["tenant_conversations"])
    if w["indexed"]:
        return c.statement_overhead + index_probe(c, w["conversation_rows"], k), k
    sort = w["tenant_conversations"] * c.per_row_sorted
    cost = scan_then_work(c, w["conversation_rows"], w["conversation_bytes"], sort)
    return c.statement_overhead + cost, w["conversation_rows"]


def latest_message(c, w, allow_parallel):
    if w["indexed"]:
        return index_probe(c, w["message_rows"], 1), 1
    per_conversation = w["tenant_messages"] / max(w["tenant_conversations"], 1)
    sort = per_conversation * c.per_row_sorted
    cost = scan_then_work(c, w["message_rows"], w["message_bytes"], sort, allow_parallel)
    return cost, w["message_rows"]


def listing(c, w, shape):
    """Return (statements, server seconds, rows scanned) of the conversation listing."""
    k = min(LISTING_LIMIT, w["tenant_conversations"])
    head, head_rows = conversation_list(c, w)
    if shape == "nplus1":
        each, each_rows = latest_message(c, w, allow_parallel=True)
        return 1 + k, head + k * (c.statement_overhead + each), head_rows + k * each_rows
    # LATERAL: one statement whose inner side is never parallel; its second SELECT block
    # pays a second planning overhead.
    each, each_rows = latest_message(c, w, allow_parallel=False)
    return 1, c.statement_overhead + head + k * each, head_rows + k * each_rows


def usage_aggregate(c, w, indexed, partitioned):
    cost = c.statement_overhead
    rows = w["usage_rows"]
    window = w["tenant_window_rows"]
    aggregate = window * c.per_row_aggregated
    partitions = 1
    if partitioned:
        partitions = SCANNED_PARTITIONS
        rows = rows * SCANNED_PARTITIONS / PARTITION_COUNT
        cost += SCANNED_PARTITIONS * c.per_partition_scanned
    if indexed:
        per_partition_rows = rows / partitions
        probes = partitions * index_probe(c, per_partition_rows, 0)
        return 1, cost + probes + aggregate, window
    return 1, cost + scan_then_work(c, rows, w["usage_bytes"], aggregate), rows


def message_insert(c, w, index_count, synchronous):
    cost = c.statement_overhead + c.insert_base
    cost += index_probe(c, w["conversation_rows"], 1)  # foreign-key check
    cost += index_count * (btree_levels(w["message_rows"]) * c.per_index_level + c.per_index_maintained)
    if synchronous:
        cost += c.commit_flush
    return 1, cost, 1 + index_count


# ---------------------------------------------------------------- data

def read_rows():
    with open(os.path.join(FIXTURES, "postgres15_query_cost.csv"), newline="") as f:
        return list(csv.DictReader(f))


def read_sizes():
    """Return {(size, table): (rows, heap bytes per row)}.

    The heap bytes per row are taken from the 1M data set for every size, because the 10k
    heaps are too small for the CSV's one-decimal MiB figures (conversations shows 0.0).
    """
    rows_by_key, width = {}, {}
    with open(os.path.join(FIXTURES, "dataset_sizes.csv"), newline="") as f:
        for r in csv.DictReader(f):
            rows = float(r["rows"])
            rows_by_key[(int(r["rows_messages"]), r["table"])] = rows
            if int(r["rows_messages"]) == 1000129:
                width[r["table"]] = float(r["heap_MB"]) * 2**20 / rows
    return {key: (rows, width[key[1]]) for key, rows in rows_by_key.items()}


TENANT_NOTE = re.compile(r"\((\d+) conversations, (\d+) messages, (\d+) usage_events, (\d+) in 90d window\)")


def workloads(rows, tables):
    """Return {(size, tenant): inputs} from the table sizes and the tenant notes."""
    result = {}
    for r in rows:
        m = TENANT_NOTE.search(r["notes"])
        if not m:
            continue
        size = int(r["rows_messages"])
        conv_rows, conv_bytes = tables[(size, "conversations")]
        msg_rows, msg_bytes = tables[(size, "messages")]
        use_rows, use_bytes = tables[(size, "usage_events")]
        result[(size, r["tenant"])] = {
            "rows_messages": size, "tenant": r["tenant"],
            "conversation_rows": conv_rows, "conversation_bytes": conv_bytes,
            "message_rows": msg_rows, "message_bytes": msg_bytes,
            "usage_rows": use_rows, "usage_bytes": use_bytes,
            "tenant_conversations": int(m.group(1)), "tenant_messages": int(m.group(2)),
            "tenant_usage": int(m.group(3)), "tenant_window_rows": int(m.group(4)),
        }
    return result


def round_trips(rows):
    """Return {(size, 'run' | 'recheck'): loopback `SELECT $1` median in seconds}."""
    rtt = {}
    for r in rows:
        if r["query"] == "RTT" and r["variant"].startswith("SELECT $1"):
            kind = "recheck" if "recheck" in r["variant"] else "run"
            rtt[(int(r["rows_messages"]), kind)] = float(r["median_ms"]) / 1e3
    return rtt


def evaluate(c, r, w):
    """Return (statements, server seconds, rows scanned, note) for one measured row."""
    q, v = r["query"], r["variant"]
    base = v.replace("_recheck", "").replace("_jit_on", "")
    indexed = base.endswith("idx") and not base.endswith("noidx") or base.startswith("idx")
    wl = dict(w, indexed=indexed)
    if q == "Q1_nplus1":
        return listing(c, wl, "nplus1")
    if q == "Q2_lateral":
        return listing(c, wl, "lateral")
    if q == "Q1a_conversation_list":
        cost, scanned = conversation_list(c, wl)
        return 1, cost, scanned
    if q == "Q1b_latest_message":
        cost, scanned = latest_message(c, wl, allow_parallel=True)
        return 1, c.statement_overhead + cost, scanned
    if q == "Q3_usage_monthly_90d":
        return usage_aggregate(c, w, "noidx" not in base, base.startswith("partitioned"))
    if q == "Q4_insert_message":
        index_count = MESSAGE_INDEXES["noidx" if base.startswith("noidx") else "idx"]
        return message_insert(c, w, index_count, "async" not in base)
    raise ValueError("unmodelled query %s %s" % (q, v))


def rtt_for(rtt, r):
    kind = "recheck" if "recheck" in r["variant"] else "run"
    return rtt[(int(r["rows_messages"]), kind)]


def measured(rows, size, query, variant, tenant):
    for r in rows:
        if (int(r["rows_messages"]), r["query"], r["variant"], r["tenant"]) == (size, query, variant, tenant):
            return float(r["median_ms"]) / 1e3
    raise KeyError((size, query, variant, tenant))


def milliseconds(seconds):
    """Format seconds as milliseconds with 3 significant digits and thousands separators."""
    ms = seconds * 1e3
    if ms >= 100:
        return "{:,.0f}".format(ms)
    return "%.3g" % ms


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


# ---------------------------------------------------------------- fit

def fit(rows, work, rtt):
    """Derive each constant from the fit sizes, in an order where each step uses only earlier ones."""
    c = Constants()

    def y(size, q, v, t):
        return measured(rows, size, q, v, t)

    def rt(size, v):
        return rtt[(size, "recheck" if "recheck" in v else "run")]

    # 1. Index probe: the LATERAL query with indexes, largest minus small tenant, costs one
    #    more inner probe plus two more rows returned (inner and outer) per extra conversation.
    #    A row fetched is costed like one B-tree level, because each is one page visit.
    per_level = []
    for s in FIT_SIZES:
        small, large = work[(s, "small")], work[(s, "largest")]
        extra = min(LISTING_LIMIT, large["tenant_conversations"]) - min(LISTING_LIMIT, small["tenant_conversations"])
        delta = y(s, "Q2_lateral", "idx_recheck", "largest") - y(s, "Q2_lateral", "idx_recheck", "small")
        per_level.append(delta / extra / (btree_levels(large["message_rows"]) + 2))
    c.per_index_level = sum(per_level) / len(per_level)
    c.per_row_returned = c.per_index_level

    # 2. Statement overhead: one indexed latest-message lookup minus its round trip and probe.
    overheads = []
    for s in FIT_SIZES:
        for t in ("small", "largest"):
            lookup = y(s, "Q1b_latest_message", "idx_recheck", t) - rtt[(s, "recheck")]
            overheads.append(lookup - index_probe(c, work[(s, t)]["message_rows"], 1))
    c.statement_overhead = sum(overheads) / len(overheads)

    # 3. Aggregated row: the indexed Q3 of the largest tenant over its rows in the window.
    c.per_row_aggregated = geometric_mean([
        (y(s, "Q3_usage_monthly_90d", "idx", "largest") - rt(s, "idx") - c.statement_overhead
         - index_probe(c, work[(s, "largest")]["usage_rows"], 0)) / work[(s, "largest")]["tenant_window_rows"]
        for s in FIT_SIZES])

    # 4. Sorted row: the unindexed conversation list, largest minus small tenant.
    c.per_row_sorted = geometric_mean([
        (y(s, "Q1a_conversation_list", "noidx", "largest") - y(s, "Q1a_conversation_list", "noidx", "small"))
        / (work[(s, "largest")]["tenant_conversations"] - work[(s, "small")]["tenant_conversations"])
        for s in FIT_SIZES])

    # 5. Serial seq scan time = rows * (per_row + row_bytes * per_byte), by least squares on
    #    the scan time itself, so the long scans (100k and 1M rows) dominate. The 10k scans
    #    run about 2.5 times cheaper per row, which the linear model does not capture.
    obs = []  # (rows, row_bytes, measured seconds of one serial scan)
    for s in FIT_SIZES:
        for t in ("small", "largest"):
            w = work[(s, t)]
            k = min(LISTING_LIMIT, w["tenant_conversations"])
            head = y(s, "Q1a_conversation_list", "noidx", t) - rt(s, "noidx")
            inner = (y(s, "Q2_lateral", "noidx", t) - rt(s, "noidx") - c.statement_overhead - head) / k
            inner -= w["tenant_messages"] / w["tenant_conversations"] * c.per_row_sorted
            obs.append((w["message_rows"], w["message_bytes"], inner))
        w = work[(s, "small")]
        conv = (y(s, "Q1a_conversation_list", "noidx", "small") - rt(s, "noidx") - c.statement_overhead
                - w["tenant_conversations"] * c.per_row_sorted)
        obs.append((w["conversation_rows"], w["conversation_bytes"], conv))
        if s != 1000129:  # the unindexed Q3 is parallel from 1M
            use = (y(s, "Q3_usage_monthly_90d", "noidx", "small") - rt(s, "noidx") - c.statement_overhead
                   - w["tenant_window_rows"] * c.per_row_aggregated)
            obs.append((w["usage_rows"], w["usage_bytes"], use))
    # Minimise sum((rows * per_row + rows * bytes * per_byte - time)^2) by its normal equations.
    s11 = sum(n * n for n, _, _ in obs)
    s12 = sum(n * n * b for n, b, _ in obs)
    s22 = sum((n * b) ** 2 for n, b, _ in obs)
    t1 = sum(n * v for n, _, v in obs)
    t2 = sum(n * b * v for n, b, v in obs)
    det = s11 * s22 - s12 * s12
    c.per_row_scanned = (t1 * s22 - t2 * s12) / det
    c.per_byte_scanned = (s11 * t2 - s12 * t1) / det
    scan_obs = obs

    # 6. Parallel threshold: between the largest serial and the smallest parallel standalone
    #    scan in the fit sizes, read from the plans (geometric mean of the two).
    serial_max, parallel_min = 0.0, float("inf")
    for r in rows:
        s = int(r["rows_messages"])
        if s not in FIT_SIZES or r["variant"] not in ("noidx", "partitioned_noidx"):
            continue
        w = work[(s, r["tenant"])]
        scanned = {"Q1a_conversation_list": w["conversation_rows"], "Q1b_latest_message": w["message_rows"],
                   "Q3_usage_monthly_90d": w["usage_rows"]}.get(r["query"])
        if scanned is None:
            continue
        if r["variant"].startswith("partitioned"):
            scanned = scanned * SCANNED_PARTITIONS / PARTITION_COUNT
        if "Gather" in r["plan"]:
            parallel_min = min(parallel_min, scanned)
        else:
            serial_max = max(serial_max, scanned)
    c.parallel_threshold_rows = math.sqrt(serial_max * parallel_min)

    # 7. Partition overhead per scanned partition: partitioned minus plain indexed Q3, small tenant.
    c.per_partition_scanned = sum(
        (y(s, "Q3_usage_monthly_90d", "partitioned_idx_recheck", "small") - y(s, "Q3_usage_monthly_90d", "idx_recheck", "small"))
        / SCANNED_PARTITIONS for s in FIT_SIZES) / len(FIT_SIZES)

    # 8. Parallel speed-up: modelled serial time over measured time, every parallel plan in
    #    the fit sizes (geometric mean).
    ratios = []
    for r in rows:
        s = int(r["rows_messages"])
        if s not in FIT_SIZES or "Gather" not in r["plan"] or "jit" in r["variant"]:
            continue
        w = work[(s, r["tenant"])]
        parallel_time = float(r["median_ms"]) / 1e3 - rt(s, r["variant"]) - c.statement_overhead
        if r["query"] == "Q1b_latest_message":
            sort = w["tenant_messages"] / w["tenant_conversations"] * c.per_row_sorted
            serial = serial_scan(c, w["message_rows"], w["message_bytes"]) + sort
        elif r["query"] == "Q3_usage_monthly_90d":
            rows_scanned = w["usage_rows"]
            if r["variant"].startswith("partitioned"):
                rows_scanned = rows_scanned * SCANNED_PARTITIONS / PARTITION_COUNT
                parallel_time -= SCANNED_PARTITIONS * c.per_partition_scanned
            serial = serial_scan(c, rows_scanned, w["usage_bytes"]) + w["tenant_window_rows"] * c.per_row_aggregated
        else:
            continue
        ratios.append(serial / parallel_time)
    c.parallel_speedup = geometric_mean(ratios)

    # 9. Inserts. Commit flush: synchronous minus asynchronous commit within one phase.
    #    Index maintained: with minus without the secondary index, same commit mode, less the
    #    modelled descent. Base: what the asynchronous inserts leave after everything else.
    flush, per_index = [], []
    for s in FIT_SIZES:
        for t in ("small", "largest"):
            for v in ("noidx", "idx", "idx_recheck"):
                flush.append(y(s, "Q4_insert_message", v, t) - y(s, "Q4_insert_message", v.replace("idx", "idx_async_commit", 1), t))
            for sync in ("", "_async_commit"):
                per_index.append(y(s, "Q4_insert_message", "idx" + sync, t) - y(s, "Q4_insert_message", "noidx" + sync, t)
                                 - btree_levels(work[(s, t)]["message_rows"]) * c.per_index_level)
    c.commit_flush = sum(flush) / len(flush)
    c.per_index_maintained = max(0.0, sum(per_index) / len(per_index))
    base = []
    for s in FIT_SIZES:
        for t in ("small", "largest"):
            for v in ("noidx_async_commit", "idx_async_commit", "idx_async_commit_recheck"):
                index_count = MESSAGE_INDEXES["noidx" if v.startswith("noidx") else "idx"]
                _, modelled, _ = message_insert(c, work[(s, t)], index_count, False)
                base.append(y(s, "Q4_insert_message", v, t) - rt(s, v) - modelled)
    c.insert_base = max(0.0, sum(base) / len(base))

    # The defaults in CostConstants.swift carry 4 significant digits, so the predictions
    # below use the same rounded figures.
    for name in [k for k in vars(Constants) if not k.startswith("_")]:
        setattr(c, name, float("%.4g" % getattr(c, name)))
    return c, {"insert_base_raw": sum(base) / len(base), "per_index": per_index, "flush": flush, "scan_obs": scan_obs, "speedups": ratios}


# ---------------------------------------------------------------- output

def main():
    rows = read_rows()
    tables = read_sizes()
    work = workloads(rows, tables)
    rtt = round_trips(rows)
    c, detail = fit(rows, work, rtt)

    names = [k for k in vars(Constants) if not k.startswith("_")]
    print("Fitted constants (seconds unless stated):")
    for k in names:
        print("  %-24s %.6g" % (k, getattr(c, k)))
    print("  insert per-index samples (ms):", " ".join("%.3f" % (d * 1e3) for d in detail["per_index"]))
    print("  insert base before clamping at 0 (ms): %.4f" % (detail["insert_base_raw"] * 1e3))
    print("  commit flush samples (ms):", " ".join("%.3f" % (d * 1e3) for d in detail["flush"]))
    print("  parallel speed-up samples:", " ".join("%.2f" % d for d in detail["speedups"]))
    print("  serial scan samples (rows, bytes/row, us/row):",
          " ".join("(%d, %.0f, %.4f)" % (n, b, v / n * 1e6) for n, b, v in detail["scan_obs"]))
    print()

    predictions = []
    print("| rows | query | variant | tenant | stmts | RTT ms | measured ms | modelled ms | modelled / measured | 10M error |")
    print("|---:|---|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        if r["query"] == "RTT":
            continue
        size = int(r["rows_messages"])
        statements, server, scanned = evaluate(c, r, work[(size, r["tenant"])])
        round_trip = rtt_for(rtt, r)
        modelled = server + statements * round_trip
        real = float(r["median_ms"]) / 1e3
        predictions.append((size, r["query"], r["variant"], r["tenant"], statements, server, round_trip, modelled))
        error = "%+.0f%%" % ((modelled / real - 1) * 100) if size == HOLDOUT_SIZE else ""
        print("| %s | %s | %s | %s | %d | %.4f | %s | %s | %.2f | %s |" % (
            "{:,}".format(size), r["query"], r["variant"], r["tenant"], statements, round_trip * 1e3,
            milliseconds(real), milliseconds(modelled), modelled / real, error))

    if "--write" in sys.argv:
        with open(os.path.join(FIXTURES, "calibration_inputs.csv"), "w", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["rows_messages", "tenant", "conversation_rows", "conversation_row_bytes",
                          "message_rows", "message_row_bytes", "usage_rows", "usage_row_bytes",
                          "tenant_conversations", "tenant_messages", "tenant_window_rows",
                          "rtt_run_ms", "rtt_recheck_ms"])
            for key in sorted(work):
                w = work[key]
                out.writerow([w["rows_messages"], w["tenant"], "%d" % w["conversation_rows"], "%.3f" % w["conversation_bytes"],
                              "%d" % w["message_rows"], "%.3f" % w["message_bytes"], "%d" % w["usage_rows"],
                              "%.3f" % w["usage_bytes"], w["tenant_conversations"], w["tenant_messages"],
                              w["tenant_window_rows"], "%.4f" % (rtt[(key[0], "run")] * 1e3),
                              "%.4f" % (rtt[(key[0], "recheck")] * 1e3)])
        with open(os.path.join(FIXTURES, "model_predictions.csv"), "w", newline="") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["rows_messages", "query", "variant", "tenant", "statements", "server_ms", "rtt_ms", "modelled_ms"])
            for p in predictions:
                out.writerow([p[0], p[1], p[2], p[3], p[4], "%.6f" % (p[5] * 1e3), "%.4f" % (p[6] * 1e3), "%.6f" % (p[7] * 1e3)])


if __name__ == "__main__":
    main()
