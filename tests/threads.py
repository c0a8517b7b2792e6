"""Jobs run at the same moment, each in its own thread and database connection: the races the
row-lock tests stage on PostgreSQL."""

import threading

from django.db import connection


def run_together(jobs, *, refusals: tuple[type[Exception], ...] = ()) -> list:
    """Start every job at once (a barrier) and wait for all; a job refused with one of
    `refusals` returns the refusal, any other exception fails the test. Results in order."""
    barrier = threading.Barrier(len(jobs))
    results, errors = [None] * len(jobs), []

    def run(index, job):
        try:
            barrier.wait()
            results[index] = job()
        except refusals as refused:
            results[index] = refused
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results
