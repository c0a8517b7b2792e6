"""Enrollment, the waitlist and its promotion, withdrawal, self-enrollment and the audit trail."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from courses import services
from courses.models import Cohort, Enrollment, EnrollmentEvent, EnrollmentStatus
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

ACTIVE, WAITLISTED, WITHDRAWN = (
    EnrollmentStatus.ACTIVE,
    EnrollmentStatus.WAITLISTED,
    EnrollmentStatus.WITHDRAWN,
)


def statuses(cohort):
    return dict(Enrollment.objects.filter(cohort=cohort).values_list("user__email", "status"))


def actions(enrollment):
    return list(enrollment.events.values_list("action", flat=True))


def test_enroll_gives_a_seat_and_records_who_did_it(enrollment_admin, trainee):
    cohort = CohortFactory(capacity=2)

    enrollment = services.enroll(cohort=cohort, user=trainee, by=enrollment_admin)

    assert enrollment.status == ACTIVE
    assert enrollment.enrolled_at is not None
    event = enrollment.events.get()
    assert (event.action, event.actor) == ("enrolled", enrollment_admin)


def test_full_cohort_puts_people_on_the_waitlist_in_order():
    cohort = CohortFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3)

    services.enroll(cohort=cohort, user=first)
    services.enroll(cohort=cohort, user=second)
    services.enroll(cohort=cohort, user=third)

    assert statuses(cohort) == {
        first.email: ACTIVE,
        second.email: WAITLISTED,
        third.email: WAITLISTED,
    }
    assert list(
        Enrollment.objects.filter(cohort=cohort).waitlist().values_list("user", flat=True)
    ) == [second.pk, third.pk]


def test_enrolling_twice_is_refused_and_changes_nothing(trainee):
    cohort = CohortFactory(capacity=5)
    services.enroll(cohort=cohort, user=trainee)

    with pytest.raises(ValidationError, match="dana@example.org is already active in this cohort."):
        services.enroll(cohort=cohort, user=trainee)

    assert Enrollment.objects.count() == 1
    assert EnrollmentEvent.objects.count() == 1


def test_withdrawal_promotes_the_first_on_the_waitlist_once():
    cohort = CohortFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3)
    seat = services.enroll(cohort=cohort, user=first)
    waiting = services.enroll(cohort=cohort, user=second)
    services.enroll(cohort=cohort, user=third)

    services.withdraw(enrollment=seat, by=first, note="moving abroad")
    services.withdraw(enrollment=seat, by=first)  # twice is the same as once

    assert statuses(cohort) == {
        first.email: WITHDRAWN,
        second.email: ACTIVE,
        third.email: WAITLISTED,
    }
    assert actions(seat) == ["enrolled", "withdrawn"]
    assert actions(waiting) == ["waitlisted", "promoted"]
    assert seat.events.get(action="withdrawn").note == "moving abroad"


def test_withdrawn_person_can_enroll_again_and_waits_if_full():
    cohort = CohortFactory(capacity=1)
    first, second = UserFactory.create_batch(2)
    seat = services.enroll(cohort=cohort, user=first)
    services.withdraw(enrollment=seat)
    services.enroll(cohort=cohort, user=second)

    again = services.enroll(cohort=cohort, user=first)

    assert again.pk == seat.pk
    assert again.status == WAITLISTED
    assert actions(again) == ["enrolled", "withdrawn", "waitlisted"]


def test_raising_capacity_offers_the_new_seats_to_the_waitlist():
    cohort = CohortFactory(capacity=1)
    people = UserFactory.create_batch(4)
    for person in people:
        services.enroll(cohort=cohort, user=person)

    services.update_cohort(cohort=cohort, capacity=3)

    assert [statuses(cohort)[p.email] for p in people] == [ACTIVE, ACTIVE, ACTIVE, WAITLISTED]


def test_unlimited_cohort_never_waitlists():
    cohort = CohortFactory(capacity=None)

    for person in UserFactory.create_batch(30):
        assert services.enroll(cohort=cohort, user=person).status == ACTIVE


def test_self_enroll_with_code_only_while_open(trainee):
    cohort = CohortFactory(capacity=10, status="open")
    closed = CohortFactory(status="closed")

    enrollment = services.self_enroll(code=f"  {cohort.enroll_code.lower()} ", user=trainee)
    with pytest.raises(ValidationError) as refused:
        services.self_enroll(code=closed.enroll_code, user=trainee)

    assert (enrollment.cohort, enrollment.status) == (cohort, ACTIVE)
    assert enrollment.events.get().actor == trainee
    assert refused.value.message_dict == {
        "code": ["No cohort is open for enrollment with that code. Check it with your trainer."]
    }
    assert Enrollment.objects.filter(cohort=closed).count() == 0


def test_cohort_cannot_end_before_it_starts():
    import datetime

    cohort = CohortFactory()

    with pytest.raises(ValidationError) as refused:
        services.update_cohort(cohort=cohort, ends_on=datetime.date(2026, 1, 1))

    assert refused.value.message_dict == {"ends_on": ["The cohort cannot end before it starts."]}
    assert Cohort.objects.get(pk=cohort.pk).ends_on == datetime.date(2027, 7, 9)


def test_querysets_named_for_the_viewer(trainer, trainee, enrollment_admin):
    taught = CohortFactory(trainers=[trainer])
    other = CohortFactory()
    services.enroll(cohort=other, user=trainee)

    assert list(Cohort.objects.taught_by(trainer)) == [taught]
    assert list(Cohort.objects.taught_by(trainee)) == []
    assert set(Cohort.objects.managed_by(enrollment_admin)) == {taught, other}
    assert list(Cohort.objects.managed_by(trainer)) == []
    assert [e.cohort for e in Enrollment.objects.for_trainee(trainee)] == [other]


@pytest.mark.django_db(transaction=True)
def test_two_withdrawals_at_the_same_moment_never_give_a_seat_twice():
    """Two seat holders withdraw in parallel transactions; the two first on the waitlist get the
    two seats, nobody else does, and the cohort never holds more than its capacity."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is under test; SQLite has none")
    cohort = CohortFactory(capacity=2)
    people = UserFactory.create_batch(6)
    enrollments = [services.enroll(cohort=cohort, user=p) for p in people]
    leaving = enrollments[:2]
    barrier = threading.Barrier(2)
    errors = []

    def leave(enrollment):
        try:
            barrier.wait()
            services.withdraw(enrollment=enrollment)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=leave, args=(e,)) for e in leaving]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert [statuses(cohort)[p.email] for p in people] == [
        WITHDRAWN,
        WITHDRAWN,
        ACTIVE,
        ACTIVE,
        WAITLISTED,
        WAITLISTED,
    ]
    assert EnrollmentEvent.objects.filter(action="promoted").count() == 2


