"""Issue 25, item 4: invitations on the roster with their status (sent, expired, accepted,
revoked), Resend and Revoke for the cohort's enrollment admins. Every refusal changes nothing."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses import services
from courses.models import Invitation, Team, TeamApplication
from dbt_training.outbox.models import OutgoingEmail
from dbt_training.users.roles import Role
from tests.factories import CohortFactory, CourseFactory, UserFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def at(day: int, month: int = 2):
    """A moment in early 2027, at noon UTC (the same date in every zone the tests use)."""
    return time_machine.travel(datetime.datetime(2027, month, day, 12, 0, tzinfo=UTC), tick=False)


@pytest.fixture(autouse=True)
def _sessions_outlast_the_dates(settings):
    # The tests travel to early 2027 (time_machine); a session made at sign-in must not have
    # expired by then.
    settings.SESSION_COOKIE_AGE = 5 * 365 * 24 * 60 * 60


@pytest.fixture
def cohort(trainer, trainee):
    course = CourseFactory(title="DBT Foundations", status="published")
    cohort = CohortFactory(name="Spring 2027", course=course, capacity=10, trainers=[trainer])
    services.enroll(cohort=cohort, user=trainee)
    return cohort


@pytest.fixture
def invitations(cohort, enrollment_admin):
    """On 1 March 2027: Nora's and Rosa's are open (Rosa's resent), Olga's expired, Pia accepted
    hers, Quinn's was revoked."""
    blue = Team.objects.create(cohort=cohort, name="Blue")
    with at(1):
        olga = services.invite(cohort=cohort, email="olga@example.org", full_name="Olga Olsen")
    with at(10):
        rosa = services.invite(cohort=cohort, email="rosa@example.org", by=enrollment_admin)
    with at(20):
        nora = services.invite(
            cohort=cohort,
            email="nora@example.org",
            full_name="Nora Nilsen",
            by=enrollment_admin,
            team=blue,
        )
    with at(21):
        pia = services.invite(
            cohort=cohort, email="pia@example.org", full_name="Pia Park", by=enrollment_admin
        )
    with at(22):
        services.accept_invitation(
            invitation=pia, user=UserFactory(email="pia@example.org", full_name="Pia Park")
        )
        quinn = services.invite(
            cohort=cohort, email="quinn@example.org", full_name="Quinn Q", by=enrollment_admin
        )
    with at(23):
        services.revoke_invitation(invitation=quinn, by=enrollment_admin)
    with at(25):
        rosa_again = services.resend_invitation(invitation=rosa, by=enrollment_admin)
    return {
        "olga": olga,
        "rosa_replaced": rosa,
        "rosa": rosa_again,
        "nora": nora,
        "pia": pia,
        "quinn": quinn,
    }


@pytest.fixture
def viewers(trainee, trainer, enrollment_admin):
    other_trainer = UserFactory(email="otto@example.org", roles=[Role.TRAINER])
    CohortFactory(name="Autumn 2027", trainers=[other_trainer])
    return {
        "visitor": None,
        "trainee": trainee,
        "other_trainer": other_trainer,
        "cohort_trainer": trainer,
        # Staff (Django admin access) but without the enrollment-admin role.
        "wrong_admin": UserFactory(email="staff@example.org", is_staff=True),
        "admin": enrollment_admin,
    }


def snapshot():
    """Every invitation's state and the outbox's size: what a refused action must leave alone."""
    rows = Invitation.objects.order_by("pk").values_list(
        "email", "sent_at", "accepted_at", "revoked_at", "invited_by"
    )
    return list(rows), OutgoingEmail.objects.count()


def listed(response) -> list[tuple[str, str]]:
    return [(i.email, i.status) for i in response.context["invitations"].page]


def detail(cohort, query: str = "") -> str:
    return reverse("cohorts:detail", args=[cohort.pk]) + query


# --- the status: one rule, shared with the links ----------------------------------------------


def test_status_and_link_expire_at_the_same_moment(cohort, enrollment_admin, settings):
    settings.INVITATION_MAX_AGE_DAYS = 14
    with at(1):
        invitation = services.invite(cohort=cohort, email="nora@example.org")
        token = services.invitation_token(invitation)

    def status():
        annotated = Invitation.objects.with_status()
        return annotated.values_list("status", "expires_at").get()

    with at(15):  # exactly 14 days later: still open
        assert status() == ("sent", datetime.datetime(2027, 2, 15, 12, 0, tzinfo=UTC))
        assert services.find_invitation(token) == invitation
    with time_machine.travel(datetime.datetime(2027, 2, 15, 12, 0, 1, tzinfo=UTC), tick=False):
        assert status()[0] == "expired"
        with pytest.raises(services.InvitationProblem) as problem:
            services.find_invitation(token)
    assert problem.value.kind == "expired"


def test_accepted_and_revoked_outrank_expiry(invitations):
    with at(1, month=6):  # every link long expired
        statuses = dict(Invitation.objects.with_status().values_list("pk", "status"))

    assert {who: statuses[i.pk] for who, i in invitations.items()} == {
        "olga": "expired",
        "rosa_replaced": "revoked",
        "rosa": "expired",
        "nora": "expired",
        "pia": "accepted",
        "quinn": "revoked",
    }


# --- services --------------------------------------------------------------------------------


def test_resend_replaces_an_expired_invitation_with_a_fresh_link_and_one_email(
    cohort, enrollment_admin
):
    with at(1):
        old = services.invite(cohort=cohort, email="olga@example.org", full_name="Olga Olsen")
        old_token = services.invitation_token(old)
    emails = OutgoingEmail.objects.count()

    with at(1, month=3):
        new = services.resend_invitation(invitation=old, by=enrollment_admin)
        new_token = services.invitation_token(new)
        assert services.find_invitation(new_token) == new
        with pytest.raises(services.InvitationProblem) as problem:
            services.find_invitation(old_token)

    assert problem.value.kind == "replaced"
    old.refresh_from_db()
    assert old.revoked_at == NOW
    assert (new.email, new.full_name, new.invited_by, new.sent_at) == (
        "olga@example.org",
        "Olga Olsen",
        enrollment_admin,
        NOW,
    )
    assert OutgoingEmail.objects.count() == emails + 1
    assert OutgoingEmail.objects.latest("pk").key == f"invitation:{new.pk}"


def test_revoke_stops_the_link_with_its_own_reason(cohort, enrollment_admin):
    invitation = services.invite(cohort=cohort, email="nora@example.org")
    token = services.invitation_token(invitation)

    with at(1, month=3):
        services.revoke_invitation(invitation=invitation, by=enrollment_admin)

    invitation.refresh_from_db()
    assert invitation.revoked_at == NOW
    with pytest.raises(services.InvitationProblem) as problem:
        services.find_invitation(token)
    assert problem.value.kind == "revoked"
    with pytest.raises(services.InvitationProblem) as problem:
        services.accept_invitation(
            invitation=invitation, user=UserFactory(email="nora@example.org")
        )
    assert problem.value.kind == "revoked"


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("pia", "The invitation to pia@example.org was already accepted."),
        ("quinn", "The invitation to quinn@example.org was already revoked."),
        (
            "rosa_replaced",
            "The invitation to rosa@example.org was replaced by a newer one; act on that one.",
        ),
    ],
)
@pytest.mark.parametrize("action", ["resend", "revoke"])
def test_a_closed_invitation_is_neither_resent_nor_revoked(
    invitations, enrollment_admin, who, message, action
):
    before = snapshot()
    call = services.resend_invitation if action == "resend" else services.revoke_invitation

    with pytest.raises(ValidationError) as error:
        call(invitation=invitations[who], by=enrollment_admin)

    assert error.value.messages == [message]
    assert snapshot() == before


