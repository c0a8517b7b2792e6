"""Team enrollment: a leader applies with 3 to 8 members; an admin approves or declines."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courses import services
from courses.models import Enrollment, Invitation, Team, TeamApplication
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(trainer):
    return CohortFactory(name="Intensive 2027", capacity=4, trainers=[trainer], status="open")


def members(*emails):
    return [{"full_name": f"Member {e}", "email": e, "team_role": "Skills trainer"} for e in emails]


def form_data(team_name, people):
    data = {
        "team_name": team_name,
        "member-TOTAL_FORMS": "7",
        "member-INITIAL_FORMS": "0",
        "member-MIN_NUM_FORMS": "0",
        "member-MAX_NUM_FORMS": "7",
    }
    for i, person in enumerate(people):
        data.update({f"member-{i}-{k}": v for k, v in person.items()})
    return data


def test_leader_applies_and_admin_approval_enrolls_or_invites_everyone_into_one_team(
    client, cohort, trainee, enrollment_admin, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(email="ann@example.org")
    UserFactory(email="ben@example.org")
    client.force_login(trainee)
    response = client.post(
        reverse("cohorts:team_apply", args=[cohort.pk]),
        form_data(
            "Riverside DBT",
            members("ann@example.org", "ben@example.org", "cara@example.org", "dev@example.org"),
        ),
    )
    assert response.status_code == HTTPStatus.FOUND
    application = TeamApplication.objects.get()
    assert [m.email for m in application.members.all()] == [
        "dana@example.org",
        "ann@example.org",
        "ben@example.org",
        "cara@example.org",
        "dev@example.org",
    ]

    client.force_login(enrollment_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("cohorts:teams", args=[cohort.pk]),
            {"application": application.pk, "decision": "approve"},
        )

    team = Team.objects.get()
    assert (team.name, team.leader) == ("Riverside DBT", trainee)
    assert sorted(Enrollment.objects.filter(team=team).values_list("user__email", "status")) == [
        ("ann@example.org", "active"),
        ("ben@example.org", "active"),
        ("dana@example.org", "active"),
    ]
    assert sorted(Invitation.objects.filter(team=team).values_list("email", flat=True)) == [
        "cara@example.org",
        "dev@example.org",
    ]
    # Invitations for those without an account, enrollment confirmations for the others.
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("ann@example.org", f"[{cohort.name}] You are enrolled in {cohort.course.title}"),
        ("ben@example.org", f"[{cohort.name}] You are enrolled in {cohort.course.title}"),
        ("cara@example.org", f"[DBT Training] You are invited to {cohort.course.title}"),
        ("dana@example.org", f"[{cohort.name}] You are enrolled in {cohort.course.title}"),
        ("dev@example.org", f"[DBT Training] You are invited to {cohort.course.title}"),
    ]
    roster = client.get(reverse("cohorts:team", args=[cohort.pk, team.pk])).content.decode()
    assert "Invited, not yet joined" in roster
    client.force_login(trainee)  # the leader sees the team roster too
    assert client.get(reverse("cohorts:team", args=[cohort.pk, team.pk])).status_code == 200


@pytest.mark.parametrize(
    ("people", "message"),
    [
        (
            members("ann@example.org"),
            "A team has 3 to 8 members, the leader included; this one has 2.",
        ),
        (members(*[f"p{i}@example.org" for i in range(8)]), "this one has 9."),
        (
            members("ann@example.org", "ANN@example.org"),
            "Each member needs their own email address.",
        ),
    ],
)
def test_team_size_and_duplicates_are_refused(cohort, trainee, people, message):
    with pytest.raises(ValidationError, match=message):
        services.apply_as_team(cohort=cohort, leader=trainee, team_name="T", members=people)

    assert TeamApplication.objects.count() == 0


def test_decline_needs_a_reason_and_enrolls_nobody(client, cohort, trainee, enrollment_admin):
    application = services.apply_as_team(
        cohort=cohort,
        leader=trainee,
        team_name="Hilltop",
        members=members("ann@example.org", "ben@example.org"),
    )
    client.force_login(enrollment_admin)
    url = reverse("cohorts:teams", args=[cohort.pk])

    refused = client.post(url, {"application": application.pk, "decision": "decline", "reason": ""})
    client.post(
        url,
        {
            "application": application.pk,
            "decision": "decline",
            "reason": "This cohort is for teams in the EU.",
        },
    )

    assert refused.status_code == HTTPStatus.BAD_REQUEST
    application.refresh_from_db()
    assert (application.status, application.decline_reason) == (
        "declined",
        "This cohort is for teams in the EU.",
    )
    assert Enrollment.objects.count() == 0
    with pytest.raises(ValidationError, match="already decided"):
        services.approve_team_application(application=application, by=enrollment_admin)


def test_trainer_sees_applications_but_cannot_decide(client, cohort, trainee, trainer):
    application = services.apply_as_team(
        cohort=cohort,
        leader=trainee,
        team_name="Hilltop",
        members=members("ann@example.org", "ben@example.org"),
    )
    client.force_login(trainer)

    assert "Hilltop" in client.get(reverse("cohorts:teams", args=[cohort.pk])).content.decode()
    response = client.post(
        reverse("cohorts:teams", args=[cohort.pk]),
        {"application": application.pk, "decision": "approve"},
    )

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert TeamApplication.objects.get().status == "pending"


def test_team_roster_is_hidden_from_other_trainees(
    client, cohort, trainee, other_trainee, enrollment_admin
):
    application = services.apply_as_team(
        cohort=cohort,
        leader=trainee,
        team_name="Hilltop",
        members=members("ann@example.org", "ben@example.org"),
    )
    team = services.approve_team_application(application=application, by=enrollment_admin)
    client.force_login(other_trainee)

    assert client.get(reverse("cohorts:team", args=[cohort.pk, team.pk])).status_code == 404


def test_closed_cohort_takes_no_applications(client, trainee):
    closed = CohortFactory(status="closed")
    client.force_login(trainee)

    assert client.get(reverse("cohorts:team_apply", args=[closed.pk])).status_code == 404


def test_csv_team_column_puts_people_in_teams(cohort):
    UserFactory(email="ann@example.org")
    services.apply_csv_enrollment(
        cohort=cohort, data=b"email,team\nann@example.org,Blue\nnew@example.org,Blue\n"
    )

    team = Team.objects.get(name="Blue")
    assert Enrollment.objects.get(user__email="ann@example.org").team == team
    assert Invitation.objects.get(email="new@example.org").team == team


def test_roster_filters_by_team(client, cohort, trainer):
    UserFactory(email="ann@example.org")
    UserFactory(email="ben@example.org")
    services.apply_csv_enrollment(
        cohort=cohort, data=b"email,team\nann@example.org,Blue\nben@example.org,Green\n"
    )
    client.force_login(trainer)

    page = client.get(
        reverse("cohorts:detail", args=[cohort.pk]), {"team": Team.objects.get(name="Blue").pk}
    )

    assert [e.user.email for e in page.context["roster"]] == ["ann@example.org"]


def test_approving_into_a_team_name_that_already_exists_joins_it(cohort, trainee, enrollment_admin):
    pending = services.apply_as_team(
        cohort=cohort,
        leader=trainee,
        team_name="Beta",
        members=members("ann@example.org", "ben@example.org"),
    )
    made_meanwhile = Team.objects.create(cohort=cohort, name="Beta")  # e.g. by a CSV upload

    team = services.approve_team_application(application=pending, by=enrollment_admin)

    assert (team.pk, team.leader) == (made_meanwhile.pk, trainee)
    assert Enrollment.objects.get(user=trainee).team == team


def test_former_leader_who_withdrew_cannot_see_the_roster(
    client, cohort, trainee, enrollment_admin
):
    application = services.apply_as_team(
        cohort=cohort,
        leader=trainee,
        team_name="Hilltop",
        members=members("ann@example.org", "ben@example.org"),
    )
    team = services.approve_team_application(application=application, by=enrollment_admin)
    services.withdraw(enrollment=Enrollment.objects.get(user=trainee))
    client.force_login(trainee)

    assert client.get(reverse("cohorts:team", args=[cohort.pk, team.pk])).status_code == 404
