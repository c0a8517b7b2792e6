"""Worksheet kinds (assessments.worksheets): a form post becomes content, content becomes form
values again, out-of-range values are refused, and what submitting needs. No database."""

import pytest
from django.core.exceptions import ValidationError

from assessments.assignments import worksheets as ws
from assessments.assignments.forms import build_sheet
from assessments.models import Assignment
from dbt_training.core.errors import flat_errors
from tests.factories import CHAIN

BEHAVIORS = "Cuts her forearm when alone\nMisses sessions after conflict\nDrinks on weekends"


def sheet_of(kind: str, behaviors: str = "") -> Assignment:
    # Unsaved: the worksheet helpers read only `worksheet` and `behaviors`.
    return Assignment(title="A worksheet", worksheet=kind, case_behaviors=behaviors)


def refusal(assignment, data) -> dict[str, str]:
    with pytest.raises(ValidationError) as excinfo:
        ws.parse(assignment, data)
    return flat_errors(excinfo.value)


def full_week(**overrides) -> dict[str, str]:
    data = {}
    for day, _label in ws.DAYS:
        for row in ws.DIARY_ROWS:
            value = {ws.RATING: "2", ws.COUNT: "0", ws.YES_NO: "no", ws.TEXT: ""}[row.kind]
            data[ws.cell_name(day, row)] = value
    data.update(overrides)
    return data


# --- chain analysis ---------------------------------------------------------------------------


def test_chain_analysis_keeps_the_seven_steps_and_ignores_other_keys():
    chain = sheet_of("chain_analysis")
    content = ws.parse(chain, {**CHAIN, "status": "graded", "revision": "9", "extra": "x"})
    assert content == CHAIN
    assert list(content) == [step.key for step in ws.CHAIN_STEPS]
    assert ws.as_inputs(chain, content) == CHAIN
    assert ws.incomplete(chain, content) == {}


def test_chain_analysis_draft_may_be_partial_but_submit_names_each_empty_step():
    chain = sheet_of("chain_analysis")
    content = ws.parse(chain, {"problem_behavior": "Skipped a session.", "links": "   \r\n "})
    assert content["problem_behavior"] == "Skipped a session."
    assert content["links"] == ""
    assert content["prompting_event"] == ""
    missing = ws.incomplete(chain, content)
    assert set(missing) == {step.key for step in ws.CHAIN_STEPS} - {"problem_behavior"}
    assert missing["prompting_event"] == "Prompting event: this is empty."


def test_text_is_normalised_and_too_long_text_is_refused():
    chain = sheet_of("chain_analysis")
    content = ws.parse(chain, {"links": "Thought\r\nShame 4/5\r\n\r\n"})
    assert content["links"] == "Thought\nShame 4/5"
    errors = refusal(chain, {"links": "x" * (ws.MAX_TEXT + 1)})
    assert errors == {"links": "Links in the chain: at most 20,000 characters (this has 20,001)."}


def test_a_list_value_for_a_text_field_reads_as_empty():
    # A QueryDict's .get gives the last string; a JSON-ish mapping may hold anything.
    content = ws.parse(sheet_of("free_text"), {"response": ["a", "b"]})
    assert content == {"response": ""}


# --- free text and file upload ----------------------------------------------------------------


def test_free_text_has_one_response():
    free = sheet_of("free_text")
    assert ws.parse(free, {"response": "Validation is not approval."}) == {
        "response": "Validation is not approval."
    }
    assert ws.incomplete(free, {"response": " "}) == {"response": "Your response: this is empty."}


def test_file_upload_needs_the_file_not_the_note():
    upload = sheet_of("file_upload")
    assert ws.parse(upload, {"note": "", "response": "ignored"}) == {"note": ""}
    assert ws.incomplete(upload, {"note": "Here it is."}) == {"file": "Choose a file to upload."}
    assert ws.incomplete(upload, {"note": ""}, has_file=True) == {}


# --- diary card -------------------------------------------------------------------------------


def test_diary_card_reads_ratings_actions_and_text_per_day():
    diary = sheet_of("diary_card")
    data = full_week(
        **{"mon-urge_self_harm": "5", "mon-self_harm": "yes", "tue-substance_use": "3"}
    )
    data["wed-skills_practised"] = "Opposite action, TIP"
    data["sun-notes"] = "Hard Sunday."
    content = ws.parse(diary, data)
    monday = content["days"]["mon"]
    assert monday["urge_self_harm"] == 5
    assert monday["self_harm"] is True
    assert monday["joy"] == 2
    assert monday["skills_practised"] is None
    assert content["days"]["tue"]["substance_use"] == 3
    assert content["days"]["tue"]["self_harm"] is False
    assert content["days"]["wed"]["skills_practised"] == "Opposite action, TIP"
    assert content["days"]["sun"]["notes"] == "Hard Sunday."
    assert ws.incomplete(diary, content) == {}
    assert ws.parse(diary, ws.as_inputs(diary, content)) == content