@pytest.mark.django_db(transaction=True)
def test_enrollments_racing_for_the_last_seat_get_one_seat():
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is under test; SQLite has none")
    cohort = CohortFactory(capacity=1)
    people = UserFactory.create_batch(4)
    barrier = threading.Barrier(len(people))

    def join(person):
        try:
            barrier.wait()
            services.enroll(cohort=cohort, user=person)
        finally:
            connection.close()

    threads = [threading.Thread(target=join, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses(cohort).values()) == [ACTIVE, WAITLISTED, WAITLISTED, WAITLISTED]


def test_transfer_keeps_the_enrollment_and_frees_the_old_seat(enrollment_admin):
    spring = CohortFactory(name="Spring", capacity=1)
    autumn = CohortFactory(name="Autumn", course=spring.course, capacity=5)
    mover, waiting = UserFactory.create_batch(2)
    seat = services.enroll(cohort=spring, user=mover)
    services.enroll(cohort=spring, user=waiting)

    moved = services.transfer(enrollment=seat, to_cohort=autumn, by=enrollment_admin)

    assert (moved.pk, moved.cohort, moved.status) == (seat.pk, autumn, ACTIVE)
    assert statuses(spring) == {waiting.email: ACTIVE}
    assert moved.events.last().note == "from Spring to Autumn"


def test_transfer_to_a_full_cohort_waitlists(enrollment_admin):
    spring = CohortFactory(name="Spring", capacity=5)
    full = CohortFactory(name="Full", course=spring.course, capacity=1)
    services.enroll(cohort=full, user=UserFactory())
    seat = services.enroll(cohort=spring, user=UserFactory())

    assert services.transfer(enrollment=seat, to_cohort=full).status == WAITLISTED


@pytest.mark.parametrize("case", ["other course", "same cohort", "already there", "withdrawn"])
def test_refused_transfers_change_nothing(case):
    spring = CohortFactory(name="Spring", capacity=5)
    autumn = CohortFactory(name="Autumn", course=spring.course)
    person = UserFactory()
    seat = services.enroll(cohort=spring, user=person)
    target = {"other course": CohortFactory(), "same cohort": spring}.get(case, autumn)
    if case == "already there":
        services.enroll(cohort=autumn, user=person)
    if case == "withdrawn":
        services.withdraw(enrollment=seat)

    with pytest.raises(ValidationError):
        services.transfer(enrollment=seat, to_cohort=target)

    seat.refresh_from_db()
    assert seat.cohort == spring
