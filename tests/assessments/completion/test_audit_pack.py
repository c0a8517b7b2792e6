"""The CE audit pack (issue 20): one zip per cohort for its enrollment admins, and the records
in it that no trainer can delete."""

import csv
import datetime
import io
import zipfile
from decimal import Decimal
from http import HTTPStatus

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from assessments.completion import certificates as certificate_services
from assessments.completion.audit import write_audit_pack
from assessments.grading.gradebook import item_of, set_override
from assessments.models import (
    Attempt,
    CECheckRecord,
    Certificate,
    CourseApproval,
    GradeChange,
    GradeOverride,
    Response,
)
from courses import services
from courses.models import Attendance, Enrollment, LiveSession
from dbt_training.core.spreadsheets import BOM
from dbt_training.users.models import User
from dbt_training.users.roles import Role
from modules.models import Module
from tests.factories import (
    APA_STATEMENT,
    AttemptFactory,
    CertificateFactory,
    CohortFactory,
    CourseFactory,
    ModuleFactory,
    QuestionFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
ZONE = "America/Chicago"
ENROLLED = datetime.datetime(2027, 1, 4, 15, 30, tzinfo=UTC)  # 09:30 in Chicago
FIRST = datetime.datetime(2027, 2, 3, 17, 0, tzinfo=UTC)  # 11:00 in Chicago
SECOND = datetime.datetime(2027, 2, 10, 17, 0, tzinfo=UTC)
OVERRIDDEN = datetime.datetime(2027, 2, 12, 15, 0, tzinfo=UTC)
ISSUED = datetime.datetime(2027, 7, 12, 14, 0, tzinfo=UTC)
REVOKED = datetime.datetime(2027, 7, 20, 16, 45, tzinfo=UTC)
GENERATED = datetime.datetime(2027, 8, 2, 13, 15, tzinfo=UTC)  # 08:15 in Chicago

FILES = [
    "roster.csv",
    "sessions.csv",
    "attendance.csv",
    "gradebook_overrides.csv",
    "post_test_attempts.csv",
    "evaluation.csv",
    "certificates.csv",
    "approvals.csv",
    "ce_checks.csv",
    "README.txt",
]


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.fixture
def world(trainer, enrollment_admin):
    """Spring 2027 (Chicago, live online): Ann, Ben and Cy; two sessions (Ann checked in to both,
    a trainer shortened her first and marked Ben; Cy's attendance overridden); post-test attempts
    (Ann failed then passed, Ben passed, Cy's is open); three evaluations; Ann's CE certificate
    and Ben's, revoked."""
    course = CourseFactory(title="DBT Foundations", ce_hours=Decimal("12.50"), pass_mark=80)
    module = ModuleFactory(course=course, position=1)
    post_test = QuizFactory(module=module, title="Final post-test", kind="post_test", position=1)
    survey = QuizFactory(module=module, title="Course evaluation", kind="evaluation", position=2)
    likert = QuestionFactory(quiz=survey, kind="likert", text="The course met its objectives.")
    CourseApproval.objects.create(
        course=course,
        profession="Psychologists",
        accrediting_body="American Psychological Association",
        approval_statement=APA_STATEMENT,
        approval_number="APA-4471",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2028, 12, 31),
        requires_license=True,
    )
    cohort = CohortFactory(
        course=course,
        name="Spring 2027",
        time_zone=ZONE,
        capacity=None,
        trainers=[trainer],
        delivery_format="live_online",
    )
    with at(ENROLLED):
        ann = UserFactory(
            email="ann@example.org",
            full_name="Ann Ames",
            credentials="PhD",
            license_number="PSY 12345",
            license_jurisdiction="California Board of Psychology",
        )
        ben = UserFactory(email="ben@example.org", full_name="Ben Berg")
        cy = UserFactory(email="cy@example.org", full_name="Cy Cole")
        ea, eb, ec = (services.enroll(cohort=cohort, user=u) for u in (ann, ben, cy))
    first = services.schedule_live_session(
        cohort=cohort, kind="didactic", title="Validation", starts_at=FIRST, duration_minutes=90
    )
    second = services.schedule_live_session(
        cohort=cohort, kind="didactic", title="Chain analysis", starts_at=SECOND
    )
    with at(FIRST + datetime.timedelta(minutes=5)):
        services.check_in(code=first.check_in_code, user=ann)
    with at(FIRST + datetime.timedelta(hours=2)):
        services.record_attendance(
            session=first,
            marks={ea.pk: (True, 60), eb.pk: (True, 90)},
            reasons={ea.pk: "Left at 12:05 for a client crisis"},
            by=trainer,
        )
    with at(SECOND - datetime.timedelta(minutes=10)):
        services.check_in(code=second.check_in_code, user=ann)
    with at(OVERRIDDEN):
        set_override(
            enrollment=ec,
            item=item_of(course, "attendance"),
            percent=Decimal(100),
            reason="Watched both recordings with the trainer",
            by=trainer,
        )
    day = datetime.timedelta(days=1)
    for enrollment, number, percent, passed, started in (
        (ea, 1, Decimal(60), False, SECOND + day),
        (ea, 2, Decimal(90), True, SECOND + 2 * day),
        (eb, 1, Decimal("85.5"), True, SECOND + day),
    ):
        AttemptFactory(
            quiz=post_test,
            enrollment=enrollment,
            number=number,
            percent=percent,
            passed=passed,
            started_at=started,
            submitted_at=started + datetime.timedelta(minutes=25),
        )
    AttemptFactory(quiz=post_test, enrollment=ec, in_progress=True, started_at=SECOND + day)
    agree = list(likert.answers.all())[-1]
    for enrollment in (ea, eb, ec):
        attempt = AttemptFactory(
            quiz=survey, enrollment=enrollment, percent=None, score=None, max_score=None
        )
        Response.objects.create(
            attempt=attempt, question=likert, answer={"choice": agree.pk}, saved_at=SECOND
        )
    CertificateFactory(
        enrollment=ea,
        code="DBT-AAAA-BBBB-CCCC",
        full_name="Ann Ames",
        credentials="PhD",
        license_number="PSY 12345",
        license_jurisdiction="California Board of Psychology",
        course_title="DBT Foundations",
        ends_on=datetime.date(2027, 7, 9),
        delivery_format="Live interactive webinar",
        approval_number="APA-4471",
        issued_at=ISSUED,
    )
    revoked = CertificateFactory(
        enrollment=eb,
        code="DBT-DDDD-EEEE-FFFF",
        full_name="Ben Berg",
        credentials="",
        issued_at=ISSUED,
    )
    certificate_services.revoke_certificate(
        certificate=revoked,
        by=enrollment_admin,
        reason="Attendance was recorded in error",
        now=REVOKED,
    )
    CECheckRecord.objects.create(
        course=course,
        recorded_at=datetime.datetime(2026, 12, 1, 18, 0, tzinfo=UTC),
        recorded_by=trainer,
        claimed_hours=Decimal("12.50"),
        instructional_minutes=690,
        post_test_items=40,
        warnings=["Fewer post-test items than 6 per claimed hour."],
    )
    return {
        "course": course,
        "cohort": cohort,
        "post_test": post_test,
        "module": module,
        "enrollments": (ea, eb, ec),
        "sessions": (first, second),
        "revoked": revoked,
    }