# --- the roster ------------------------------------------------------------------------------


def test_the_roster_lists_each_addresss_latest_invitation_open_ones_first(
    client, cohort, invitations, enrollment_admin
):
    client.force_login(enrollment_admin)

    with at(1, month=3):
        response = client.get(detail(cohort))

    body = response.content.decode()
    assert listed(response) == [
        ("nora@example.org", "sent"),
        ("rosa@example.org", "sent"),
        ("olga@example.org", "expired"),
        ("pia@example.org", "accepted"),
        ("quinn@example.org", "revoked"),
    ]
    assert (
        '<h2 id="invitations-title">Invitations <span class="heading-note">'
        "(2 sent, 1 expired, 1 accepted, 1 revoked)</span></h2>"
    ) in body
    for status in (
        "Sent, open until 6 Mar 2027",
        "Sent, open until 11 Mar 2027",
        "Expired on 15 Feb 2027",
        "Accepted by Pia Park on 22 Feb 2027",
        "Revoked on 23 Feb 2027",
    ):
        assert f'<td data-label="Status">{status}</td>' in body
    assert '<th scope="row">Nora Nilsen</th>' in body
    assert '<td data-label="Team">Blue</td>' in body
    assert '<td data-label="Invited by">Alex Moreau</td>' in body
    assert '<th scope="row">(no name given)</th>' in body  # Rosa's CSV row had none
    # Actions on the two open and the expired one only.
    resend = [
        reverse("cohorts:invitation_resend", args=[cohort.pk, invitations[who].pk])
        for who in ("nora", "rosa", "olga")
    ]
    assert [body.count(f'action="{url}"') for url in resend] == [1, 1, 1]
    assert body.count("Resend<span") == 3
    assert body.count("Revoke<span") == 3
    assert body.count("<td data-label=") == 25  # five invitations, five labelled cells each


