"""A module speaks DBT fully (issue 22, item 4): one primary component for the outline, any number
of further components, treatment priorities and skills modules, a treatment stage; progress
counts a module under every tag it carries; the course package carries the tags, and older
packages with one priority and one skills module still import."""

import datetime
import io
import json
import zipfile
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from courses.models import Course, CourseStatus, Enrollment, EnrollmentStatus
from modules import services
from modules.models import Module
from modules.progress import cohort_progress
from modules.taxonomy import Component, SkillsModule, TreatmentPriority, TreatmentStage
from modules.transfer import (
    FORMAT,
    ImportProblems,
    course_document,
    export_course_zip,
    import_course_zip,
    package_schema,
)
from tests.factories import CohortFactory, CourseFactory, LessonFactory, ModuleFactory, UserFactory

NOW = datetime.datetime(2027, 6, 1, 12, 0, tzinfo=datetime.UTC)


# --- the migration --------------------------------------------------------------------------------

BEFORE = [("modules", "0007_progress_repair_schedule")]
AFTER = [("modules", "0010_remove_single_dbt_tags")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# Transactional, as the suite's other such tests: the schema changes cannot run inside the
# test's transaction, and the database is flushed afterwards.
@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_each_single_tag_into_its_list_and_back():
    try:
        old = migrate(BEFORE)
        course = old.get_model("courses", "Course").objects.create(
            slug="old", title="Old", summary="Made before the lists."
        )
        OldModule = old.get_model("modules", "Module")
        rows = [
            ("Theory", "foundations", "", ""),
            ("Targets", "individual_therapy", "life_threatening", ""),
            ("Crisis", "skills_training_group", "behavioral_skills", "distress_tolerance"),
            ("Mindful", "skills_training_group", "", "mindfulness"),
        ]
        for position, (title, component, priority, skills) in enumerate(rows, start=1):
            OldModule.objects.create(
                course_id=course.pk,
                title=title,
                position=position,
                component=component,
                treatment_priority=priority,
                skills_module=skills,
            )

        new = migrate(AFTER)

        assert list(
            new.get_model("modules", "Module")
            .objects.order_by("position")
            .values_list(
                "title",
                "component",
                "components",
                "treatment_priorities",
                "skills_modules",
                "treatment_stage",
            )
        ) == [
            ("Theory", "foundations", [], [], [], ""),
            ("Targets", "individual_therapy", [], ["life_threatening"], [], ""),
            (
                "Crisis",
                "skills_training_group",
                [],
                ["behavioral_skills"],
                ["distress_tolerance"],
                "",
            ),
            ("Mindful", "skills_training_group", [], [], ["mindfulness"], ""),
        ]
        new.get_model("modules", "Module").objects.filter(title="Targets").update(
            treatment_priorities=["life_threatening", "therapy_interfering"]
        )

        back = migrate(BEFORE)

        # Backwards the first of each list (the highest priority) is the single tag again.
        assert list(
            back.get_model("modules", "Module")
            .objects.order_by("position")
            .values_list("title", "treatment_priority", "skills_module")
        ) == [
            ("Theory", "", ""),
            ("Targets", "life_threatening", ""),
            ("Crisis", "behavioral_skills", "distress_tolerance"),
            ("Mindful", "", "mindfulness"),
        ]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


# --- the model and its service ------------------------------------------------------------------


@pytest.mark.django_db
def test_tags_are_kept_once_each_in_the_taxonomy_order_and_the_primary_is_not_repeated():
    course = CourseFactory()

    module = services.add_module(
        course=course,
        title="Structure of comprehensive DBT",
        component=Component.FOUNDATIONS,
        components=[
            Component.CONSULTATION_TEAM,
            Component.FOUNDATIONS,
            Component.INDIVIDUAL_THERAPY,
            Component.CONSULTATION_TEAM,
        ],
        skills_modules=[SkillsModule.EMOTION_REGULATION, SkillsModule.MINDFULNESS],
    )

    module = Module.objects.get(pk=module.pk)
    assert module.components == ["individual_therapy", "consultation_team"]
    assert module.all_components == ["foundations", "individual_therapy", "consultation_team"]
    assert module.skills_modules == ["mindfulness", "emotion_regulation"]
    assert module.further_component_labels == ["Individual therapy", "Consultation team"]
    assert module.skills_module_labels == ["Mindfulness", "Emotion regulation"]


@pytest.mark.django_db
def test_duplicating_a_course_copies_every_tag():
    trainer = UserFactory()
    course = CourseFactory(authors=[trainer])
    services.add_module(
        course=course,
        title="Family sessions",
        component=Component.FAMILY_SESSIONS,
        components=[Component.ANCILLARY_TREATMENT],
        treatment_priorities=[TreatmentPriority.QUALITY_OF_LIFE],
        skills_modules=[SkillsModule.WALKING_THE_MIDDLE_PATH],
        treatment_stage=TreatmentStage.PRE_TREATMENT,
    )

    copy = services.duplicate_course(course=course, author=trainer, title="Copy", slug="copy")

    assert list(
        copy.modules.values_list(
            "component", "components", "treatment_priorities", "skills_modules", "treatment_stage"
        )
    ) == [
        (
            "family_sessions",
            ["ancillary_treatment"],
            ["quality_of_life"],
            ["walking_the_middle_path"],
            "pre_treatment",
        )
    ]


# --- the authoring form ---------------------------------------------------------------------------


class FormFields(HTMLParser):
    """What the module form's page renders: each field's name with its submitted value(s) as a
    browser would send them (checked boxes, selected options), and every checkbox offered."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self.offered: dict[str, list[str]] = {}
        self.labels: set[str] = set()
        self._select = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        name = attrs.get("name")
        if tag == "input" and name:
            self.values.setdefault(name, [])
            if attrs.get("type") == "checkbox":
                self.offered.setdefault(name, []).append(attrs["value"])
                if "checked" in attrs:
                    self.values[name].append(attrs["value"])
            else:
                self.values[name].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.values[name] = [""]
        elif tag == "select" and name:
            self._select = name
            self.values[name] = []
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def rendered(response) -> FormFields:
    parser = FormFields()
    parser.feed(response.content.decode())
    return parser


@pytest.mark.django_db
def test_the_module_form_saves_several_tags_from_exactly_the_fields_it_renders(client, trainer):
    course = CourseFactory(slug="dbt", authors=[trainer])
    client.force_login(trainer)
    url = reverse("authoring:module_create", args=[course.slug])

    form = rendered(client.get(url))

    assert set(form.values) == {
        "csrfmiddlewaretoken",
        "title",
        "summary",
        "component",
        "components",
        "treatment_priorities",
        "skills_modules",
        "treatment_stage",
        "release_offset_days",
        "due_offset_days",
        "team_gate",
    }
    assert form.offered == {
        "components": list(Component.values),
        "treatment_priorities": list(TreatmentPriority.values),
        "skills_modules": list(SkillsModule.values),
    }
    # Every checkbox has its own label (keyboard and screen reader users pick by name).
    assert {f"id_components_{i}" for i in range(len(Component.values))} <= form.labels
    data = {name: values for name, values in form.values.items()}
    data |= {
        "title": ["Structure of comprehensive DBT"],
        "component": ["foundations"],
        "components": [
            "individual_therapy",
            "skills_training_group",
            "phone_coaching",
            "consultation_team",
        ],
        "treatment_priorities": ["therapy_interfering", "life_threatening"],
        "skills_modules": [],
        "treatment_stage": ["pre_treatment"],
        "release_offset_days": ["0"],
    }

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND
    module = Module.objects.get(course=course)
    assert (
        module.component,
        module.components,
        module.treatment_priorities,
        module.skills_modules,
        module.treatment_stage,
    ) == (
        "foundations",
        ["individual_therapy", "skills_training_group", "phone_coaching", "consultation_team"],
        ["life_threatening", "therapy_interfering"],
        [],
        "pre_treatment",
    )

    # Opened again, the page shows what was saved, and saving it unchanged changes nothing.
    edit = reverse("authoring:module_edit", args=[course.slug, module.pk])
    again = rendered(client.get(edit))
    assert again.values["components"] == module.components
    assert again.values["treatment_priorities"] == module.treatment_priorities
    assert again.values["treatment_stage"] == ["pre_treatment"]
    assert client.post(edit, again.values).status_code == HTTPStatus.FOUND
    saved = Module.objects.filter(pk=module.pk).values().get()
    assert saved["components"] == module.components
    assert saved["treatment_priorities"] == module.treatment_priorities
    assert saved["treatment_stage"] == "pre_treatment"


@pytest.mark.django_db
def test_the_module_form_refuses_an_unknown_tag_and_saves_nothing(client, trainer):
    course = CourseFactory(slug="dbt", authors=[trainer])
    client.force_login(trainer)

    response = client.post(
        reverse("authoring:module_create", args=[course.slug]),
        {
            "title": "Astrology",
            "component": "foundations",
            "skills_modules": ["astrology"],
            "release_offset_days": "0",
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert list(response.context["form"].errors) == ["skills_modules"]
    assert not Module.objects.exists()


# --- progress -------------------------------------------------------------------------------------


def module_with_lessons(course, title, lessons, **fields):
    module = ModuleFactory(course=course, title=title, **fields)
    for position in range(1, lessons + 1):
        LessonFactory(module=module, title=f"{title} {position}", position=position)
    return module


@pytest.fixture
def tagged(trainee):
    """Structure (2 lessons: foundations + all four modes), Targets (3: individual therapy, three
    priorities), Coaching and team (4: phone coaching + consultation team, stage 1), Skills (1:
    skills group, two skills modules); the trainee completed 1 of Structure, all of Targets,
    1 of Coaching and team."""
    cohort = CohortFactory()
    course = cohort.course
    structure = module_with_lessons(
        course,
        "Structure",
        2,
        position=1,
        component=Component.FOUNDATIONS,
        components=[
            Component.INDIVIDUAL_THERAPY,
            Component.SKILLS_TRAINING_GROUP,
            Component.PHONE_COACHING,
            Component.CONSULTATION_TEAM,
        ],
    )
    targets = module_with_lessons(
        course,
        "Targets",
        3,
        position=2,
        component=Component.INDIVIDUAL_THERAPY,
        treatment_priorities=[
            TreatmentPriority.LIFE_THREATENING,
            TreatmentPriority.THERAPY_INTERFERING,
            TreatmentPriority.QUALITY_OF_LIFE,
        ],
    )
    coaching = module_with_lessons(
        course,
        "Coaching and team",
        4,
        position=3,
        component=Component.PHONE_COACHING,
        components=[Component.CONSULTATION_TEAM],
        treatment_priorities=[TreatmentPriority.THERAPY_INTERFERING],
        treatment_stage=TreatmentStage.STAGE_1,
    )
    module_with_lessons(
        course,
        "Skills",
        1,
        position=4,
        component=Component.SKILLS_TRAINING_GROUP,
        skills_modules=[SkillsModule.MINDFULNESS, SkillsModule.DISTRESS_TOLERANCE],
    )
    enrollment = Enrollment.objects.create(
        cohort=cohort, user=trainee, status=EnrollmentStatus.ACTIVE
    )
    for module, positions in ((structure, [1]), (targets, [1, 2, 3]), (coaching, [1])):
        for position in positions:
            services.complete_lesson(
                enrollment=enrollment, lesson=module.lessons.get(position=position), now=NOW
            )
    return enrollment


def shares(items):
    return [(s.key, s.done, s.total) for s in items]


@pytest.mark.django_db
def test_progress_counts_a_module_under_every_tag_it_carries(tagged):
    progress = cohort_progress(tagged, now=NOW)

    assert (progress.done, progress.total) == (5, 10)
    assert shares(progress.by_component) == [
        ("foundations", 1, 2),  # Structure
        ("individual_therapy", 4, 5),  # Structure, Targets
        ("skills_training_group", 1, 3),  # Structure, Skills
        ("phone_coaching", 2, 6),  # Structure, Coaching and team
        ("consultation_team", 2, 6),  # Structure, Coaching and team
    ]
    assert shares(progress.by_priority) == [
        ("life_threatening", 3, 3),
        ("therapy_interfering", 4, 7),  # Targets, Coaching and team
        ("quality_of_life", 3, 3),
    ]
    assert shares(progress.by_skills_module) == [
        ("mindfulness", 0, 1),
        ("distress_tolerance", 0, 1),
    ]


@pytest.mark.django_db
def test_the_cohort_home_and_the_dashboard_show_the_consultation_team(client, tagged):
    client.force_login(tagged.user)

    home = client.get(reverse("learn:cohort", args=[tagged.cohort_id])).content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()

    assert 'id="component-consultation_team">Consultation team</span>' in home
    assert "33% · 2 of 6 lessons" in home
    assert f'id="component-{tagged.pk}-consultation_team">Consultation team</span>' in dashboard
    # The outline on the cohort home shows every tag and the stage.
    assert "Also: Consultation team" in home
    assert "Stage 1: behavioral control" in home
    assert "Target: Therapy-interfering behaviors" in home


# --- the catalogue --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_outline_groups_by_primary_component_and_shows_every_tag(client):
    course = CourseFactory(slug="dbt", status=CourseStatus.PUBLISHED)
    module_with_lessons(
        course,
        "Coaching and team",
        1,
        position=1,
        component=Component.PHONE_COACHING,
        components=[Component.CONSULTATION_TEAM, Component.ANCILLARY_TREATMENT],
        treatment_priorities=[TreatmentPriority.LIFE_THREATENING],
        skills_modules=[SkillsModule.DISTRESS_TOLERANCE],
        treatment_stage=TreatmentStage.STAGE_1,
    )

    response = client.get(reverse("catalogue:course", args=["dbt"]))

    assert [
        (g.component, [m.title for m in g.modules]) for g in response.context["components"]
    ] == [("phone_coaching", ["Coaching and team"])]
    html = response.content.decode()
    for text in (
        '<span class="visually-hidden">Primary component: </span>Phone coaching',
        "Also: Consultation team",
        "Also: Ancillary treatment",
        "Stage 1: behavioral control",
        "Target: Life-threatening behaviors",
        "Skills: Distress tolerance",
    ):
        assert text in html


# --- the course package ---------------------------------------------------------------------------


def zipped(document: dict) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("course.json", json.dumps(document))
    buffer.seek(0)
    return buffer


def tags_of(course) -> list[tuple]:
    return list(
        course.modules.order_by("position").values_list(
            "component", "components", "treatment_priorities", "skills_modules", "treatment_stage"
        )
    )


@pytest.mark.django_db
def test_the_package_carries_every_tag_there_and_back():
    trainer = UserFactory()
    course = CourseFactory(slug="dbt", authors=[trainer])
    module_with_lessons(
        course,
        "Structure",
        1,
        position=1,
        component=Component.FOUNDATIONS,
        components=[Component.INDIVIDUAL_THERAPY, Component.FAMILY_SESSIONS],
        treatment_priorities=[
            TreatmentPriority.LIFE_THREATENING,
            TreatmentPriority.QUALITY_OF_LIFE,
        ],
        skills_modules=[SkillsModule.MINDFULNESS],
        treatment_stage=TreatmentStage.PRE_TREATMENT,
    )
    buffer = io.BytesIO()
    export_course_zip(course, buffer)
    buffer.seek(0)

    module = course_document(course)["modules"][0]
    assert {key: module[key] for key in list(module)[2:7]} == {
        "component": "foundations",
        "components": ["individual_therapy", "family_sessions"],
        "treatment_priorities": ["life_threatening", "quality_of_life"],
        "skills_modules": ["mindfulness"],
        "treatment_stage": "pre_treatment",
    }
    assert "treatment_priority" not in module and "skills_module" not in module

    imported = import_course_zip(buffer, author=trainer, slug="dbt-2")

    assert tags_of(imported) == tags_of(course)


def legacy_document(version: int) -> dict:
    return {
        "format": FORMAT,
        "version": version,
        "course": {"slug": f"old-{version}", "title": "Old", "summary": "One tag each."},
        "modules": [
            {
                "title": "Crisis survival",
                "component": "skills_training_group",
                "treatment_priority": "life_threatening",
                "skills_module": "distress_tolerance",
            },
            {
                "title": "Theory",
                "component": "foundations",
                "treatment_priority": "",
                "skills_module": "",
            },
        ],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("version", [1, 2])
def test_a_package_with_one_priority_and_one_skills_module_still_imports(version):
    imported = import_course_zip(zipped(legacy_document(version)), author=UserFactory())

    assert tags_of(imported) == [
        ("skills_training_group", [], ["life_threatening"], ["distress_tolerance"], ""),
        ("foundations", [], [], [], ""),
    ]


@pytest.mark.django_db
def test_an_old_single_tag_joins_the_new_list_when_a_package_has_both():
    document = legacy_document(2)
    document["modules"][0]["treatment_priorities"] = ["quality_of_life"]

    imported = import_course_zip(zipped(document), author=UserFactory())

    assert tags_of(imported)[0][2] == ["life_threatening", "quality_of_life"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("version", "change", "problem"),
    [
        (
            1,
            {"skills_module": "astrology"},
            (
                "$.modules[0].skills_module",
                "“astrology” is not one of: mindfulness, distress_tolerance, "
                "emotion_regulation, interpersonal_effectiveness, walking_the_middle_path.",
            ),
        ),
        (
            1,
            {"components": ["yoga"]},
            (
                "$.modules[0].components",
                "“yoga” is not one of: foundations, individual_therapy, skills_training_group, "
                "phone_coaching, consultation_team, ancillary_treatment, family_sessions.",
            ),
        ),
        (
            2,
            {"components": ["yoga"]},
            (
                "$.modules[0].components[0]",
                "“yoga” is not one of: foundations, individual_therapy, skills_training_group, "
                "phone_coaching, consultation_team, ancillary_treatment, family_sessions.",
            ),
        ),
        (
            2,
            {"treatment_stage": "stage_5"},
            (
                "$.modules[0].treatment_stage",
                "“stage_5” is not one of: , pre_treatment, stage_1, stage_2, stage_3, stage_4.",
            ),
        ),
    ],
)
def test_an_unknown_tag_is_refused_at_its_path_and_nothing_is_created(version, change, problem):
    document = legacy_document(version)
    document["modules"][0].update(change)

    with pytest.raises(ImportProblems) as caught:
        import_course_zip(zipped(document), author=UserFactory())

    assert caught.value.problems == [problem]
    assert not Course.objects.exists()


def test_the_schema_enums_are_the_module_taxonomies():
    module = package_schema()["$defs"]["module"]["properties"]

    assert module["component"]["enum"] == list(Component.values)
    assert module["components"]["items"]["enum"] == list(Component.values)
    assert module["treatment_priorities"]["items"]["enum"] == list(TreatmentPriority.values)
    assert module["skills_modules"]["items"]["enum"] == list(SkillsModule.values)
    assert module["treatment_stage"]["enum"] == ["", *TreatmentStage.values]
    assert module["treatment_priority"]["enum"] == ["", *TreatmentPriority.values]
    assert module["skills_module"]["enum"] == ["", *SkillsModule.values]