def download(client, user, cohort):
    with at(GENERATED):
        client.force_login(user)
        return client.get(reverse("certificates:audit_pack", args=[cohort.pk]))


def pack_of(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def read_csv(pack: zipfile.ZipFile, name: str) -> list[list[str]]:
    data = pack.read(name)
    assert data.startswith(BOM.encode()), f"{name} has no byte-order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_pack_holds_every_file_with_its_rows_in_the_cohorts_zone(
    client, world, enrollment_admin
):
    response = download(client, enrollment_admin, world["cohort"])

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/zip"
    cohort_id = world["cohort"].pk
    assert response["Content-Disposition"] == (
        f'attachment; filename="ce-audit-pack-cohort-{cohort_id}-2027-08-02.zip"'
    )
    pack = pack_of(response)
    assert pack.namelist() == FILES
    assert pack.getinfo("roster.csv").date_time == (2027, 8, 2, 8, 15, 0)
    rows = {name: read_csv(pack, name) for name in FILES if name.endswith(".csv")}
    counts = {name: len(found) - 1 for name, found in rows.items()}
    assert counts == {
        "roster.csv": 3,
        "sessions.csv": 2,
        "attendance.csv": 6,
        "gradebook_overrides.csv": 1,
        "post_test_attempts.csv": 4,
        "evaluation.csv": 3,
        "certificates.csv": 2,
        "approvals.csv": 1,
        "ce_checks.csv": 1,
    }

    assert rows["roster.csv"][:2] == [
        [
            "Name",
            "Email",
            "Credentials",
            "Licence number",
            "Licensing board or jurisdiction",
            "Team",
            "Status",
            "Enrolled (America/Chicago)",
            "Waitlisted (America/Chicago)",
            "Withdrawn (America/Chicago)",
            "Record created (America/Chicago)",
        ],
        [
            "Ann Ames",
            "ann@example.org",
            "PhD",
            "PSY 12345",
            "California Board of Psychology",
            "",
            "Active",
            "2027-01-04 09:30",
            "",
            "",
            "2027-01-04 09:30",
        ],
    ]
    assert [row[0] for row in rows["roster.csv"][1:]] == ["Ann Ames", "Ben Berg", "Cy Cole"]

    assert rows["sessions.csv"] == [
        [
            "Session",
            "Kind",
            "Starts (America/Chicago)",
            "Ends (America/Chicago)",
            "Scheduled minutes",
            "Place or link",
            "Recorded present",
            "Checked in",
        ],
        [
            "Validation",
            "Didactic session",
            "2027-02-03 11:00",
            "2027-02-03 12:30",
            "90",
            "",
            "2",
            "1",
        ],
        [
            "Chain analysis",
            "Didactic session",
            "2027-02-10 11:00",
            "2027-02-10 12:30",
            "90",
            "",
            "1",
            "1",
        ],
    ]

    assert rows["attendance.csv"] == [
        [
            "Session",
            "Session starts (America/Chicago)",
            "Scheduled minutes",
            "Name",
            "Email",
            "Present",
            "Minutes",
            "Recorded how",
            "Checked in (America/Chicago)",
            "Recorded by",
            "Recorded at (America/Chicago)",
            "Reason for changing the check-in",
        ],
        [
            "Validation",
            "2027-02-03 11:00",
            "90",
            "Ann Ames",
            "ann@example.org",
            "Yes",
            "60",
            "Checked in, then changed by a trainer",
            "2027-02-03 11:05",
            "Terry Chen",
            "2027-02-03 13:00",
            "Left at 12:05 for a client crisis",
        ],
        [
            "Validation",
            "2027-02-03 11:00",
            "90",
            "Ben Berg",
            "ben@example.org",
            "Yes",
            "90",
            "Marked by a trainer",
            "",
            "Terry Chen",
            "2027-02-03 13:00",
            "",
        ],
        [
            "Validation",
            "2027-02-03 11:00",
            "90",
            "Cy Cole",
            "cy@example.org",
            "Not recorded",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "Chain analysis",
            "2027-02-10 11:00",
            "90",
            "Ann Ames",
            "ann@example.org",
            "Yes",
            "90",
            "Checked in with the session code",
            "2027-02-10 10:50",
            "Ann Ames",
            "2027-02-10 10:50",
            "",
        ],
        ["Chain analysis", "2027-02-10 11:00", "90", "Ben Berg", "ben@example.org"]
        + ["Not recorded", "", "", "", "", "", ""],
        ["Chain analysis", "2027-02-10 11:00", "90", "Cy Cole", "cy@example.org"]
        + ["Not recorded", "", "", "", "", "", ""],
    ]

    assert rows["gradebook_overrides.csv"] == [
        [
            "Changed (America/Chicago)",
            "Name",
            "Email",
            "Item",
            "Before",
            "After",
            "Reason",
            "Changed by",
            "In force",
        ],
        [
            "2027-02-12 09:00",
            "Cy Cole",
            "cy@example.org",
            "Attendance",
            "0%",
            "100%",
            "Watched both recordings with the trainer",
            "Terry Chen",
            "Yes",
        ],
    ]

    assert rows["post_test_attempts.csv"] == [
        [
            "Name",
            "Email",
            "Post-test",
            "Attempt",
            "Started (America/Chicago)",
            "Submitted (America/Chicago)",
            "Score",
            "Out of",
            "Percent",
            "Passed",
            "Counts",
            "Note",
        ],
        ["Ann Ames", "ann@example.org", "Final post-test", "1", "2027-02-11 11:00"]
        + ["2027-02-11 11:25", "60.00", "100.00", "60.00", "No", "No", ""],
        ["Ann Ames", "ann@example.org", "Final post-test", "2", "2027-02-12 11:00"]
        + ["2027-02-12 11:25", "90.00", "100.00", "90.00", "Yes", "Yes", ""],
        ["Ben Berg", "ben@example.org", "Final post-test", "1", "2027-02-11 11:00"]
        + ["2027-02-11 11:25", "85.50", "100.00", "85.50", "Yes", "Yes", ""],
        ["Cy Cole", "cy@example.org", "Final post-test", "1", "2027-02-11 11:00"]
        + ["", "", "", "", "", "No", "Not submitted"],
    ]

    # The evaluation report's own sheet, for this cohort: three agreed.
    assert rows["evaluation.csv"][0] == [
        "Question number",
        "Question",
        "Type",
        "Answer",
        "Count",
        "Percent",
        "Answered",
        "Mean",
    ]
    assert [row[3:] for row in rows["evaluation.csv"][1:]] == [
        ["Disagree", "0", "0", "3", "3.00"],
        ["Neutral", "0", "0", "3", "3.00"],
        ["Agree", "3", "100", "3", "3.00"],
    ]

    certificates = rows["certificates.csv"]
    header = certificates[0]
    assert header[19:24] == [
        "Issued (America/Chicago)",
        "Status",
        "Revoked (America/Chicago)",
        "Revoked by",
        "Reason for revoking",
    ]
    ann, ben = (dict(zip(header, row, strict=True)) for row in certificates[1:])
    assert ann == {
        "Code": "DBT-AAAA-BBBB-CCCC",
        "Kind": "CE certificate",
        "Name as printed": "Ann Ames",
        "Credentials as printed": "PhD",
        "Email": "ann@example.org",
        "Licence number as printed": "PSY 12345",
        "Licensing board or jurisdiction as printed": "California Board of Psychology",
        "Course as printed": "DBT Foundations",
        "Cohort as printed": "Spring 2027",
        "Starts on": "2027-01-11",
        "Ends on": "2027-07-09",
        "Completed on": "2027-06-30",
        "Delivery format": "Live interactive webinar",
        "CE hours": "12.50",
        "Profession or board": "Psychologists",
        "Accrediting body": "American Psychological Association",
        "Provider approval number": "APA-4471",
        "Approval valid from": "",
        "Approval valid until": "",
        "Issued (America/Chicago)": "2027-07-12 09:00",
        "Status": "Valid",
        "Revoked (America/Chicago)": "",
        "Revoked by": "",
        "Reason for revoking": "",
        "Verification page": "http://testserver/verify/DBT-AAAA-BBBB-CCCC/",
    }
    assert [ben[h] for h in header[19:24]] == [
        "2027-07-12 09:00",
        "Revoked",
        "2027-07-20 11:45",
        "Alex Moreau",
        "Attendance was recorded in error",
    ]

    assert rows["approvals.csv"] == [
        [
            "Profession or board",
            "Accrediting body",
            "CE hours",
            "Provider approval number",
            "Approval valid from",
            "Approval valid until",
            "Licence number required",
            "Approval statement",
        ],
        [
            "Psychologists",
            "American Psychological Association",
            "12.50",
            "APA-4471",
            "2026-01-01",
            "2028-12-31",
            "Yes",
            APA_STATEMENT,
        ],
    ]
    assert rows["ce_checks.csv"] == [
        [
            "Recorded (America/Chicago)",
            "Recorded by",
            "CE hours claimed",
            "Instructional minutes",
            "Post-test items",
            "Warnings",
        ],
        [
            "2026-12-01 12:00",
            "Terry Chen",
            "12.50",
            "690",
            "40",
            "Fewer post-test items than 6 per claimed hour.",
        ],
    ]


