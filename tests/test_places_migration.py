"""Moving Province and Commune from registry to places keeps every row, every
foreign key and the content types (so permissions follow the models).

The move is run on its own SQLite database in a child process (the test
database must keep its demo data): migrate, load the demo, add a user scoped
to two communes, go back to the migrations of before the move (the schema
of the main branch before it), then forward again, counting at each step."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

def counts():
    with connection.cursor() as cursor:
        found = {}
        for name, sql in [
            ("provinces", "SELECT COUNT(*) FROM registry_province"),
            ("communes", "SELECT COUNT(*) FROM registry_commune"),
            ("cooperatives in a commune", "SELECT COUNT(*) FROM registry_cooperative c "
                                          "JOIN registry_commune m ON m.code = c.commune_id"),
            ("groups in a commune", "SELECT COUNT(*) FROM registry_cooperativegroup g "
                                    "JOIN registry_commune m ON m.code = g.commune_id"),
            ("targets", "SELECT COUNT(*) FROM planning_target"),
            ("award lines", "SELECT COUNT(*) FROM awards_awardline"),
            ("profile communes", "SELECT COUNT(*) FROM accounts_userprofile_communes p "
                                 "JOIN registry_commune m ON m.code = p.commune_id"),
        ]:
            cursor.execute(sql)
            found[name] = cursor.fetchone()[0]
        cursor.execute("SELECT app_label, model FROM django_content_type "
                       "WHERE model IN ('province', 'commune') ORDER BY model")
        found["content types"] = [".".join(row) for row in cursor.fetchall()]
        cursor.execute("SELECT COUNT(*) FROM auth_permission p JOIN django_content_type t "
                       "ON t.id = p.content_type_id WHERE t.model IN ('province', 'commune')")
        found["permissions"] = cursor.fetchone()[0]
    return found

call_command("migrate", verbosity=0)
call_command("load_demo", verbosity=0)
from django.contrib.auth.models import User
user = User.objects.create_user("scoped", password="a-long-test-password")
user.profile.communes.set(["04606", "04603"])

steps = {"after": counts()}
executor = MigrationExecutor(connection)
executor.migrate([("places", None)])  # and everything that depends on it
old = MigrationExecutor(connection).loader.project_state(("registry", "0005_data_version")).apps
steps["before"] = counts()
steps["before"]["old registry.Commune rows"] = old.get_model("registry", "Commune").objects.count()
executor = MigrationExecutor(connection)
executor.migrate(executor.loader.graph.leaf_nodes())
steps["again"] = counts()
print(json.dumps(steps))
"""

EXPECTED = {
    "provinces": 34,
    "communes": 3321,
    "cooperatives in a commune": 835,
    "groups in a commune": 3249,
    "targets": 15,
    "award lines": 20,  # the demo's awards of 2021 and 2022
    "profile communes": 2,
    "permissions": 8,  # add, change, delete, view of each
}


def test_moving_the_places_keeps_every_row(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coopportal.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'move.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    assert steps["before"] == {
        **EXPECTED,
        "content types": ["registry.commune", "registry.province"],
        "old registry.Commune rows": 3321,
    }
    assert steps["after"] == steps["again"] == {**EXPECTED, "content types": ["places.commune", "places.province"]}
