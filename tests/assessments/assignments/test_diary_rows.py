"""A diary card shaped by the client's targets: the standard rows, the trainer's own rows and
the trainee's personal targets; the rows a card was saved with are the rows it reads with."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.assignments import authoring as services
from assessments.assignments import package
from assessments.assignments import worksheets as ws
from assessments.assignments.forms import build_sheet
from assessments.grading import services as grading
from assessments.models import Assignment, Submission
from modules.transfer import Checker
from tests.factories import SubmissionFactory

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
STANDARD_KEYS = [
    "urge_suicide",
    "urge_self_harm",
    "urge_substance",
    "urge_quit_therapy",
    "suicidal_ideation",
    "self_harm",
    "substance_use",
    "medication",
    "misery",
    "anger",
    "fear",
    "sadness",
    "shame",
    "joy",
    "skills_use",
    "skills_practised",
    "notes",
]
SLEEP = {"key": "own_1", "label": "Hours slept", "group": "other", "kind": "count", "high": 99}
NIGHTMARES = {
    "key": "personal_1",
    "label": "Nightmares",
    "group": "personal",
    "kind": "rating",
    "high": 5,
}


@pytest.fixture
def diary(module):
    """Two standard rows, one of the trainer's own, personal targets allowed."""
    return Assignment.objects.create(
        module=module,
        title="A week of the diary card",
        worksheet="diary_card",
        diary_rows=[
            ws.STANDARD_ROWS["urge_suicide"].as_dict(),
            ws.STANDARD_ROWS["joy"].as_dict(),
            SLEEP,
        ],
        personal_rows_allowed=True,
    )


def url(assignment, name="assignment"):
    cohort = assignment.module.course.cohorts.first()
    return reverse(f"assignments:{name}", args=[cohort.pk, assignment.pk])


def week(rows, value="1") -> dict:
    return {
        ws.cell_name(day, row): ("no" if row.kind == ws.YES_NO else value)
        for day, _label in ws.DAYS
        for row in rows
        if row.kind != ws.TEXT
    }


def personal(label="Nightmares", kind="rating", key="personal_1") -> dict:
    return {f"{key}-label": label, f"{key}-kind": kind}


# --- the rows ------------------------------------------------------------------------------


def test_the_standard_card_holds_the_standard_targets_with_the_old_keys_kept():
    assert [row.key for row in ws.DIARY_ROWS] == STANDARD_KEYS
    rows = ws.STANDARD_ROWS
    assert rows["urge_quit_therapy"].describe() == "urges: quitting therapy (0–5)"
    assert (
        rows["medication"].describe() == "actions taken: took medication as prescribed (yes or no)"
    )
    assert rows["self_harm"].kind == ws.YES_NO
    assert rows["substance_use"].kind == ws.COUNT and rows["substance_use"].high == 99
    assert rows["skills_use"].high == 7
    assert ws.LEGACY_ROW_KEYS == tuple(
        k for k in STANDARD_KEYS if k not in ("urge_quit_therapy", "medication")
    )
    assert ws.assignment_rows(Assignment(worksheet="diary_card")) == ws.DIARY_ROWS


def test_rows_read_back_as_they_were_written(diary):
    rows = ws.assignment_rows(diary)
    assert [row.as_dict() for row in rows] == diary.diary_rows
    assert rows[2].describe() == "other targets: hours slept (times)"


@pytest.mark.parametrize(
    "row, message",
    [
        (
            {**SLEEP, "label": "x" * 61},
            "Row 1: at most 60 characters (“xxxxxxxxxxxxxxxxxxxx…” has 61).",
        ),
        ({**SLEEP, "label": "Sleep\x07"}, "Row 1: remove the control characters from “Sleep\x07”."),
        ({**SLEEP, "label": "  "}, "Row 1: give the row a name."),
        ({**SLEEP, "kind": "slider"}, "Row 1: choose a kind from the list."),
        ({**SLEEP, "group": "hobbies"}, "Row 1: choose a group from the list."),
        ({**SLEEP, "high": 0}, "Row 1: the top of its scale does not fit a count row."),
        (
            {**SLEEP, "key": "Hours!"},
            "Row 1: its key must be lowercase letters, digits and _ (up to 40).",
        ),
        ({**SLEEP, "extra": 1}, "Row 1: needs exactly key, label, group, kind, high."),
        (NIGHTMARES, "Row 1: “personal_” keys are for trainees' own targets."),
    ],
)
def test_bad_row_definitions_are_refused_by_name(row, message):
    with pytest.raises(ValidationError) as refused:
        ws.check_rows([row])
    assert refused.value.messages == [message]