def test_the_readme_says_what_each_file_is_for_which_cohort_when_and_by_whom(
    client, world, enrollment_admin
):
    pack = pack_of(download(client, enrollment_admin, world["cohort"]))

    readme = pack.read("README.txt").decode("utf-8-sig")

    lines = readme.split("\r\n")
    assert lines[:10] == [
        "CE audit pack",
        "=============",
        "",
        "Course: DBT Foundations",
        f"Cohort: Spring 2027 (number {world['cohort'].pk}), 11 January 2027 to 09 July 2027",
        "Delivery format: Live interactive webinar",
        "Course CE hours: 12.50; post-test pass mark: 80%",
        "Time zone of every time in this pack: America/Chicago",
        "Generated: 2027-08-02 08:15 America/Chicago (2027-08-02 13:15 UTC)",
        "Generated by: Alex Moreau <alex@example.org>",
    ]
    listed = [line.split(" (")[0] for line in lines if line.endswith(("row)", "rows)"))]
    assert listed == FILES[:-1]
    assert "attendance.csv (6 rows)" in lines
    assert "gradebook_overrides.csv (1 row)" in lines
    assert max(len(line) for line in lines) <= 92


def test_a_course_without_sessions_evaluation_or_attempts_gives_empty_files(
    client, enrollment_admin
):
    cohort = CohortFactory(name="Quiet", time_zone=ZONE)

    pack = pack_of(download(client, enrollment_admin, cohort))

    assert pack.namelist() == [name for name in FILES if name != "evaluation.csv"]
    assert read_csv(pack, "attendance.csv")[1:] == []
    assert read_csv(pack, "post_test_attempts.csv")[1:] == []
    readme = pack.read("README.txt").decode("utf-8-sig")
    assert "No evaluation file: the course has no course evaluation survey." in readme


