"""GIFT import and export: every construct of Moodle's format, our `// dbt:` extension, the errors
an author is told about (each with its line, the questions around it still importing), and a
lossless round trip for every kind of question."""

from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessments.quizzes import services
from assessments.quizzes.gift import GiftAnswer, GiftError, GiftQuestion, GiftResult, dump, parse


def only(text: str) -> GiftQuestion:
    result = parse(text)
    assert result.errors == []
    assert len(result.questions) == 1
    return result.questions[0]


# --- choices ------------------------------------------------------------------------------------


def test_single_choice_with_name_feedback_general_feedback_over_several_lines():
    q = only(
        "::TIPP::Which skill changes body chemistry within minutes? {\n"
        "    =TIPP#Yes: temperature, intense exercise, paced breathing.\n"
        "    ~Wise mind ACCEPTS#That one distracts.\n"
        "    ~Pros and cons\n"
        "    ####TIPP acts on the body first.\n"
        "}\n"
    )

    assert q == GiftQuestion(
        kind="single",
        text="Which skill changes body chemistry within minutes?",
        name="TIPP",
        text_format="moodle",
        answers=[
            GiftAnswer(
                text="TIPP",
                fraction=D(100),
                feedback="Yes: temperature, intense exercise, paced breathing.",
            ),
            GiftAnswer(text="Wise mind ACCEPTS", fraction=D(0), feedback="That one distracts."),
            GiftAnswer(text="Pros and cons", fraction=D(0), feedback=""),
        ],
        general_feedback="TIPP acts on the body first.",
        category="",
        points=D(1),
        case_sensitive=False,
    )
    assert q.line == 1
    assert q.kind == "single"


def test_single_choice_on_one_line_without_name():
    q = only("Radical acceptance means {~approving =acknowledging ~resisting} reality.\n")

    assert q.kind == "single"
    assert q.name == ""
    assert q.text == "Radical acceptance means _____ reality."
    assert [(a.text, a.fraction) for a in q.answers] == [
        ("approving", D(0)),
        ("acknowledging", D(100)),
        ("resisting", D(0)),
    ]


def test_only_tilde_answers_make_a_multiple_answer_question_with_weights_and_negative_ones():
    q = only(
        "Which are stage 1 targets? {\n"
        "~%50%Life-threatening behaviours#Yes, first.\n"
        "~%50%Therapy-interfering behaviours\n"
        "~%-100%Ordinary happiness#No: that belongs to stage 3.\n"
        "}"
    )

    assert q.kind == "multiple"
    assert q.answers == [
        GiftAnswer(text="Life-threatening behaviours", fraction=D(50), feedback="Yes, first."),
        GiftAnswer(text="Therapy-interfering behaviours", fraction=D(50)),
        GiftAnswer(
            text="Ordinary happiness",
            fraction=D(-100),
            feedback="No: that belongs to stage 3.",
        ),
    ]


def test_decimal_weights_that_make_100_together():
    q = only(
        "Pick the ACCEPTS letters. {~%33.33333%Activities ~%33.33333%Contributing ~%33.33334%Comparisons ~%-50%Breathing}"
    )

    assert q.kind == "multiple"
    assert [a.fraction for a in q.answers] == [
        D("33.33333"),
        D("33.33333"),
        D("33.33334"),
        D(-50),
    ]


def test_an_equals_answer_makes_single_choice_even_with_weighted_wrong_ones():
    q = only("Which skill? {=STOP ~%-50%Willfulness ~%25%Half-smiling}")

    assert q.kind == "single"
    assert [a.fraction for a in q.answers] == [D(100), D(-50), D(25)]


def test_missing_word_choice_keeps_a_gap_where_the_block_was():
    q = only(
        "Half-smiling and willing hands belong to {~emotion regulation =distress tolerance "
        "~interpersonal effectiveness} skills."
    )

    assert q.kind == "single"
    assert q.text == "Half-smiling and willing hands belong to _____ skills."


def test_missing_word_at_the_start_of_the_text():
    q = only("{=Radical acceptance ~Willfulness} is accepting reality as it is.")

    assert q.text == "_____ is accepting reality as it is."


# --- true/false ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "true_fraction", "false_fraction"),
    [("T", 100, 0), ("TRUE", 100, 0), ("F", 0, 100), ("FALSE", 0, 100)],
)
def test_true_false(block, true_fraction, false_fraction):
    q = only(f"Distress tolerance skills aim to make pain go away.{{{block}}}")

    assert q.kind == "true_false"
    assert q.text == "Distress tolerance skills aim to make pain go away."
    assert q.answers == [
        GiftAnswer(text="True", fraction=D(true_fraction)),
        GiftAnswer(text="False", fraction=D(false_fraction)),
    ]


def test_true_false_feedback_goes_to_the_wrong_then_the_right_answer():
    true = only("Validation is agreement. {FALSE#Validating is not agreeing.#Right.}")
    false_only = only("STOP starts with Stop. {T#The S is for Stop.}")

    assert true.answers == [
        GiftAnswer(text="True", fraction=D(0), feedback="Validating is not agreeing."),
        GiftAnswer(text="False", fraction=D(100), feedback="Right."),
    ]
    assert false_only.answers == [
        GiftAnswer(text="True", fraction=D(100), feedback=""),
        GiftAnswer(text="False", fraction=D(0), feedback="The S is for Stop."),
    ]


def test_true_false_with_general_feedback():
    q = only("TIPP uses cold water. {T#No, it does.#Yes.####The T is temperature.}")

    assert q.answers[0] == GiftAnswer(text="True", fraction=D(100), feedback="Yes.")
    assert q.answers[1] == GiftAnswer(text="False", fraction=D(0), feedback="No, it does.")
    assert q.general_feedback == "The T is temperature."


# --- short answer, matching ---------------------------------------------------------------------


def test_short_answer_with_weights_and_feedback():
    q = only("Who developed DBT? {=Marsha Linehan =%75%Linehan#Her first name too. =%50%Marsha}")

    assert q.kind == "short"
    assert q.case_sensitive is False
    assert q.answers == [
        GiftAnswer(text="Marsha Linehan", fraction=D(100)),
        GiftAnswer(text="Linehan", fraction=D(75), feedback="Her first name too."),
        GiftAnswer(text="Marsha", fraction=D(50)),
    ]


def test_short_answer_as_a_missing_word():
    q = only("The distress tolerance module teaches {=six =6} crisis survival skills.")

    assert q.kind == "short"
    assert q.text == "The distress tolerance module teaches _____ crisis survival skills."
    assert [a.text for a in q.answers] == ["six", "6"]


