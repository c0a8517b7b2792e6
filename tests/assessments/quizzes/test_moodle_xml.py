"""Moodle XML import and export: every kind we read and write, categories, embedded images, the
types we leave out, hostile files refused unread, and a lossless, byte-stable round trip."""

import base64
import random
from decimal import Decimal as D
from pathlib import Path

import pytest

from assessments.quizzes import bank, moodle_xml, services
from assessments.quizzes.interchange import (
    AnswerData,
    ImportProblem,
    MediaData,
    ParseResult,
    QuestionData,
)
from assessments.quizzes.moodle_xml import DTD_REFUSED, MAX_BYTES, dump, parse

SAMPLES = Path(__file__).parent / "samples"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgaGgAAAGEAQFWjyAjAAAAAElFTkSuQmCC"
)
MINDFULNESS = "$course$/top/Default for DBT Foundations/Mindfulness"
CRISIS = "$course$/top/Default for DBT Foundations/Distress tolerance//crisis survival"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.fixture(scope="module")
def every_kind() -> ParseResult:
    return parse(sample("every_kind.xml"))


def named(result: ParseResult, name: str) -> QuestionData:
    [question] = [q for q in result.questions if q.name == name]
    return question


def quiz_of(*questions: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "".join(questions) + "</quiz>\n"
    ).encode()


def refused(result: ParseResult, reason: str) -> None:
    assert result == ParseResult(
        questions=[], errors=[ImportProblem(line=0, reason=reason)], warnings=[]
    )


# --- every kind from the sample -----------------------------------------------------------------


def test_sample_reads_nine_questions_in_order_with_no_errors(every_kind):
    assert every_kind.errors == []
    assert [(q.kind, q.name, q.line) for q in every_kind.questions] == [
        ("single", "States of mind", 15),
        ("multiple", "What skills", 57),
        ("true_false", "Phone coaching", 86),
        ("short", "TIPP", 115),
        ("numeric", "Paced breathing", 134),
        ("matching", "Skill to module", 164),
        ("ordering", "Stage 1 targets", 191),
        ("essay", "Chain analysis", 215),
        ("description", "Vignette", 230),
    ]


def test_single_choice_with_html_answers_and_an_embedded_image(every_kind):
    assert named(every_kind, "States of mind") == QuestionData(
        kind="single",
        text=(
            "<p>A trainee acts on the urge to send an angry text. Which state of mind is "
            'leading?</p><p><img src="@@PLUGINFILE@@/states.png" alt="Three circles"></p>'
        ),
        name="States of mind",
        text_format="html",
        answers=[
            AnswerData(
                text="<p>Emotion mind</p>",
                fraction=D(100),
                feedback="Yes: the urge is in charge.",
            ),
            AnswerData(text="<p>Reasonable mind</p>", fraction=D(0)),
            AnswerData(
                text="Wise mind",
                fraction=D(0),
                feedback="Wise mind would pause first.",
                text_format="moodle",
            ),
        ],
        general_feedback="<p>Wise mind is where reasonable mind and emotion mind overlap.</p>",
        category=MINDFULNESS,
        points=D(1),
        media=[MediaData(name="states.png", content=PNG)],
    )
    assert named(every_kind, "States of mind").media[0].content.startswith(b"\x89PNG\r\n")
    # Moodle pads its numbers ("1.0000000"); ours are written plainly, as the decimal fields
    # that keep them want.
    assert str(named(every_kind, "States of mind").points) == "1"


def test_multiple_answer_keeps_negative_weights_and_points(every_kind):
    assert named(every_kind, "What skills") == QuestionData(
        kind="multiple",
        text='Which are mindfulness "what" skills?',
        name="What skills",
        text_format="moodle",
        answers=[
            AnswerData(text="Observe", fraction=D(50)),
            AnswerData(text="Describe", fraction=D(50)),
            AnswerData(
                text="Opposite action", fraction=D(-100), feedback="An emotion regulation skill."
            ),
        ],
        category=MINDFULNESS,
        points=D(2),
    )


def test_true_false_answers_are_named_true_and_false(every_kind):
    assert named(every_kind, "Phone coaching") == QuestionData(
        kind="true_false",
        text="Phone coaching is one of the modes of comprehensive DBT.",
        name="Phone coaching",
        text_format="plain",
        answers=[
            AnswerData(
                text="True", fraction=D(100), feedback="Yes: in-the-moment skills coaching."
            ),
            AnswerData(text="False", fraction=D(0), feedback="It is one of them."),
        ],
        category=MINDFULNESS,
    )


