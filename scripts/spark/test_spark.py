"""The Spark test (run by scripts/test.sh): scripts/spark/annotate.py on local[2] against the CLI
on one machine. Checks that
  1. a few hundred documents through RDD.pipe give the same lines as the CLI alone, sorted by id;
  2. a bad input line comes back as the documented error line, and the job succeeds;
  3. a command that crashes, and one that exits 2 (usage error), fail the job;
  (and that a binary shipped with SparkContext.addFile, as --files does, is made executable);
  4. no Java, Python worker or newsmark process is left behind once the driver has stopped.

Usage: .venv-spark/bin/python scripts/spark/test_spark.py path/to/newsmark
The driver runs in a child process marked with an environment variable, which every process it
starts inherits; (4) looks for that marker in /proc/*/environ once the child has exited.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "NEWSMARK_SPARK_TEST"

FIRST = ["Angela Merkel", "Jens Stoltenberg", "Volodymyr Zelensky", "Kamala Harris", "Ban Ki-moon"]
PLACE = ["Brussels", "Kyiv", "Paris", "New York", "Geneva", "Nairobi"]
ORG = ["NATO", "the United Nations", "Reuters", "the European Commission", "Tesla"]


def documents(n):
    """n varied documents with entities, numbers and quotes; line 1 is a bad line."""
    lines = [json.dumps({"id": "bad", "text": 42})]
    for i in range(n):
        who, where, org = FIRST[i % 5], PLACE[i % 6], ORG[i % 4]
        text = (f"{who} told {org} in {where} on Monday that {i * 37 % 1000} people had left. "
                f"“We will need {i % 9 + 1}.{i % 10} billion dollars by {2000 + i % 30},” {who.split()[-1]} said. "
                f"Prices rose {i % 13}% in {i % 12 + 1} months.")
        lines.append(json.dumps({"id": f"doc-{i:04d}", "text": text}, ensure_ascii=i % 2 == 0))
    return "\n".join(lines) + "\n"


def by_id(lines):
    return sorted(lines, key=lambda l: json.loads(l)["id"])


def child(newsmark, workdir):
    sys.path.insert(0, HERE)
    import annotate

    src = os.path.join(workdir, "in.jsonl")
    out = os.path.join(workdir, "out")
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = annotate.session("local[2]")
    spark.sparkContext.setLogLevel("ERROR")
    try:
        # shipped as on a cluster: a copy without its executable bit, which Spark restores
        from pyspark import SparkFiles
        shipped = os.path.join(workdir, "ship", "newsmark")
        os.makedirs(os.path.dirname(shipped))
        with open(newsmark, "rb") as f, open(shipped, "wb") as g:
            g.write(f.read())
        os.chmod(shipped, 0o644)
        spark.sparkContext.addFile(shipped)
        annotate.annotate(spark, src, out, SparkFiles.get("newsmark"), partitions=2)
        rdd = spark.sparkContext.textFile(src, 2)
        assert rdd.getNumPartitions() == 2
        for argv in (["sh", "-c", "head -c 100 >/dev/null; kill -SEGV $$"],
                     annotate.command(newsmark, ["--threads", "0"])):
            try:
                annotate.pipe(rdd, argv).count()
            except Exception as e:  # the Py4J/PySpark error of a failed job
                assert "PIPE_FUNCTION_EXITED" in str(e) or "exited with" in str(e), str(e)[:2000]
            else:
                raise AssertionError(f"{argv} did not fail the job")
    finally:
        spark.stop()


def parent(newsmark):
    newsmark = os.path.abspath(newsmark)
    with tempfile.TemporaryDirectory(prefix="newsmark-spark-") as workdir:
        src = os.path.join(workdir, "in.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            f.write(documents(400))
        alone = subprocess.run([newsmark, "annotate", "--jsonl", src], capture_output=True, text=True)
        assert alone.returncode == 1, alone.stderr  # the bad line, without --bad-lines-ok
        marker = uuid.uuid4().hex
        started = time.time()
        # Spark's log and the expected failures' tracebacks go to a file, shown if the test fails
        log_path = os.path.join(workdir, "driver.log")
        with open(log_path, "w") as log:
            run = subprocess.run([sys.executable, __file__, "--child", newsmark, workdir],
                                 env={**os.environ, MARK: marker}, stdout=log, stderr=log)
        if run.returncode != 0:
            with open(log_path) as log:
                sys.stderr.write(log.read()[-20000:])
            raise AssertionError("the Spark driver failed (its log is above)")
        seconds = time.time() - started
        spark_lines = []
        for name in sorted(os.listdir(os.path.join(workdir, "out"))):
            if name.startswith("part-"):
                with open(os.path.join(workdir, "out", name), encoding="utf-8") as f:
                    spark_lines += f.read().splitlines()
        assert os.path.exists(os.path.join(workdir, "out", "_SUCCESS"))
        expected = alone.stdout.splitlines()
        assert len(spark_lines) == len(expected) == 401, (len(spark_lines), len(expected))
        assert by_id(spark_lines) == by_id(expected), "Spark's output differs from the CLI's"
        bad = [json.loads(l) for l in spark_lines if json.loads(l)["id"] == "bad"]
        assert bad == [{"id": "bad", "line": 1, "error": 'not a string: "text" field'}], bad
        left = leftovers(marker)
        assert not left, f"processes left behind: {left}"
        print(f"spark test: 400 documents + 1 bad line through RDD.pipe on local[2] equal the CLI's "
              f"output; crash and usage error fail the job; no process left ({seconds:.1f} s)")


def leftovers(marker, wait=10.0):
    """Processes whose environment carries the marker, after up to `wait` seconds."""
    needle = f"{MARK}={marker}".encode()
    deadline = time.time() + wait
    while True:
        found = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    if needle in f.read().split(b"\0"):
                        with open(f"/proc/{pid}/cmdline", "rb") as c:
                            found.append((pid, c.read().replace(b"\0", b" ")[:120].decode(errors="replace")))
            except OSError:
                pass
        if not found or time.time() > deadline:
            return found
        time.sleep(0.5)


if __name__ == "__main__":
    if sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        parent(sys.argv[1])