def test_matching_with_a_distractor():
    q = only(
        "Match each crisis survival skill with what it does. {\n"
        "    =TIPP -> changes body chemistry\n"
        "    =Self-soothe -> comforts through the five senses\n"
        "    =STOP -> stops before acting on an urge\n"
        "    = -> repairs a relationship\n"
        "    ####All four are in the handouts.\n"
        "}"
    )

    assert q.kind == "matching"
    assert q.answers == [
        GiftAnswer(text="TIPP", match="changes body chemistry", fraction=D(100)),
        GiftAnswer(text="Self-soothe", match="comforts through the five senses", fraction=D(100)),
        GiftAnswer(text="STOP", match="stops before acting on an urge", fraction=D(100)),
        GiftAnswer(text="", match="repairs a relationship", fraction=D(100)),
    ]
    assert q.general_feedback == "All four are in the handouts."


# --- numeric ------------------------------------------------------------------------------------


def test_numeric_value_with_tolerance():
    q = only("How many minutes of paced breathing are suggested? {#2:0.5}")

    assert q.kind == "numeric"
    assert q.answers == [GiftAnswer(fraction=D(100), value=D(2), tolerance=D("0.5"))]


def test_numeric_range():
    q = only("How many skills modules does standard DBT teach? {#3..5}")

    assert q.answers == [GiftAnswer(fraction=D(100), low=D(3), high=D(5))]
    assert q.answers[0].value is None and q.answers[0].tolerance is None


def test_numeric_bare_value_has_no_tolerance_and_negative_numbers_work():
    bare = only("How many stages of DBT treatment follow pretreatment? {#4#Four stages.}")
    negative = only("A temperature change of how many degrees? {#-1.5:0.25}")
    negative_range = only("Pick a number in the range. {#-10..-2.5}")

    assert bare.answers == [
        GiftAnswer(fraction=D(100), value=D(4), tolerance=D(0), feedback="Four stages.")
    ]
    assert negative.answers == [GiftAnswer(fraction=D(100), value=D("-1.5"), tolerance=D("0.25"))]
    assert negative_range.answers == [GiftAnswer(fraction=D(100), low=D(-10), high=D("-2.5"))]


def test_numeric_with_several_answers_and_partial_credit():
    q = only(
        "In what year was the first randomized trial of DBT published? {#\n"
        "    =1991:0#Right.\n"
        "    =%50%1991:2#Close.\n"
        "}"
    )

    assert q.kind == "numeric"
    assert q.answers == [
        GiftAnswer(fraction=D(100), value=D(1991), tolerance=D(0), feedback="Right."),
        GiftAnswer(fraction=D(50), value=D(1991), tolerance=D(2), feedback="Close."),
    ]


def test_numeric_several_answers_on_one_line():
    q = only("When? {# =2000:0 =%50%2000:10 #Within ten years.}")

    assert q.answers == [
        GiftAnswer(fraction=D(100), value=D(2000), tolerance=D(0)),
        GiftAnswer(fraction=D(50), value=D(2000), tolerance=D(10), feedback="Within ten years."),
    ]


def test_numeric_missing_word():
    q = only("DBT skills groups usually meet {#1} time a week.")

    assert q.text == "DBT skills groups usually meet _____ time a week."


# --- essay --------------------------------------------------------------------------------------


def test_essay():
    plain = only("Describe a time you used radical acceptance. {}")
    with_feedback = only("Describe a chain analysis. {\n####Look for links and solutions.\n}")

    assert plain == GiftQuestion(
        kind="essay", text="Describe a time you used radical acceptance.", answers=[]
    )
    assert with_feedback.kind == "essay"
    assert with_feedback.general_feedback == "Look for links and solutions."


# --- layout: comments, blank lines, categories, formats, escapes --------------------------------


def test_comments_are_ignored_wherever_a_line_starts_with_them():
    result = parse(
        "// Knowledge check for module 3\n"
        "// written for the spring cohort\n"
        "\n"
        "// about the next question\n"
        "Which skill? {\n"
        "    // the right one first\n"
        "    =STOP\n"
        "    ~Opposite action\n"
        "}\n"
        "\n"
        "   // an indented comment on its own\n"
        "\n"
        "See http://example.org/tipp for TIPP. {T}\n"
    )

    assert result.errors == []
    first, second = result.questions
    assert first.text == "Which skill?"
    assert [a.text for a in first.answers] == ["STOP", "Opposite action"]
    assert first.line == 5
    assert second.text == "See http://example.org/tipp for TIPP."
    assert second.line == 13


def test_one_or_more_blank_lines_separate_questions_and_text_may_span_lines():
    result = parse(
        "First line\nsecond line {T}\n\n\n   \n\t\nNext {F}\n\n\nLast {}\n",
    )

    assert result.errors == []
    assert [(q.text, q.line) for q in result.questions] == [
        ("First line\nsecond line", 1),
        ("Next", 7),
        ("Last", 10),
    ]


def test_categories_apply_to_the_questions_after_them():
    result = parse(
        "Before any category {T}\n"
        "\n"
        "$CATEGORY: $course$/top/DBT/Distress tolerance\n"
        "\n"
        "First {T}\n"
        "\n"
        "Second {F}\n"
        "$CATEGORY: DBT/Emotion regulation\n"
        "Third {T}\n"
    )

    assert result.errors == []
    assert [(q.text, q.category, q.line) for q in result.questions] == [
        ("Before any category", "", 1),
        ("First", "$course$/top/DBT/Distress tolerance", 5),
        ("Second", "$course$/top/DBT/Distress tolerance", 7),
        ("Third", "DBT/Emotion regulation", 9),
    ]


@pytest.mark.parametrize(
    ("tag", "text_format"),
    [
        ("[markdown]", "markdown"),
        ("[html]", "html"),
        ("[plain]", "plain"),
        ("[moodle]", "moodle"),
        ("[HTML]", "html"),
        ("", "moodle"),
    ],
)
def test_formats(tag, text_format):
    q = only(f"::Format::{tag}Is *this* <b>kept</b> as written? {{T}}")

    assert q.name == "Format"
    assert q.text_format == text_format
    assert q.text == "Is *this* <b>kept</b> as written?"


def test_format_without_a_name_and_a_bracket_after_the_tag_is_text():
    assert only("[markdown]**Bold** question {T}").text == "**Bold** question"
    assert only("[moodle][Optional] question {T}").text == "[Optional] question"


def test_escapes_in_names_text_answers_and_feedback():
    q = only(
        r"::Escapes \: all\:::Write \~ \= \# \{ \} \: \\ and a\nnew line "
        r"{=\~ \= \# \{ \} \: \\#fb \#1\nnext ~two\nlines ####general \{\}}"
    )

    assert q.name == "Escapes : all:"
    assert q.text == "Write ~ = # { } : \\ and a\nnew line"
    assert q.answers == [
        GiftAnswer(text="~ = # { } : \\", fraction=D(100), feedback="fb #1\nnext"),
        GiftAnswer(text="two\nlines", fraction=D(0)),
    ]
    assert q.general_feedback == "general {}"


