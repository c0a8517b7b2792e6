"""`pages` mode: each page in turn under a load tool, between rounds of the bare view.

Rounds run bare, page 1, bare, page 2, …, bare; a page's ratio is its rate over the mean of the
two bare rounds beside it, so drift in the machine (other work, thermal limits) cancels out.
"""

import os
import re
from dataclasses import asdict, dataclass

from benchmarks.load import harness
from benchmarks.load.client import Req, Round, run_python, run_wrk, send, wrk_path


@dataclass
class Page:
    name: str
    role: str
    reqs: list[Req]
    # An autosave answers 200 even when it refuses (the status line says why): this must show.
    success: bytes = b""


@dataclass
class Row:
    page: str
    role: str
    rps: float
    ratio: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    queries: int
    requests: int
    errors: int
    load: float  # 1-minute load average when the round ended


def build_pages(port: int, page_users: int) -> tuple[list[Page], list[str]]:
    """Sign the users in through the login form and describe each page's requests (cycling over
    the users); returns the pages and every Cookie header used (to delete the sessions after)."""
    from dbt_training.load import LOAD_PASSWORD, LOAD_TOTP_SECRET

    trainer_email, cohort_id = harness.trainer_cohort()
    from courses.models import Cohort

    cohort_name = Cohort.objects.get(pk=cohort_id).name
    people = harness.trainees(page_users, cohort_name=cohort_name)
    harness.say(f"Signing in {len(people)} trainees and {trainer_email} through the login form.")
    for person in people:
        person.cookie = harness.form_sign_in(port, person.email, LOAD_PASSWORD)
        # The token the attempt page's form carries; htmx posts the form's fields with each save.
        attempt = f"/learn/{person.cohort_id}/attempts/{person.attempt_id}/"
        person.csrf, person.cookie = harness.page_token(port, attempt, person.cookie)
    trainer = harness.form_sign_in(port, trainer_email, LOAD_PASSWORD, LOAD_TOTP_SECRET)

    def each(make) -> list[Req]:
        return [make(n, person) for n, person in enumerate(people)]

    def quiz(n, p):
        path, body = p.quiz_save(n)
        return Req("POST", path, p.cookie, body, htmx=True)

    def worksheet(n, p):
        path, body = p.worksheet_save(n)
        return Req("POST", path, p.cookie, body, htmx=True)

    c = cohort_id
    pages = [
        Page("lesson player", "trainee", each(lambda n, p: Req("GET", p.lesson_path(n), p.cookie))),
        Page("quiz autosave (one answer)", "trainee", each(quiz), b"Saved at"),
        Page("worksheet draft autosave", "trainee", each(worksheet), b"Draft saved at"),
        Page("dashboard", "trainee", each(lambda n, p: Req("GET", "/dashboard/", p.cookie))),
        Page(
            "cohort home",
            "trainee",
            each(lambda n, p: Req("GET", f"/learn/{p.cohort_id}/", p.cookie)),
        ),
        Page(
            "certificate checklist",
            "trainee",
            each(lambda n, p: Req("GET", f"/learn/{p.cohort_id}/certificate/", p.cookie)),
        ),
        Page("grading queue", "trainer", [Req("GET", f"/cohorts/{c}/grading/", trainer)]),
        Page("gradebook", "trainer", [Req("GET", f"/cohorts/{c}/gradebook/", trainer)]),
        Page("who is behind", "trainer", [Req("GET", f"/cohorts/{c}/behind/", trainer)]),
        Page("completion", "trainer", [Req("GET", f"/cohorts/{c}/completion/", trainer)]),
    ]
    return pages, [p.cookie for p in people] + [trainer]


