from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Users and roles")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from accounts.models import give_profile
        from accounts.roles import sync_role_permissions
        from accounts.scoping import restrict
        from coopportal.lib.restricted import use_rules

        # Every scoped queryset's .restrict() applies the rules of accounts.scoping.
        use_rules(restrict)
        post_save.connect(give_profile, sender=get_user_model(), dispatch_uid="accounts.give_profile")

        # Permissions exist only after every app has migrated, so the roles'
        # permissions are (re)set here rather than in the migration.
        post_migrate.connect(sync_role_permissions, dispatch_uid="accounts.sync_role_permissions")