def test_other_backslashes_are_kept_as_written():
    assert only(r"Is f\(x\) a path C:\temp? {T}").text == r"Is f\(x\) a path C:\temp?"


def test_windows_line_endings_and_a_byte_order_mark_parse_the_same():
    source = ALL_KINDS + "\n\nBroken {=a ~b\n"
    plain = parse(source)
    windows = parse("\ufeff" + source.replace("\n", "\r\n"))
    old_mac = parse(source.replace("\n", "\r"))

    assert windows == plain
    assert old_mac == plain
    assert [q.line for q in windows.questions] == [q.line for q in plain.questions]
    assert len(plain.questions) == 15
    assert plain.errors == [GiftError(line=63, reason=NEVER_CLOSED.format(63))]


def test_empty_input():
    assert parse("") == parse("\n\n// only a comment\n\n")
    assert parse("").questions == [] and parse("").errors == []


# --- the dbt extension comment ------------------------------------------------------------------


def test_ordering_travels_as_matching_to_positions():
    q = only(
        "// The stage 1 hierarchy\n"
        "// dbt: kind=ordering points=2\n"
        "::Hierarchy::Put the stage 1 targets in order of priority. {\n"
        "    =Therapy-interfering behaviours -> 2\n"
        "    =Life-threatening behaviours -> 1#First, always.\n"
        "    =Quality-of-life-interfering behaviours -> 3\n"
        "}"
    )

    assert q == GiftQuestion(
        kind="ordering",
        text="Put the stage 1 targets in order of priority.",
        name="Hierarchy",
        answers=[
            GiftAnswer(
                text="Life-threatening behaviours", fraction=D(100), feedback="First, always."
            ),
            GiftAnswer(text="Therapy-interfering behaviours", fraction=D(100)),
            GiftAnswer(text="Quality-of-life-interfering behaviours", fraction=D(100)),
        ],
        points=D(2),
    )
    assert q.line == 3


def test_ordering_written_as_plain_equals_items():
    q = only(
        "// dbt: kind=ordering\nOrder the STOP steps. {=Stop =%50%Take a step back =Observe =Proceed mindfully}"
    )

    assert q.kind == "ordering"
    assert [(a.text, a.fraction, a.match) for a in q.answers] == [
        ("Stop", D(100), ""),
        ("Take a step back", D(100), ""),
        ("Observe", D(100), ""),
        ("Proceed mindfully", D(100), ""),
    ]


def test_likert():
    q = only(
        "// dbt: kind=likert\n"
        "I can use a distress tolerance skill when I need one. {\n"
        "~Never ~Sometimes ~Often ~Always\n"
        "}"
    )

    assert q.kind == "likert"
    assert q.answers == [
        GiftAnswer(text="Never"),
        GiftAnswer(text="Sometimes"),
        GiftAnswer(text="Often"),
        GiftAnswer(text="Always"),
    ]


def test_points_and_case_sensitivity_in_any_order_among_other_comments_unknown_keys_ignored():
    q = only(
        "// written by the training team\n"
        "// dbt: case_sensitive=1 colour=blue points=0.5\n"
        "// reviewed\n"
        "Which acronym helps with distress? {=TIPP}"
    )

    assert q.kind == "short"
    assert q.points == D("0.5")
    assert q.case_sensitive is True


def test_kind_single_or_multiple_can_override_moodles_rule():
    multiple = only("// dbt: kind=multiple\nWhich? {=TIPP ~%-100%Willfulness}")
    single = only("// dbt: kind=single\nWhich? {~%100%TIPP ~Willfulness}")

    assert multiple.kind == "multiple"
    assert single.kind == "single"
    assert single.answers[0].fraction == D(100)


def test_a_dbt_comment_in_another_paragraph_does_not_apply():
    q = only("// dbt: points=5\n\nWhich? {=TIPP ~STOP}")

    assert q.points == D(1)


# --- errors -------------------------------------------------------------------------------------

NEVER_CLOSED = "The answer block opened on line {} is never closed."
STRAY = "The }} on line {} closes no answer block (write \\}} for a }})."

# (question starting on line 3, the line of the error, the reason)
ERRORS = [
    ("Which skill? {=TIPP ~STOP", 3, NEVER_CLOSED.format(3)),
    ("Which skill?\nMore text.\n{=TIPP\n~STOP", 5, NEVER_CLOSED.format(5)),
    ("Which skill? =TIPP ~STOP}", 3, STRAY.format(3)),
    ("Which skill? {=TIPP ~STOP}\nagain }", 4, STRAY.format(4)),
    (
        "Which skill? {=TIPP {~STOP}",
        3,
        "A { on line 3 opens a block inside the answer block (write \\{ for a {).",
    ),
    (
        "Which {=TIPP ~STOP} and {=STOP ~TIPP}",
        3,
        "A second answer block opens on line 3; a question has only one.",
    ),
    (
        "Which skill? {\n=TIPP\n~%abc%STOP\n}",
        5,
        "The weight %abc% on line 5 is not a number.",
    ),
    ("How many? {#two:1}", 3, "“two” in the numeric answer on line 3 is not a number."),
    ("How many? {#2:a bit}", 3, "“a bit” in the numeric answer on line 3 is not a number."),
    ("How many? {#1..}", 3, "The numeric answer on line 3 is missing a number."),
    ("How many? {#\n=6\n=%50%six\n}", 5, "“six” in the numeric answer on line 5 is not a number."),
    (
        "How many? {#6 ~Any other number}",
        3,
        "“Any other number” after the ~ on line 3: in a numeric question ~ gives the feedback "
        "for any other number, written ~#feedback.",
    ),
    (
        "[rtf]Which skill? {=TIPP ~STOP}",
        3,
        "[rtf] on line 3 is not a text format: use [markdown], [html], [plain] or [moodle] (write "
        "[moodle] first if the text itself starts with a bracket).",
    ),
    (
        "Is TIPP a skill? {true}",
        3,
        "“true” on line 3 is no answer: a true/false answer is T, TRUE, F or FALSE, and other "
        "answers start with =, ~ or #.",
    ),
    (
        "Is TIPP a skill? {Yes#Right}",
        3,
        "“Yes” on line 3 is no answer: a true/false answer is T, TRUE, F or FALSE, and other "
        "answers start with =, ~ or #.",
    ),
    (
        "Which skill? {TIPP =STOP ~ACCEPTS}",
        3,
        "“TIPP” on line 3 comes before the first answer; start each answer with ~ or =.",
    ),
    (
        "Match. {\n=TIPP -> body\n=STOP\n=ACCEPTS -> distraction\n}",
        5,
        "The answer on line 5 has no -> but others have: write each matching pair as "
        "=item -> match.",
    ),
    ("Who developed DBT? {=}", 3, "The answer on line 3 has no text."),
    ("Which? {~TIPP ~#feedback only}", 3, "The answer on line 3 has no text."),
    ("Match. {=a -> b =->}", 3, "The pair on line 3 has no text."),
    ("::Name Which skill? {T}", 3, "The question name opened with :: on line 3 is never closed."),
    ("{=TIPP ~STOP}", 3, "The question has no text."),
    ("[html]", 3, "The question has no text."),
    # Weights and answer sets are judged by assessments.rules.answer_problems.
    ("Which? {~%150%TIPP ~STOP}", 3, "A weight of 150% is outside -100% to 100%."),
    ("Which? {~%60%TIPP ~%60%STOP}", 3, "The positive weights add up to 120%, over 100%."),
    ("Who? {=%50%Linehan}", 3, "At least one accepted answer must be worth 100%."),
    ("Match. {=TIPP -> body}", 3, "Give at least two pairs to match."),
    ("How many? {#}", 3, "Give at least one accepted number or range."),
    ("How many? {#5..1}", 3, "The range 5..1 runs backwards."),
    # The extension comment: its errors are on the comment's line.
    (
        "// dbt: kind=slider\nWhich? {=TIPP ~STOP}",
        3,
        "kind=slider is not a question kind: use one of single, multiple, true_false, matching, "
        "ordering, short, numeric, essay, likert, description.",
    ),
    (
        "// dbt: kind=likert\nWho? {=Linehan =Marsha Linehan}",
        3,
        "The dbt comment says kind=likert, but the answer block is written as a short answer "
        "question.",
    ),
    (
        "// dbt: kind=single\nRead this first.",
        3,
        "The dbt comment says kind=single, but the question has no answer block.",
    ),
    (
        "// dbt: kind=description\nRead this first. {T}",
        3,
        "The dbt comment says kind=description, but the answer block is written as a "
        "true/false question.",
    ),
    (
        "// dbt: points=lots\nWhich? {=TIPP ~STOP}",
        3,
        "points=lots is not a number of points (0 or more).",
    ),
    (
        "// dbt: case_sensitive=maybe\nWho? {=Linehan}",
        3,
        "case_sensitive=maybe is neither 1 nor 0.",
    ),
    (
        "// dbt: kind=ordering\nOrder. {=a -> 1 =b -> 3}",
        3,
        "An ordering question matches each item to its position: =item -> 1, =item -> 2 and so "
        "on up to 2.",
    ),
    (
        "// dbt: kind=likert\nHow often? {~Never ~%50%Often}",
        4,
        "Likert points are not scored: leave their weights at 0.",
    ),
]


