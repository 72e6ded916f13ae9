"""Archive-scale benchmark of the CLI (issue 16): throughput with --threads 1 and 2 over >= 50 MB
of JSON Lines, and peak memory (max RSS) over 5 MB and 50 MB, written to bench/archive.md.

The input is built at run time from the dev texts in ../shared/data (the news-text files, cycled
with fresh ids until the size is reached); nothing is committed but the figures. Not a test: the
machine is shared, so each figure is the best of ROUNDS interleaved rounds, and the load average
is recorded beside it.

Usage: python3 bench/archive.py target/release/newsmark
"""

import gzip
import json
import os
import subprocess
import sys
import time

ROUNDS = 3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
SOURCES = ["news-text-wikinews.jsonl.gz", "news-text-senate.jsonl.gz"]


def build(path, size):
    """JSON Lines of at least `size` bytes from the dev texts; returns (documents, chars)."""
    texts = []
    for name in SOURCES:
        with gzip.open(os.path.join(DATA, name), "rt", encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f if line.strip()]
    written = docs = chars = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < size:
            for i, text in enumerate(texts):
                line = json.dumps({"id": f"r{docs // len(texts)}-{i}", "text": text}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode())
                docs += 1
                chars += len(text)
                if written >= size:
                    break
    return docs, chars


def run(binary, src, threads):
    """Seconds and peak RSS (MB) of one run, output to /dev/null."""
    args = [binary, "annotate", "--jsonl", "--quiet"] + (["--threads", str(threads)] if threads else [])
    with open(src, "rb") as stdin, open(os.devnull, "wb") as stdout:
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdin=stdin, stdout=stdout)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == 0, f"{args} failed"
    return seconds, usage.ru_maxrss / 1024


def load():
    return os.getloadavg()[0]


def main(binary):
    if not os.path.isdir(DATA):
        print("skipped: ../shared/data is not beside the project")
        return
    os.makedirs(os.path.join(ROOT, "target", "bench"), exist_ok=True)
    big = os.path.join(ROOT, "target", "bench", "archive-50mb.jsonl")
    small = os.path.join(ROOT, "target", "bench", "archive-5mb.jsonl")
    docs, chars = build(big, 50_000_000)
    small_docs, _ = build(small, 5_000_000)
    size, small_size = os.path.getsize(big), os.path.getsize(small)
    best = {1: None, 2: None}
    rss = {"5 MB": [], "50 MB": []}
    loads = [load()]
    for _ in range(ROUNDS):
        for threads in (1, 2):
            seconds, peak = run(binary, big, threads)
            best[threads] = min(best[threads] or seconds, seconds)
            loads.append(load())
            if threads == 2:
                rss["50 MB"].append(peak)
        rss["5 MB"].append(run(binary, small, 2)[1])
        loads.append(load())
    speed = {t: chars / best[t] / 1e6 for t in best}
    ratio = speed[2] / speed[1]
    mem_ratio = max(rss["50 MB"]) / max(rss["5 MB"])
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC on {os.cpu_count()} cores; "
        f"load average (1 min) {min(loads):.1f}–{max(loads):.1f} during the runs (the machine is shared).",
        "",
        f"Input: {size / 1e6:.1f} MB of JSON Lines, {docs} documents, {chars / 1e6:.1f} M chars, built from "
        f"the dev texts ({', '.join(SOURCES)}), cycled with fresh ids; {ROUNDS} interleaved rounds, best kept.",
        "",
        "| run | seconds (best) | M chars/s |",
        "|---|---|---|",
        f"| `--threads 1` | {best[1]:.1f} | {speed[1]:.2f} |",
        f"| `--threads 2` | {best[2]:.1f} | {speed[2]:.2f} |",
        "",
        f"Speed-up with 2 threads: **{ratio:.2f}×**.",
        "",
        "| input (`--threads 2`) | peak RSS, MB (max of rounds) |",
        "|---|---|",
        f"| {small_size / 1e6:.1f} MB, {small_docs} documents | {max(rss['5 MB']):.1f} |",
        f"| {size / 1e6:.1f} MB, {docs} documents | {max(rss['50 MB']):.1f} |",
        "",
        f"Peak memory, 50 MB run / 5 MB run: **{mem_ratio:.2f}×** (streaming: batches of at most 1024 "
        "documents or 2 MB).",
        "",
        f"Command: `python3 bench/archive.py {binary}`.",
    ]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(ROOT, "bench", "archive.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main(sys.argv[1])
