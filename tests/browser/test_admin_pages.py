"""Staff work in Django's admin: a superuser, and an enrollment admin (staff in the
enrollment_admin group). Every page they use passes axe-core, logs no console error (a style or
script the Content-Security-Policy blocks would), and fits a 390 px wide phone."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import CrontabSchedule, PeriodicTask
from playwright.sync_api import expect

from courses.models import Invitation
from dbt_training.outbox.models import OutgoingEmail
from dbt_training.users.roles import Role
from tests.browser.conftest import PASSWORD, assert_accessible, assert_fits_phone_width, sign_in
from tests.factories import CohortFactory, CourseFactory, EnrollmentFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORTS = pytest.mark.parametrize(
    "viewport",
    [{"width": 1280, "height": 900}, {"width": 390, "height": 844}],
    ids=["desktop", "phone"],
)


def admin_url(model_or_obj, action: str) -> str:
    """The admin's URL for a model's changelist or add page, or an object's change page."""
    opts = model_or_obj._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{action}"
    if action in ("changelist", "add"):
        return reverse(name)
    return reverse(name, args=[model_or_obj.pk])


def check_pages(page, viewport, paths) -> None:
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        expect(page.locator("#content h1")).to_be_visible()
        assert_accessible(page)
        if viewport["width"] < 500:
            assert_fits_phone_width(page)


@pytest.fixture
def dana():
    """A trainee in DBT Foundations' Spring 2027 cohort, signed in once."""
    dana = UserFactory(
        email="dana@example.org",
        full_name="Dana Rivera",
        last_login=datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC),
    )
    course = CourseFactory(title="DBT Foundations")
    cohort = CohortFactory(course=course, name="Spring 2027")
    EnrollmentFactory(user=dana, cohort=cohort)
    Invitation.objects.create(cohort=cohort, email="sam@example.org", sent_at=timezone.now())
    OutgoingEmail.objects.create(
        kind="reminder",
        key="reminder:1:dana@example.org",
        to="dana@example.org",
        subject="Your live session starts tomorrow",
        body_text="Biosocial theory, 10:00.",
    )
    return dana


@VIEWPORTS
def test_superuser_admin_pages(page, live_server, viewport, dana):
    UserFactory(email="root@example.org", password=PASSWORD, is_staff=True, is_superuser=True)
    enrollment = dana.enrollments.get()
    cohort = enrollment.cohort
    page.set_viewport_size(viewport)
    sign_in(page, "root@example.org")

    check_pages(
        page,
        viewport,
        [
            reverse("admin:index"),
            admin_url(dana, "changelist") + "?q=dana",
            # groups and user_permissions: filter_horizontal widgets, built by Django's script.
            admin_url(dana, "change"),
            admin_url(dana, "add"),
            reverse("admin:auth_user_password_change", args=[dana.pk]),
            admin_url(cohort.course, "changelist"),
            admin_url(cohort.course, "change"),
            admin_url(cohort.course, "add"),
            admin_url(cohort, "changelist") + "?q=spring",
            admin_url(cohort, "change"),
            admin_url(cohort, "add"),
            admin_url(enrollment, "changelist"),
            admin_url(enrollment, "change"),
            admin_url(cohort.invitations.get(), "changelist"),
            admin_url(cohort.invitations.get(), "change"),
            admin_url(OutgoingEmail, "changelist"),
            admin_url(OutgoingEmail.objects.get(), "change"),
            # Split date/time inputs, labelled per part (FORM_RENDERER, widgets/split_datetime).
            reverse("admin:courses_livesession_add"),
            reverse("admin:django_celery_beat_periodictask_add"),
            # The role audit trail (the superuser's own account made rows) and the page where a
            # lost second factor is reset.
            reverse("admin:users_rolechange_changelist"),
            reverse("admin:mfa_authenticator_changelist") + "?q=root",
        ],
    )

    page.goto(reverse("admin:users_rolechange_changelist") + "?q=root")
    expect(
        page.get_by_role("row").filter(has_text="is_superuser: True (new account)")
    ).to_have_count(1)

    # A refused form: the error summary and the fields' errors.
    page.goto(admin_url(dana, "add"))
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    assert_accessible(page)


@VIEWPORTS
def test_enrollment_admin_admin_pages(page, live_server, viewport, dana):
    UserFactory(
        email="erin@example.org",
        full_name="Erin Walsh",
        password=PASSWORD,
        is_staff=True,
        roles=[Role.ENROLLMENT_ADMIN],
    )
    trainer = UserFactory(email="terry@example.org", full_name="Terry Chen", roles=[Role.TRAINER])
    page.set_viewport_size(viewport)
    sign_in(page, "erin@example.org")

    check_pages(
        page,
        viewport,
        [
            reverse("admin:index"),
            admin_url(dana, "changelist") + "?q=rivera",
            admin_url(dana, "change"),
            admin_url(dana, "add"),
            # A staff account: theirs to view, not to change.
            admin_url(trainer, "change"),
        ],
    )


def test_periodic_task_form_reads_the_crontab_out_without_an_inline_script(page, live_server):
    """django_celery_beat's form says a schedule in words; its script is a file here (the CSP
    would block the package's inline one, and the page fixture fails on that console error)."""
    UserFactory(email="root@example.org", password=PASSWORD, is_staff=True, is_superuser=True)
    nightly = CrontabSchedule.objects.create(minute="0", hour="4")
    sign_in(page, "root@example.org")

    page.goto(admin_url(PeriodicTask, "add"))
    page.get_by_label("Crontab Schedule").select_option(str(nightly.pk))

    expect(page.locator(".field-crontab .help")).to_contain_text("Translation: At 04:00 AM UTC")