def test_short_answer_usecase_makes_it_case_sensitive(every_kind):
    assert named(every_kind, "TIPP") == QuestionData(
        kind="short",
        text="Which skill set's first letter stands for **Temperature**?",
        name="TIPP",
        text_format="markdown",
        answers=[
            AnswerData(text="TIPP", fraction=D(100)),
            AnswerData(text="TIP", fraction=D(50), feedback="The older spelling."),
        ],
        category=CRISIS,
        case_sensitive=True,
    )


def test_numerical_reads_value_and_tolerance_and_skips_units_silently(every_kind):
    assert named(every_kind, "Paced breathing") == QuestionData(
        kind="numeric",
        text="<p>How many seconds should an exhale last in paced breathing, at least?</p>",
        name="Paced breathing",
        text_format="html",
        answers=[
            AnswerData(fraction=D(100), feedback="Longer out than in.", value=D(6), tolerance=D(1)),
            AnswerData(fraction=D(50), value=D("4.5"), tolerance=D("0.5")),
        ],
        category=CRISIS,
    )
    assert [w.name for w in every_kind.warnings if w.name == "Paced breathing"] == []


def test_matching_subquestion_without_text_is_a_distractor(every_kind):
    assert named(every_kind, "Skill to module") == QuestionData(
        kind="matching",
        text="<p>Match each skill to its module.</p>",
        name="Skill to module",
        text_format="html",
        answers=[
            AnswerData(text="<p>TIPP</p>", fraction=D(100), match="Distress tolerance"),
            AnswerData(
                text="DEAR MAN",
                fraction=D(100),
                match="Interpersonal effectiveness",
                text_format="moodle",
            ),
            AnswerData(text="<p>Wise mind</p>", fraction=D(100), match="Mindfulness"),
            AnswerData(text="", fraction=D(100), match="Walking the middle path"),
        ],
        category=CRISIS,
        points=D(3),
    )


def test_ordering_items_are_put_in_the_order_their_fractions_give(every_kind):
    assert named(every_kind, "Stage 1 targets") == QuestionData(
        kind="ordering",
        text="Order the stage 1 targets, highest priority first.",
        name="Stage 1 targets",
        text_format="moodle",
        answers=[
            AnswerData(text="Life-threatening behaviors", fraction=D(100)),
            AnswerData(text="Therapy-interfering behaviors", fraction=D(100)),
            AnswerData(text="Quality-of-life-interfering behaviors", fraction=D(100)),
        ],
        category=CRISIS,
        points=D(4),
    )


def test_essay_and_description_have_no_answers(every_kind):
    assert named(every_kind, "Chain analysis") == QuestionData(
        kind="essay",
        text="<p>Describe the links of a chain analysis you would run with a client.</p>",
        name="Chain analysis",
        text_format="html",
        general_feedback="Vulnerabilities, prompting event, links, problem behavior, consequences.",
        category=CRISIS,
        points=D(5),
    )
    assert named(every_kind, "Vignette") == QuestionData(
        kind="description",
        text="<p>Sam, 24, calls between sessions after an argument with a flatmate.</p>",
        name="Vignette",
        text_format="html",
        category=CRISIS,
        points=D(1),  # Moodle's 0 for a description means nothing here
    )


def test_categories_keep_their_raw_path_and_name_our_nested_categories(every_kind):
    assert [q.category for q in every_kind.questions] == [MINDFULNESS] * 3 + [CRISIS] * 6
    assert bank.category_names(CRISIS) == [
        "Default for DBT Foundations",
        "Distress tolerance/crisis survival",
    ]


def test_unsupported_types_are_warnings_never_errors(every_kind):
    assert every_kind.warnings == [
        ImportProblem(
            line=242,
            reason="The question type “calculated” is not supported here; skipped",
            name="Diary card weeks",
        ),
        ImportProblem(
            line=251,
            reason="The question type “multianswer” is not supported here; skipped",
            name="Cloze: DEAR MAN",
        ),
        ImportProblem(
            line=260,
            reason="The question type “ddwtos” is not supported here; skipped",
            name="Drag the skills",
        ),
    ]


