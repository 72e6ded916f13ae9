"""Annotate a JSON Lines data set on Apache Spark: every partition is piped through the newsmark
CLI (`RDD.pipe`), one process per partition, and the answers are written as JSON Lines.

On a cluster, ship the binary with --files (it lands in each executor's working directory):

    spark-submit --master yarn --files target/release/newsmark \\
        scripts/spark/annotate.py --newsmark ./newsmark hdfs:///archive/2016/ hdfs:///out/2016/

Locally: .venv-spark/bin/python scripts/spark/annotate.py --master 'local[2]' \\
    --newsmark target/release/newsmark archive.jsonl.gz out/

The output has one line per non-blank input line, as the CLI writes it; a line that could not
be annotated is an error line {"id", "line", "error"} whose "line" counts within its partition.
Exit status: 0 when the job succeeded (bad lines included, thanks to --bad-lines-ok); the job
fails when the command crashes or exits non-zero for any other reason (checkCode=True).
"""

import argparse
import os
import shlex
import sys


def command(newsmark, extra=()):
    """The CLI as each partition runs it: one thread (Spark runs one task per core), bad lines
    answered with error lines and exit 0, nothing on stderr but errors."""
    return [newsmark, "annotate", "--jsonl", "--threads", "1", "--bad-lines-ok", "--quiet", *extra]


def pipe(rdd, argv):
    """`rdd.pipe` with the two settings PySpark gets wrong by default (verified in
    ../shared/research/spark-and-wasm-probe.md): without checkCode=True a failing command is
    ignored and its partition silently lost; without env= it runs with an empty environment."""
    return rdd.pipe(shlex.join(argv), env=dict(os.environ), checkCode=True)


def annotate(spark, input_path, output_path, newsmark, extra=(), partitions=None):
    """Reads JSON Lines (gzip files too: one partition per .gz file), writes JSON Lines."""
    lines = spark.sparkContext.textFile(input_path, partitions)
    pipe(lines, command(newsmark, extra)).saveAsTextFile(output_path)


def session(master=None):
    from pyspark.sql import SparkSession

    # the Python workers run this interpreter, not whatever `python3` is first on PATH
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsmark")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines: a file, a directory or a glob, gzip or not")
    ap.add_argument("output", help="output directory (must not exist)")
    ap.add_argument("--newsmark", default="./newsmark",
                    help="the binary as executors see it (default ./newsmark, shipped with --files)")
    ap.add_argument("--master", help="e.g. local[2]; default: what spark-submit sets")
    ap.add_argument("--partitions", type=int, help="minimum number of partitions")
    ap.add_argument("--text-field", help="the JSON field holding the text (default text)")
    ap.add_argument("--id-field", help="the JSON field holding the id (default id)")
    args = ap.parse_args(argv)
    extra = []
    for flag, value in (("--text-field", args.text_field), ("--id-field", args.id_field)):
        if value:
            extra += [flag, value]
    spark = session(args.master)
    try:
        annotate(spark, args.input, args.output, args.newsmark, extra, args.partitions)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
