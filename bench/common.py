"""Shared pieces of the benchmark: timing with median and 95th percentile,
peak memory of a block, and the Markdown table the run prints."""

import os
import statistics
import threading
import time
import tracemalloc
from contextlib import contextmanager

from django.db import connection, reset_queries


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(function, repeat, before=None):
    """Run ``function`` ``repeat`` times, each after ``before`` (not timed);
    return (median s, p95 s, queries of the last run)."""
    durations = []
    queries = 0
    for _ in range(repeat):
        if before is not None:
            before()
        reset_queries()
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
        queries = len(connection.queries)
    return statistics.median(durations), percentile(durations, 0.95), queries


@contextmanager
def peak_memory():
    """Peak Python allocation (tracemalloc) and peak RSS growth of a block, in MB."""
    result = {}
    rss_start = _rss_mb()
    peak_rss = [rss_start]
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            peak_rss[0] = max(peak_rss[0], _rss_mb())
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    tracemalloc.start()
    watcher.start()
    try:
        yield result
    finally:
        stop.set()
        watcher.join()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result["python_mb"] = peak / 1e6
        result["rss_growth_mb"] = max(0.0, peak_rss[0] - rss_start)


def _rss_mb():
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Table:
    def __init__(self, title, columns):
        self.title, self.columns, self.rows = title, columns, []

    def add(self, *cells):
        self.rows.append([_fmt(c) for c in cells])

    @classmethod
    def from_markdown(cls, text):
        """The rows of a table this class printed (to merge a sub-run's)."""
        table = cls("", [])
        for line in text.splitlines():
            if line.startswith("| ") and not line.startswith("| what") and "---" not in line:
                table.rows.append([cell.strip() for cell in line.strip("|").split("|")])
        return table

    def markdown(self):
        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |"]
        lines.append("|" + "|".join(" --- " for _ in self.columns) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines) + "\n"


def _fmt(value):
    if isinstance(value, float):
        return f"{value:,.1f}" if value >= 100 else f"{value:,.3g}"
    return str(value)