@pytest.mark.parametrize(("source", "line", "reason"), ERRORS)
def test_a_bad_question_is_reported_with_its_line_and_the_others_still_import(source, line, reason):
    result = parse(f"Before {{T}}\n\n{source}\n\n::After::After {{=STOP ~TIPP}}\n")

    assert result.errors == [GiftError(line=line, reason=reason)]
    assert [q.text for q in result.questions] == ["Before", "After"]


def test_an_error_keeps_the_question_name_and_every_rule_problem_is_reported():
    result = parse(
        "::Unclosed::Which? {=TIPP ~STOP\n\n// a comment first\n::Lonely::Which? {~TIPP}\n"
    )

    assert result.questions == []
    assert result.errors == [
        GiftError(line=1, reason=NEVER_CLOSED.format(1), name="Unclosed"),
        GiftError(line=4, reason="Give at least two choices.", name="Lonely"),
        GiftError(
            line=4,
            reason="The positive weights add up to 0%; they must make 100%.",
            name="Lonely",
        ),
    ]


def test_several_errors_in_one_file():
    result = parse(
        "::One::Good {T}\n"
        "\n"
        "Unclosed {=a ~b\n"
        "\n"
        "A description, which is no error.\n"
        "\n"
        "::Two::Good {F}\n"
        "Glued to the question before, so part of it: } stray\n"
        "\n"
        "::Three::[html]{=a ~b}\n"
    )

    assert [(q.name, q.kind) for q in result.questions] == [
        ("One", "true_false"),
        ("", "description"),
    ]
    assert result.errors == [
        GiftError(line=3, reason=NEVER_CLOSED.format(3)),
        GiftError(line=8, reason=STRAY.format(8), name="Two"),
        GiftError(line=10, reason="The question has no text.", name="Three"),
    ]
    assert result.warnings == []


# --- writing ------------------------------------------------------------------------------------

ALL_KINDS = r"""// Every kind of question, for the round trip.
$CATEGORY: $course$/top/DBT/Distress tolerance

::Crisis skills::[html]Which skill gives <b>fast</b> relief? {
    =TIPP#Right\: it changes body chemistry.
    ~Wise mind ACCEPTS#It distracts.
    ~%-50%Willfulness#Not a skill.
    ####Crisis survival skills get you through without making things worse.
}

::Stage 1::Which are stage 1 targets? {
    ~%50%Life-threatening behaviours
    ~%50%Therapy-interfering behaviours
    ~%-100%Ordinary happiness
}

Validation means agreement. {F#Validation is not agreement.#Right.}

::Founder::Who developed DBT? {=Marsha Linehan =%50%Linehan#Full name, please.}

$CATEGORY: DBT/Emotion regulation

::Match::[markdown]Match each skill to its **module**. {
    =Opposite action -> emotion regulation
    =DEAR MAN -> interpersonal effectiveness
    =Wise mind -> mindfulness
    = -> group therapy
}

// dbt: kind=ordering points=3
::Hierarchy::Order the stage 1 targets. {
    =Life-threatening behaviours -> 1
    =Therapy-interfering behaviours -> 2
    =Quality-of-life-interfering behaviours -> 3
}

::Breathing::How many seconds should an out-breath take in paced breathing? {#6:2#About six.}

Choose a year in the range. {#1990..1995}

::Trial::When was the first trial published? {#
    =1991:0#Right.
    =%50%1991:2#Close.
    =%-25%-1991
    ~#Any other year is wrong.
}

::Vignette::Jo, 19, wants to act on an urge.

::Mind::[html]<p>Which mind?</p> {=[moodle]Wise mind#[moodle]Yes. ~<p>Emotion mind</p>}

// dbt: kind=likert
::Confidence::[plain]How confident are you using STOP? {~Not at all ~A little ~Very#Great.}

::Reflection::Describe a chain analysis\nin your own words. {####Look for links.}

// dbt: case_sensitive=1 points=0.5
DBT's crisis survival skills include {=TIPP =STOP} and others.

Escapes\: \~ \= \# \{ \} \\ in text {=a \~ b ~c \= d#e \# f}
"""


def test_every_kind_round_trips_without_loss():
    first = parse(ALL_KINDS)
    assert first.errors == []
    assert sorted({q.kind for q in first.questions}) == sorted(
        [
            "single",
            "multiple",
            "true_false",
            "matching",
            "ordering",
            "short",
            "numeric",
            "essay",
            "likert",
            "description",
        ]
    )

    written = dump(first.questions)
    second = parse(written)

    assert second.errors == []
    assert second.questions == first.questions
    assert dump(second.questions) == written