# --- questions that cannot be imported ----------------------------------------------------------

BAD_BASE64 = """<question type="essay">
<name><text>Diary card</text></name>
<questiontext format="html"><text>See @@PLUGINFILE@@/card.png</text>
<file name="card.png" path="/" encoding="base64">not*base64!</file></questiontext>
</question>
"""
GOOD_ESSAY = """<question type="essay">
<name><text>Validation levels</text></name>
<questiontext format="html"><text>Describe the six levels of validation.</text></questiontext>
</question>
"""


def test_bad_base64_is_an_error_for_that_question_only():
    result = parse(quiz_of(BAD_BASE64, GOOD_ESSAY))

    assert result.errors == [
        ImportProblem(
            line=3, reason="The embedded file “card.png” is not valid base64.", name="Diary card"
        )
    ]
    assert [q.name for q in result.questions] == ["Validation levels"]


def test_answer_problems_become_errors_with_the_question_name():
    result = parse(
        quiz_of(
            """<question type="multichoice">
<name><text>Unweighted</text></name>
<questiontext><text>Pick one.</text></questiontext>
<single>true</single>
<answer fraction="0"><text>Observe</text></answer>
<answer fraction="0"><text>Describe</text></answer>
</question>
"""
        )
    )

    assert result.questions == []
    assert result.errors == [
        ImportProblem(line=3, reason="Mark one choice as correct (100%).", name="Unweighted")
    ]


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            '<question type="essay"><name><text>Blank</text></name>'
            "<questiontext><text>  </text></questiontext></question>",
            "The question has no text.",
        ),
        (
            '<question type="essay"><name><text>Wiki</text></name>'
            '<questiontext format="wiki_like"><text>Hi</text></questiontext></question>',
            "The text format “wiki_like” is not one we know: use html, moodle_auto_format, "
            "plain_text or markdown.",
        ),
        (
            '<question type="essay"><name><text>Grade</text></name>'
            "<questiontext><text>Hi</text></questiontext><defaultgrade>lots</defaultgrade>"
            "</question>",
            "The default grade “lots” is not a number of points (more than 0).",
        ),
        (
            '<question type="essay"><name><text>Unscored</text></name>'
            "<questiontext><text>Hi</text></questiontext><defaultgrade>0.0000000</defaultgrade>"
            "</question>",
            "The default grade “0.0000000” is not a number of points (more than 0).",
        ),
        (
            '<question type="numerical"><name><text>Modes</text></name>'
            "<questiontext><text>How many modes?</text></questiontext>"
            '<answer fraction="100"><text>four</text></answer></question>',
            "The numerical answer “four” is not a number.",
        ),
        (
            '<question type="multichoice"><name><text>Weight</text></name>'
            "<questiontext><text>Pick</text></questiontext>"
            '<answer fraction="most"><text>A</text></answer></question>',
            "The answer fraction “most” is not a number.",
        ),
        (
            '<question type="essay"><name><text>Folder</text></name>'
            '<questiontext><text>Hi</text><file name="a.png" path="/sub/">iVBO</file>'
            "</questiontext></question>",
            'The embedded file “a.png” sits in a folder; we keep files only at the top (path="/").',
        ),
    ],
)
def test_malformed_question_is_an_error_naming_it(question, reason):
    result = parse(quiz_of(question))

    assert result.questions == []
    assert [(e.line, e.reason) for e in result.errors] == [(3, reason)]
    assert result.errors[0].name == question.split("<text>")[1].split("<")[0]


def test_numerical_catch_all_answer_is_kept_as_any_other_number_and_written_back():
    xml = quiz_of(
        """<question type="numerical">
<name><text>Modes</text></name>
<questiontext><text>How many modes does comprehensive DBT have?</text></questiontext>
<answer fraction="100"><text>5</text><tolerance>0</tolerance></answer>
<answer fraction="0"><text>*</text><feedback><text>Count them again.</text></feedback></answer>
</question>
"""
    )
    result = parse(xml)

    assert (result.errors, result.warnings) == ([], [])
    assert result.questions[0].answers == [
        AnswerData(fraction=D(100), value=D(5), tolerance=D(0)),
        AnswerData(fraction=D(0), feedback="Count them again."),
    ]
    written = dump(result.questions)
    assert b"<text>*</text>" in written
    assert parse(written).questions[0].answers == result.questions[0].answers


