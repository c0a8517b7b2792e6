"""Worksheet services (assessments.submissions): drafts, files, submit and resubmit, what the
trainee may see, and the cohort home's assignment lines."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from assessments.assignments import submissions
from assessments.models import Assignment, CriterionScore, Grade, Submission
from courses.models import EnrollmentStatus
from modules.progress import cohort_progress
from tests.factories import CHAIN, DOCX, PDF, CourseFactory, ModuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def upload_assignment(module):
    return Assignment.objects.create(
        module=module, title="Your diary card, scanned", worksheet="file_upload", about_client=False
    )


def save(enrollment, assignment, data, **kwargs):
    return submissions.save_draft(enrollment=enrollment, assignment=assignment, data=data, **kwargs)


def errors_of(excinfo) -> dict:
    return {name: " ".join(messages) for name, messages in excinfo.value.message_dict.items()}


def grade(
    submission, *, released: bool, score="5", feedback="Clear links; add a skill for each.", by=None
):
    submission.status = "graded"
    submission.save()
    now = timezone.now()
    return Grade.objects.create(
        submission=submission,
        enrollment=submission.enrollment,
        score=Decimal(score),
        max_score=Decimal(6),
        feedback=feedback,
        graded_by=by,
        graded_at=now,
        released_at=now if released else None,
    )


# --- drafts -----------------------------------------------------------------------------------


def test_first_save_creates_a_draft_and_later_saves_update_it(enrollment, assignment):
    at = timezone.now() - datetime.timedelta(minutes=5)
    first = save(enrollment, assignment, {"problem_behavior": "Skipped a session."}, now=at)
    assert first.status == "draft"
    assert first.revision == 0
    assert first.saved_at == at
    assert first.content["problem_behavior"] == "Skipped a session."
    second = save(enrollment, assignment, dict(CHAIN))
    assert second.pk == first.pk
    assert Submission.objects.get().content == CHAIN
    assert Submission.objects.get().saved_at > at


def test_an_out_of_range_value_is_left_out_of_the_draft_and_the_rest_saved(enrollment, module):
    diary = Assignment.objects.create(module=module, title="Diary", worksheet="diary_card")
    save(enrollment, diary, {"mon-anger": "3", "tue-joy": "2"})
    draft = save(enrollment, diary, {"mon-anger": "4", "tue-joy": "6", "tue-notes": "Rough day"})
    assert draft.draft_problems == {
        "tue-joy": "Tuesday, emotions: joy (0–5): enter a whole number from 0 to 5."
    }
    days = Submission.objects.get().content["days"]
    assert (days["mon"]["anger"], days["tue"]["joy"], days["tue"]["notes"]) == (
        4,
        None,
        "Rough day",
    )


def test_a_draft_with_every_value_right_has_no_problems(enrollment, assignment):
    assert save(enrollment, assignment, dict(CHAIN)).draft_problems == {}


@pytest.mark.parametrize("bad", ["11", "1e309", "inf", "nan", "-1", "2.5", "yes"])
def test_a_first_save_with_only_a_bad_value_stores_an_empty_cell(enrollment, module, bad):
    diary = Assignment.objects.create(module=module, title="Diary", worksheet="diary_card")
    draft = save(enrollment, diary, {"mon-anger": bad})
    assert draft.draft_problems == {
        "mon-anger": "Monday, emotions: anger (0–5): enter a whole number from 0 to 5."
    }
    assert Submission.objects.get().content["days"]["mon"]["anger"] is None


def test_bad_case_formulation_choices_are_left_out_and_reported(enrollment, module):
    case = Assignment.objects.create(
        module=module, title="Order", worksheet="case_formulation", case_behaviors="A\nB"
    )
    draft = save(
        enrollment, case, {"b1-rank": "9", "b2-priority": "<script>", "formulation": "Kept."}
    )
    assert draft.draft_problems == {
        "b1-rank": "“A”: choose a rank from 1 to 2.",
        "b2-priority": "“B”: choose a priority from the list.",
    }
    content = Submission.objects.get().content
    assert (content["behaviors"][0]["rank"], content["behaviors"][1]["priority"]) == (None, "")
    assert content["formulation"] == "Kept."


def test_save_and_submit_refuses_a_bad_value_and_keeps_the_rest_as_a_draft(enrollment, module):
    diary = Assignment.objects.create(
        module=module, title="Diary", worksheet="diary_card", about_client=False
    )
    with pytest.raises(submissions.SubmitRefused) as excinfo:
        submissions.save_and_submit(
            enrollment=enrollment,
            assignment=diary,
            data={"mon-anger": "9", "mon-notes": "Typed after"},
            confirm_deidentified=True,
        )
    assert errors_of(excinfo) == {
        "mon-anger": "Monday, emotions: anger (0–5): enter a whole number from 0 to 5."
    }
    draft = Submission.objects.get()
    assert (draft.status, draft.revision) == ("draft", 0)
    assert draft.content["days"]["mon"]["notes"] == "Typed after"


def test_a_submitted_worksheet_takes_no_more_saves(enrollment, submission, assignment):
    with pytest.raises(submissions.WorksheetClosed) as excinfo:
        save(enrollment, assignment, {"problem_behavior": "Changed after submitting"})
    assert excinfo.value.reason == "This worksheet is submitted, so it can no longer be changed."
    submission.refresh_from_db()
    assert submission.content == CHAIN


@pytest.mark.parametrize(
    "status, reason",
    [
        ("waitlisted", "You are on this cohort's waitlist; assignments open once you have a seat."),
        (
            "withdrawn",
            "You have withdrawn from this cohort, so your worksheets can no longer be changed.",
        ),
        ("completed", "This cohort is finished, so your worksheets can no longer be changed."),
    ],
)
def test_only_an_active_trainee_saves(enrollment, assignment, status, reason):
    enrollment.status = status
    enrollment.save()
    with pytest.raises(submissions.AssignmentUnavailable) as excinfo:
        save(enrollment, assignment, dict(CHAIN))
    assert excinfo.value.reason == reason
    assert not Submission.objects.exists()


def test_a_locked_module_takes_no_saves(enrollment, assignment, module):
    module.release_offset_days, module.due_offset_days = 60, None
    module.save()
    with pytest.raises(submissions.AssignmentUnavailable) as excinfo:
        save(enrollment, assignment, dict(CHAIN))
    assert excinfo.value.reason.startswith(
        "“Chain analysis of a missed session” is locked. Opens on"
    )
    assert not Submission.objects.exists()


def test_another_course_s_assignment_is_refused(enrollment):
    elsewhere = Assignment.objects.create(
        module=ModuleFactory(course=CourseFactory()), title="Elsewhere", worksheet="free_text"
    )
    with pytest.raises(submissions.AssignmentUnavailable):
        save(enrollment, elsewhere, {"response": "x"})
    assert not Submission.objects.exists()


# --- files ------------------------------------------------------------------------------------


def test_an_upload_is_stored_under_a_random_name_keeping_the_original(
    enrollment, upload_assignment
):
    draft = save(
        enrollment,
        upload_assignment,
        {"note": "Week 3."},
        upload=SimpleUploadedFile("Diary card week 3.pdf", PDF),
    )
    assert draft.file_name == "Diary card week 3.pdf"
    assert draft.file.name.startswith(f"submissions/{upload_assignment.pk}/")
    assert "Diary" not in draft.file.name
    assert draft.file.read() == PDF
    assert draft.content == {"note": "Week 3."}


def test_a_new_upload_replaces_the_old_file_after_commit(
    enrollment, upload_assignment, django_capture_on_commit_callbacks
):
    first = save(enrollment, upload_assignment, {}, upload=SimpleUploadedFile("a.pdf", PDF))
    old = first.file.name
    storage = first.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        second = save(enrollment, upload_assignment, {}, upload=SimpleUploadedFile("b.docx", DOCX))
    assert second.file_name == "b.docx"
    assert not storage.exists(old)
    assert storage.exists(second.file.name)


def test_a_save_without_a_file_keeps_the_stored_one(enrollment, upload_assignment):
    save(enrollment, upload_assignment, {}, upload=SimpleUploadedFile("a.pdf", PDF))
    kept = save(enrollment, upload_assignment, {"note": "Later note."})
    assert kept.file_name == "a.pdf"
    assert kept.content == {"note": "Later note."}


@pytest.mark.parametrize(
    "name, content, message",
    [
        (
            "worksheet.pdf",
            DOCX,
            "“worksheet.pdf” is named as a PDF file but its content is a Word (DOCX) file.",
        ),
        (
            "worksheet.pdf",
            b"Just some text pretending to be a PDF.",
            "“worksheet.pdf” is named as a PDF file but its content is not a file type we accept.",
        ),
        (
            "worksheet.exe",
            PDF,
            "“worksheet.exe” is not an accepted type. Attach PDF, DOCX, PPTX, MP3 or MP4 files.",
        ),
    ],
)
def test_a_disguised_file_is_refused_with_the_reason(
    enrollment, upload_assignment, tmp_path, name, content, message
):
    with pytest.raises(ValidationError) as excinfo:
        save(enrollment, upload_assignment, {"note": "x"}, upload=SimpleUploadedFile(name, content))
    assert errors_of(excinfo) == {"file": message}
    assert not Submission.objects.exists()
    assert not any(tmp_path.rglob("*.*"))


def test_a_file_over_the_limit_is_refused(enrollment, upload_assignment, settings):
    settings.LESSON_ATTACHMENT_MAX_BYTES = 50
    with pytest.raises(ValidationError) as excinfo:
        save(enrollment, upload_assignment, {}, upload=SimpleUploadedFile("big.pdf", PDF))
    assert errors_of(excinfo) == {
        "file": f"“big.pdf” is {len(PDF)}\xa0bytes; attachments may be at most 50\xa0bytes."
    }
    assert not Submission.objects.exists()


def test_a_file_sent_to_a_worksheet_that_takes_none_is_ignored(enrollment, assignment):
    draft = save(enrollment, assignment, dict(CHAIN), upload=SimpleUploadedFile("a.pdf", PDF))
    assert not draft.file
    assert draft.file_name == ""


# --- submit -----------------------------------------------------------------------------------


def test_submit_hands_in_a_complete_confirmed_worksheet(enrollment, assignment):
    save(enrollment, assignment, dict(CHAIN))
    at = timezone.now()
    done = submissions.submit(
        enrollment=enrollment, assignment=assignment, confirm_deidentified=True, now=at
    )
    assert done.status == "submitted"
    assert done.submitted_at == at
    assert done.deidentified_at == at
    assert done.revision == 1
    assert Submission.objects.get().status == "submitted"


def test_submit_refuses_an_incomplete_worksheet_and_keeps_the_draft(enrollment, assignment):
    save(enrollment, assignment, {"problem_behavior": "Skipped a session."})
    with pytest.raises(submissions.SubmitRefused) as excinfo:
        submissions.submit(enrollment=enrollment, assignment=assignment, confirm_deidentified=True)
    assert set(errors_of(excinfo)) == {
        "prompting_event",
        "vulnerability_factors",
        "links",
        "consequences",
        "solution_analysis",
        "repair_commitment",
    }
    draft = Submission.objects.get()
    assert (draft.status, draft.revision, draft.submitted_at) == ("draft", 0, None)
    assert draft.content["problem_behavior"] == "Skipped a session."


def test_submit_about_a_client_needs_the_de_identification_confirmed(enrollment, assignment):
    save(enrollment, assignment, dict(CHAIN))
    with pytest.raises(submissions.SubmitRefused) as excinfo:
        submissions.submit(enrollment=enrollment, assignment=assignment, confirm_deidentified=False)
    assert errors_of(excinfo) == {
        "confirm_deidentified": "Confirm that you removed client-identifying details before "
        "you submit."
    }
    draft = Submission.objects.get()
    assert (draft.status, draft.deidentified_at) == ("draft", None)


def test_submit_not_about_a_client_needs_no_confirmation(enrollment, module):
    essay = Assignment.objects.create(
        module=module, title="Reflection", worksheet="free_text", about_client=False
    )
    save(enrollment, essay, {"response": "What I learned."})
    done = submissions.submit(enrollment=enrollment, assignment=essay, confirm_deidentified=False)
    assert done.status == "submitted"
    assert done.deidentified_at is None


def test_submit_with_nothing_saved_creates_nothing(enrollment, assignment):
    with pytest.raises(submissions.SubmitRefused):
        submissions.submit(enrollment=enrollment, assignment=assignment, confirm_deidentified=True)
    assert not Submission.objects.exists()


def test_a_file_upload_submits_only_with_its_file(enrollment, upload_assignment):
    save(enrollment, upload_assignment, {"note": "Here."})
    with pytest.raises(submissions.SubmitRefused) as excinfo:
        submissions.submit(
            enrollment=enrollment, assignment=upload_assignment, confirm_deidentified=False
        )
    assert errors_of(excinfo) == {"file": "Choose a file to upload."}
    save(enrollment, upload_assignment, {"note": "Here."}, upload=SimpleUploadedFile("a.pdf", PDF))
    done = submissions.submit(
        enrollment=enrollment, assignment=upload_assignment, confirm_deidentified=False
    )
    assert done.status == "submitted"


def test_submitting_twice_counts_once(enrollment, assignment):
    save(enrollment, assignment, dict(CHAIN))
    first = submissions.submit(
        enrollment=enrollment, assignment=assignment, confirm_deidentified=True
    )
    again = submissions.submit(submission=first, confirm_deidentified=False)
    assert again.pk == first.pk
    stored = Submission.objects.get()
    assert (stored.revision, stored.submitted_at) == (1, first.submitted_at)


def test_a_withdrawn_trainee_cannot_submit(enrollment, assignment):
    save(enrollment, assignment, dict(CHAIN))
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save()
    with pytest.raises(submissions.AssignmentUnavailable):
        submissions.submit(enrollment=enrollment, assignment=assignment, confirm_deidentified=True)
    assert Submission.objects.get().status == "draft"


def test_a_returned_worksheet_is_revised_and_resubmitted(enrollment, submission, assignment):
    submission.status = "returned"
    submission.returned_at = timezone.now()
    submission.return_feedback = "Make the links moment by moment."
    submission.save()
    revised = save(enrollment, assignment, {**CHAIN, "links": "Thought, then shame 4/5, then."})
    assert revised.status == "returned"
    done = submissions.submit(
        enrollment=enrollment, assignment=assignment, confirm_deidentified=True
    )
    assert (done.status, done.revision) == ("submitted", 2)
    assert done.content["links"] == "Thought, then shame 4/5, then."


def test_save_and_submit_keeps_the_draft_when_submitting_is_refused(enrollment, assignment):
    with pytest.raises(submissions.SubmitRefused):
        submissions.save_and_submit(
            enrollment=enrollment,
            assignment=assignment,
            data=dict(CHAIN),
            confirm_deidentified=False,
        )
    draft = Submission.objects.get()
    assert (draft.status, draft.content) == ("draft", CHAIN)


# --- what the trainee sees --------------------------------------------------------------------


def test_standing_hides_an_unreleased_grade_entirely(enrollment, submission, assignment):
    grade(submission, released=False)
    standing = submissions.standing_for(enrollment, assignment)
    assert standing.grade is None
    assert standing.label == "Submitted"
    assert standing.submitted


def test_standing_shows_a_released_grade_with_its_rubric_scores(
    enrollment, submission, assignment, rubric, trainer
):
    released = grade(submission, released=True, feedback="Clear **links**.", by=trainer)
    for criterion in rubric.criteria.all():
        level = criterion.levels.order_by("-points").first()
        CriterionScore.objects.create(
            grade=released, criterion=criterion, level=level, points=level.points, comment="Ok."
        )
    standing = submissions.standing_for(enrollment, assignment)
    assert standing.label == "Graded: 5 / 6"
    assert standing.grade.feedback_html == "<p>Clear <strong>links</strong>.</p>\n"
    assert [(s.criterion.title, s.level.title, s.points) for s in standing.grade.scores] == [
        ("Links are specific", "Complete", Decimal(2)),
        ("Solutions fit each link", "Complete", Decimal(4)),
    ]


@pytest.mark.parametrize(
    "status, label",
    [("draft", "Draft saved"), ("returned", "Returned for revision"), ("submitted", "Submitted")],
)
def test_standing_labels(enrollment, submission, assignment, status, label):
    submission.status = status
    submission.save()
    assert submissions.standing_for(enrollment, assignment).label == label


def test_standing_with_no_submission_is_not_started(enrollment, assignment):
    standing = submissions.standing_for(enrollment, assignment)
    assert (standing.label, standing.is_editable, standing.submission) == (
        "Not started",
        True,
        None,
    )


@pytest.mark.parametrize("count", [1, 20])
def test_cohort_home_lines_take_two_queries(enrollment, module, count, django_assert_num_queries):
    made = [
        Assignment.objects.create(module=module, title=f"Worksheet {n}", worksheet="free_text")
        for n in range(count)
    ]
    submission = save(enrollment, made[0], {"response": "Done."})
    submissions.submit(submission=submission, confirm_deidentified=True)
    grade(Submission.objects.get(), released=True, score="4")
    progress = cohort_progress(enrollment)
    with django_assert_num_queries(2):
        lines = submissions.assignment_activities(enrollment, progress)
    assert len(lines[module.pk]) == count
    first = lines[module.pk][0]
    assert (first.title, first.kind, first.status, first.done) == (
        "Worksheet 0",
        "Free text",
        "Graded: 4 / 6",
        True,
    )
    assert first.url == f"/learn/{enrollment.cohort_id}/assignments/{made[0].pk}/"
    if count > 1:
        assert (lines[module.pk][1].status, lines[module.pk][1].done) == ("Not started", False)


def test_cohort_home_lines_say_overdue_until_submitted(enrollment, module, assignment, submission):
    module.due_offset_days = 3  # the cohort started a week ago
    module.save()
    other = Assignment.objects.create(module=module, title="Late one", worksheet="free_text")
    lines = submissions.assignment_activities(enrollment, cohort_progress(enrollment))
    by_title = {line.title: line.status for line in lines[module.pk]}
    assert by_title == {
        "Chain analysis of a missed session": "Submitted",
        other.title: "Not started, overdue",
    }


# --- races (PostgreSQL's row locks; skipped on SQLite) ------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_five_tabs_submitting_at_once_count_one_revision(enrollment, assignment, run_together):
    if connection.vendor != "postgresql":
        pytest.skip("row locks (select_for_update) are what is under test; SQLite has none")
    jobs = [
        (lambda n=n: _submit_or_closed(enrollment, assignment, {**CHAIN, "links": f"tab {n}"}))
        for n in range(5)
    ]
    results = run_together(jobs)
    stored = Submission.objects.get()
    assert (stored.status, stored.revision) == ("submitted", 1)
    assert stored.content["links"] in {f"tab {n}" for n in range(5)}
    assert all(r == "closed" or r.pk == stored.pk for r in results)


def _submit_or_closed(enrollment, assignment, data):
    try:
        return submissions.save_and_submit(
            enrollment=enrollment, assignment=assignment, data=data, confirm_deidentified=True
        )
    except submissions.WorksheetClosed:
        return "closed"
