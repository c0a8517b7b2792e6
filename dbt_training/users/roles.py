"""The site's roles: Django groups created by a data migration, plus per-cohort assignment later.

A role is a group; what a role may do is the group's permissions. Code asks about permissions
(``user.has_perm(...)``), never about group names, so an admin can grant one capability alone.
"""

from enum import StrEnum


class Role(StrEnum):
    TRAINER = "trainer"
    ENROLLMENT_ADMIN = "enrollment_admin"


# Permission codenames on users.User (see User.Meta.permissions).
AUTHOR_COURSES = "users.author_courses"
TEACH_COHORTS = "users.teach_cohorts"
MANAGE_ENROLLMENTS = "users.manage_enrollments"

# What each role may do: (app_label, codename) pairs. The data migration 0002 grants these.
ROLE_PERMISSIONS: dict[Role, list[tuple[str, str]]] = {
    Role.TRAINER: [
        ("users", "author_courses"),
        ("users", "teach_cohorts"),
    ],
    Role.ENROLLMENT_ADMIN: [
        ("users", "author_courses"),
        ("users", "manage_enrollments"),
        ("users", "view_user"),
        ("users", "add_user"),
        ("users", "change_user"),
    ],
}