def test_the_round_trip_file_parses_as_expected():
    by_name = {q.name: q for q in parse(ALL_KINDS).questions}

    assert by_name["Crisis skills"].category == "$course$/top/DBT/Distress tolerance"
    assert by_name["Crisis skills"].line == 4
    assert by_name["Match"].category == "DBT/Emotion regulation"
    assert by_name["Hierarchy"].points == D(3)
    assert by_name["Trial"].answers[2] == GiftAnswer(
        fraction=D(-25), value=D(-1991), tolerance=D(0)
    )
    assert by_name["Trial"].answers[3] == GiftAnswer(
        fraction=D(0), feedback="Any other year is wrong."
    )
    assert by_name["Vignette"] == GiftQuestion(
        kind="description",
        text="Jo, 19, wants to act on an urge.",
        name="Vignette",
        category="DBT/Emotion regulation",
    )
    assert by_name["Mind"].answers == [
        GiftAnswer(text="Wise mind", fraction=D(100), feedback="Yes.", text_format="moodle"),
        GiftAnswer(text="<p>Emotion mind</p>", fraction=D(0)),
    ]
    assert by_name["Confidence"].text_format == "plain"
    assert by_name["Reflection"].text == "Describe a chain analysis\nin your own words."
    escaped = parse(ALL_KINDS).questions[-1]
    assert escaped.text == "Escapes: ~ = # { } \\ in text"
    assert escaped.answers == [
        GiftAnswer(text="a ~ b", fraction=D(100)),
        GiftAnswer(text="c = d", fraction=D(0), feedback="e # f"),
    ]
    missing = parse(ALL_KINDS).questions[-2]
    assert (missing.kind, missing.case_sensitive, missing.points) == ("short", True, D("0.5"))
    assert missing.text == "DBT's crisis survival skills include _____ and others."


def test_dump_writes_readable_gift():
    questions = [
        GiftQuestion(
            kind="single",
            name="TIPP",
            text="Which skill: TIPP or STOP?",
            text_format="markdown",
            category="DBT/Distress tolerance",
            answers=[
                GiftAnswer(text="TIPP", fraction=D("100.00000"), feedback="Yes."),
                GiftAnswer(text="STOP", fraction=D("0.00000")),
                GiftAnswer(text="Willfulness", fraction=D("-33.333330")),
            ],
            general_feedback="Both help.",
        ),
        GiftQuestion(
            kind="true_false",
            text="STOP starts with Stop.",
            category="DBT/Distress tolerance",
            answers=[
                GiftAnswer(text="True", fraction=D(100), feedback="Right."),
                GiftAnswer(text="False", fraction=D(0)),
            ],
        ),
        GiftQuestion(
            kind="ordering",
            text="Order the steps.",
            category="",
            points=D("2.00"),
            # As the database keeps them: ordering items carry no weight.
            answers=[GiftAnswer(text="Stop"), GiftAnswer(text="Take a step back")],
        ),
        GiftQuestion(
            kind="numeric",
            text="How many seconds?",
            points=D("1.00"),
            case_sensitive=True,
            answers=[GiftAnswer(fraction=D(100), value=D("1E+3"), tolerance=D("0.50000000"))],
        ),
        GiftQuestion(kind="essay", text="Reflect.\nTake your time."),
    ]

    assert dump(questions) == (
        "$CATEGORY: DBT/Distress tolerance\n"
        "\n"
        "::TIPP::[markdown]Which skill\\: TIPP or STOP? {\n"
        "\t=TIPP#Yes.\n"
        "\t~STOP\n"
        "\t~%-33.33333%Willfulness\n"
        "\t####Both help.\n"
        "}\n"
        "\n"
        "STOP starts with Stop. {T##Right.}\n"
        "\n"
        "$CATEGORY:\n"
        "\n"
        "// dbt: kind=ordering points=2\n"
        "Order the steps. {\n"
        "\t=Stop -> 1\n"
        "\t=Take a step back -> 2\n"
        "}\n"
        "\n"
        "// dbt: case_sensitive=1\n"
        "How many seconds? {#1000:0.5}\n"
        "\n"
        "Reflect.\\nTake your time. {}\n"
    )
    again = parse(dump(questions)).questions
    assert [a.fraction for a in again[2].answers] == [D(100), D(100)]
    assert again[1] == questions[1]


def test_dump_empty_list():
    assert dump([]) == ""


TRICKY = [
    GiftQuestion(
        kind="single",
        name="Name with :: ~ = # { } \\ and\na new line",
        text="Text with every special: ~ = # { } : \\ and\na new line",
        answers=[
            GiftAnswer(text="Two right answers", fraction=D(100), feedback="#1 ~ = {}"),
            GiftAnswer(text="%s starts with a percent", fraction=D(100)),
            GiftAnswer(text="%wrong% too", fraction=D(0)),
        ],
        general_feedback="General: {done}\nbye",
    ),
    GiftQuestion(
        kind="true_false",
        text="[not a tag] first",
        answers=[
            GiftAnswer(text="True", fraction=D(0)),
            GiftAnswer(text="False", fraction=D(100), feedback="Only the right one."),
        ],
    ),
    GiftQuestion(
        kind="true_false",
        text="// not a comment",
        text_format="html",
        answers=[
            GiftAnswer(text="True", fraction=D(0), feedback="Only the wrong one."),
            GiftAnswer(text="False", fraction=D(100)),
        ],
    ),
    GiftQuestion(kind="essay", text="$CATEGORY: not a category", category="A/B"),
    GiftQuestion(kind="essay", text=":: not a name", category="A/B"),
    GiftQuestion(
        kind="short",
        text="_____ starts the text, and _____ comes again.",
        category="",
        case_sensitive=True,
        points=D("2.5"),
        answers=[
            GiftAnswer(text="%50% literally", fraction=D(100)),
            GiftAnswer(text="x", fraction=D(-10)),
        ],
    ),
    GiftQuestion(
        kind="true_false",
        text="A gap at the end _____",
        answers=[
            GiftAnswer(text="True", fraction=D(100)),
            GiftAnswer(text="False", fraction=D(0)),
        ],
    ),
    GiftQuestion(
        kind="matching",
        text="Fill the _____ in a matching.",
        answers=[
            GiftAnswer(text="a", match="x -> y", fraction=D(100), feedback="arrow on the right"),
            GiftAnswer(text="b", match="z", fraction=D(100)),
        ],
    ),
    GiftQuestion(
        kind="numeric",
        text="Several ranges",
        answers=[
            GiftAnswer(fraction=D(100), low=D("-0.5"), high=D("0.5")),
            GiftAnswer(fraction=D(0), value=D(7), tolerance=D(0), feedback="Seven is wrong."),
        ],
    ),
    GiftQuestion(
        kind="multiple",
        text="One answer worth everything",
        answers=[
            GiftAnswer(text="a", fraction=D(100)),
            GiftAnswer(text="b", fraction=D(-100)),
        ],
    ),
    GiftQuestion(
        kind="likert",
        text="Rate _____ today.",
        answers=[
            GiftAnswer(text="low", feedback="ok"),
            GiftAnswer(text="high"),
        ],
    ),
    GiftQuestion(
        kind="ordering",
        text="Order",
        answers=[
            GiftAnswer(text="first", fraction=D(100), feedback="fb"),
            GiftAnswer(text="second", fraction=D(100)),
        ],
    ),
    GiftQuestion(
        kind="description",
        name="Case: {Jo}",
        text="// [html] starts like a comment\nand a tag",
        points=D("0.5"),
        category="A/B",
    ),
    GiftQuestion(
        kind="numeric",
        text="[markdown] _____ of a catch-all",
        text_format="html",
        answers=[
            GiftAnswer(fraction=D(100), value=D(5), tolerance=D(1), text_format="plain"),
            GiftAnswer(fraction=D(0), feedback="~#= all escaped", text_format="markdown"),
        ],
    ),
    GiftQuestion(
        kind="matching",
        text="<p>Pairs</p>",
        text_format="html",
        answers=[
            GiftAnswer(text="", match="distractor", fraction=D(100), text_format="plain"),
            GiftAnswer(text="[html] a", match="x", fraction=D(100), feedback="[moodle] fb"),
            GiftAnswer(text="b", match="y", fraction=D(100), text_format="markdown"),
        ],
    ),
]


