"""The worksheet draft autosave as a hot path (issue 17): its query budget, flat as trainees,
assignments and modules grow, and what its one-statement write (an INSERT … ON CONFLICT … DO
UPDATE that touches only an editable row) must keep: a submitted or graded worksheet refuses
it, a returned one stays returned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.assignments import submissions
from assessments.models import Assignment, Submission
from modules.progress import cohort_progress
from tests.factories import CHAIN, EnrollmentFactory, ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db

# Session, user, the enrollment (with what progress_for reads: cohort, course, read-model row;
# the module's lock then costs nothing once the process knows the outline), the assignment, the
# draft's upsert. Counted as production runs it: without the SAVEPOINT and RELEASE that the
# test's own transaction turns `atomic` into.
AUTOSAVE_BUDGET = 5

HX = {"HTTP_HX_REQUEST": "true"}


def save_url(assignment, enrollment):
    return reverse("assignments:save", args=[enrollment.cohort_id, assignment.pk])


def statements(queries) -> int:
    return sum(1 for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT")))


@pytest.mark.parametrize("size", [(1, 1, 1), (30, 20, 8)], ids=["small", "large"])
def test_autosave_stays_within_its_budget_however_many_trainees_assignments_and_modules(
    client, cohort, module, enrollment, size, django_assert_max_num_queries
):
    trainees, assignments, modules = size
    for n in range(modules):
        ModuleFactory(course=module.course, position=n + 2)
    sheets = [
        Assignment.objects.create(module=module, title=f"Reflection {n}", worksheet="free_text")
        for n in range(assignments)
    ]
    for _ in range(trainees):
        other = EnrollmentFactory(user=UserFactory(), cohort=cohort)
        for sheet in sheets:
            submissions.save_draft(enrollment=other, assignment=sheet, data={"response": "x"})
    client.force_login(enrollment.user)
    url = save_url(sheets[-1], enrollment)
    for text in ("first", "second", "third"):
        client.post(url, {"response": text}, **HX)  # the first may warm the process's outline
        with CaptureQueriesContext(connection) as queries:
            saved = client.post(url, {"response": f"{text}, again"}, **HX)
        assert "Draft saved at" in saved.content.decode()
        assert statements(queries) <= AUTOSAVE_BUDGET, [q["sql"][:80] for q in queries]
    stored = Submission.objects.get(enrollment=enrollment, assignment=sheets[-1])
    assert (stored.status, stored.content) == ("draft", {"response": "third, again"})
    # The same in pytest-django's terms: the budget plus the test transaction's savepoint pair.
    with django_assert_max_num_queries(AUTOSAVE_BUDGET + 2):
        client.post(url, {"response": "fourth"}, **HX)


def test_first_save_inserts_a_whole_draft_and_the_next_updates_it(enrollment, assignment):
    at = timezone.now()
    first = submissions.save_draft(
        enrollment=enrollment, assignment=assignment, data={"problem_behavior": "Skipped."}, now=at
    )
    assert (first.status, first.revision, first.saved_at, first.file.name) == ("draft", 0, at, "")
    assert first.submitted_at is None and first.return_feedback == ""
    second = submissions.save_draft(enrollment=enrollment, assignment=assignment, data=CHAIN)
    assert second.pk == first.pk
    assert Submission.objects.get().content == CHAIN


def test_a_returned_worksheet_stays_returned_while_its_draft_is_saved(
    client, enrollment, assignment, submission
):
    submission.status, submission.revision, submission.return_feedback = "returned", 1, "Add links."
    submission.save()
    client.force_login(enrollment.user)
    saved = client.post(save_url(assignment, enrollment), {**CHAIN, "links": "revised"}, **HX)
    assert "Draft saved at" in saved.content.decode()
    stored = Submission.objects.get()
    assert (stored.status, stored.revision, stored.return_feedback) == ("returned", 1, "Add links.")
    assert stored.content["links"] == "revised"


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        ("submitted", "This worksheet is submitted, so it can no longer be changed."),
        ("graded", "This worksheet is graded, so it can no longer be changed."),
    ],
)
def test_a_closed_worksheet_refuses_the_autosave_and_keeps_its_content(
    client, enrollment, assignment, submission, status, reason
):
    submission.status = status
    submission.save()
    before = Submission.objects.get().content
    client.force_login(enrollment.user)
    refused = client.post(save_url(assignment, enrollment), {"links": "changed"}, **HX)
    assert reason in refused.content.decode()
    assert Submission.objects.get().content == before
    with pytest.raises(submissions.WorksheetClosed):
        submissions.save_draft(enrollment=enrollment, assignment=assignment, data={})


def test_a_closed_worksheet_says_so_before_anything_about_bad_values(enrollment, module):
    diary = Assignment.objects.create(module=module, title="Diary", worksheet="diary_card")
    submissions.save_draft(enrollment=enrollment, assignment=diary, data={"mon-anger": "3"})
    Submission.objects.update(status="submitted")
    with pytest.raises(submissions.WorksheetClosed):
        submissions.save_draft(enrollment=enrollment, assignment=diary, data={"mon-anger": "9"})


def test_a_nul_character_is_dropped_and_the_draft_saved(client, enrollment, assignment):
    client.force_login(enrollment.user)
    saved = client.post(save_url(assignment, enrollment), {"links": "a\x00b"}, **HX)
    assert saved.status_code == 200
    assert "Draft saved at" in saved.content.decode()
    assert Submission.objects.get().content["links"] == "ab"


def test_a_locked_module_refuses_the_autosave(client, enrollment, assignment, module):
    module.release_offset_days = module.due_offset_days = 400
    module.save()
    assert not cohort_progress(enrollment).state_of(module.pk).is_open
    client.force_login(enrollment.user)
    refused = client.post(save_url(assignment, enrollment), {"links": "x"}, **HX)
    assert "is locked" in refused.content.decode()
    assert not Submission.objects.exists()


# --- races (PostgreSQL's row locks; skipped on SQLite) ------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_autosaves_racing_a_submit_never_change_the_submitted_worksheet(
    enrollment, assignment, run_together
):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what is under test; SQLite has none")
    submissions.save_draft(enrollment=enrollment, assignment=assignment, data=CHAIN)

    def autosave(n):
        try:
            return submissions.save_draft(
                enrollment=enrollment, assignment=assignment, data={**CHAIN, "links": f"tab {n}"}
            )
        except submissions.WorksheetClosed:
            return "closed"

    def submit():
        return submissions.submit(
            enrollment=enrollment, assignment=assignment, confirm_deidentified=True
        )

    results = run_together([(lambda n=n: autosave(n)) for n in range(10)] + [submit])
    submitted = results[-1]
    stored = Submission.objects.get()
    assert (stored.status, stored.revision) == ("submitted", 1)
    # What was submitted is what is stored: no autosave slipped in after the submit.
    assert stored.content == submitted.content
    accepted = [r for r in results[:-1] if r != "closed"]
    assert all(r.saved_at <= stored.submitted_at for r in accepted)
