"""GIFT import and export: every construct of Moodle's format, our `// dbt:` extension, the errors
an author is told about (each with its line, the questions around it still importing), and a
lossless round trip for every kind of question."""

from decimal import Decimal as D

import pytest

from assessments.quizzes.gift import GiftAnswer, GiftError, GiftQuestion, dump, parse


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
    assert len(plain.questions) == 13
    assert plain.errors == [GiftError(line=58, reason=NEVER_CLOSED.format(58))]


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
NOT_MISSING_WORD = (
    "Text follows the answer block on line 3, but a {} question cannot have a missing word: "
    "end the question with its answer block."
)
DESCRIPTION = "This is a description (no answer block); this platform imports only questions."

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
        "How many? {#6 ~#Any other number}",
        3,
        "The ~ on line 3 has no place in a numeric question: give each accepted number with = "
        "and its weight.",
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
    ("Match {=TIPP -> body =STOP -> pause} please.", 3, NOT_MISSING_WORD.format("matching")),
    ("Describe {} briefly.", 3, NOT_MISSING_WORD.format("essay")),
    ("The sky {T} is blue.", 3, NOT_MISSING_WORD.format("true/false")),
    ("Who developed DBT? {=}", 3, "The answer on line 3 has no text."),
    ("Which? {~TIPP ~#feedback only}", 3, "The answer on line 3 has no text."),
    ("Match. {=a -> b =->}", 3, "The pair on line 3 has no text."),
    ("::Name Which skill? {T}", 3, "The question name opened with :: on line 3 is never closed."),
    ("{=TIPP ~STOP}", 3, "The question has no text."),
    ("Radical acceptance is a distress tolerance skill.", 3, DESCRIPTION),
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
        "ordering, short, numeric, essay, likert.",
    ),
    (
        "// dbt: kind=likert\nWho? {=Linehan =Marsha Linehan}",
        3,
        "The dbt comment says kind=likert, but the answer block is written as a short answer "
        "question.",
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
        "A description.\n"
        "\n"
        "::Two::Good {F}\n"
        "Glued to the question before, so part of it: } stray\n"
    )

    assert [q.name for q in result.questions] == ["One"]
    assert result.errors == [
        GiftError(line=3, reason=NEVER_CLOSED.format(3)),
        GiftError(line=5, reason=DESCRIPTION),
        GiftError(line=8, reason=STRAY.format(8), name="Two"),
    ]


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
}

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
]


def test_tricky_questions_round_trip():
    result = parse(dump(TRICKY))

    assert result.errors == []
    assert result.questions == TRICKY


def test_line_is_not_part_of_a_questions_identity():
    q = GiftQuestion(kind="essay", text="Reflect.", line=3)

    assert q == GiftQuestion(kind="essay", text="Reflect.", line=9)