def test_tricky_questions_round_trip():
    result = parse(dump(TRICKY))

    assert result.errors == []
    assert result.questions == TRICKY


def test_line_is_not_part_of_a_questions_identity():
    q = GiftQuestion(kind="essay", text="Reflect.", line=3)

    assert q == GiftQuestion(kind="essay", text="Reflect.", line=9)


# --- what Moodle's exporter writes: descriptions, numeric catch-alls, answer formats ------------

SAMPLES = Path(__file__).parent / "gift_samples"
MOODLE_EXPORT = (SAMPLES / "moodle_export.txt").read_text(encoding="utf-8")
DISTRESS = "$course$/top/DBT/Distress tolerance"
EMOTION = "$course$/top/DBT/Emotion regulation"


def test_a_paragraph_without_answer_block_is_a_description_with_its_name_and_format():
    result = parse(
        "::Intro::Read this first.\n"
        "\n"
        "// dbt: points=2\n"
        "[html]<p>Jo, 19,\nfeels an urge\\: to self-harm.</p>\n"
        "\n"
        "Which skill? {=TIPP ~STOP}\n"
    )

    assert result.errors == [] and result.warnings == []
    intro, vignette, question = result.questions
    assert intro == GiftQuestion(kind="description", text="Read this first.", name="Intro")
    assert vignette == GiftQuestion(
        kind="description",
        text="<p>Jo, 19,\nfeels an urge: to self-harm.</p>",
        text_format="html",
        points=D(2),
    )
    assert (intro.line, vignette.line, question.line) == (1, 4, 7)
    assert question.kind == "single"


def test_a_description_is_written_as_moodle_writes_it_and_round_trips():
    questions = [
        GiftQuestion(kind="description", text="Read this first.", name="Intro"),
        GiftQuestion(kind="description", text="<p>A {braced} case:\nJo.</p>", text_format="html"),
        GiftQuestion(kind="description", text="[not a tag] // nor a comment"),
        GiftQuestion(kind="essay", text="Reflect."),
    ]

    written = dump(questions)

    assert written == (
        "::Intro::Read this first.\n"
        "\n"
        "[html]<p>A \\{braced\\} case\\:\\nJo.</p>\n"
        "\n"
        "[moodle][not a tag] // nor a comment\n"
        "\n"
        "Reflect. {}\n"
    )
    assert parse(written) == GiftResult(questions=questions, errors=[], warnings=[])


def test_numeric_catch_all_is_an_answer_with_no_value_that_gives_the_feedback_for_any_other():
    q = only("When? {#=1991:0#Right. =%50%1991:2#Close. ~#Wrong, it was 1991.}")

    assert q.kind == "numeric"
    assert q.answers == [
        GiftAnswer(fraction=D(100), value=D(1991), tolerance=D(0), feedback="Right."),
        GiftAnswer(fraction=D(50), value=D(1991), tolerance=D(2), feedback="Close."),
        GiftAnswer(fraction=D(0), feedback="Wrong, it was 1991."),
    ]
    catch_all = q.answers[2]
    assert (catch_all.value, catch_all.tolerance, catch_all.low, catch_all.high) == (None,) * 4


def test_numeric_catch_all_after_a_single_number_without_feedback_or_across_lines():
    bare = only("How many modes? {#5 ~}")
    lines = only("How many modes? {#\n    =5\n    ~#[html]<p>Five: count them.</p>\n####Modes.\n}")
    # As Moodle reads it, all after the ~ is the catch-all's feedback.
    swallowed = only("How many? {#=5 ~#Not = 5, ~ try again}")

    assert bare.answers == [
        GiftAnswer(fraction=D(100), value=D(5), tolerance=D(0)),
        GiftAnswer(fraction=D(0)),
    ]
    assert lines.answers == [
        GiftAnswer(fraction=D(100), value=D(5), tolerance=D(0)),
        GiftAnswer(fraction=D(0), feedback="<p>Five: count them.</p>", text_format="html"),
    ]
    assert lines.general_feedback == "Modes."
    assert swallowed.answers[1] == GiftAnswer(fraction=D(0), feedback="Not = 5, ~ try again")


def test_numeric_catch_all_is_written_last_as_moodle_does():
    q = GiftQuestion(
        kind="numeric",
        text="When?",
        answers=[
            GiftAnswer(fraction=D(0), feedback="Wrong: 1991."),
            GiftAnswer(fraction=D(100), value=D(1991), tolerance=D(0), feedback="Right."),
        ],
    )
    alone = GiftQuestion(
        kind="numeric",
        text="How many?",
        answers=[GiftAnswer(fraction=D(100), value=D(5)), GiftAnswer(fraction=D(0))],
    )

    assert dump([q, alone]) == (
        "When? {\n\t#=1991#Right.\n\t~#Wrong\\: 1991.\n}\n\nHow many? {\n\t#=5\n\t~#\n}\n"
    )
    again = parse(dump([q, alone])).questions
    assert again[0].answers == [q.answers[1], q.answers[0]]
    assert dump(again) == dump([q, alone])