def test_the_invited_filter_shows_the_open_invitations(
    client, cohort, invitations, enrollment_admin
):
    client.force_login(enrollment_admin)

    with at(1, month=3):
        response = client.get(detail(cohort, "?status=invited"))

    body = response.content.decode()
    assert listed(response) == [
        ("nora@example.org", "sent"),
        ("rosa@example.org", "sent"),
        ("olga@example.org", "expired"),
    ]
    assert "(2 sent, 1 expired)</span>" in body
    assert (
        "Invited people have no account yet, so they join the roster when they accept: they "
        'are listed under <a href="#invitations">Invitations</a>.'
    ) in body
    assert "Nobody here with that status yet." not in body


def test_the_team_filter_applies_and_other_statuses_hide_the_invitations(
    client, cohort, invitations, enrollment_admin
):
    client.force_login(enrollment_admin)
    blue = Team.objects.get(name="Blue")

    with at(1, month=3):
        team = client.get(detail(cohort, f"?team={blue.pk}"))
        active = client.get(detail(cohort, "?status=active"))

    assert listed(team) == [("nora@example.org", "sent")]
    assert active.context["invitations"] is None
    assert 'id="invitations"' not in active.content.decode()


def test_no_invitations_says_so(client, cohort, enrollment_admin):
    client.force_login(enrollment_admin)

    body = client.get(detail(cohort)).content.decode()

    assert '<h2 id="invitations-title">Invitations</h2>' in body
    assert "<p>No invitations.</p>" in body


def test_the_cohorts_trainer_sees_invitations_without_actions(client, cohort, invitations, trainer):
    client.force_login(trainer)

    with at(1, month=3):
        response = client.get(detail(cohort))

    body = response.content.decode()
    assert len(listed(response)) == 5
    assert "Resend<span" not in body
    assert "Revoke<span" not in body
    assert "/invitations/" not in body


# --- Resend and Revoke: who may ------------------------------------------------------------

REFUSED = {
    "visitor": HTTPStatus.FOUND,
    "trainee": HTTPStatus.FORBIDDEN,
    "other_trainer": HTTPStatus.FORBIDDEN,
    "cohort_trainer": HTTPStatus.FORBIDDEN,
    "wrong_admin": HTTPStatus.FORBIDDEN,
}


@pytest.mark.parametrize("who", list(REFUSED))
def test_only_an_enrollment_admin_resends_or_revokes(client, cohort, invitations, viewers, who):
    if viewers[who] is not None:
        client.force_login(viewers[who])
    nora = invitations["nora"]
    resend = reverse("cohorts:invitation_resend", args=[cohort.pk, nora.pk])
    revoke = reverse("cohorts:invitation_revoke", args=[cohort.pk, nora.pk])
    before = snapshot()

    codes = (client.post(resend), client.get(revoke), client.post(revoke))

    assert [c.status_code for c in codes] == [REFUSED[who]] * 3
    if who == "visitor":
        assert codes[0].url.startswith(reverse("account_login"))
    assert snapshot() == before


def test_another_cohorts_url_finds_no_invitation(client, cohort, invitations, enrollment_admin):
    other = CohortFactory(name="Autumn 2027", course=cohort.course)
    client.force_login(enrollment_admin)
    nora = invitations["nora"]
    before = snapshot()

    codes = [
        client.post(reverse("cohorts:invitation_resend", args=[other.pk, nora.pk])).status_code,
        client.get(reverse("cohorts:invitation_revoke", args=[other.pk, nora.pk])).status_code,
        client.post(reverse("cohorts:invitation_revoke", args=[other.pk, nora.pk])).status_code,
        client.post(reverse("cohorts:invitation_resend", args=[cohort.pk, 999999])).status_code,
    ]

    assert codes == [HTTPStatus.NOT_FOUND] * 4
    assert snapshot() == before