def check(port: int, page: Page, tries: int = 4) -> int:
    """A few requests of the page, each checked; returns the query count (the X-Queries header)
    of a warm process: the fewest seen. A process's first request of a course also loads what it
    then keeps in memory (the course outline, the cohort's dates), and requests spread over the
    workers."""
    counts = []
    for _ in range(tries):
        answer = send(port, page.reqs[0])
        if answer.status != 200 or (page.success and page.success not in answer.body):
            text = re.sub(rb"\s+", b" ", answer.body[:300]).decode(errors="replace")
            raise SystemExit(f"{page.name}: {page.reqs[0].path} answered {answer.status}: {text}")
        counts.append(int(answer.headers["X-Queries"]))
    return min(counts)


def run(args, port: int) -> dict:
    tool = "wrk" if wrk_path() and not args.python_client else "python-asyncio"
    runner = run_wrk if tool == "wrk" else run_python
    connections = args.connections or 2 * args.workers
    pages, cookies = build_pages(port, args.page_users)
    if args.only:
        pages = [p for p in pages if any(o.lower() in p.name for o in args.only)]
    bare = Page("bare Django view", "visitor", [Req("GET", "/__bare__")])
    try:
        queries = {page.name: check(port, page) for page in [bare, *pages]}
        harness.say(f"Warming up ({tool}, {connections} connections).")
        runner(
            port,
            [r for page in pages for r in page.reqs] + bare.reqs,
            min(1, args.seconds),
            connections,
        )

        def measure(page: Page) -> tuple[Round, float]:
            result = runner(port, page.reqs, args.seconds, connections)
            return result, os.getloadavg()[0]

        bares = [measure(bare)]
        measured = []
        for page in pages:
            harness.say(f"  {page.name} ...")
            measured.append(measure(page))
            bares.append(measure(bare))
    finally:
        harness.forget_sessions(cookies)
    rows = []
    for k, (page, (result, load)) in enumerate(zip(pages, measured, strict=True)):
        baseline = (bares[k][0].rate + bares[k + 1][0].rate) / 2
        rows.append(_row(page, result, load, queries[page.name], baseline))
    bare_rate = sum(r.rate for r, _ in bares) / len(bares)
    bare_row = Row(
        page=bare.name,
        role=bare.role,
        rps=bare_rate,
        ratio=1.0,
        p50_ms=_mean(r.p50_ms for r, _ in bares),
        p95_ms=_mean(r.p95_ms for r, _ in bares),
        p99_ms=_mean(r.p99_ms for r, _ in bares),
        queries=queries[bare.name],
        requests=sum(r.requests for r, _ in bares),
        errors=sum(r.errors for r, _ in bares),
        load=_mean(load for _, load in bares),
    )
    return {
        "mode": "pages",
        "tool": tool,
        "workers": args.workers,
        "connections": connections,
        "seconds": args.seconds,
        "queries_from": "X-Queries header (benchmarks.load.middleware), fewest of 4 checked requests: a warm process",
        "sign_in": "login form (allauth), one session per user",
        "rows": [asdict(bare_row), *(asdict(row) for row in rows)],
    }


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _row(page: Page, result: Round, load: float, queries: int, baseline: float) -> Row:
    return Row(
        page=page.name,
        role=page.role,
        rps=result.rate,
        ratio=result.rate / baseline if baseline else 0.0,
        p50_ms=result.p50_ms,
        p95_ms=result.p95_ms,
        p99_ms=result.p99_ms,
        queries=queries,
        requests=result.requests,
        errors=result.errors,
        load=load,
    )


def table(report: dict) -> str:
    lines = [
        f"gunicorn {report['workers']} sync workers, {report['tool']} with "
        f"{report['connections']} connections, {report['seconds']:g} s per round; "
        f"queries from the {report['queries_from']}; load = 1-minute load average at the "
        f"end of the round",
        "",
        "| page | role | req/s | ratio to bare | p50 ms | p95 ms | queries | errors | load |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in report["rows"]:
        lines.append(
            f"| {row['page']} | {row['role']} | {row['rps']:,.1f} | {row['ratio']:.3f} | "
            f"{row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['queries']} | {row['errors']} | "
            f"{row['load']:.2f} |"
        )
    return "\n".join(lines)