def test_a_trainee_transferred_out_keeps_their_attendance_lines(client, world, enrollment_admin):
    ann = world["enrollments"][0]
    elsewhere = CohortFactory(course=world["course"], name="Autumn 2027", capacity=None)
    services.transfer(enrollment=ann, to_cohort=elsewhere, by=enrollment_admin)

    pack = pack_of(download(client, enrollment_admin, world["cohort"]))

    attendance = read_csv(pack, "attendance.csv")[1:]
    assert [(row[0], row[3], row[5]) for row in attendance] == [
        ("Validation", "Ann Ames", "Yes"),
        ("Validation", "Ben Berg", "Yes"),
        ("Validation", "Cy Cole", "Not recorded"),
        ("Chain analysis", "Ann Ames", "Yes"),
        ("Chain analysis", "Ben Berg", "Not recorded"),
        ("Chain analysis", "Cy Cole", "Not recorded"),
    ]
    assert [row[0] for row in read_csv(pack, "roster.csv")[1:]] == ["Ben Berg", "Cy Cole"]


# --- who may download it ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("visitor", HTTPStatus.FOUND),
        ("trainee", HTTPStatus.FORBIDDEN),
        ("trainer", HTTPStatus.FORBIDDEN),
        ("other_trainer", HTTPStatus.FORBIDDEN),
        ("staff_without_the_role", HTTPStatus.FORBIDDEN),
        ("enrollment_admin", HTTPStatus.OK),
    ],
)
def test_only_an_enrollment_admin_who_manages_the_cohort_downloads_it(
    client, world, request, who, expected
):
    """The cohort's own trainer gets 403 like anyone else signed in who does not manage it."""
    users = {
        "trainee": lambda: world["enrollments"][0].user,
        "trainer": lambda: request.getfixturevalue("trainer"),
        "other_trainer": lambda: UserFactory(email="otto@example.org", roles=[Role.TRAINER]),
        "staff_without_the_role": lambda: UserFactory(email="staff@example.org", is_staff=True),
        "enrollment_admin": lambda: request.getfixturevalue("enrollment_admin"),
    }
    url = reverse("certificates:audit_pack", args=[world["cohort"].pk])
    if who != "visitor":
        client.force_login(users[who]())

    response = client.get(url)

    assert response.status_code == expected
    if who == "visitor":
        assert response.url.startswith(reverse("account_login"))
    if expected == HTTPStatus.OK:
        assert pack_of(response).namelist() == FILES