def test_diary_card_zero_is_a_rating_and_empty_cells_are_none():
    diary = sheet_of("diary_card")
    content = ws.parse(diary, {"mon-anger": "0", "mon-joy": " "})
    assert content["days"]["mon"]["anger"] == 0
    assert content["days"]["mon"]["joy"] is None
    assert content["days"]["fri"] == {row.key: None for row in ws.DIARY_ROWS}


@pytest.mark.parametrize(
    "name, value, message",
    [
        (
            "mon-urge_suicide",
            "6",
            "Monday, urges: suicide (0–5): enter a whole number from 0 to 5.",
        ),
        ("tue-anger", "-1", "Tuesday, emotions: anger (0–5): enter a whole number from 0 to 5."),
        ("wed-shame", "2.5", "Wednesday, emotions: shame (0–5): enter a whole number from 0 to 5."),
        ("thu-joy", "lots", "Thursday, emotions: joy (0–5): enter a whole number from 0 to 5."),
        (
            "fri-skills_use",
            "8",
            "Friday, skills: skills use (0–7): enter a whole number from 0 to 7.",
        ),
        (
            "sat-substance_use",
            "100",
            "Saturday, actions taken: substance use (times): enter a whole number from 0 to 99.",
        ),
        (
            "sun-self_harm",
            "maybe",
            "Sunday, actions taken: self-harm (yes or no): choose yes or no.",
        ),
    ],
)
def test_diary_card_refuses_values_outside_their_range(name, value, message):
    assert refusal(sheet_of("diary_card"), full_week(**{name: value})) == {name: message}


def test_diary_card_accepts_the_top_of_each_scale():
    content = ws.parse(
        sheet_of("diary_card"),
        full_week(**{"mon-skills_use": "7", "mon-misery": "5", "mon-substance_use": "99"}),
    )
    assert content["days"]["mon"]["skills_use"] == 7
    assert content["days"]["mon"]["misery"] == 5
    assert content["days"]["mon"]["substance_use"] == 99


def test_diary_card_refuses_every_bad_cell_at_once():
    errors = refusal(sheet_of("diary_card"), full_week(**{"mon-anger": "9", "tue-fear": "x"}))
    assert set(errors) == {"mon-anger", "tue-fear"}


def test_diary_card_submit_names_the_missing_ratings_per_day_but_not_the_text_rows():
    diary = sheet_of("diary_card")
    data = full_week()
    data["mon-anger"] = ""
    data["mon-joy"] = ""
    for row in ws.DIARY_ROWS:
        data[ws.cell_name("sun", row)] = ""
    missing = ws.incomplete(diary, ws.parse(diary, data))
    assert missing == {
        "day-mon": "Monday: fill in every rating and action (0 counts as a rating); "
        "missing emotions: anger (0–5) and emotions: joy (0–5).",
        "day-sun": "Sunday: fill in every rating and action (0 counts as a rating); "
        "missing urges: suicide (0–5), urges: self-harm (0–5), urges: substance use (0–5) "
        "and 12 more.",
    }


def test_diary_card_cell_labels_say_day_and_row():
    sheet = build_sheet(sheet_of("diary_card"), ws.as_inputs(sheet_of("diary_card"), {}))
    cells = [cell for group in sheet.diary_groups for line in group.lines for cell in line.cells]
    assert len(cells) == 7 * len(ws.DIARY_ROWS)
    assert cells[0].label == "Monday, urges: suicide (0–5)"
    assert len({cell.id for cell in cells}) == len(cells)
    assert [group.title for group in sheet.diary_groups] == [
        "Urges",
        "Thoughts",
        "Actions taken",
        "Emotions",
        "Skills",
        "Notes",
    ]


def test_diary_sheet_marks_the_missing_cells_of_a_day_and_links_the_summary_to_the_first():
    diary = sheet_of("diary_card")
    values = full_week(**{"tue-fear": "", "tue-shame": ""})
    sheet = build_sheet(diary, values, errors=ws.incomplete(diary, ws.parse(diary, values)))
    invalid = [
        cell.name
        for group in sheet.diary_groups
        for line in group.lines
        for cell in line.cells
        if cell.invalid
    ]
    assert invalid == ["tue-fear", "tue-shame"]
    assert sheet.summary == [("ws-tue-fear", sheet.day_errors[0].message)]
    assert sheet.day_errors[0].id == "ws-day-tue-error"


# --- case formulation -------------------------------------------------------------------------


