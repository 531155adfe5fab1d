"""`make bench`, pages: key pages of a grown demo timed against a bare Django view.

``python -m skillbridge.demo.pages_bench [--scales 1,10,100] [--requests 20] [--reuse]``

For each scale, a fresh PostgreSQL database is seeded with `seed_demo --scale N`
and served by gunicorn with the production settings (`demo/serving.py`). Each
page is requested in turn, signed in as the demo account it is for, after two
warm-up requests; the median and the 90th percentile of the timed requests are
printed with the ratio to the floor: `/health/live/`, a view that does nothing,
behind the same middleware, in the same server, in the same run. The query
count of each page comes from serving it once in a Django process
(`skillbridge bench_targets`). Nothing is asserted: the figures are printed.
"""

import argparse
import statistics
import time

from skillbridge.demo.serving import Server, Visitor

WARM_UP = 2


def timed(visitor: Visitor, url: str, requests: int) -> dict:
    for _ in range(WARM_UP):
        visitor.request("GET", url)
    durations, size, status = [], 0, 0
    for _ in range(requests):
        started = time.perf_counter()
        status, body = visitor.request("GET", url)
        durations.append(time.perf_counter() - started)
        size = len(body)
    durations.sort()
    return {
        "median": statistics.median(durations),
        "p90": durations[int(0.9 * (len(durations) - 1))],
        "bytes": size,
        "status": status,
    }


def measure(scale: int, requests: int, *, reuse: bool = False) -> tuple[float | None, dict]:
    server = Server(scale)
    if reuse:  # seeded by an earlier run: only the migrations since then are applied
        server.skillbridge("migrate", "--noinput", "-v0")
        server.analyze()
        seeding = None
    else:
        seeding = server.prepare()
    pages, cookies = server.signed_in_pages()
    server.start()
    try:
        for page in pages.values():
            visitor = Visitor(server.port, cookies[page["role"]])
            page.update(timed(visitor, page["url"], requests))
    finally:
        server.stop()
    return seeding, pages


def print_table(scale: int, seeding: float | None, pages: dict) -> None:
    floor = next(page for name, page in pages.items() if name.startswith("floor"))["median"]
    seeded = "database reused" if seeding is None else f"seeded in {seeding:.0f} s"
    print(f"\nPages at {scale}x the demo ({seeded}); floor {floor * 1000:.1f} ms")
    print(f"{'page':<34} {'median ms':>10} {'p90 ms':>8} {'x floor':>8} {'queries':>8} {'KB':>7}")
    for name, page in pages.items():
        print(
            f"{name:<34} {page['median'] * 1000:>10.1f} {page['p90'] * 1000:>8.1f} "
            f"{page['median'] / floor:>8.1f} {page['queries']:>8} {page['bytes'] / 1024:>7.1f}"
            + ("" if page["status"] == 200 else f"  (answered {page['status']})")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10", help="comma-separated, e.g. 1,10,100")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="serve each scale's database as an earlier run seeded it (100x takes long to seed)",
    )
    options = parser.parse_args()
    for scale in (int(value) for value in options.scales.split(",")):
        seeding, pages = measure(scale, options.requests, reuse=options.reuse)
        print_table(scale, seeding, pages)


if __name__ == "__main__":
    main()