def test_an_unknown_cohort_is_404(client, enrollment_admin):
    client.force_login(enrollment_admin)

    response = client.get(reverse("certificates:audit_pack", args=[999_999]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_cohort_page_links_the_pack_for_its_admins_only(
    client, world, trainer, enrollment_admin
):
    url = reverse("cohorts:detail", args=[world["cohort"].pk])
    link = reverse("certificates:audit_pack", args=[world["cohort"].pk])

    client.force_login(enrollment_admin)
    admin_page = client.get(url).content.decode()
    client.force_login(trainer)
    trainer_page = client.get(url).content.decode()

    assert f'href="{link}"' in admin_page and "Download the CE audit pack" in admin_page
    assert link not in trainer_page and "CE audit pack" not in trainer_page


# --- the command -----------------------------------------------------------------------------------


def test_the_command_writes_the_same_zip(client, world, enrollment_admin, tmp_path):
    downloaded = b"".join(download(client, enrollment_admin, world["cohort"]).streaming_content)
    path = tmp_path / "pack.zip"
    out = io.StringIO()

    with at(GENERATED):
        call_command(
            "ce_audit_pack",
            str(world["cohort"].pk),
            "--output",
            str(path),
            "--by",
            "ALEX@example.org",
            stdout=out,
        )

    assert path.read_bytes() == downloaded
    assert f"Wrote the CE audit pack of {world['cohort']} to {path}." in out.getvalue()
    assert list(tmp_path.iterdir()) == [path]  # no partial file left behind


def test_the_command_without_an_account_names_itself(world, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    with at(GENERATED):
        call_command("ce_audit_pack", str(world["cohort"].pk), stdout=io.StringIO())

    path = tmp_path / f"ce-audit-pack-cohort-{world['cohort'].pk}-2027-08-02.zip"
    readme = zipfile.ZipFile(path).read("README.txt").decode("utf-8-sig")
    assert "Generated by: the ce_audit_pack command\r\n" in readme


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["999999"], "No cohort with id 999999."),
        (
            ["{cohort}", "--by", "nobody@example.org"],
            "No account with the email nobody@example.org.",
        ),
        (["{cohort}", "--output", "{missing}/pack.zip"], "Cannot write"),
    ],
)
def test_the_command_explains_what_it_cannot_do(world, tmp_path, arguments, message):
    arguments = [
        a.format(cohort=world["cohort"].pk, missing=tmp_path / "missing") for a in arguments
    ]

    with pytest.raises(CommandError, match=message):
        call_command("ce_audit_pack", *arguments, stdout=io.StringIO())

    assert list(tmp_path.iterdir()) == []


