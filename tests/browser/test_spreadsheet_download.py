"""Issue 21 (spreadsheets): a trainer downloads the gradebook as Excel from the page, and the
file opens with the values the page shows; the pages with spreadsheet links pass axe-core and
fit a phone."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from courses import services
from dbt_training.users.roles import Role
from tests.browser.conftest import PASSWORD, assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import (
    AttemptFactory,
    CohortFactory,
    CourseFactory,
    ModuleFactory,
    QuizFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def build():
    terry = UserFactory(
        email="terry@example.org", full_name="Terry Chen", password=PASSWORD, roles=[Role.TRAINER]
    )
    course = CourseFactory(title="DBT Foundations", status="published", pass_mark=70)
    course.authors.add(terry)
    module = ModuleFactory(course=course, title="Mindfulness", position=1)
    quiz = QuizFactory(module=module, title="Module 1 check")
    today = timezone.localdate()
    cohort = CohortFactory(
        course=course,
        name="Spring",
        capacity=None,
        trainers=[terry],
        starts_on=today - datetime.timedelta(days=3),
        ends_on=today + datetime.timedelta(days=90),
        time_zone="America/New_York",
    )
    for name, email, percent in (
        ("Amélie Dubois", "amelie@example.org", Decimal("87.5")),
        ("Zoë Brandt", "zoe@example.org", Decimal(60)),
    ):
        user = UserFactory(email=email, full_name=name)
        enrollment = services.enroll(cohort=cohort, user=user)
        AttemptFactory(enrollment=enrollment, quiz=quiz, percent=percent)
    return cohort, quiz


def test_trainer_downloads_the_gradebook_as_excel(page, live_server, tmp_path):
    cohort, quiz = build()
    sign_in(page, "terry@example.org")
    page.goto(f"/cohorts/{cohort.pk}/gradebook/")
    assert_accessible(page)

    with page.expect_download() as started:
        page.get_by_role("link", name="Download as Excel (.xlsx)").click()
    download = started.value
    assert download.suggested_filename == f"cohort-{cohort.pk}-gradebook.xlsx"
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Name", "Email", "Team", "Status", f"Module 1 check [quiz:{quiz.pk}]")
    assert [row[:5] for row in rows[1:]] == [
        ("Amélie Dubois", "amelie@example.org", None, "Active", 87.5),
        ("Zoë Brandt", "zoe@example.org", None, "Active", 60),
    ]
    assert isinstance(rows[1][4], float) and sheet["E2"].number_format == "0.00"


def test_pages_with_spreadsheet_links_fit_a_phone(page, live_server):
    cohort, _ = build()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "terry@example.org")
    for url in (
        f"/cohorts/{cohort.pk}/",
        f"/cohorts/{cohort.pk}/gradebook/",
        f"/cohorts/{cohort.pk}/completion/",
    ):
        page.goto(url)
        assert page.get_by_role("link", name="Download as Excel (.xlsx)").is_visible()
        assert_accessible(page)
        assert_fits_phone_width(page)
