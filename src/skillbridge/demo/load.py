"""`make load`: a bounded, headless Locust run against the grown demo, served as in production.

``python -m skillbridge.demo.load [--scale 10] [--users 50] [--seconds 120]``

Seeds a fresh database at the scale (`demo/serving.py`), serves it with gunicorn
and `gunicorn.conf.py`, and lets Locust's applicants, reviewers, officers and the
donor (`demo/locustfile.py`) use it for the given time, each reading a page for
1 to 3 s. Prints requests per second, p50, p95 and p99 and the errors, overall
and per page. Nothing is asserted: the figures are printed.
"""

import argparse
import csv
import json
import os
import subprocess
import tempfile
from pathlib import Path

from skillbridge.demo.serving import BIN, HOST, Server

LOCUSTFILE = Path(__file__).with_name("locustfile.py")


def run_locust(server: Server, setup: dict, users: int, seconds: int) -> Path:
    prefix = Path(tempfile.mkdtemp(prefix="sb-load-")) / "load"
    subprocess.run(  # noqa: S603  (Locust, with our own arguments)
        [
            str(BIN / "locust"),
            "--locustfile",
            str(LOCUSTFILE),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(max(1, users // 10)),
            "--run-time",
            f"{seconds}s",
            "--host",
            f"http://{HOST}:{server.port}",
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        env={**os.environ, "LOAD_SESSIONS": json.dumps(setup)},
        check=False,
        stdout=subprocess.DEVNULL,
    )
    return prefix.with_name("load_stats.csv")


def print_stats(stats_file: Path, scale: int, users: int, seconds: int) -> None:
    print(f"\nLoad at {scale}x the demo: {users} users for {seconds} s, 1-3 s think time")
    print(
        f"{'page':<34} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p99 ms':>7} {'errors':>6}"
    )
    with stats_file.open() as rows:
        for row in csv.DictReader(rows):
            name = row["Name"] if row["Name"] != "Aggregated" else "ALL"
            print(
                f"{name:<34} {row['Request Count']:>8} {float(row['Requests/s']):>7.1f} "
                f"{row['50%']:>7} {row['95%']:>7} {row['99%']:>7} {row['Failure Count']:>6}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    options = parser.parse_args()
    server = Server(options.scale)
    server.prepare()
    found = json.loads(server.skillbridge("bench_targets"))
    server.start()
    try:
        stats = run_locust(server, found, options.users, options.seconds)
    finally:
        server.stop()
    print_stats(stats, options.scale, options.users, options.seconds)


if __name__ == "__main__":
    main()
