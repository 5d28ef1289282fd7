#!/usr/bin/env python3
"""A straightforward numpy implementation of candor's forecast model, for the benchmark.

Same model as crates/candor-forecast (daily bootstrap over the last `window` business days,
days without entries count 0, work on a day off counts for the business day before it,
completion on the first business day with cumulative throughput >= remaining, P50/P85/P95 as
inverted-CDF percentiles, p_on_time = share finished on or before the deadline). The business
calendar is numpy's busdaycalendar built from the same embedded holiday table.

Run by `cargo run --release -p candor-forecast --example forecast_bench`, which writes the
input CSVs, runs this script and compares the two results. Timing covers everything after the
CSV files are read: calendars, history windows, simulation, percentiles and dates.
"""

import argparse
import csv
import json
import pathlib
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "crates/candor-forecast/data/holidays.tsv"
CHUNK = 64  # days simulated per vectorised step


def load_table():
    weekends, holidays = {}, {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0] == "country":
            weekends[cols[1]] = {int(d) for d in cols[3].split(",")}
            holidays[cols[1]] = []
        elif cols[0] == "holiday":
            holidays[cols[1]].append(cols[2])
    return weekends, holidays


def busday_calendar(countries, weekends, holidays):
    """Working days in every country; holidays of any."""
    off = set().union(*(weekends[c] for c in countries))
    mask = [0 if iso in off else 1 for iso in range(1, 8)]
    days = sorted(set().union(*(holidays[c] for c in countries)))
    return np.busdaycalendar(weekmask=mask, holidays=np.array(days, dtype="datetime64[D]"))


def window_values(dates, done, as_of, window, cal):
    """Net items per business day over the last `window` business days up to as_of."""
    values = np.zeros(window, dtype=np.int64)
    keep = dates <= as_of
    rolled = np.busday_offset(dates[keep], 0, roll="backward", busdaycal=cal)
    back = np.busday_count(rolled, as_of + 1, busdaycal=cal) - 1  # 0 = last business day
    inside = back < window
    np.add.at(values, window - 1 - back[inside], done[keep][inside])
    return values


def simulate(values, remaining, trials, horizon, rng):
    """Completion offset per trial (business days after as_of, 0-based); -1 if unfinished."""
    finish = np.full(trials, -1, dtype=np.int64)
    total = np.zeros(trials, dtype=np.int64)
    open_idx = np.arange(trials)
    day = 0
    while open_idx.size and day < horizon:
        width = min(CHUNK, horizon - day)
        steps = values[rng.integers(0, values.size, size=(open_idx.size, width))]
        cum = total[open_idx, None] + np.cumsum(steps, axis=1)
        hit = cum >= remaining
        done = hit.any(axis=1)
        finish[open_idx[done]] = day + hit[done].argmax(axis=1)
        total[open_idx] = cum[:, -1]
        open_idx = open_idx[~done]
        day += width
    return finish


def percentile(finish, q):
    """Smallest offset by which at least q of the trials finished; None if beyond horizon."""
    ordered = np.sort(np.where(finish < 0, np.iinfo(np.int64).max, finish))
    value = ordered[int(np.ceil(q * finish.size)) - 1]
    return None if value == np.iinfo(np.int64).max else int(value)


def forecast_all(projects, progress, as_of, args):
    weekends, holidays = load_table()
    calendars = {}
    rng = np.random.default_rng(args.seed)
    out = []
    for p in projects:
        key = (p["client"], p["team"])
        if key not in calendars:
            calendars[key] = busday_calendar(key, weekends, holidays)
        cal = calendars[key]
        dates, done = progress[p["id"]]
        values = window_values(dates, done, as_of, args.window, cal)
        finish = simulate(values, p["remaining"], args.trials, args.horizon, rng)
        deadline_days = np.busday_count(as_of + 1, p["deadline"] + 1, busdaycal=cal)
        on_time = float(np.mean((finish >= 0) & (finish < deadline_days)))
        start = np.busday_offset(as_of, 0, roll="backward", busdaycal=cal)
        dates_out = {}
        for name, q in (("p50", 0.50), ("p85", 0.85), ("p95", 0.95)):
            k = percentile(finish, q)
            dates_out[name] = None if k is None else str(
                np.busday_offset(start, k + 1, busdaycal=cal))
        out.append({"id": p["id"], "p_on_time": on_time, **dates_out})
    return out


def read_inputs(folder):
    with open(folder / "projects.csv", newline="") as f:
        projects = [{"id": int(r["id"]), "client": r["client"], "team": r["team"],
                     "remaining": int(r["remaining"]),
                     "deadline": np.datetime64(r["deadline"], "D")} for r in csv.DictReader(f)]
    rows = {}
    with open(folder / "progress.csv", newline="") as f:
        for r in csv.DictReader(f):
            rows.setdefault(int(r["id"]), []).append((r["date"], int(r["done"])))
    progress = {pid: (np.array([d for d, _ in rs], dtype="datetime64[D]"),
                      np.array([n for _, n in rs], dtype=np.int64)) for pid, rs in rows.items()}
    return projects, progress


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=pathlib.Path, required=True)
    parser.add_argument("--output", type=pathlib.Path, required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--window", type=int, default=30)
    parser.add_argument("--horizon", type=int, default=1_300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    projects, progress = read_inputs(args.input)
    as_of = np.datetime64(args.as_of, "D")
    started = time.perf_counter()
    results = forecast_all(projects, progress, as_of, args)
    seconds = time.perf_counter() - started
    args.output.write_text(json.dumps({"seconds": seconds, "numpy": np.__version__,
                                       "results": results}))


if __name__ == "__main__":
    main()
