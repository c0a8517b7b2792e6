"""The audit trail of role changes (RoleChange): every change to a person's `is_active`,
`is_staff`, `is_superuser`, groups or own permissions, and to a group's permissions.

Signals, unlike the rest of the code, because the trail must catch every path that makes such a
change: the admin, a service, the shell, createsuperuser, `sync_role_groups`, a data migration.
(`QuerySet.update()` and `bulk_create()` of link rows send no signals; no code path uses them for
these fields outside the load-test seeder.) The person acting is the signed-in user of the current
request, which RoleAuditMiddleware makes known; outside a request nobody is recorded.
"""

from contextvars import ContextVar

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from .models import RoleChange, User

FLAGS = ("is_active", "is_staff", "is_superuser")

_request: ContextVar = ContextVar("role_audit_request", default=None)


class RoleAuditMiddleware:
    """Make the current request known to the audit trail for as long as it runs. Its user is read
    when a change is recorded, so a sign-in during the request is seen."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def _actor() -> User | None:
    user = getattr(_request.get(), "user", None)
    return user if user is not None and user.is_authenticated else None


def _record(rows: list[dict], using: str) -> None:
    if not rows:
        return
    actor = _actor()
    RoleChange.objects.using(using).bulk_create(
        RoleChange(
            actor_id=actor.pk if actor else None,
            actor_email=actor.email if actor else "",
            **row,
        )
        for row in rows
    )


# --- flags -----------------------------------------------------------------------------------------

_BEFORE = "_role_audit_flags"  # the flags in the database, kept on the instance between the signals


def _flags_before_save(sender, instance, using, update_fields, **kwargs) -> None:
    if update_fields is not None and not set(FLAGS) & set(update_fields):
        instance.__dict__.pop(_BEFORE, None)  # e.g. last_login at sign-in: no query
        return
    before = None
    if instance.pk is not None:
        before = sender._base_manager.using(using).filter(pk=instance.pk).values(*FLAGS).first()
    instance.__dict__[_BEFORE] = before


def _flags_after_save(sender, instance, using, update_fields, **kwargs) -> None:
    if _BEFORE not in instance.__dict__:
        return
    before = instance.__dict__.pop(_BEFORE)
    rows = []
    for name in FLAGS:
        if update_fields is not None and name not in update_fields:
            continue
        new = getattr(instance, name)
        if before is None:  # a new account: only flags away from their defaults
            if new != sender._meta.get_field(name).default:
                rows.append({"field": name, "old": "", "new": str(new)})
        elif before[name] != new:
            rows.append({"field": name, "old": str(before[name]), "new": str(new)})
    for row in rows:
        row.update(subject_id=instance.pk, subject_email=instance.email)
    _record(rows, using)


# --- groups and permissions ---------------------------------------------------------------------

# Each link table: the field recorded, its owner's column (a user or a group), its target's.
LINKS = {
    User.groups.through: ("groups", "user", "group"),
    User.user_permissions.through: ("user_permissions", "user", "permission"),
    Group.permissions.through: ("group_permissions", "group", "permission"),
}


def _links(through, instance, reverse: bool, pk_set, using: str) -> set[tuple[int, int]]:
    """(owner id, target id) of the links this add/remove/clear is about, as they stand now."""
    _, owner, target = LINKS[through]
    mine, other = (f"{target}_id", f"{owner}_id") if reverse else (f"{owner}_id", f"{target}_id")
    rows = through.objects.using(using).filter(**{mine: instance.pk})
    if pk_set is not None:
        rows = rows.filter(**{f"{other}__in": pk_set})
    return set(rows.values_list(f"{owner}_id", f"{target}_id"))


def _links_changed(sender, instance, action, reverse, pk_set, using, **kwargs) -> None:
    field = LINKS[sender][0]
    pending = f"_role_audit_{field}"
    if action in ("pre_remove", "pre_clear"):
        # Django sends remove() every id asked for, linked or not; clear() sends none.
        instance.__dict__[pending] = _links(sender, instance, reverse, pk_set, using)
    elif action in ("post_remove", "post_clear"):
        _record_links(sender, removed=instance.__dict__.pop(pending, set()), using=using)
    elif action == "post_add":  # pk_set holds only the ids that were not linked yet
        ids = pk_set or set()
        added = {(i, instance.pk) for i in ids} if reverse else {(instance.pk, i) for i in ids}
        _record_links(sender, added=added, using=using)


def _record_links(through, *, added=frozenset(), removed=frozenset(), using: str) -> None:
    if not added and not removed:
        return
    field, owner, target = LINKS[through]
    pairs = [*((pair, True) for pair in added), *((pair, False) for pair in removed)]
    owners = {o for (o, _), _ in pairs}
    targets = {t for (_, t), _ in pairs}
    if target == "group":
        names = dict(Group.objects.using(using).filter(pk__in=targets).values_list("pk", "name"))
    else:
        names = {
            pk: f"{app_label}.{codename}"
            for pk, app_label, codename in Permission.objects.using(using)
            .filter(pk__in=targets)
            .values_list("pk", "content_type__app_label", "codename")
        }
    if owner == "user":
        emails = dict(User.objects.using(using).filter(pk__in=owners).values_list("pk", "email"))
        who = {pk: {"subject_id": pk, "subject_email": emails.get(pk, "")} for pk in owners}
    else:
        groups = dict(Group.objects.using(using).filter(pk__in=owners).values_list("pk", "name"))
        who = {pk: {"group_name": groups.get(pk, "")} for pk in owners}
    rows = [
        {
            **who[o],
            "field": field,
            "old": "" if was_added else names.get(t, ""),
            "new": names.get(t, "") if was_added else "",
        }
        for (o, t), was_added in pairs
    ]
    rows.sort(
        key=lambda row: (row.get("subject_email", row.get("group_name")), row["old"], row["new"])
    )
    _record(rows, using)


def _group_deleted(sender, instance, using, **kwargs) -> None:
    """Deleting a group takes its members out of it without m2m_changed."""
    members = instance.user_set.values_list("pk", flat=True)
    _record_links(User.groups.through, removed={(pk, instance.pk) for pk in members}, using=using)


def _permission_deleted(sender, instance, using, **kwargs) -> None:
    holders = instance.user_set.values_list("pk", flat=True)
    groups = instance.group_set.values_list("pk", flat=True)
    _record_links(
        User.user_permissions.through, removed={(pk, instance.pk) for pk in holders}, using=using
    )
    _record_links(
        Group.permissions.through, removed={(pk, instance.pk) for pk in groups}, using=using
    )


def connect_signals() -> None:
    """Called by UsersConfig.ready()."""
    pre_save.connect(_flags_before_save, sender=User, dispatch_uid="audit-flags-pre")
    post_save.connect(_flags_after_save, sender=User, dispatch_uid="audit-flags-post")
    for through in LINKS:
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"audit-{through}")
    pre_delete.connect(_group_deleted, sender=Group, dispatch_uid="audit-group-deleted")
    pre_delete.connect(_permission_deleted, sender=Permission, dispatch_uid="audit-perm-deleted")
