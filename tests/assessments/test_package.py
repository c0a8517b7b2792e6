"""Course package v2: the demo course (with a question bank, draws, images and weights added)
exported, imported on an empty database and compared object by object; the published schema;
refusals that name their JSON path and create nothing."""

import copy
import io
import json
import zipfile
from decimal import Decimal

import jsonschema
import pytest
from django.apps import apps

from assessments.assignments import authoring
from assessments.models import (
    Assignment,
    CompletionRules,
    CourseApproval,
    GradebookWeights,
    Question,
    QuestionCategory,
    Quiz,
    Rubric,
)
from assessments.quizzes import bank, services
from assessments.quizzes.interchange import MediaData
from assessments.taxonomy import QuestionKind, QuizKind, TextFormat, WorksheetKind
from courses.models import Course
from dbt_training.demo import seed_demo_accounts
from dbt_training.demo_course import seed_demo_course
from dbt_training.users.models import User
from modules import transfer
from modules.transfer import ImportProblems, export_course_zip, import_course_zip

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SCHEMA = json.loads(transfer.SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def author():
    seed_demo_accounts()
    return User.objects.get(email="trainer@example.com")


@pytest.fixture
def course(author):
    """The demo course, plus what it does not use: a bank with nested categories, bank
    questions with an image and numbers, a draw, a quiz question in a category, an answer
    format of its own, an assignment without a rubric, and gradebook weights."""
    course = seed_demo_course()
    validation = bank.create_category(course=course, name="Validation", info="Six levels.")
    levels = bank.create_category(course=course, name="Levels", parent=validation)
    skills = bank.create_category(course=course, name="Skills")
    pictured = services.save_question(
        category=levels,
        kind=QuestionKind.SINGLE,
        name="Level shown",
        text="Which level is this? ![card](@@PLUGINFILE@@/level.png)",
        text_format=TextFormat.MARKDOWN,
        general_feedback="See the handout.",
        points=Decimal("2.50"),
        answers=[
            services.AnswerData(
                text="<b>Three</b>", fraction=Decimal(100), feedback="Yes", text_format="html"
            ),
            services.AnswerData(text="One", fraction=Decimal(0), feedback="No"),
        ],
    )
    services.attach_media(question=pictured, media=[MediaData(name="level.png", content=PNG)])
    services.save_question(
        category=validation,
        kind=QuestionKind.NUMERIC,
        text="How many levels of validation?",
        text_format=TextFormat.PLAIN,
        answers=[
            services.AnswerData(value=Decimal(6), tolerance=Decimal("0.5"), fraction=Decimal(100)),
            services.AnswerData(low=Decimal(-1), high=Decimal(7), fraction=Decimal(50)),
        ],
    )
    quiz = Quiz.objects.filter(module__course=course, kind=QuizKind.KNOWLEDGE_CHECK).first()
    bank.add_draw(quiz=quiz, category=validation, count=1, include_subcategories=True)
    services.save_question(
        quiz=quiz,
        category=skills,
        kind=QuestionKind.SHORT,
        text="Name the state that integrates emotion mind and reasonable mind.",
        answers=[services.AnswerData(text="Wise mind", fraction=Decimal(100))],
        case_sensitive=True,
    )
    authoring.create_assignment(
        module=quiz.module,
        title="Order the targets",
        worksheet=WorksheetKind.CASE_FORMULATION,
        case_behaviors="Cutting\nMissing sessions\nSkipping meals",
        points=Decimal("12.50"),
        about_client=False,
        required_for_completion=False,
        pass_percent=70,
    )
    authoring.set_gradebook_weights(course=course, quizzes=30, assignments=60, attendance=10)
    return course


def export_bytes(course) -> bytes:
    buffer = io.BytesIO()
    export_course_zip(course, buffer)
    return buffer.getvalue()


def document_of(archive_bytes: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        return json.loads(archive.read("course.json"))


def rezip(archive_bytes: bytes, document: dict, **replace: bytes) -> io.BytesIO:
    """The same package with another course.json (and any member replaced)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive_bytes)) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for info in source.infolist():
            if info.filename == "course.json":
                target.writestr("course.json", json.dumps(document))
            else:
                target.writestr(info.filename, replace.get(info.filename, source.read(info)))
    buffer.seek(0)
    return buffer


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in apps.get_models()}


def empty_database() -> None:
    """Everything the demo made goes, but the people (the importer must exist)."""
    for model in (Question, Quiz, Assignment, Rubric, QuestionCategory):
        model.objects.all().delete()
    Course.objects.all().delete()


# What the site derives or owns, or a row's place expressed as an id: compared through the
# structure instead (each object is listed under its parent, in order).
SKIPPED = {
    "id",
    "course",
    "module",
    "quiz",
    "question",
    "category",
    "parent",
    "rubric",
    "criterion",
    "position",
    "created_at",
    "updated_at",
    "updated_by",
    "published_at",
    "status",
    "file",
    "body_html",
    "text_html",
    "instructions_html",
    "slug",
    "outline_stamp",
}


def fields_of(obj) -> dict:
    return {
        f.name: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.name not in SKIPPED
    }


def snapshot(course: Course) -> dict:
    """Every object of the course and every field, references as names and places."""
    course = Course.objects.get(pk=course.pk)
    tree = bank.CategoryTree(course.pk)

    def question(q):
        return {
            **fields_of(q),
            "category": tree.path(q.category_id),
            "answers": [fields_of(a) for a in q.answers.all()],
            "media": [(fields_of(m), m.file.open("rb").read()) for m in q.media.all()],
        }

    modules = list(course.modules.order_by("position"))
    return {
        "course": fields_of(course),
        "modules": [
            {
                **fields_of(m),
                "prerequisites": [p.title for p in m.prerequisites.order_by("position")],
                "lessons": [
                    {
                        **fields_of(lesson),
                        "attachments": [fields_of(a) for a in lesson.attachments.all()],
                    }
                    for lesson in m.lessons.order_by("position")
                ],
                "quizzes": [
                    {
                        **fields_of(quiz),
                        "questions": [question(q) for q in quiz.questions.order_by("position")],
                        "draws": [
                            {**fields_of(d), "category": tree.path(d.category_id)}
                            for d in quiz.draws.all()
                        ],
                    }
                    for quiz in m.quizzes.order_by("position")
                ],
                "assignments": [
                    {**fields_of(a), "rubric": a.rubric.title if a.rubric else None}
                    for a in m.assignments.order_by("position")
                ],
            }
            for m in modules
        ],
        "categories": [(tree.path(c.pk), fields_of(c)) for _depth, c in tree.in_order()],
        "bank": sorted(
            (question(q) for q in bank.bank_questions(course)),
            key=lambda q: (q["category"], q["text"]),
        ),
        "rubrics": [
            {
                **fields_of(r),
                "criteria": [
                    {
                        **fields_of(c),
                        "levels": [fields_of(level) for level in c.levels.all()],
                        "comments": [fields_of(b) for b in c.bank_comments.all()],
                    }
                    for c in r.criteria.all()
                ],
            }
            for r in Rubric.objects.filter(course=course).order_by("title", "pk")
        ],
        "weights": [fields_of(w) for w in GradebookWeights.objects.filter(course=course)],
        "rules": [fields_of(r) for r in CompletionRules.objects.filter(course=course)],
        "approvals": [
            fields_of(a) for a in CourseApproval.objects.filter(course=course).order_by("position")
        ],
    }


# --- round trip ---------------------------------------------------------------------------------


def test_demo_course_round_trips_every_object_and_field_on_an_empty_database(course, author):
    expected = snapshot(course)
    archive = export_bytes(course)
    empty_database()
    assert Quiz.objects.count() == Question.objects.count() == 0

    imported = import_course_zip(io.BytesIO(archive), author=author)

    actual = snapshot(imported)
    assert actual == expected
    # Nothing was left out of the comparison by accident.
    assert len(actual["bank"]) == len(expected["bank"]) >= 2
    assert sum(len(m["quizzes"]) for m in actual["modules"]) == Quiz.objects.count()
    paths = [path for path, _fields in actual["categories"]]
    assert {"Validation", "Validation/Levels", "Skills"} <= set(paths)
    assert actual["weights"] == [{"quizzes": 30, "assignments": 60, "attendance": 10}]
    assert len(actual["approvals"]) == len(expected["approvals"]) > 0
    assert len(actual["rubrics"]) == Rubric.objects.count() > 0


def test_export_import_export_gives_byte_identical_course_json(course, author):
    first = export_bytes(course)

    imported = import_course_zip(io.BytesIO(first), author=author, slug="copy")
    second = export_bytes(imported)

    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        text = b.read("course.json").decode()
        assert (
            text.replace('"slug": "copy"', f'"slug": "{course.slug}"', 1)
            == a.read("course.json").decode()
        )
        assert a.namelist() == b.namelist()
        assert all(a.read(name) == b.read(name) for name in a.namelist()[1:])
        assert "question-media/1-level.png" in a.namelist()


def test_the_published_schema_is_valid_and_describes_an_export(course):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    document = document_of(export_bytes(course))

    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert list(SCHEMA["properties"]) == list(document)
    assert [part.name for part in transfer.parts()] == list(document)[4:]


def test_the_schema_enums_are_the_taxonomies():
    defs = SCHEMA["$defs"]
    assert defs["quiz"]["properties"]["kind"]["enum"] == list(QuizKind.values)
    assert defs["question"]["properties"]["kind"]["enum"] == list(QuestionKind.values)
    assert defs["question"]["properties"]["text_format"]["enum"] == list(TextFormat.values)
    assert defs["answer"]["properties"]["text_format"]["enum"] == ["", *TextFormat.values]
    assert defs["assignment"]["properties"]["worksheet"]["enum"] == list(WorksheetKind.values)


# --- refusals: the JSON path named, nothing created ---------------------------------------------


def assert_refused(source, author, problems) -> None:
    before = row_counts()
    with pytest.raises(ImportProblems) as caught:
        import_course_zip(source, author=author, slug="refused")
    assert caught.value.problems == problems
    assert row_counts() == before


def test_one_wrong_field_in_a_rubric_creates_nothing_and_names_its_path(course, author):
    archive = export_bytes(course)
    document = document_of(archive)
    document["rubrics"][0]["criteria"][1]["levels"][2]["points"] = "lots"

    assert_refused(
        rezip(archive, document),
        author,
        [
            (
                "$.rubrics[0].criteria[1].levels[2].points",
                "Expected a decimal number from 0 to 1000, written as a string with at most 2 "
                "decimal places, such as “12.50”.",
            )
        ],
    )


def test_schema_problems_are_all_reported_in_document_order(course, author):
    archive = export_bytes(course)
    document = document_of(archive)
    document["quizzes"][0]["kind"] = "exam"
    del document["rubrics"][0]["title"]
    document["rubrics"][0]["colour"] = "red"
    document["gradebook_weights"]["quizzes"] = 101

    assert_refused(
        rezip(archive, document),
        author,
        [
            (
                "$.quizzes[0].kind",
                "“exam” is not one of: knowledge_check, pre_test, post_test, evaluation.",
            ),
            ("$.rubrics[0].colour", "Unknown field."),
            ("$.rubrics[0].title", "This field is required."),
            ("$.gradebook_weights.quizzes", "Expected a number from 0 to 100."),
        ],
    )


def test_a_draw_from_a_category_that_is_not_there_is_refused(course, author):
    archive = export_bytes(course)
    document = document_of(archive)
    quiz = next(i for i, q in enumerate(document["quizzes"]) if q["draws"])
    count = len(document["question_bank"]["categories"])
    document["quizzes"][quiz]["draws"][0]["category"] = count

    assert_refused(
        rezip(archive, document),
        author,
        [
            (
                f"$.quizzes[{quiz}].draws[0].category",
                f"There is no category {count}; categories are numbered 0 to {count - 1}.",
            )
        ],
    )


def test_a_question_image_that_is_not_an_image_is_refused(course, author):
    archive = export_bytes(course)
    document = document_of(archive)
    pictured = next(i for i, q in enumerate(document["question_bank"]["questions"]) if q["media"])

    assert_refused(
        rezip(archive, document, **{"question-media/1-level.png": b"<svg onload=alert(1)>"}),
        author,
        [
            (
                f"$.question_bank.questions[{pictured}].media[0]",
                "“level.png” is not a PNG, JPEG, GIF or WebP image.",
            )
        ],
    )


def test_incomplete_answers_are_refused_at_the_question(course, author):
    archive = export_bytes(course)
    document = document_of(archive)
    pictured = next(i for i, q in enumerate(document["question_bank"]["questions"]) if q["media"])
    document["question_bank"]["questions"][pictured]["answers"][0]["fraction"] = "50"

    assert_refused(
        rezip(archive, document),
        author,
        [
            (
                f"$.question_bank.questions[{pictured}].answers",
                "Mark one choice as correct (100%).",
            )
        ],
    )


def test_a_failure_while_creating_rolls_everything_back(course, author, media_root, monkeypatch):
    archive = export_bytes(course)
    files_before = sorted(p for p in media_root.rglob("*") if p.is_file())

    def refuse(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(authoring, "add_approval", refuse, raising=False)
    from assessments.completion import authoring as completion_authoring

    monkeypatch.setattr(completion_authoring, "add_approval", refuse)
    before = row_counts()
    with pytest.raises(RuntimeError):
        import_course_zip(io.BytesIO(archive), author=author, slug="half")
    assert row_counts() == before
    assert sorted(p for p in media_root.rglob("*") if p.is_file()) == files_before


def test_a_version_1_package_still_imports(author):
    document = {
        "format": transfer.FORMAT,
        "version": 1,
        "course": {"slug": "old", "title": "Old", "summary": "From version 1."},
        "modules": [{"title": "Only", "component": "foundations", "lessons": [{"title": "One"}]}],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("course.json", json.dumps(document))
    buffer.seek(0)

    imported = import_course_zip(buffer, author=author)

    assert imported.modules.get().lessons.get().title == "One"
    assert not Quiz.objects.filter(module__course=imported).exists()


def test_a_version_2_document_with_only_the_course_imports_with_empty_parts(author):
    document = {
        "format": transfer.FORMAT,
        "version": 2,
        "course": {"slug": "bare", "title": "Bare", "summary": "Nothing else."},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("course.json", json.dumps(document))
    buffer.seek(0)

    imported = import_course_zip(buffer, author=author)

    assert copy.deepcopy(transfer.course_document(imported))["quizzes"] == []
    assert not GradebookWeights.objects.filter(course=imported).exists()