# --- query budget ------------------------------------------------------------------------------------


def crowd(world, count: int) -> None:
    """`count` more trainees, each with both sessions recorded, a post-test attempt, an
    attendance override and a certificate, written in bulk."""
    cohort, post_test = world["cohort"], world["post_test"]
    first, second = world["sessions"]
    users = User.objects.bulk_create(
        User(email=f"crowd{n}@example.org", full_name=f"Trainee {n:04}") for n in range(count)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(user=u, cohort=cohort, status="active", enrolled_at=ENROLLED) for u in users
    )
    Attendance.objects.bulk_create(
        Attendance(
            live_session=session,
            enrollment=e,
            present=True,
            minutes=90,
            source="check_in",
            checked_in_at=session.starts_at,
        )
        for e in enrollments
        for session in (first, second)
    )
    Attempt.objects.bulk_create(
        Attempt(
            quiz=post_test,
            enrollment=e,
            number=1,
            started_at=SECOND,
            submitted_at=SECOND,
            percent=Decimal(90),
            score=Decimal(90),
            max_score=Decimal(100),
            passed=True,
        )
        for e in enrollments
    )
    GradeOverride.objects.bulk_create(
        GradeOverride(enrollment=e, item="attendance", percent=100, reason="Made up", set_at=ISSUED)
        for e in enrollments
    )
    GradeChange.objects.bulk_create(
        GradeChange(
            enrollment=e,
            item="attendance",
            item_title="Attendance",
            action="overridden",
            new_value="100%",
            reason="Made up",
            changed_at=ISSUED,
        )
        for e in enrollments
    )
    Certificate.objects.bulk_create(
        Certificate(
            enrollment=e,
            kind="attendance",
            code=f"DBT-{n:04}-QQQQ-RRRR",
            issued_at=ISSUED,
            full_name=e.user.full_name,
            course_title="DBT Foundations",
            cohort_name="Spring 2027",
            starts_on=cohort.starts_on,
            completed_on=cohort.ends_on,
        )
        for n, e in enumerate(enrollments)
    )