def test_answers_and_feedback_of_an_html_question_keep_their_markup_and_inherit_its_format():
    q = only(
        "::Mind::[html]<p>Which state of mind?</p> {\n"
        "    =<p>Wise mind</p>#<p>Yes\\: <b>both</b> minds.</p>\n"
        "    ~[html]<p>Emotion mind</p>\n"
        "    ~%-50%[moodle]Reasonable mind#[moodle]Only facts.\n"
        "    ~[PLAIN]<Just> text\n"
        "    ####[html]<p>See handout 3.</p>\n"
        "}"
    )

    assert q == GiftQuestion(
        kind="single",
        text="<p>Which state of mind?</p>",
        name="Mind",
        text_format="html",
        answers=[
            GiftAnswer(
                text="<p>Wise mind</p>", fraction=D(100), feedback="<p>Yes: <b>both</b> minds.</p>"
            ),
            GiftAnswer(text="<p>Emotion mind</p>", fraction=D(0)),
            GiftAnswer(
                text="Reasonable mind",
                fraction=D(-50),
                feedback="Only facts.",
                text_format="moodle",
            ),
            GiftAnswer(text="<Just> text", fraction=D(0), text_format="plain"),
        ],
        general_feedback="<p>See handout 3.</p>",
    )


def test_per_answer_formats_in_every_kind_and_brackets_naming_no_format_are_text():
    single = only("Which? {=[html]<p>TIPP</p> ~[1] STOP ~[markdown]**ACCEPTS**}")
    short = only("Who? {=[html]<i>Linehan</i>#[html]<p>Yes.</p>}")
    matching = only("Match. {=[html]<p>TIPP</p> -> [html]body =STOP -> pause}")
    true_false = only("TIPP is fast. {T#[html]<p>It is.</p>#[markdown]**Yes.**}")
    feedback_only = only("How many? {#=5#[plain]Five.}")

    assert [(a.text, a.text_format) for a in single.answers] == [
        ("<p>TIPP</p>", "html"),
        ("[1] STOP", ""),
        ("**ACCEPTS**", "markdown"),
    ]
    assert short.answers == [
        GiftAnswer(
            text="<i>Linehan</i>", fraction=D(100), feedback="<p>Yes.</p>", text_format="html"
        )
    ]
    assert [(a.text, a.match, a.text_format) for a in matching.answers] == [
        ("<p>TIPP</p>", "[html]body", "html"),
        ("STOP", "pause", ""),
    ]
    assert true_false.answers == [
        GiftAnswer(text="True", fraction=D(100), feedback="**Yes.**", text_format="markdown"),
        GiftAnswer(text="False", fraction=D(0), feedback="<p>It is.</p>", text_format="html"),
    ]
    assert feedback_only.answers == [
        GiftAnswer(
            fraction=D(100), value=D(5), tolerance=D(0), feedback="Five.", text_format="plain"
        )
    ]


def test_an_answer_and_its_feedback_marked_differently_keep_the_answers_format_with_a_warning():
    result = parse(
        "::Mind::Which? {\n"
        "=[html]<p>Wise mind</p>#[markdown]**Yes.**\n"
        "~STOP\n"
        "####[html]<p>General.</p>\n"
        "}"
    )

    assert result.errors == []
    assert result.questions[0].answers[0] == GiftAnswer(
        text="<p>Wise mind</p>", fraction=D(100), feedback="**Yes.**", text_format="html"
    )
    assert result.questions[0].general_feedback == "<p>General.</p>"
    assert result.warnings == [
        GiftError(
            line=2,
            reason="The answer on line 2 is marked [html] and its feedback [markdown]; both are "
            "kept as [html].",
            name="Mind",
        ),
        GiftError(
            line=4,
            reason="The general feedback on line 4 is marked [html]; it is kept in the question's "
            "format, [moodle].",
            name="Mind",
        ),
    ]


def test_dump_writes_per_answer_format_tags_on_text_and_feedback():
    q = GiftQuestion(
        kind="single",
        text="<p>Which?</p>",
        text_format="html",
        answers=[
            GiftAnswer(text="<p>Wise mind</p>", fraction=D(100), feedback="<p>Yes.</p>"),
            # The question's own format, written out: the same as "".
            GiftAnswer(text="<p>Emotion mind</p>", text_format="html"),
            GiftAnswer(text="Reasonable mind", feedback="Only facts.", text_format="moodle"),
            GiftAnswer(text="[plain] looks like a tag", feedback="[html] so does this"),
        ],
        general_feedback="[markdown] not a tag",
    )

    assert dump([q]) == (
        "[html]<p>Which?</p> {\n"
        "\t=<p>Wise mind</p>#<p>Yes.</p>\n"
        "\t~<p>Emotion mind</p>\n"
        "\t~[moodle]Reasonable mind#[moodle]Only facts.\n"
        "\t~[html][plain] looks like a tag#[html][html] so does this\n"
        "\t####[html][markdown] not a tag\n"
        "}\n"
    )
    again = parse(dump([q])).questions[0]
    assert again.answers[1].text_format == ""
    assert [a.text for a in again.answers] == [a.text for a in q.answers]
    assert again.general_feedback == "[markdown] not a tag"


def test_formats_that_only_the_feedback_carries_survive_an_empty_feedback():
    questions = [
        GiftQuestion(
            kind="true_false",
            text="TIPP is fast.",
            answers=[
                GiftAnswer(text="True", fraction=D(100), text_format="html"),
                GiftAnswer(text="False", fraction=D(0), feedback="No.", text_format="markdown"),
            ],
        ),
        GiftQuestion(
            kind="numeric",
            text="How many?",
            answers=[
                GiftAnswer(fraction=D(100), value=D(5), tolerance=D(0), text_format="html"),
                GiftAnswer(fraction=D(0), text_format="plain"),
            ],
        ),
    ]

    assert dump(questions) == (
        "TIPP is fast. {T#[markdown]No.#[html]}\n\nHow many? {\n\t#=5#[html]\n\t~#[plain]\n}\n"
    )
    assert parse(dump(questions)).questions == questions


@pytest.mark.parametrize(
    ("source", "kind", "text"),
    [
        ("The sky {T} is blue.", "true_false", "The sky _____ is blue."),
        ("{FALSE#No.} is the answer here.", "true_false", "_____ is the answer here."),
        ("Match {=TIPP -> body =STOP -> pause} please.", "matching", "Match _____ please."),
        ("Describe {} briefly.", "essay", "Describe _____ briefly."),
        (
            "Ends with the block, spaces after. {T}   ",
            "true_false",
            "Ends with the block, spaces after.",
        ),
    ],
)
def test_text_after_the_answer_block_leaves_a_gap_for_every_kind_as_moodle_reads_it(
    source, kind, text
):
    q = only(source)

    assert (q.kind, q.text) == (kind, text)