def test_a_key_used_twice_is_refused():
    with pytest.raises(ValidationError) as refused:
        ws.check_rows([SLEEP, {**SLEEP, "label": "Sleep again"}])
    assert refused.value.messages == ["Row 2: the key “own_1” is used twice."]


# --- authoring -----------------------------------------------------------------------------


def form_data(**overrides) -> dict:
    data = {
        "title": "Diary card week",
        "worksheet": "diary_card",
        "instructions": "",
        "case_behaviors": "",
        "rubric": "",
        "points": "10",
        "about_client": "on",
        "diary_rows": ["urge_suicide", "urge_quit_therapy", "medication"],
        "own_1_label": "Hours slept",
        "own_1_group": "other",
        "own_1_kind": "count",
        "personal_rows_allowed": "on",
    }
    for n in range(2, 11):
        data |= {f"own_{n}_label": "", f"own_{n}_group": "other", f"own_{n}_kind": "rating"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def create_url(course, module):
    return reverse("assignment_authoring:assignment_create", args=[course.slug, module.pk])


def test_trainer_builds_a_card_from_the_template_and_rows_of_their_own(
    client, trainer, course, module
):
    client.force_login(trainer)
    page = client.get(create_url(course, module) + "?worksheet=diary_card").content.decode()
    assert page.count('name="diary_rows"') == len(STANDARD_KEYS)
    assert page.count('name="diary_rows" value="notes" id="id_diary_rows_16" checked') == 1
    assert '<label for="id_own_10_label" class="visually-hidden">Row 10: name</label>' in page
    response = client.post(
        create_url(course, module), form_data(own_2_label="Binge eating", own_2_group="urges")
    )
    assert response.status_code == HTTPStatus.FOUND
    assignment = Assignment.objects.get(title="Diary card week")
    assert assignment.personal_rows_allowed is True
    assert assignment.diary_rows == [
        {"key": "urge_suicide", "label": "Suicide", "group": "urges", "kind": "rating", "high": 5},
        {
            "key": "urge_quit_therapy",
            "label": "Quitting therapy",
            "group": "urges",
            "kind": "rating",
            "high": 5,
        },
        {
            "key": "medication",
            "label": "Took medication as prescribed",
            "group": "actions",
            "kind": "yes_no",
            "high": 0,
        },
        {"key": "own_1", "label": "Hours slept", "group": "other", "kind": "count", "high": 99},
        {"key": "own_2", "label": "Binge eating", "group": "urges", "kind": "rating", "high": 5},
    ]
    # Editing shows the rows again in their slots, keys kept.
    edit = reverse("assignment_authoring:assignment", args=[course.slug, assignment.pk])
    page = client.get(edit).content.decode()
    assert 'name="own_2_label" value="Binge eating"' in page
    assert 'name="own_2_key" value="own_2"' in page
    assert (
        'name="diary_rows" value="joy"' in page
        and 'value="joy" id="id_diary_rows_13" checked' not in page
    )


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"own_1_label": "y" * 61},
            "own_1_label",
            "Ensure this value has at most 60 characters (it has 61).",
        ),
        (
            {"own_1_label": "Sleep\tlate"},
            "own_1_label",
            "Row 1: remove the control characters from “Sleep\tlate”.",
        ),
        (
            {"own_1_kind": "slider"},
            "own_1_kind",
            "Select a valid choice. slider is not one of the available choices.",
        ),
        (
            {"own_1_group": "personal"},
            "own_1_group",
            "Select a valid choice. personal is not one of the available choices.",
        ),
        (
            {"diary_rows": [], "own_1_label": ""},
            "diary_rows",
            "Keep at least one standard row, or add one of your own.",
        ),
        (
            {"own_1_key": "Bad key"},
            "diary_rows",
            "Row 4: its key must be lowercase letters, digits and _ (up to 40).",
        ),
        (
            {"own_1_key": "personal_1"},
            "diary_rows",
            "Row 4: “personal_” keys are for trainees' own targets.",
        ),
    ],
)
def test_bad_rows_on_the_form_are_refused_and_nothing_is_saved(
    client, trainer, course, module, overrides, field, message
):
    client.force_login(trainer)
    response = client.post(create_url(course, module), form_data(**overrides))
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors[field] == [message]
    assert not Assignment.objects.filter(title="Diary card week").exists()


