"""CSV enrollment: preview, then all rows or none; the same from the shell."""

import io
import threading
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from courses import services
from courses.models import Enrollment, EnrollmentEvent, Invitation
from dbt_training.outbox.models import OutgoingEmail
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db

CSV = (
    "\ufeffEmail;Full name;Team;Notes\r\n"
    "ANN@example.org;Ann Ames;Blue;x\r\n"
    "ben@example.org;Ben Berg;;\r\n"
    "new@example.org;Nia New;Blue;\r\n"
    "dana@example.org;Dana Rivera;;\r\n"
).encode()


@pytest.fixture
def cohort(trainee):
    cohort = CohortFactory(name="Spring 2027", capacity=2)
    services.enroll(cohort=cohort, user=trainee)  # dana holds one of the two seats
    UserFactory(email="ann@example.org", full_name="Ann Ames")
    UserFactory(email="ben@example.org", full_name="Ben Berg")
    return cohort


def state(cohort):
    return sorted(Enrollment.objects.filter(cohort=cohort).values_list("user__email", "status"))


def test_plan_says_what_happens_to_each_row(cohort):
    plan = services.plan_csv_enrollment(cohort=cohort, data=CSV)

    assert [(r.row.line, r.row.email, r.action, r.detail) for r in plan.rows] == [
        (2, "ann@example.org", "enroll", ""),
        (3, "ben@example.org", "waitlist", ""),
        (4, "new@example.org", "invite", ""),
        (5, "dana@example.org", "already", "active"),
    ]
    assert state(cohort) == [("dana@example.org", "active")]


def test_apply_enrolls_waitlists_and_invites_in_one_go(
    cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_csv_enrollment(cohort=cohort, data=CSV, by=enrollment_admin)

    assert state(cohort) == [
        ("ann@example.org", "active"),
        ("ben@example.org", "waitlisted"),
        ("dana@example.org", "active"),
    ]
    assert list(Invitation.objects.values_list("email", "full_name")) == [
        ("new@example.org", "Nia New")
    ]
    course = cohort.course.title
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("ann@example.org", f"[{cohort.name}] You are enrolled in {course}"),
        ("ben@example.org", f"[{cohort.name}] You are on the waitlist for {course}"),
        ("new@example.org", f"[DBT Training] You are invited to {course}"),
    ]
    assert EnrollmentEvent.objects.filter(note="CSV upload", actor=enrollment_admin).count() == 2


def test_a_file_with_any_bad_row_changes_nothing(cohort):
    bad = CSV + b"not-an-email;X;;\r\nann@example.org;Again;;\r\n"

    plan = services.plan_csv_enrollment(cohort=cohort, data=bad)
    with pytest.raises(Exception) as refused:
        services.apply_csv_enrollment(cohort=cohort, data=bad)

    assert [(p.line, p.message) for p in plan.problems] == [
        (6, "“not-an-email” is not a valid email address."),
        (7, "“ann@example.org” is already on line 2."),
    ]
    assert "Line 6: “not-an-email” is not a valid email address." in str(refused.value)
    assert state(cohort) == [("dana@example.org", "active")]
    assert Invitation.objects.count() == 0


def test_seats_are_recounted_at_confirmation(cohort):
    services.enroll(cohort=cohort, user=UserFactory(email="late@example.org"))  # takes last seat

    services.apply_csv_enrollment(cohort=cohort, data=CSV)

    assert dict(state(cohort))["ann@example.org"] == "waitlisted"


def test_admin_previews_and_confirms_through_the_pages(client, cohort, enrollment_admin):
    client.force_login(enrollment_admin)
    url = reverse("cohorts:csv", args=[cohort.pk])

    preview = client.post(url, {"file": SimpleUploadedFile("people.csv", CSV)})
    html = preview.content.decode()
    assert "Waitlist (cohort full)" in html and "Invite (no account yet)" in html
    assert state(cohort) == [("dana@example.org", "active")]
    key = preview.context["key"]

    done = client.post(url, {"confirm": "1", "key": key}, follow=True)

    assert "CSV applied (enroll: 1, waitlist (cohort full): 1" in done.content.decode()
    assert len(state(cohort)) == 3
    again = client.post(url, {"confirm": "1", "key": key}, follow=True)
    assert "That preview has expired. Upload the file again." in again.content.decode()
    assert len(state(cohort)) == 3


def test_bad_file_is_reported_row_by_row_on_the_page(client, cohort, enrollment_admin):
    client.force_login(enrollment_admin)

    response = client.post(
        reverse("cohorts:csv", args=[cohort.pk]),
        {"file": SimpleUploadedFile("people.csv", "name\nÅsa\n".encode("latin-1"))},
    )

    assert response.status_code == HTTPStatus.OK
    assert "Nothing was changed." in response.content.decode()
    assert "The file is not UTF-8 text." in response.content.decode()
    assert state(cohort) == [("dana@example.org", "active")]


