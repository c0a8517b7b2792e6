import logging

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from dbt_training.users.models import User

pytestmark = pytest.mark.django_db

DEMO_EMAILS = [
    "admin@example.com",
    "superuser@example.com",
    "trainee@example.com",
    "trainer@example.com",
]


def demo_state():
    return sorted(
        (u.email, u.is_staff, u.is_superuser, tuple(g.name for g in u.groups.all()))
        for u in User.objects.filter(email__in=DEMO_EMAILS).prefetch_related("groups")
    )


def test_seed_demo_creates_four_verified_logins_once(capsys, caplog):
    caplog.set_level(logging.INFO)
    call_command("seed_demo")
    first = demo_state()
    call_command("seed_demo")

    assert (
        demo_state()
        == first
        == [
            ("admin@example.com", True, False, ("enrollment_admin",)),
            ("superuser@example.com", True, True, ()),
            ("trainee@example.com", False, False, ()),
            ("trainer@example.com", False, False, ("trainer",)),
        ]
    )
    assert sorted(EmailAddress.objects.filter(verified=True).values_list("email", flat=True)) == (
        DEMO_EMAILS
    )
    out = capsys.readouterr().out
    # The logins and the address last, in view; no email and no line per inline task above them.
    assert out.splitlines()[-6:] == [
        "Demo data is ready. Sign in with:",
        f"  trainee   trainee@example.com    {settings.DEMO_PASSWORD}",
        f"  trainer   trainer@example.com    {settings.DEMO_PASSWORD}",
        f"  admin     admin@example.com      {settings.DEMO_PASSWORD}",
        f"  superuser superuser@example.com  {settings.DEMO_PASSWORD}",
        "at http://testserver/",
    ]
    assert "Subject:" not in out
    assert [r for r in caplog.records if r.name == "celery.app.trace"] == []
    assert [r for r in caplog.records if "No hostname was supplied" in r.getMessage()] == []


@pytest.mark.django_db(transaction=True)  # the emails go out when each change commits
def test_seed_demo_prints_the_emails_it_causes_only_when_asked(capsys):
    call_command("seed_demo", show_email=True)

    out = capsys.readouterr().out
    assert "\nSubject: " in out and "Content-Type: multipart/alternative" in out
    assert out.splitlines()[-1] == "at http://testserver/"


@pytest.mark.parametrize("email", DEMO_EMAILS)
def test_each_demo_login_signs_in_with_the_readme_password(client, email):
    call_command("seed_demo")

    response = client.post(
        reverse("account_login"), {"login": email, "password": settings.DEMO_PASSWORD}
    )

    assert response["Location"] == reverse("dashboard")


def test_readme_names_the_demo_password():
    readme = (settings.BASE_DIR / "README.md").read_text()

    assert settings.DEMO_PASSWORD in readme
    for email in DEMO_EMAILS:
        assert email in readme


def test_seed_demo_reset_restores_a_changed_password(client):
    call_command("seed_demo")
    trainee = User.objects.get(email="trainee@example.com")
    trainee.set_password("changed-by-someone-1")
    trainee.save()

    call_command("seed_demo", "--reset")

    assert User.objects.get(email="trainee@example.com").check_password(settings.DEMO_PASSWORD)
    # The four logins and the invented roster of the demo cohorts, once each.
    from dbt_training.demo_course import roster_emails

    assert User.objects.count() == 4 + len(roster_emails()) == 45


def test_the_demo_trainee_gets_the_coming_session_reminder_once(mailoutbox):
    from courses.models import Cohort, LiveSession

    call_command("seed_demo")
    call_command("seed_demo")
    cohort = Cohort.objects.get(name="Spring cohort")
    assert cohort.enrollments.filter(user__email="trainee@example.com", status="active").exists()
    assert list(cohort.trainers.values_list("email", flat=True)) == ["trainer@example.com"]
    session = LiveSession.objects.get(cohort=cohort, title__startswith="Drop-in consultation")

    call_command("send_reminders")
    call_command("send_reminders")
    [email] = [
        m for m in mailoutbox if session.title in m.subject and m.to == ["trainee@example.com"]
    ]
    assert email.subject == f"[Spring cohort] Live session coming up: “{session.title}”"


MINE = {"user__email": "trainee@example.com"}


def test_the_demo_trainee_finished_one_cohort_and_can_claim_its_certificate():
    from assessments.completion.certificates import claim_certificate
    from assessments.completion.checklists import checklist_for
    from assessments.models import CourseApproval
    from courses.models import Enrollment

    call_command("seed_demo")
    call_command("seed_demo")
    finished = Enrollment.objects.get(cohort__name="Autumn cohort (finished)", **MINE)
    running = Enrollment.objects.get(cohort__name="Spring cohort", **MINE)
    done = checklist_for(finished)
    assert done.complete, [(r.label, r.detail) for r in done.requirements]
    assert not done.enrollment.certificates.exists()  # theirs to claim in the browser
    assert [r.key for r in checklist_for(running).left] == [
        "lessons",
        "post_test",
        "assignments",
        "evaluation",
        "attendance",
    ]
    approval = CourseApproval.objects.order_by("position").first()
    certificate = claim_certificate(enrollment=finished, approval=approval)
    assert (certificate.kind, certificate.full_name, certificate.profession) == (
        "ce",
        "Dana Trainee",
        "Psychologists",
    )


def test_seed_demo_reset_works_after_the_demo_certificate_was_claimed():
    from assessments.completion.certificates import claim_certificate
    from assessments.models import Certificate
    from courses.models import Enrollment

    call_command("seed_demo")
    finished = Enrollment.objects.get(cohort__name="Autumn cohort (finished)", **MINE)
    claim_certificate(enrollment=finished, approval=None)
    call_command("seed_demo", reset=True)
    # The finished cohort's other trainee holds theirs again; the demo trainee may claim anew.
    assert Certificate.objects.count() == 1
    again = Enrollment.objects.get(cohort__name="Autumn cohort (finished)", **MINE)
    assert claim_certificate(enrollment=again, approval=None).kind == "attendance"
