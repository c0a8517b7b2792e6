"""`mix` mode: simulated trainees, each alone on the site with think time between requests.

Each user waits a random 0–15 s (so they do not all arrive at once), then repeats: pick an action
by weight, make its request, think 5–15 s (uniform). The weights follow Open edX's load tests,
whose traffic is mostly courseware views and problem checks/saves:

    lesson player               50   (a lesson of the module they are on)
    quiz autosave (one answer)  25   (POST as htmx does it: form token, HX-Request)
    dashboard                   10
    cohort home                 10
    worksheet draft autosave     5   (POST as htmx does it)

Users are trainees who have started (seed_load's data), signed in with session rows written
directly (a thousand form sign-ins would be a thousand PBKDF2 hashes); their CSRF cookie holds a
secret that the forms' token repeats, which Django accepts. All in one asyncio process with raw
streams (the venv has neither httpx nor aiohttp), a connection per request, as gunicorn's sync
workers want. An error is a status outside 2xx/3xx, a connection error or a 30 s timeout.
"""

import asyncio
import os
import random
import time
from dataclasses import asdict, dataclass

from benchmarks.load import harness
from benchmarks.load.client import Req, fetch, ok, percentile

WEIGHTS = {
    "lesson player": 50,
    "quiz autosave": 25,
    "dashboard": 10,
    "cohort home": 10,
    "worksheet autosave": 5,
}
THINK = (5.0, 15.0)
SATURATED_P95_MS = 300


@dataclass
class Level:
    users: int
    seconds: float
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    load_mean: float  # 1-minute load average, sampled every 5 s during the level
    load_max: float
    per_action: dict

    @property
    def saturated(self) -> bool:
        return self.p95_ms > SATURATED_P95_MS or self.errors > 0


def action_request(action: str, person: harness.Trainee, n: int) -> Req:
    if action == "lesson player":
        return Req("GET", person.lesson_path(n), person.cookie)
    if action == "quiz autosave":
        path, body = person.quiz_save(n)
        return Req("POST", path, person.cookie, body, htmx=True)
    if action == "worksheet autosave":
        path, body = person.worksheet_save(n)
        return Req("POST", path, person.cookie, body, htmx=True)
    if action == "dashboard":
        return Req("GET", "/dashboard/", person.cookie)
    return Req("GET", f"/learn/{person.cohort_id}/", person.cookie)


def prepare(count: int) -> list[harness.Trainee]:
    people = harness.trainees(count)
    sessions = harness.direct_sessions([p.email for p in people])
    for person in people:
        person.cookie, person.csrf = sessions[person.email]
    return people


def level(port: int, people: list[harness.Trainee], seconds: float, seed: int) -> Level:
    samples: list[tuple[str, float, int]] = []
    loads: list[float] = []
    actions, weights = list(WEIGHTS), list(WEIGHTS.values())

    async def user(person: harness.Trainee, rng: random.Random, stop: float) -> None:
        def think(seconds: float):  # never past the end of the level
            return asyncio.sleep(min(seconds, max(0.0, stop - time.monotonic())))

        await think(rng.uniform(0, THINK[1]))
        n = 0
        while time.monotonic() < stop:
            action = rng.choices(actions, weights)[0]
            started = time.perf_counter()
            status = await fetch(port, action_request(action, person, n))
            samples.append((action, (time.perf_counter() - started) * 1000, status))
            n += 1
            await think(rng.uniform(*THINK))

    async def sample_load(stop: float) -> None:
        while time.monotonic() < stop:
            loads.append(os.getloadavg()[0])
            await asyncio.sleep(5)

    async def main() -> float:
        rng = random.Random(seed)
        started = time.monotonic()
        stop = started + seconds
        users = [asyncio.create_task(user(p, random.Random(rng.random()), stop)) for p in people]
        loader = asyncio.create_task(sample_load(stop))
        # Requests started before the end finish (each within its 30 s timeout) and count.
        await asyncio.gather(*users)
        await loader
        return time.monotonic() - started

    elapsed = asyncio.run(main())
    ms = [m for _, m, _ in samples]
    per_action = {}
    for action in actions:
        mine = [m for a, m, _ in samples if a == action]
        per_action[action] = {
            "requests": len(mine),
            "p50_ms": round(percentile(mine, 50), 1),
            "p95_ms": round(percentile(mine, 95), 1),
            "errors": sum(1 for a, _, s in samples if a == action and not ok(s)),
        }
    return Level(
        users=len(people),
        seconds=elapsed,
        requests=len(samples),
        rps=len(samples) / elapsed if elapsed else 0.0,
        p50_ms=percentile(ms, 50),
        p95_ms=percentile(ms, 95),
        p99_ms=percentile(ms, 99),
        errors=sum(1 for _, _, s in samples if not ok(s)),
        load_mean=sum(loads) / len(loads) if loads else os.getloadavg()[0],
        load_max=max(loads) if loads else os.getloadavg()[0],
        per_action=per_action,
    )


def run(args, port: int) -> dict:
    steps = args.steps or [args.users]
    people = prepare(max(steps))
    try:
        levels = []
        for k, users in enumerate(steps):
            harness.say(f"  {users} users for {args.duration:g} s ...")
            levels.append(level(port, people[:users], args.duration, seed=args.seed + k))
    finally:
        harness.forget_sessions([p.cookie for p in people])
    saturated = next((lv.users for lv in levels if lv.saturated), None)
    return {
        "mode": "mix",
        "tool": "python-asyncio",
        "workers": args.workers,
        "duration": args.duration,
        "think_seconds": list(THINK),
        "weights": WEIGHTS,
        "sign_in": "session rows written directly",
        "saturation_users": saturated,
        "saturation_rule": f"first level with p95 > {SATURATED_P95_MS} ms or any error",
        "levels": [asdict(lv) for lv in levels],
    }


def table(report: dict) -> str:
    lines = [
        f"gunicorn {report['workers']} sync workers; think time "
        f"{report['think_seconds'][0]:g}-{report['think_seconds'][1]:g} s; "
        f"{report['duration']:g} s per level; load = 1-minute load average (mean / max)",
        "",
        "| users | requests | req/s | p50 ms | p95 ms | p99 ms | errors | load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lv in report["levels"]:
        lines.append(
            f"| {lv['users']:,} | {lv['requests']:,} | {lv['rps']:.1f} | {lv['p50_ms']:.0f} | "
            f"{lv['p95_ms']:.0f} | {lv['p99_ms']:.0f} | {lv['errors']} | "
            f"{lv['load_mean']:.2f} / {lv['load_max']:.2f} |"
        )
    if report["saturation_users"] is None:
        lines.append(f"\nNo level saturated ({report['saturation_rule']}).")
    else:
        lines.append(
            f"\nSaturation at {report['saturation_users']:,} users ({report['saturation_rule']})."
        )
    lines.append("\nPer action (last level):")
    for action, figures in report["levels"][-1]["per_action"].items():
        lines.append(
            f"  {action:<20} {figures['requests']:>6} requests  p50 {figures['p50_ms']:>7.1f} ms"
            f"  p95 {figures['p95_ms']:>7.1f} ms  errors {figures['errors']}"
        )
    return "\n".join(lines)