def test_a_gift_catch_all_goes_to_moodle_xml_and_back_unchanged():
    """The trial's 500: a quiz imported from GIFT with `~#feedback` could not be exported."""
    from assessments.quizzes import gift

    imported = gift.parse(
        "::Modes:: How many modes does comprehensive DBT have? {#=5 ~#Count them again.}"
    )
    assert imported.errors == []

    again = parse(dump(imported.questions))

    assert (again.errors, again.warnings) == ([], [])
    assert [a.feedback for a in again.questions[0].answers] == ["", "Count them again."]
    assert again.questions[0].answers[1].value is None
    assert gift.dump(again.questions) == gift.dump(imported.questions)


def test_control_characters_are_stripped_but_line_breaks_stay():
    result = parse(
        quiz_of(
            '<question type="essay"><name><text>Diary\x7f card</text></name>'
            "<questiontext><text>Urges\u0085 today:\n\tsay which</text></questiontext></question>"
        )
    )

    assert result.questions[0].name == "Diary card"
    assert result.questions[0].text == "Urges today:\n\tsay which"


def test_question_without_a_type_is_skipped_with_a_warning():
    result = parse(quiz_of("<question><name><text>Untyped</text></name></question>"))

    assert result == ParseResult(
        questions=[],
        errors=[],
        warnings=[
            ImportProblem(line=3, reason="The question has no type; skipped", name="Untyped")
        ],
    )


# --- files refused whole ------------------------------------------------------------------------


def test_billion_laughs_is_refused_and_nothing_parsed():
    refused(parse(sample("billion_laughs.xml")), DTD_REFUSED)


def test_external_entity_is_refused_and_nothing_parsed():
    refused(parse(sample("external_entity.xml")), DTD_REFUSED)


def test_file_over_the_limit_is_refused_before_parsing(monkeypatch):
    def no_parser(*args, **kwargs):
        raise AssertionError("the XML parser must not run")

    monkeypatch.setattr(moodle_xml, "DefusedXMLParser", no_parser)
    data = quiz_of(GOOD_ESSAY)
    data += b" " * (MAX_BYTES + 1 - len(data))

    refused(
        parse(data),
        "The file is over 30 MB, the most a Moodle XML import reads: export the questions in "
        "smaller categories.",
    )


def test_file_at_the_limit_is_read():
    data = quiz_of(GOOD_ESSAY)
    data += b" " * (MAX_BYTES - len(data))

    assert [q.name for q in parse(data).questions] == ["Validation levels"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            "<quiz>Wise mind</quiz>".encode("utf-16"),
            "The file is not UTF-8 text; Moodle XML files are UTF-8.",
        ),
        (
            b'<?xml version="1.0" encoding="ISO-8859-1"?><quiz></quiz>',
            "The file says it is encoded as ISO-8859-1; Moodle XML files are UTF-8.",
        ),
        (b"", "The file is not well-formed XML (no element found: line 1, column 0)."),
        (
            b"::TIPP:: Which skill? {=TIPP ~DEAR MAN}",
            "The file is not well-formed XML (syntax error: line 1, column 0).",
        ),
        (
            b"<quiz><question type='essay'></quiz>",
            "The file is not well-formed XML (mismatched tag: line 1, column 31).",
        ),
        (
            b"<html><body>Radical acceptance</body></html>",
            "The file's root element is <html>, not <quiz>: this is not a Moodle XML question "
            "file.",
        ),
    ],
)
def test_unreadable_file_is_one_clear_error(data, reason):
    refused(parse(data), reason)


def test_byte_order_mark_and_empty_quiz_are_fine():
    assert parse(b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?><quiz/>') == ParseResult(
        questions=[], errors=[], warnings=[]
    )


@pytest.mark.parametrize("cut", range(0, len(sample("every_kind.xml")), 311))
def test_any_truncation_of_a_file_is_refused_whole(cut):
    result = parse(sample("every_kind.xml")[:cut])

    assert result.questions == [] and result.warnings == []
    [problem] = result.errors
    assert problem.line == 0
    assert problem.reason.startswith("The file is not well-formed XML (")


@pytest.mark.parametrize("seed", range(40))
def test_scrambled_bytes_never_raise(seed):
    rng = random.Random(seed)
    data = bytearray(sample("every_kind.xml"))
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)

    result = parse(bytes(data))

    assert isinstance(result, ParseResult)
    assert all(isinstance(problem, ImportProblem) for problem in result.errors + result.warnings)


