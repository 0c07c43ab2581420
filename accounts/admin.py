from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from accounts.admin_mixins import ScopedAdminMixin, ScopedInlineMixin
from accounts.models import UserProfile
from accounts.scoping import in_scope, is_national, scope_for


class UserProfileInline(ScopedInlineMixin, admin.StackedInline):
    model = UserProfile
    can_delete = False
    autocomplete_fields = ["province", "communes"]
    extra = 0
    max_num = 1


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(ScopedAdminMixin, UserAdmin):
    inlines = [UserProfileInline]
    list_display = ["username", "first_name", "last_name", "is_active", "is_staff", "role_names", "scope_label"]
    list_filter = ["is_active", "is_staff", "groups"]

    @admin.display(description=_("roles"))
    def role_names(self, user):
        return ", ".join(g.name for g in user.groups.all())

    @admin.display(description=_("scope"))
    def scope_label(self, user):
        profile = getattr(user, "profile", None)
        if user.is_superuser or profile is None or profile.province_id is None:
            return _("national")
        return str(profile.province)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups").select_related("profile__province")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            # Only a national superuser makes superusers or grants single permissions.
            fields += ["is_superuser", "user_permissions"]
        return fields

    def save_model(self, request, obj, form, change):
        UserAdmin.save_model(self, request, obj, form, change)
        scope = scope_for(request.user)
        if not change and scope.province:
            # A provincial administrator's new users start in that province.
            UserProfile.objects.filter(user=obj).update(province_id=scope.province)
        if not in_scope(request.user, obj):
            raise PermissionDenied


# The roles and the login records go through the same rules: roles are
# shared by every province (read-only outside national administrators), a
# provincial administrator reads only the logins of the province's users.
admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(ScopedAdminMixin, GroupAdmin):
    pass


class AccessAttemptAdmin(ScopedAdminMixin, axes_admin.AccessAttemptAdmin):
    def get_actions(self, request):
        actions = super().get_actions(request)
        if not is_national(request.user):
            # django-axes' clean-up clears the expired attempts of every province.
            actions.pop("cleanup_expired_attempts", None)
        return actions


class AccessLogAdmin(ScopedAdminMixin, axes_admin.AccessLogAdmin):
    pass


class AccessFailureLogAdmin(ScopedAdminMixin, axes_admin.AccessFailureLogAdmin):
    pass


for model, model_admin in [
    (AccessAttempt, AccessAttemptAdmin),
    (AccessLog, AccessLogAdmin),
    (AccessFailureLog, AccessFailureLogAdmin),
]:
    if admin.site.is_registered(model):  # AXES_ENABLE_ADMIN
        admin.site.unregister(model)
        admin.site.register(model, model_admin)