def test_editing_with_a_bad_row_changes_nothing(client, trainer, course, diary):
    client.force_login(trainer)
    before = (diary.diary_rows, diary.personal_rows_allowed, diary.title)
    edit = reverse("assignment_authoring:assignment", args=[course.slug, diary.pk])
    response = client.post(
        edit, form_data(title="Renamed", own_1_label="z" * 61, personal_rows_allowed=None)
    )
    assert response.status_code == HTTPStatus.OK
    diary.refresh_from_db()
    assert (diary.diary_rows, diary.personal_rows_allowed, diary.title) == before


def test_the_service_refuses_bad_rows_and_creates_nothing(module):
    with pytest.raises(ValidationError) as refused:
        services.create_assignment(
            module=module, title="Card", worksheet="diary_card", diary_rows=[SLEEP, SLEEP]
        )
    assert refused.value.message_dict == {"diary_rows": ["Row 2: the key “own_1” is used twice."]}
    assert not Assignment.objects.exists()


def test_other_worksheets_keep_no_rows(module):
    chain = services.create_assignment(
        module=module,
        title="Chain",
        worksheet="chain_analysis",
        diary_rows=[SLEEP],
        personal_rows_allowed=True,
    )
    assert (chain.diary_rows, chain.personal_rows_allowed) == ([], False)


# --- the trainee's card --------------------------------------------------------------------


