from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import UserProfile


class UserProfileInline(admin.StackedInline):
    model = UserProfile
    can_delete = False
    autocomplete_fields = ["province", "communes"]
    extra = 0
    max_num = 1


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
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
