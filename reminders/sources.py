"""The reminders this layer can see by itself: cohorts starting and live sessions (reminders
and calendar events). Module releases, due work, inactivity and grades are registered by the
layers above."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta

from django.urls import reverse

from courses.models import Cohort, CohortStatus, Enrollment, EnrollmentStatus, LiveSession
from dbt_training.core.sites import absolute_url, site_domain

from .kinds import ReminderKind
from .registry import CalendarEvent, Due
from .timing import next_daytime, start_of_day

LIVE_SESSION_EARLY = timedelta(hours=24)
LIVE_SESSION_LATE = timedelta(hours=1)


def active_enrollments_by_cohort(cohort_ids) -> dict[int, list[tuple[int, int, str]]]:
    """{cohort id: [(enrollment id, user id, user's time zone)]} for the active enrollments,
    in one query."""
    by_cohort = defaultdict(list)
    rows = (
        Enrollment.objects.active()
        .filter(cohort__in=list(cohort_ids), user__is_active=True)
        .order_by("pk")
        .values_list("pk", "cohort_id", "user_id", "user__time_zone")
    )
    for enrollment_id, cohort_id, user_id, time_zone in rows:
        by_cohort[cohort_id].append((enrollment_id, user_id, time_zone))
    return by_cohort


def cohort_starting(now: datetime) -> Iterator[Due]:
    """The day before the cohort starts, in each trainee's daytime, until the start."""
    cohorts = list(
        Cohort.objects.exclude(status=CohortStatus.ARCHIVED)
        .filter(
            starts_on__gte=(now - timedelta(days=2)).date(),
            starts_on__lte=(now + timedelta(days=3)).date(),
        )
        .select_related("course")
    )
    enrollments = active_enrollments_by_cohort(c.pk for c in cohorts)
    for cohort in cohorts:
        start = start_of_day(cohort.starts_on, cohort.time_zone)
        if not now < start:
            continue
        payload = {
            "title": cohort.course.title,
            "on": cohort.starts_on.isoformat(),
            "path": reverse("learn:cohort", args=[cohort.pk]),
            "detail": f"Cohort: {cohort.name}",
        }
        for enrollment_id, user_id, time_zone in enrollments[cohort.pk]:
            fire = next_daytime(start - timedelta(days=1), time_zone)
            if fire <= now:
                yield Due(
                    enrollment_id,
                    cohort.pk,
                    user_id,
                    ReminderKind.COHORT_STARTING,
                    f"cohort:{cohort.pk}:starts:{cohort.starts_on.isoformat()}",
                    fire,
                    payload,
                    expires_at=start,
                )


def live_sessions(now: datetime) -> Iterator[Due]:
    """24 hours before a session (until an hour before) and an hour before (until it starts),
    at those exact moments. The key holds the start, so a moved session is announced again."""
    sessions = list(
        LiveSession.objects.filter(starts_at__gt=now, starts_at__lte=now + LIVE_SESSION_EARLY)
        .exclude(cohort__status=CohortStatus.ARCHIVED)
        .order_by("starts_at", "pk")
    )
    enrollments = active_enrollments_by_cohort({s.cohort_id for s in sessions})
    for session in sessions:
        late = session.starts_at - now <= LIVE_SESSION_LATE
        kind = ReminderKind.LIVE_SESSION_1H if late else ReminderKind.LIVE_SESSION_24H
        fire = session.starts_at - (LIVE_SESSION_LATE if late else LIVE_SESSION_EARLY)
        payload = {
            "title": session.title,
            "at": session.starts_at.isoformat(),
            "minutes": session.duration_minutes,
            "path": reverse("learn:cohort", args=[session.cohort_id]) + f"#session-{session.pk}",
            "detail": session.location or ("Online" if session.join_url else ""),
            "session_id": session.pk,
        }
        key = f"session:{session.pk}:{session.starts_at.strftime('%Y%m%dT%H%M%SZ')}"
        for enrollment_id, user_id, _ in enrollments[session.cohort_id]:
            yield Due(
                enrollment_id,
                session.cohort_id,
                user_id,
                kind,
                key,
                fire,
                payload,
                expires_at=session.starts_at,
            )


def live_session_event(session: LiveSession, *, with_join_link: bool = True) -> CalendarEvent:
    """A live session as a calendar event, in its cohort's zone, with a UID that never changes.
    The join link only for those who may join (active trainees, staff), as on the cohort page."""
    cohort = session.cohort
    description = [f"{session.get_kind_display()} · {cohort.course.title} · {cohort.name}"]
    join_url = session.join_url if with_join_link else ""
    if join_url:
        description.append(f"Join: {join_url}")
    return CalendarEvent(
        uid=f"live-session-{session.pk}@{site_domain()}",
        summary=session.title,
        url=absolute_url(reverse("learn:cohort", args=[cohort.pk]) + f"#session-{session.pk}"),
        description="\n".join(description),
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        time_zone=cohort.time_zone,
        location=session.location or join_url,
    )


def live_session_events(enrollments: list[Enrollment]) -> Iterator[CalendarEvent]:
    """Every live session of the cohorts the person is (or was, to the end) enrolled in."""
    status = {
        e.cohort_id: e.status
        for e in enrollments
        if e.status in (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)
    }
    sessions = LiveSession.objects.filter(cohort__in=list(status)).select_related("cohort__course")
    for session in sessions.order_by("starts_at", "pk"):
        active = status[session.cohort_id] == EnrollmentStatus.ACTIVE
        yield live_session_event(session, with_join_link=active)