@pytest.mark.parametrize("trainees", [10, 300])
def test_the_pack_takes_the_same_queries_at_any_size(
    client, world, enrollment_admin, django_assert_max_num_queries, trainees
):
    crowd(world, trainees)
    client.force_login(enrollment_admin)
    url = reverse("certificates:audit_pack", args=[world["cohort"].pk])

    # Sign-in 2, the cohort 1, the roster, sessions, course items 2, approvals 1, attendance 1,
    # overrides 2, attempts 1, the evaluation report 6, certificates 1, CE checks 1.
    with django_assert_max_num_queries(20):
        response = client.get(url)

    pack = pack_of(response)
    assert len(read_csv(pack, "attendance.csv")) == 1 + 2 * (3 + trainees)
    assert len(read_csv(pack, "certificates.csv")) == 1 + 2 + trainees


# --- records are kept: nothing in the pack can be deleted by trainers ----------------------------------


def test_trainers_have_no_admin_and_admins_cannot_delete_records_there(
    client, world, trainer, enrollment_admin
):
    """Trainers are no staff (the admin sends them to sign in); enrollment admins are staff
    without delete permissions on any record of the pack (403). Attendance has no admin page of
    its own: it is an inline of its live session, whose pages are refused alike."""
    ann = world["enrollments"][0]
    records = {
        "courses/livesession": world["sessions"][0].pk,
        "courses/enrollment": ann.pk,
        "assessments/attempt": Attempt.objects.filter(enrollment=ann).first().pk,
        "assessments/certificate": Certificate.objects.get(enrollment=ann).pk,
        "assessments/gradeoverride": GradeOverride.objects.get().pk,
        "assessments/gradechange": GradeChange.objects.get().pk,
    }
    counts = {
        model: model.objects.count()
        for model in (
            Attendance,
            LiveSession,
            Enrollment,
            Attempt,
            Certificate,
            GradeOverride,
            GradeChange,
        )
    }

    for user, expected in ((trainer, HTTPStatus.FOUND), (enrollment_admin, HTTPStatus.FORBIDDEN)):
        client.force_login(user)
        for path, pk in records.items():
            url = f"/admin/{path}/{pk}/delete/"
            assert client.get(url).status_code == expected, (user, url)
            assert client.post(url, {"post": "yes"}).status_code == expected, (user, url)

    assert {model: model.objects.count() for model in counts} == counts


