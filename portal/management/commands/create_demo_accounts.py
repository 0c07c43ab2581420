from django.core.management.base import BaseCommand, CommandError

from portal.demo_accounts import DemoAccountsRefused, create_demo_accounts


class Command(BaseCommand):
    help = "Create the demo accounts and print their credentials (local demo database only: needs DEBUG on)."

    def handle(self, *args, **options):
        try:
            accounts = create_demo_accounts()
        except DemoAccountsRefused as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Demo accounts (local demo database only):"))
        for account in accounts:
            self.stdout.write(f"  {account['role']:<22} {account['username']:<10} {account['password']}")