def test_resend_is_post_only(client, cohort, invitations, enrollment_admin):
    client.force_login(enrollment_admin)
    before = snapshot()

    response = client.get(
        reverse("cohorts:invitation_resend", args=[cohort.pk, invitations["nora"].pk])
    )

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert snapshot() == before


# --- Resend and Revoke: what they do -----------------------------------------------------------


def test_admin_resends_from_the_roster_one_email_each_time(
    client, cohort, invitations, enrollment_admin
):
    client.force_login(enrollment_admin)
    emails = OutgoingEmail.objects.count()
    olga = invitations["olga"]

    with at(1, month=3):
        response = client.post(
            reverse("cohorts:invitation_resend", args=[cohort.pk, olga.pk]) + "?status=invited",
            follow=True,
        )

    assert response.redirect_chain == [(detail(cohort, "?status=invited#invitations"), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "A new invitation is on its way to olga@example.org, valid for 14 days; the earlier "
        "link no longer works."
    ]
    fresh = Invitation.objects.pending().get(email="olga@example.org")
    assert (fresh.sent_at, fresh.invited_by, fresh.full_name) == (
        NOW,
        enrollment_admin,
        "Olga Olsen",
    )
    assert ("olga@example.org", "sent") in listed(response)
    assert [e.key for e in OutgoingEmail.objects.order_by("pk")[emails:]] == [
        f"invitation:{fresh.pk}"
    ]

    with at(2, month=3):
        client.post(reverse("cohorts:invitation_resend", args=[cohort.pk, fresh.pk]))

    newest = Invitation.objects.pending().get(email="olga@example.org")
    assert OutgoingEmail.objects.count() == emails + 2
    assert OutgoingEmail.objects.latest("pk").key == f"invitation:{newest.pk}"


def test_admin_revokes_after_a_confirmation_page_and_the_link_says_so(
    client, cohort, invitations, enrollment_admin
):
    client.force_login(enrollment_admin)
    nora = invitations["nora"]
    token = services.invitation_token(nora)
    url = reverse("cohorts:invitation_revoke", args=[cohort.pk, nora.pk])
    before = snapshot()

    page = client.get(url + "?team=1")

    body = page.content.decode()
    assert page.status_code == HTTPStatus.OK
    assert "<h1>Revoke the invitation to Nora Nilsen?</h1>" in body
    assert "<p>Nora Nilsen (nora@example.org) was invited to Spring 2027, team Blue.</p>" in body
    assert (
        'class="button-danger" aria-describedby="consequence">Revoke the invitation</button>'
        in (body)
    )
    assert f'href="{detail(cohort, "?team=1#invitations")}">Keep the invitation</a>' in body
    assert snapshot() == before  # the page alone changes nothing

    with at(1, month=3):
        response = client.post(url, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "The invitation to nora@example.org is revoked: its link no longer works."
    ]
    assert ("nora@example.org", "revoked") in listed(response)
    nora.refresh_from_db()
    assert nora.revoked_at == NOW
    assert snapshot()[1] == before[1]  # no email about it

    link = client.get(reverse("join:invitation", args=[token]))
    assert link.context["problem"] == "revoked"
    assert "This invitation was revoked" in link.content.decode()


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("pia", "The invitation to pia@example.org was already accepted."),
        ("quinn", "The invitation to quinn@example.org was already revoked."),
        (
            "rosa_replaced",
            "The invitation to rosa@example.org was replaced by a newer one; act on that one.",
        ),
    ],
)
def test_a_forged_post_on_a_closed_invitation_is_refused_with_a_message(
    client, cohort, invitations, enrollment_admin, who, message
):
    client.force_login(enrollment_admin)
    invitation = invitations[who]
    before = snapshot()

    for name in ("cohorts:invitation_resend", "cohorts:invitation_revoke"):
        response = client.post(reverse(name, args=[cohort.pk, invitation.pk]), follow=True)
        assert [str(m) for m in response.context["messages"]] == [message], name
    confirm = client.get(
        reverse("cohorts:invitation_revoke", args=[cohort.pk, invitation.pk]), follow=True
    )

    assert confirm.redirect_chain == [(detail(cohort, "#invitations"), 302)]
    assert [str(m) for m in confirm.context["messages"]] == [message]
    assert snapshot() == before