def test_a_trainer_cannot_delete_a_post_test_with_submitted_attempts(client, world, trainer):
    course, post_test = world["course"], world["post_test"]
    course.authors.add(trainer)
    client.force_login(trainer)
    before = list(Attempt.objects.order_by("pk").values_list("pk", "percent"))

    client.post(reverse("quiz_authoring:quiz_delete", args=[course.slug, post_test.pk]))

    assert list(Attempt.objects.order_by("pk").values_list("pk", "percent")) == before


def test_a_trainer_cannot_revoke_or_withdraw(client, world, trainer):
    ann = world["enrollments"][0]
    client.force_login(trainer)

    revoke = client.post(
        reverse("certificates:revoke", args=["DBT-AAAA-BBBB-CCCC"]), {"reason": "Mistake"}
    )
    withdraw = client.post(reverse("cohorts:withdraw", args=[world["cohort"].pk, ann.pk]))

    assert revoke.status_code == HTTPStatus.NOT_FOUND
    assert withdraw.status_code == HTTPStatus.FORBIDDEN
    assert Certificate.objects.get(code="DBT-AAAA-BBBB-CCCC").revoked_at is None
    assert Enrollment.objects.get(pk=ann.pk).status == "active"


def test_a_trainer_cannot_delete_a_module_holding_submitted_attempts(client, world, trainer):
    course, module = world["course"], world["module"]
    ModuleFactory(course=course, position=2, lessons=1)  # the course stays publishable
    course.authors.add(trainer)
    client.force_login(trainer)
    before = Attempt.objects.count()

    response = client.post(
        reverse("authoring:module_delete", args=[course.slug, module.pk]), follow=True
    )

    assert Module.objects.filter(pk=module.pk).exists()
    assert Attempt.objects.count() == before
    assert "their scores are part of the record, so the module cannot be deleted" in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_the_demo_finished_cohorts_pack_holds_its_records():
    """The demo's finished cohort, as an auditor would receive it: every trainee, every session
    and attendance line, the counted attempts, the evaluation and the certificate issued."""
    from courses.models import Cohort

    call_command("seed_demo")
    cohort = Cohort.objects.get(name="Autumn cohort (finished)")
    out = io.BytesIO()
    write_audit_pack(out, cohort=cohort)
    pack = zipfile.ZipFile(out)

    rows = {
        name: len(read_csv(pack, name)) - 1 for name in pack.namelist() if name.endswith(".csv")
    }
    assert rows == {
        "roster.csv": 12,
        "sessions.csv": 4,
        "attendance.csv": 48,  # 12 trainees × 4 sessions
        "gradebook_overrides.csv": 0,
        "post_test_attempts.csv": 12,
        "evaluation.csv": 16 * 5 + 16,  # 16 rating items × 5 scale points; 16 comments
        "certificates.csv": 1,
        "approvals.csv": 3,
        "ce_checks.csv": 1,
    }
    assert all(pack.read(name).startswith(BOM.encode()) for name in rows)
    assert "Checked in (America/New_York)" in read_csv(pack, "attendance.csv")[0]
