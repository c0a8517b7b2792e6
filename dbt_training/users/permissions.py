"""The signed-in person's permissions, remembered in their session: the menu asks about roles on
every full page, and Django's backend answers with two queries (the user's own permissions, their
groups'). The session keeps the answer with the user's `permissions_stamp`; any change to their
groups or permissions, or to a group's permissions, renews the stamp (signals below), and the
next request works them out again. The user row is read on every request anyway, so a
revoked permission is gone from the very next request."""

import uuid

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import second_factor
from .models import User

SESSION_KEY = "_permissions"


class RememberedPermissionsMiddleware:
    """After AuthenticationMiddleware: give the user the permissions the session remembers (if
    the stamp still matches), and remember them after a request that worked them out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        stamp = [user.pk, str(user.permissions_stamp)]
        remembered = request.session.get(SESSION_KEY) or {}
        fresh = remembered.get("stamp") == stamp
        if fresh:
            # ModelBackend's own cache attribute: has_perm() then runs no query.
            user._perm_cache = set(remembered["perms"])
        response = self.get_response(request)
        worked_out = getattr(user, "_perm_cache", None)
        # Not after signing out or in as someone else during the request.
        still_them = getattr(request.user, "pk", None) == user.pk
        if worked_out is not None and not fresh and still_them:
            request.session[SESSION_KEY] = {"stamp": stamp, "perms": sorted(worked_out)}
        return response


def remember_at_sign_in(sender, request, user, **kwargs) -> None:
    """Work the permissions out as the person signs in (the session is being written anyway),
    so their pages never pay for it."""
    if request is not None and hasattr(request, "session"):
        # Read afresh: the instance signing in may predate a change to its groups.
        fresh = User.objects.get(pk=user.pk)
        request.session[SESSION_KEY] = {
            "stamp": [fresh.pk, str(fresh.permissions_stamp)],
            "perms": sorted(fresh.get_all_permissions()),
        }
        # And, for staff, whether they have a second factor (from the permissions just read).
        if second_factor.needs_second_factor(fresh):
            second_factor.has_second_factor(request, fresh)


def _renew(user_ids) -> None:
    User.objects.filter(pk__in=list(user_ids)).update(permissions_stamp=uuid.uuid4())


def _user_links_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:  # user.groups.add(...), user.user_permissions.remove(...)
        _renew([instance.pk])
    elif isinstance(instance, Group):  # group.user_set.add(...)
        _renew(pk_set if pk_set is not None else instance.user_set.values_list("pk", flat=True))
    else:  # permission.user_set / permission.group_set: rare; everyone concerned
        _renew(User.objects.values_list("pk", flat=True))


def _group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    groups = [instance.pk] if not reverse else list(pk_set or [])
    if reverse and action == "post_clear":
        groups = list(Group.objects.values_list("pk", flat=True))
    _renew(User.objects.filter(groups__in=groups).values_list("pk", flat=True))


def _group_deleted(sender, instance, **kwargs) -> None:
    _renew(instance.user_set.values_list("pk", flat=True))


def _factor_changed(sender, instance, **kwargs) -> None:
    _renew([instance.user_id])


def connect_signals() -> None:
    """Called by UsersConfig.ready()."""
    user_logged_in.connect(remember_at_sign_in, dispatch_uid="perm-login")
    m2m_changed.connect(_user_links_changed, sender=User.groups.through, dispatch_uid="perm-g")
    m2m_changed.connect(
        _user_links_changed, sender=User.user_permissions.through, dispatch_uid="perm-p"
    )
    m2m_changed.connect(
        _group_permissions_changed, sender=Group.permissions.through, dispatch_uid="perm-gp"
    )
    pre_delete.connect(_group_deleted, sender=Group, dispatch_uid="perm-gd")
    # What the session remembers of the person's second factor (users.second_factor) is kept
    # under the same stamp: a factor added or removed, by them or by an admin, renews it.
    post_save.connect(_factor_changed, sender=Authenticator, dispatch_uid="perm-mfa-save")
    post_delete.connect(_factor_changed, sender=Authenticator, dispatch_uid="perm-mfa-delete")