def case_post(**overrides) -> dict[str, str]:
    data = {
        "b1-priority": "life_threatening",
        "b1-rank": "1",
        "b1-justification": "Life-threatening behavior comes first.",
        "b2-priority": "therapy_interfering",
        "b2-rank": "2",
        "b2-justification": "Treatment cannot work if she is not there.",
        "b3-priority": "quality_of_life",
        "b3-rank": "3",
        "b3-justification": "Serious, but not life-threatening.",
        "formulation": "Shame after conflict drives all three.",
    }
    data.update(overrides)
    return data


def test_case_formulation_orders_each_behavior_with_a_priority_rank_and_justification():
    case = sheet_of("case_formulation", BEHAVIORS)
    content = ws.parse(case, case_post())
    assert content["behaviors"][0] == {
        "behavior": "Cuts her forearm when alone",
        "priority": "life_threatening",
        "rank": 1,
        "justification": "Life-threatening behavior comes first.",
    }
    assert [b["rank"] for b in content["behaviors"]] == [1, 2, 3]
    assert content["formulation"] == "Shame after conflict drives all three."
    assert ws.incomplete(case, content) == {}


def test_case_formulation_offers_not_a_stage_one_target():
    case = sheet_of("case_formulation", BEHAVIORS)
    content = ws.parse(case, case_post(**{"b3-priority": "none"}))
    assert content["behaviors"][2]["priority"] == "none"
    assert dict(ws.PRIORITY_CHOICES)["none"] == "Not a stage-1 target"


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("b1-rank", "4", "“Cuts her forearm when alone”: choose a rank from 1 to 3."),
        ("b2-rank", "0", "“Misses sessions after conflict”: choose a rank from 1 to 3."),
        ("b3-rank", "first", "“Drinks on weekends”: choose a rank from 1 to 3."),
        (
            "b1-priority",
            "stage_2",
            "“Cuts her forearm when alone”: choose a priority from the list.",
        ),
    ],
)
def test_case_formulation_refuses_ranks_and_priorities_the_page_never_offered(name, value, message):
    case = sheet_of("case_formulation", BEHAVIORS)
    assert refusal(case, case_post(**{name: value})) == {name: message}


def test_case_formulation_draft_may_repeat_a_rank_but_submit_may_not():
    case = sheet_of("case_formulation", BEHAVIORS)
    content = ws.parse(case, case_post(**{"b3-rank": "1"}))
    missing = ws.incomplete(case, content)
    assert set(missing) == {"b1-rank", "b3-rank"}
    assert missing["b3-rank"] == (
        "“Drinks on weekends”: rank 1 is given to more than one behavior; use each rank once."
    )


def test_case_formulation_submit_needs_every_part():
    case = sheet_of("case_formulation", BEHAVIORS)
    content = ws.parse(case, {"b2-rank": "2"})
    assert ws.incomplete(case, content) == {
        "b1-priority": "“Cuts her forearm when alone”: choose its priority.",
        "b1-rank": "“Cuts her forearm when alone”: give it a rank.",
        "b1-justification": "“Cuts her forearm when alone”: justify its place in the order.",
        "b2-priority": "“Misses sessions after conflict”: choose its priority.",
        "b2-justification": "“Misses sessions after conflict”: justify its place in the order.",
        "b3-priority": "“Drinks on weekends”: choose its priority.",
        "b3-rank": "“Drinks on weekends”: give it a rank.",
        "b3-justification": "“Drinks on weekends”: justify its place in the order.",
        "formulation": "Write the overall case formulation.",
    }


def test_case_formulation_answers_follow_their_behavior_when_the_trainer_reorders_lines():
    case = sheet_of("case_formulation", BEHAVIORS)
    content = ws.parse(case, case_post())
    reordered = sheet_of(
        "case_formulation",
        "Drinks on weekends\nCuts her forearm when alone\nMisses sessions after conflict",
    )
    values = ws.as_inputs(reordered, content)
    assert values["b1-priority"] == "quality_of_life"
    assert values["b1-rank"] == "3"
    assert values["b2-priority"] == "life_threatening"


def test_case_formulation_with_no_behaviors_needs_only_the_formulation():
    case = sheet_of("case_formulation")
    assert ws.parse(case, {"formulation": "F"}) == {"behaviors": [], "formulation": "F"}
    assert ws.incomplete(case, {"formulation": "F"}) == {}


def test_empty_content_renders_for_every_kind():
    for kind, _label in Assignment._meta.get_field("worksheet").choices:
        assignment = sheet_of(kind, BEHAVIORS)
        values = ws.as_inputs(assignment, None)
        assert ws.parse(assignment, values) == ws.parse(assignment, {})
        sheet = build_sheet(assignment, values, readonly=True)
        assert sheet.summary == []
