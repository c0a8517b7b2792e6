from allauth.mfa.admin import AuthenticatorAdmin as AllauthAuthenticatorAdmin
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied

from .models import RoleChange, User

# What makes an account staff: only a superuser may set these, for anyone (themselves included).
ROLE_FIELDS = ["is_staff", "is_superuser", "groups", "user_permissions"]
# Records, not settings (and no split date/time inputs to label).
RECORD_FIELDS = ["last_login", "date_joined"]


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")

    def clean_email(self) -> str:
        # Stored lower-case, as sign-up and the manager do: addresses compare without case.
        return self.cleaned_data["email"].strip().lower()


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = ["email", "full_name", "credentials", "time_zone", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "full_name", "license_number"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name", "time_zone"]}),
        (
            "Continuing education",
            {"fields": ["credentials", "license_number", "license_jurisdiction"]},
        ),
        (
            "Roles and permissions",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "full_name", "usable_password", "password1", "password2"],
            },
        ),
    ]

    # Least privilege (issue 19): whoever is not a superuser manages trainees only. Staff
    # accounts (User.is_staff_account) they may view, never change, delete or set a password
    # for: the admin's change, password and delete views all ask has_change_permission() /
    # has_delete_permission() with the account, and drop the read-only fields from the form.

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return RECORD_FIELDS
        return [*ROLE_FIELDS, *RECORD_FIELDS]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_manage(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_manage(request, obj)

    def save_model(self, request, obj, form, change):
        # A backstop for the add view, whose form asks for no flags: nobody but a superuser
        # ever saves a staff account here.
        if not self._may_manage(request, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def delete_queryset(self, request, queryset):
        # "Delete selected" already asks has_delete_permission() of each account; this keeps it so.
        if not request.user.is_superuser and queryset.staff_accounts().exists():
            raise PermissionDenied
        super().delete_queryset(request, queryset)

    @staticmethod
    def _may_manage(request, obj) -> bool:
        return obj is None or request.user.is_superuser or not obj.is_staff_account


@admin.register(RoleChange)
class RoleChangeAdmin(admin.ModelAdmin):
    """The audit trail of role changes: read-only for everyone, superusers included."""

    list_display = ["changed_at", "subject_email", "group_name", "summary", "actor_email"]
    list_filter = [
        "field",
        ("subject", admin.RelatedOnlyFieldListFilter),
        ("actor", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["subject_email", "actor_email", "group_name", "old", "new"]
    date_hierarchy = "changed_at"

    @admin.display(description="change")
    def summary(self, obj: RoleChange) -> str:
        return obj.summary

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# allauth's list of second factors, made findable: the lost-factor steps (README, security.md)
# search it by the person's email, and a list of names alone invites deleting the wrong rows.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(AllauthAuthenticatorAdmin):
    list_display = ("user", "user_email", "type", "created_at", "last_used_at")
    search_fields = ("user__email", "user__full_name")
    list_select_related = ("user",)

    @admin.display(description="email", ordering="user__email")
    def user_email(self, obj: Authenticator) -> str:
        return obj.user.email