def test_trainee_adds_a_personal_target_with_a_plain_post(client, enrollment, diary):
    client.force_login(enrollment.user)
    page = client.get(url(diary)).content.decode()
    assert '<label for="ws-new_personal-label">Name of the target</label>' in page
    assert 'name="action" value="add_row">Add a personal target</button>' in page
    data = {**week(ws.assignment_rows(diary)), "mon-joy": "4"}
    response = client.post(
        url(diary, "save"),
        {
            **data,
            "action": "add_row",
            "new_personal-label": "  Nightmares ",
            "new_personal-kind": "rating",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url(diary)
    assert (
        "Added “Nightmares” to your card as a personal target. Your draft is saved."
        in response.content.decode()
    )
    content = Submission.objects.get(enrollment=enrollment).content
    assert content["rows"] == [*diary.diary_rows, NIGHTMARES]
    assert content["days"]["mon"] == {"urge_suicide": 1, "joy": 4, "own_1": 1, "personal_1": None}
    page = response.content.decode()
    assert '<th scope="rowgroup" colspan="8">Personal targets</th>' in page
    assert (
        '<label for="ws-tue-personal_1" class="visually-hidden">Tuesday, personal targets: nightmares (0–5)</label>'
        in page
    )
    assert '<input type="hidden" name="personal_1-label" value="Nightmares">' in page


def test_autosave_keeps_the_personal_rows_and_their_values(client, enrollment, diary):
    client.force_login(enrollment.user)
    data = {**week(ws.assignment_rows(diary)), **personal(), "wed-personal_1": "3"}
    response = client.post(url(diary, "save"), data, **HX)
    assert response.status_code == HTTPStatus.OK
    content = Submission.objects.get(enrollment=enrollment).content
    assert content["rows"][-1] == NIGHTMARES
    assert content["days"]["wed"]["personal_1"] == 3
    # Typing a new target's name autosaves the card but adds nothing until the button is pressed.
    client.post(url(diary, "save"), {**data, "new_personal-label": "Skipping meals"}, **HX)
    content = Submission.objects.get(enrollment=enrollment).content
    assert [row["key"] for row in content["rows"]] == ["urge_suicide", "joy", "own_1", "personal_1"]


def test_removing_a_personal_target_drops_its_row(client, enrollment, diary):
    client.force_login(enrollment.user)
    data = {
        **personal(),
        **personal("Skipping meals", "yes_no", "personal_2"),
        "remove_row": "personal_1",
    }
    response = client.post(url(diary, "save"), data, follow=True)
    assert "Removed “Nightmares” from your card. Your draft is saved." in response.content.decode()
    rows = Submission.objects.get(enrollment=enrollment).content["rows"]
    assert rows[-1] == {
        "key": "personal_2",
        "label": "Skipping meals",
        "group": "personal",
        "kind": "yes_no",
        "high": 0,
    }
    assert len(rows) == 4


@pytest.mark.parametrize(
    "new, message",
    [
        ({"new_personal-label": ""}, "Personal target: give the row a name."),
        (
            {"new_personal-label": "w" * 61},
            "Personal target: at most 60 characters (“wwwwwwwwwwwwwwwwwwww…” has 61).",
        ),
        (
            {"new_personal-label": "nightmares"},
            "Personal target: “nightmares” is already on your card.",
        ),
        (
            {"new_personal-label": "Tabs\there"},
            "Personal target: remove the control characters from “Tabs\there”.",
        ),
    ],
)
def test_a_bad_personal_target_is_refused_and_nothing_is_saved(
    client, enrollment, diary, new, message
):
    client.force_login(enrollment.user)
    post = {**personal(), "action": "add_row", "new_personal-kind": "count", **new}
    response = client.post(url(diary, "save"), post)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert f'<a href="#ws-new_personal-label">{message}</a>' in page.replace("&#x27;", "'").replace(
        "&quot;", '"'
    )
    assert not Submission.objects.exists()


def test_a_sixth_personal_target_and_a_text_kind_are_refused(client, enrollment, diary):
    client.force_login(enrollment.user)
    five = {}
    for n in range(1, 6):
        five |= personal(f"Target {n}", "rating", f"personal_{n}")
    response = client.post(
        url(diary, "save"),
        {**five, "action": "add_row", "new_personal-label": "Sixth", "new_personal-kind": "rating"},
    )
    assert "You can add at most 5 personal targets." in response.content.decode()
    response = client.post(
        url(diary, "save"),
        {"action": "add_row", "new_personal-label": "Journal", "new_personal-kind": "text"},
    )
    assert "Personal target: choose how it is recorded." in response.content.decode()
    assert not Submission.objects.exists()


def test_without_permission_personal_rows_are_neither_offered_nor_stored(client, enrollment, diary):
    diary.personal_rows_allowed = False
    diary.save()
    client.force_login(enrollment.user)
    assert "Add a personal target" not in client.get(url(diary)).content.decode()
    client.post(
        url(diary, "save"),
        {
            **personal(),
            "action": "add_row",
            "new_personal-label": "Mine",
            "new_personal-kind": "rating",
        },
    )
    content = Submission.objects.get(enrollment=enrollment).content
    assert [row["key"] for row in content["rows"]] == ["urge_suicide", "joy", "own_1"]


def test_another_trainee_cannot_post_to_someone_else_s_card(
    client, enrollment, other_enrollment, diary
):
    client.force_login(enrollment.user)
    client.post(url(diary, "save"), {**personal(), "mon-joy": "2"})
    mine = Submission.objects.get(enrollment=enrollment)
    before = mine.content
    client.force_login(other_enrollment.user)
    client.post(
        url(diary, "save"), {**personal("Theirs"), "remove_row": "personal_1", "mon-joy": "5"}
    )
    mine.refresh_from_db()
    assert mine.content == before
    theirs = Submission.objects.get(enrollment=other_enrollment)
    assert [row["key"] for row in theirs.content["rows"]] == ["urge_suicide", "joy", "own_1"]
    assert theirs.content["days"]["mon"]["joy"] == 5


def test_submit_needs_the_personal_rows_filled_too(client, enrollment, diary):
    client.force_login(enrollment.user)
    data = {**week(ws.assignment_rows(diary)), **personal(), "confirm_deidentified": "yes"}
    response = client.post(url(diary, "submit"), data)
    assert response.status_code == HTTPStatus.OK
    assert "missing personal targets: nightmares (0–5)." in response.content.decode()
    assert Submission.objects.get(enrollment=enrollment).status == "draft"
    rows = [
        *ws.assignment_rows(diary),
        ws.new_row("personal_1", "Nightmares", "personal", "rating"),
    ]
    client.post(
        url(diary, "submit"), {**week(rows, "2"), **personal(), "confirm_deidentified": "yes"}
    )
    assert Submission.objects.get(enrollment=enrollment).status == "submitted"


# --- reading the card as it was saved ------------------------------------------------------


def test_grader_and_review_show_the_rows_as_the_trainee_had_them(
    client, enrollment, diary, trainer
):
    client.force_login(enrollment.user)
    rows = [
        *ws.assignment_rows(diary),
        ws.new_row("personal_1", "Nightmares", "personal", "rating"),
    ]
    client.post(
        url(diary, "submit"), {**week(rows, "2"), **personal(), "confirm_deidentified": "yes"}
    )
    submission = Submission.objects.get(enrollment=enrollment)
    # The trainer changes the card afterwards: the handed-in card does not change with it.
    services.update_assignment(
        assignment=diary,
        title=diary.title,
        worksheet="diary_card",
        diary_rows=[ws.STANDARD_ROWS["anger"].as_dict()],
        personal_rows_allowed=False,
    )
    [field] = grading.worksheet_fields(Submission.objects.get(pk=submission.pk))
    assert [row[0] for row in field.rows] == [
        "Urges: Suicide (0–5)",
        "Emotions: Joy (0–5)",
        "Other targets: Hours slept (times)",
        "Personal targets: Nightmares (0–5)",
    ]
    assert field.rows[-1][1:] == ("2",) * 7
    review = client.get(url(diary)).content.decode()
    assert "Nightmares" in review and "Hours slept" in review and "Anger" not in review
    client.force_login(trainer)
    cohort = enrollment.cohort
    page = client.get(
        reverse("grading:submission", args=[cohort.pk, submission.pk])
    ).content.decode()
    assert '<th scope="row">Personal targets: Nightmares (0–5)</th>' in page


def test_an_old_fixed_row_submission_still_renders_and_validates(
    client, enrollment, module, trainer
):
    old = Assignment.objects.create(module=module, title="Old card", worksheet="diary_card")
    legacy = [ws.STANDARD_ROWS[key] for key in ws.LEGACY_ROW_KEYS]
    days = {
        day: {
            row.key: (False if row.kind == ws.YES_NO else None if row.kind == ws.TEXT else 1)
            for row in legacy
        }
        for day, _label in ws.DAYS
    }
    submission = SubmissionFactory(assignment=old, enrollment=enrollment, content={"days": days})
    assert ws.incomplete(old, submission.content) == {}
    assert ws.saved_rows(old, submission.content) == tuple(legacy)
    [field] = grading.worksheet_fields(submission)
    assert len(field.rows) == 15
    assert field.rows[0] == ("Urges: Suicide (0–5)", *("1",) * 7)
    assert "Quitting therapy" not in str(field.rows)
    client.force_login(enrollment.user)
    page = client.get(url(old)).content.decode()
    assert page.count('<th scope="row">') == 15
    values = ws.as_inputs(old, submission.content, rows=legacy)
    sheet = build_sheet(old, values, readonly=True, rows=legacy)
    assert sum(len(group.lines) for group in sheet.diary_groups) == 15
    # Opened again as a draft, the card gains today's standard rows and keeps every value.
    assert ws.as_inputs(old, submission.content)["mon-anger"] == "1"
    assert ws.as_inputs(old, submission.content)["mon-medication"] == ""


# --- course package ------------------------------------------------------------------------


class _Context:
    def __init__(self, module):
        self.module_index = {module.pk: 0}


def test_the_package_exports_the_rows_and_the_permission(diary, module):
    [entry] = package.export_assignments(module.course, _Context(module))
    assert entry["diary_rows"] == diary.diary_rows
    assert entry["personal_rows_allowed"] is True


def test_the_package_refuses_bad_rows_at_their_path(diary, module):
    [entry] = package.export_assignments(module.course, _Context(module))
    checker = Checker.__new__(Checker)
    problems = []
    checker.problem = lambda path, message: problems.append((path, message))
    checker.plans, checker.module_count = {}, 1
    checker.fields = lambda item, at, model, names: {n: item[n] for n in names if n in item}
    [plan] = package.check_assignments([{**entry, "rubric": None}], "assignments", checker)
    assert (
        plan.fields["diary_rows"] == diary.diary_rows
        and plan.fields["personal_rows_allowed"] is True
    )
    bad = {**entry, "rubric": None, "diary_rows": [{**SLEEP, "kind": "slider"}]}
    package.check_assignments([bad], "assignments", checker)
    assert problems == [("assignments[0].diary_rows", "Row 1: choose a kind from the list.")]