def test_a_true_false_gap_is_written_after_the_text_and_reads_back_the_same():
    q = only("Checking the facts {TRUE#It comes first.#Right.} comes before opposite action.")

    assert q == GiftQuestion(
        kind="true_false",
        text="Checking the facts _____ comes before opposite action.",
        answers=[
            GiftAnswer(text="True", fraction=D(100), feedback="Right."),
            GiftAnswer(text="False", fraction=D(0), feedback="It comes first."),
        ],
    )
    assert dump([q]) == (
        "Checking the facts _____ comes before opposite action. {T#It comes first.#Right.}\n"
    )
    assert parse(dump([q])).questions == [q]


def test_categories_are_kept_as_written_and_written_before_each_change():
    questions = [
        GiftQuestion(kind="essay", text="One", category=DISTRESS),
        GiftQuestion(kind="essay", text="Two", category=DISTRESS),
        GiftQuestion(kind="description", text="Three", category=EMOTION),
        # No category after categorised ones: an empty $CATEGORY keeps it from inheriting one.
        GiftQuestion(kind="essay", text="Four"),
    ]

    written = dump(questions)

    assert written == (
        f"$CATEGORY: {DISTRESS}\n\nOne {{}}\n\nTwo {{}}\n\n"
        f"$CATEGORY: {EMOTION}\n\nThree\n\n"
        "$CATEGORY:\n\nFour {}\n"
    )
    assert parse(written).questions == questions


def test_a_moodle_export_imports_every_question_as_written():
    result = parse(MOODLE_EXPORT)

    assert result.errors == [] and result.warnings == []
    assert result.questions == [
        GiftQuestion(
            kind="description",
            name="Vignette",
            text="<p>Read this first: Jo, 19, feels an urge to self-harm after an argument.</p>",
            text_format="html",
            category=DISTRESS,
        ),
        GiftQuestion(
            kind="single",
            name="First skill",
            text="<p>Which skill should Jo use <b>first</b>?</p>",
            text_format="html",
            category=DISTRESS,
            answers=[
                GiftAnswer(
                    text="<p>TIPP</p>",
                    fraction=D(100),
                    feedback="<p>Yes: it changes body chemistry fast.</p>",
                ),
                GiftAnswer(
                    text="<p>Pros and cons</p>",
                    fraction=D(0),
                    feedback="<p>Later, once calmer.</p>",
                ),
                GiftAnswer(text="<p>Willfulness</p>", fraction=D(-50)),
            ],
            general_feedback="<p>Crisis survival skills come first.</p>",
        ),
        GiftQuestion(
            kind="single",
            name="State of mind",
            text="<p>Jo acts on the urge without thinking. Which state of mind is that?</p>",
            text_format="html",
            category=DISTRESS,
            answers=[
                GiftAnswer(
                    text="Emotion mind", fraction=D(100), feedback="Yes.", text_format="moodle"
                ),
                GiftAnswer(text="Reasonable mind", fraction=D(0), text_format="plain"),
                GiftAnswer(text="<p>Wise mind</p>", fraction=D(0)),
            ],
        ),
        GiftQuestion(
            kind="numeric",
            name="Trial",
            text="In what year was the first randomized trial of DBT published?",
            category=DISTRESS,
            answers=[
                GiftAnswer(fraction=D(100), value=D(1991), tolerance=D(0), feedback="Right."),
                GiftAnswer(fraction=D(50), value=D(1991), tolerance=D(2), feedback="Close."),
                GiftAnswer(fraction=D(0), feedback="Wrong, it was 1991."),
            ],
        ),
        GiftQuestion(
            kind="short",
            name="Founder",
            text="Who developed DBT?",
            category=DISTRESS,
            answers=[
                GiftAnswer(text="Marsha Linehan", fraction=D(100)),
                GiftAnswer(text="Linehan", fraction=D(50), feedback="Full name, please."),
            ],
        ),
        GiftQuestion(
            kind="true_false",
            name="Check the facts",
            text="Checking the facts _____ comes before opposite action.",
            category=EMOTION,
            answers=[
                GiftAnswer(text="True", fraction=D(100), feedback="Right."),
                GiftAnswer(text="False", fraction=D(0), feedback="It comes first."),
            ],
        ),
        GiftQuestion(
            kind="matching",
            name="Match",
            text="<p>Match each skill to its module.</p>",
            text_format="html",
            category=EMOTION,
            answers=[
                GiftAnswer(
                    text="<p>Opposite action</p>", match="emotion regulation", fraction=D(100)
                ),
                GiftAnswer(
                    text="<p>DEAR MAN</p>", match="interpersonal effectiveness", fraction=D(100)
                ),
                GiftAnswer(text="<p>Wise mind</p>", match="mindfulness", fraction=D(100)),
            ],
        ),
        GiftQuestion(
            kind="essay",
            name="Chain",
            text="<p>Describe a chain analysis.</p>",
            text_format="html",
            category=EMOTION,
            general_feedback="<p>Look for links.</p>",
        ),
    ]
    assert [q.line for q in result.questions] == [6, 9, 18, 26, 34, 45, 49, 57]


def test_a_moodle_export_round_trips_and_a_second_export_is_the_same():
    first = parse(MOODLE_EXPORT).questions
    written = dump(first)
    second = parse(written)

    assert second.errors == [] and second.warnings == []
    assert second.questions == first
    assert dump(second.questions) == written


@pytest.mark.django_db
def test_importing_a_moodle_export_saves_every_kind_with_its_description_and_formats(quiz):
    report = services.import_gift(quiz=quiz, text=MOODLE_EXPORT)

    assert report.errors == [] and report.warnings == []
    saved = list(quiz.questions.order_by("position").prefetch_related("answers"))
    assert [(q.name, q.kind) for q in saved] == [
        ("Vignette", "description"),
        ("First skill", "single"),
        ("State of mind", "single"),
        ("Trial", "numeric"),
        ("Founder", "short"),
        ("Check the facts", "true_false"),
        ("Match", "matching"),
        ("Chain", "essay"),
    ]
    vignette = saved[0]
    assert (vignette.text, vignette.text_format, list(vignette.answers.all())) == (
        "<p>Read this first: Jo, 19, feels an urge to self-harm after an argument.</p>",
        "html",
        [],
    )
    assert [(a.text, a.text_format) for a in saved[2].answers.all()] == [
        ("Emotion mind", "moodle"),
        ("Reasonable mind", "plain"),
        ("<p>Wise mind</p>", ""),
    ]
    catch_all = saved[3].answers.all()[2]
    assert (catch_all.value, catch_all.fraction, catch_all.feedback) == (
        None,
        D(0),
        "Wrong, it was 1991.",
    )
    assert [q.category.name for q in saved] == ["Distress tolerance"] * 5 + [
        "Emotion regulation"
    ] * 3
    assert parse(services.export_gift(quiz=quiz)).questions == [
        replace(q, category=q.category.replace("$course$/top/", ""))
        for q in parse(MOODLE_EXPORT).questions
    ]