def test_numbers_beyond_reach_are_not_numbers():
    result = parse(
        quiz_of(
            '<question type="essay"><name><text>Huge</text></name>'
            "<questiontext><text>Hi</text></questiontext>"
            "<defaultgrade>1e999999999</defaultgrade></question>"
        )
    )

    assert [e.reason for e in result.errors] == [
        "The default grade “1e999999999” is not a number of points (more than 0)."
    ]


# --- writing and the round trip -----------------------------------------------------------------


def every_kind_data() -> list[QuestionData]:
    return [
        QuestionData(
            kind="single",
            text='<p>Which skill? <img src="@@PLUGINFILE@@/tipp.png"></p>',
            name="TIPP",
            text_format="html",
            answers=[
                AnswerData(text="<p>TIPP</p>", fraction=D(100), feedback="Body first."),
                AnswerData(text="DEAR MAN", fraction=D(0), text_format="plain"),
            ],
            general_feedback="Temperature, intense exercise, paced breathing.",
            category="DBT/Distress tolerance",
            media=[MediaData(name="tipp.png", content=PNG)],
        ),
        QuestionData(
            kind="multiple",
            text="Which are “how” skills?",
            name="How skills",
            answers=[
                AnswerData(text="Nonjudgmentally", fraction=D("33.33333")),
                AnswerData(text="One-mindfully", fraction=D("33.33333")),
                AnswerData(text="Effectively", fraction=D("33.33334")),
                AnswerData(text="Observe", fraction=D("-50"), feedback="A “what” skill."),
            ],
            category="DBT/Distress tolerance",
            points=D("2.5"),
        ),
        QuestionData(
            kind="true_false",
            text="Validation means agreeing.",
            answers=[
                AnswerData(text="False", fraction=D(100), feedback="It means understanding."),
                AnswerData(text="True", fraction=D(0)),
            ],
            category="Skills//Modules",
        ),
        QuestionData(
            kind="short",
            text="The skill of accepting reality as it is:",
            answers=[AnswerData(text="Radical acceptance", fraction=D(100))],
            case_sensitive=True,
        ),
        QuestionData(
            kind="numeric",
            text="How many modes?",
            answers=[
                AnswerData(fraction=D(100), value=D(5), tolerance=D(0)),
                AnswerData(fraction=D(50), low=D(3), high=D(7)),
            ],
        ),
        QuestionData(
            kind="matching",
            text="Match the acronym.",
            text_format="markdown",
            answers=[
                AnswerData(
                    text="DEAR MAN", fraction=D(100), match="Objectives", feedback="Asking."
                ),
                AnswerData(text="GIVE", fraction=D(100), match="Relationship"),
                AnswerData(text="", fraction=D(100), match="Distraction"),
            ],
        ),
        QuestionData(
            kind="ordering",
            text="Order the chain.",
            answers=[
                AnswerData(text="Vulnerability", fraction=D(100)),
                AnswerData(text="Prompting event", fraction=D(100), feedback="The trigger."),
                AnswerData(text="Problem behavior", fraction=D(100)),
            ],
        ),
        QuestionData(kind="essay", text="Write a chain analysis.", points=D(10)),
        QuestionData(kind="description", text="Read the vignette below."),
        QuestionData(
            kind="likert",
            text="The skills group helped me.",
            text_format="plain",
            answers=[AnswerData(text=t) for t in ("Disagree", "Neutral", "Agree")],
        ),
    ]


def test_every_kind_round_trips_and_a_second_export_is_the_same_bytes():
    questions = every_kind_data()
    written = dump(questions)
    result = parse(written)

    assert result.errors == [] and result.warnings == []
    expected = every_kind_data()
    for question in expected:
        if question.category:
            question.category = f"$course$/top/{question.category}"
    for question in expected[3:]:
        question.category = "$course$/top"  # back to no category
    # Moodle has no ranges: 3..7 travels as 5 ± 2.
    expected[4].answers[1] = AnswerData(fraction=D(50), value=D(5), tolerance=D(2))
    # Moodle has no feedback for matching pairs (ordering items keep theirs).
    expected[5].answers[0].feedback = ""
    assert result.questions == expected
    assert dump(result.questions) == written