# --- where invitations are made, the message points at them ------------------------------------


def test_the_csv_result_links_to_the_invitations(client, cohort, enrollment_admin):
    client.force_login(enrollment_admin)
    url = reverse("cohorts:csv", args=[cohort.pk])
    upload = SimpleUploadedFile(
        "new.csv", b"email,full_name\nnia@example.org,Nia New\nned@example.org,Ned N\n"
    )
    key = client.post(url, {"file": upload}).context["key"]

    response = client.post(url, {"confirm": "1", "key": key}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "CSV applied (invite (no account yet): 2). "
        f'<a href="{detail(cohort, "?status=invited#invitations")}">'
        "See the 2 invitations on the roster</a>."
    ]
    assert sorted(listed(response)) == [("ned@example.org", "sent"), ("nia@example.org", "sent")]


def test_team_approval_links_to_the_teams_invitations(client, cohort, trainee, enrollment_admin):
    UserFactory(email="ann@example.org")
    application = services.apply_as_team(
        cohort=cohort,
        leader=trainee,
        team_name="Riverside & Co",
        members=[
            {"full_name": "Ann A", "email": "ann@example.org", "team_role": ""},
            {"full_name": "Cara C", "email": "cara@example.org", "team_role": ""},
        ],
    )
    client.force_login(enrollment_admin)

    response = client.post(
        reverse("cohorts:teams", args=[cohort.pk]),
        {"application": application.pk, "decision": "approve"},
        follow=True,
    )

    team = Team.objects.get(name="Riverside & Co")
    assert TeamApplication.objects.get().status == "approved"
    assert [str(m) for m in response.context["messages"]] == [
        "Approved “Riverside &amp; Co”: its members are enrolled or invited. "
        f'<a href="{detail(cohort, f"?status=invited&amp;team={team.pk}#invitations")}">'
        "See the 1 invitation on the roster</a>."
    ]


# --- query count ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [10, 300])
def test_invitation_queries_do_not_grow_with_invitations(
    client, cohort, enrollment_admin, trainer, size, django_assert_max_num_queries
):
    blue = Team.objects.create(cohort=cohort, name="Blue")
    with at(1):
        Invitation.objects.bulk_create(
            Invitation(
                cohort=cohort,
                email=f"person{n:03}@example.org",
                full_name=f"Person {n:03}",
                team=blue,
                invited_by=enrollment_admin,
                sent_at=datetime.datetime(2027, 2, 1, 12, 0, tzinfo=UTC),
            )
            for n in range(size)
        )
    client.force_login(enrollment_admin)

    with at(10), django_assert_max_num_queries(9):
        response = client.get(detail(cohort))
    with at(10), django_assert_max_num_queries(9):
        last = client.get(detail(cohort, "?invitations_page=99"))

    assert len(listed(response)) == min(size, 50)
    assert response.context["invitations"].total == size
    assert listed(last)[-1] == (f"person{size - 1:03}@example.org", "sent")
    client.force_login(trainer)
    with at(10), django_assert_max_num_queries(8):  # tests/courses/test_views.py's roster budget
        client.get(detail(cohort))


def test_the_pager_keeps_the_filters(client, cohort, enrollment_admin):
    with at(1):
        Invitation.objects.bulk_create(
            Invitation(cohort=cohort, email=f"p{n:03}@example.org", sent_at=NOW) for n in range(120)
        )
    client.force_login(enrollment_admin)

    body = client.get(detail(cohort, "?status=invited&invitations_page=2")).content.decode()

    assert (
        '<a href="?status=invited&amp;invitations_page=1#invitations" rel="prev">'
        "← Previous invitations</a>"
    ) in body
    assert "<span>Page 2 of 3</span>" in body
    assert (
        '<a href="?status=invited&amp;invitations_page=3#invitations" rel="next">'
        "Next invitations →</a>"
    ) in body
    resend = reverse(
        "cohorts:invitation_resend", args=[cohort.pk, Invitation.objects.order_by("email")[50].pk]
    )
    assert f'action="{resend}?status=invited&amp;invitations_page=2"' in body
