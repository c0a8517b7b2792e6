"""The load harness (issue 17): our pages under load through gunicorn in production mode.

    .venv/bin/python -m benchmarks.load pages [--trainees 10000] [--workers 2] [--seconds 5]
    .venv/bin/python -m benchmarks.load mix [--users 250 | --steps 250,500,1000] [--duration 60]

Both modes first make sure the PostgreSQL database (`--database-url`; default: DATABASE_URL's
server, database `dbt_load`, else postgres@127.0.0.1:5432/dbt_load) holds `seed_load`'s data for
the sizes asked (built once, reused while the sizes match; `--rebuild` builds it again), collect
the static files into a temporary STATIC_ROOT, and start gunicorn (`--workers` sync workers) with
DJANGO_PRODUCTION=true over plain HTTP (SECURE_SSL_REDIRECT=false) and `benchmarks.load.settings`:
the project's settings plus `/__bare__` (the baseline view) and an `X-Queries` header.

`pages` drives each page with wrk (or, without wrk, an asyncio client in this process; the output
says which) between rounds of the bare view, and prints req/s, the ratio to the bare rounds beside
it, p50/p95 latency, queries per request and the load average. `mix` simulates trainees with think
time (see benchmarks/load/mix.py for the weights) and reports p50/p95/p99, errors and the load
average per level, and with `--steps` the first level that saturates (p95 > 300 ms or errors).

`--json PATH` also writes the figures as JSON. REDIS_URL, when set, reaches gunicorn (cache and
broker, as in production); without it the cache is the database table.
"""

import argparse
import json
import sys

from benchmarks.load import harness


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def steps(value: str) -> list[int]:
    return [positive(part) for part in value.split(",") if part.strip()]


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    data = common.add_argument_group("load data (seed_load)")
    data.add_argument("--database-url", default=None, help="PostgreSQL URL of the load database")
    data.add_argument("--trainees", type=positive, default=10_000)
    data.add_argument("--trainees-per-cohort", type=positive, default=200)
    data.add_argument("--course-modules", type=positive, default=20)
    data.add_argument("--lessons-per-module", type=positive, default=8)
    data.add_argument("--seed", type=int, default=1)
    data.add_argument("--rebuild", action="store_true", help="build the load data again")
    server = common.add_argument_group("server")
    server.add_argument("--workers", type=positive, default=2, help="gunicorn sync workers")
    server.add_argument("--port", type=int, default=0, help="default: a free port")
    common.add_argument("--json", metavar="PATH", help="also write the figures as JSON")

    top = argparse.ArgumentParser(
        prog="python -m benchmarks.load", description=__doc__.split("\n")[0]
    )
    modes = top.add_subparsers(dest="mode", required=True)
    pages = modes.add_parser("pages", parents=[common], help="each page against the bare view")
    pages.add_argument("--seconds", type=float, default=5, help="length of each round")
    pages.add_argument("--connections", type=positive, default=None, help="default: 2 x workers")
    pages.add_argument("--page-users", type=positive, default=8, help="trainees signed in")
    pages.add_argument("--python-client", action="store_true", help="not wrk, even if present")
    pages.add_argument("--only", action="append", help="pages whose name contains this")
    mix = modes.add_parser("mix", parents=[common], help="simulated trainees with think time")
    mix.add_argument("--users", type=positive, default=250)
    mix.add_argument("--steps", type=steps, default=None, help="e.g. 250,500,1000")
    mix.add_argument("--duration", type=float, default=60, help="seconds per level")
    return top


def main(argv=None) -> None:
    args = parser().parse_args(argv)
    url = args.database_url or harness.default_database_url()
    seed = harness.Seed(
        trainees=args.trainees,
        trainees_per_cohort=args.trainees_per_cohort,
        course_modules=args.course_modules,
        lessons_per_module=args.lessons_per_module,
        seed=args.seed,
    )
    with harness.static_files(url) as (static_root, collecting):
        harness.prepare_database(url, seed, rebuild=args.rebuild)
        if collecting.wait() != 0:
            sys.exit("collectstatic failed.")
        harness.django_setup(url)
        port = args.port or harness.free_port()
        with harness.gunicorn(url, static_root, port=port, workers=args.workers):
            if args.mode == "pages":
                from benchmarks.load import pages as mode
            else:
                from benchmarks.load import mix as mode
            report = mode.run(args, port)
    report["data"] = {
        "cohorts": seed.cohorts,
        "trainees": seed.cohorts * seed.trainees_per_cohort,
        "trainees_per_cohort": seed.trainees_per_cohort,
        "course": f"{seed.course_modules} modules x {seed.lessons_per_module} lessons",
    }
    print(
        f"seed_load: {report['data']['trainees']:,} trainees in {seed.cohorts} cohorts of "
        f"{seed.trainees_per_cohort}, {report['data']['course']}; PostgreSQL; production mode"
    )
    print(mode.table(report))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(report, out, indent=2)


if __name__ == "__main__":
    main()