def test_sample_round_trips_byte_stable(every_kind):
    written = dump(every_kind.questions)
    again = parse(written)

    assert again.errors == [] and again.warnings == []
    assert again.questions == every_kind.questions
    assert dump(again.questions) == written


def test_likert_is_written_as_unweighted_single_choice_with_our_tag_and_read_back():
    likert = every_kind_data()[-1]
    written = dump([likert]).decode()

    assert '<question type="multichoice">' in written
    assert "<single>true</single>" in written
    assert "<shuffleanswers>false</shuffleanswers>" in written
    assert written.count('<answer fraction="0" format="plain_text">') == 3
    assert written.endswith(
        "    <tags>\n      <tag>\n        <text>dbt-likert</text>\n      </tag>\n    </tags>\n"
        "  </question>\n</quiz>\n"
    )
    assert parse(written.encode()).questions == [likert]


def test_dump_writes_moodle_xml_exactly():
    written = dump(
        [
            QuestionData(
                kind="true_false",
                text="Dialectics holds <both> & more.",
                name="Dialectics",
                text_format="plain",
                answers=[
                    AnswerData(text="True", fraction=D("100.00000"), feedback="Both/and."),
                    AnswerData(text="False", fraction=D(0)),
                ],
                category="DBT/Core//Foundations",
                points=D("1.50"),
            )
        ]
    )

    assert written == (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b"<quiz>\n"
        b'  <question type="category">\n'
        b"    <category>\n"
        b"      <text>$course$/top/DBT/Core//Foundations</text>\n"
        b"    </category>\n"
        b"  </question>\n"
        b'  <question type="truefalse">\n'
        b"    <name>\n"
        b"      <text>Dialectics</text>\n"
        b"    </name>\n"
        b'    <questiontext format="plain_text">\n'
        b"      <text>Dialectics holds &lt;both&gt; &amp; more.</text>\n"
        b"    </questiontext>\n"
        b'    <generalfeedback format="plain_text">\n'
        b"      <text></text>\n"
        b"    </generalfeedback>\n"
        b"    <defaultgrade>1.5</defaultgrade>\n"
        b"    <penalty>1</penalty>\n"
        b"    <hidden>0</hidden>\n"
        b"    <idnumber></idnumber>\n"
        b'    <answer fraction="100" format="moodle_auto_format">\n'
        b"      <text>true</text>\n"
        b'      <feedback format="plain_text">\n'
        b"        <text>Both/and.</text>\n"
        b"      </feedback>\n"
        b"    </answer>\n"
        b'    <answer fraction="0" format="moodle_auto_format">\n'
        b"      <text>false</text>\n"
        b'      <feedback format="plain_text">\n'
        b"        <text></text>\n"
        b"      </feedback>\n"
        b"    </answer>\n"
        b"  </question>\n"
        b"</quiz>\n"
    )


def test_dump_of_nothing_is_an_empty_quiz():
    assert dump([]) == b'<?xml version="1.0" encoding="UTF-8"?>\n<quiz></quiz>\n'


def test_media_is_written_once_inside_questiontext():
    question = every_kind_data()[0]
    question.media.append(MediaData(name="chain.png", content=PNG))
    written = dump([question]).decode()

    encoded = base64.b64encode(PNG).decode()
    assert written.count("<file ") == 2
    assert (
        f'<file name="tipp.png" path="/" encoding="base64">{encoded}</file>\n'
        f'      <file name="chain.png" path="/" encoding="base64">{encoded}</file>\n'
        "    </questiontext>"
    ) in written


# --- through the services -----------------------------------------------------------------------


@pytest.mark.django_db
def test_import_into_a_quiz_then_export_gives_the_file_back(quiz, every_kind):
    report = services.import_moodle_xml(data=sample("every_kind.xml"), quiz=quiz)

    assert report.errors == []
    assert report.warnings == every_kind.warnings
    assert [q.name for q in report.imported] == [q.name for q in every_kind.questions]
    assert [m.name for m in report.imported[0].media.all()] == ["states.png"]
    assert report.imported[0].points == D("1.00")
    exported = services.export_moodle_xml(quiz=quiz)
    assert exported == dump(every_kind.questions)
    assert services.import_moodle_xml(data=exported, quiz=quiz).errors == []
    assert quiz.questions.count() == 18