@pytest.mark.parametrize("who", ["trainee", "trainer"])
def test_csv_enrollment_is_for_admins_only(client, cohort, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        reverse("cohorts:csv", args=[cohort.pk]), {"file": SimpleUploadedFile("p.csv", CSV)}
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert state(cohort) == [("dana@example.org", "active")]


def test_command_dry_run_then_apply(cohort, tmp_path, capsys):
    path = tmp_path / "people.csv"
    path.write_bytes(CSV)

    call_command("enroll_csv", str(cohort.pk), str(path), "--dry-run")
    assert state(cohort) == [("dana@example.org", "active")]
    call_command("enroll_csv", str(cohort.pk), str(path))

    out = capsys.readouterr().out
    assert "line 3: ben@example.org: Waitlist (cohort full)" in out
    assert "Dry run: nothing was changed." in out
    assert len(state(cohort)) == 3


def test_command_reports_problems_and_changes_nothing(cohort, tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes(b"name,team\nAnn,Blue\n")

    with pytest.raises(CommandError, match="The file needs an “email” column"):
        call_command("enroll_csv", str(cohort.pk), str(path))
    with pytest.raises(CommandError, match="No cohort with id 999999."):
        call_command("enroll_csv", "999999", str(path))
    assert state(cohort) == [("dana@example.org", "active")]


def test_emails_match_without_case(cohort):
    UserFactory(email="Mixed.Case@Example.org", full_name="Mixed Case")

    plan = services.plan_csv_enrollment(cohort=cohort, data=b"email\nmixed.case@example.org\n")
    services.apply_csv_enrollment(cohort=cohort, data=b"email\nmixed.case@example.org\n")
    again = services.plan_csv_enrollment(cohort=cohort, data=b"email\nMIXED.case@example.org\n")

    assert [r.action for r in plan.rows] == ["enroll"]
    assert [r.action for r in again.rows] == ["already"]
    assert Invitation.objects.count() == 0


@pytest.mark.parametrize("key", ["abc\x00def", "x" * 200, "../../etc"])
def test_odd_confirmation_keys_are_an_expired_preview(client, cohort, enrollment_admin, key):
    client.force_login(enrollment_admin)

    response = client.post(
        reverse("cohorts:csv", args=[cohort.pk]), {"confirm": "1", "key": key}, follow=True
    )

    assert "That preview has expired. Upload the file again." in response.content.decode()
    assert state(cohort) == [("dana@example.org", "active")]


def test_an_open_invitation_is_kept_and_its_address_is_not_emailed_twice(
    cohort, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_csv_enrollment(cohort=cohort, data=CSV, by=enrollment_admin)
    first = Invitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        again = services.apply_csv_enrollment(cohort=cohort, data=CSV, by=enrollment_admin)

    assert [(r.row.email, r.action) for r in again.rows] == [
        ("ann@example.org", "already"),
        ("ben@example.org", "already"),
        ("new@example.org", "invited"),
        ("dana@example.org", "already"),
    ]
    assert list(Invitation.objects.values_list("pk", "revoked_at")) == [(first.pk, None)]
    assert [m.to[0] for m in mailoutbox].count("new@example.org") == 1
    assert OutgoingEmail.objects.filter(to="new@example.org").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_commands_at_once_print_what_each_applied_and_invite_once(tmp_path):
    """Two `enroll_csv` runs of the same file at the same moment: the cohort lock makes them
    take turns; each prints the plan it applied (the second finds the first's work) and the
    invitee gets one invitation, one email."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is under test; SQLite has none")
    cohort = CohortFactory(name="Autumn 2027", capacity=5)
    UserFactory(email="ann@example.org"), UserFactory(email="ben@example.org")
    path = tmp_path / "people.csv"
    path.write_bytes(CSV)
    outputs, errors = [io.StringIO(), io.StringIO()], []
    barrier = threading.Barrier(2)

    def run(out):
        try:
            barrier.wait()
            call_command("enroll_csv", str(cohort.pk), str(path), stdout=out)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(out,)) for out in outputs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    printed = sorted(out.getvalue().splitlines()[-1] for out in outputs)
    assert printed == [
        f"Applied to {cohort} (already invited (invitation still open): 2, already in the "
        "cohort: 2).",
        f"Applied to {cohort} (enroll: 2, invite (no account yet): 2).",
    ]
    assert len(state(cohort)) == 2
    assert sorted(Invitation.objects.filter(cohort=cohort).values_list("email", "revoked_at")) == [
        ("dana@example.org", None),
        ("new@example.org", None),
    ]
    assert sorted(OutgoingEmail.objects.filter(kind="invitation").values_list("to", flat=True)) == [
        "dana@example.org",
        "new@example.org",
    ]
