"""Participation's models leave the forums app's state; their tables stay as they are.

The participation app (`forums.participation`, label `participation`) took them into its state
in its migration 0001, with the same tables, so this migration changes nothing in the database.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("forums", "0003_development_need_themes"),
        ("participation", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="ballot",
                    name="poll",
                ),
                migrations.RemoveField(
                    model_name="ballot",
                    name="voter",
                ),
                migrations.RemoveField(
                    model_name="ballotchoice",
                    name="ballot",
                ),
                migrations.RemoveField(
                    model_name="ballotchoice",
                    name="option",
                ),
                migrations.RemoveField(
                    model_name="developmentneed",
                    name="events",
                ),
                migrations.RemoveField(
                    model_name="developmentneed",
                    name="merged_into",
                ),
                migrations.RemoveField(
                    model_name="developmentneed",
                    name="proposed_by",
                ),
                migrations.RemoveField(
                    model_name="developmentneed",
                    name="themes",
                ),
                migrations.RemoveField(
                    model_name="developmentneed",
                    name="topic",
                ),
                migrations.RemoveField(
                    model_name="polloption",
                    name="need",
                ),
                migrations.RemoveField(
                    model_name="poll",
                    name="eligible_networks",
                ),
                migrations.RemoveField(
                    model_name="poll",
                    name="subject_page",
                ),
                migrations.RemoveField(
                    model_name="polloption",
                    name="poll",
                ),
                migrations.DeleteModel(
                    name="VotingRound",
                ),
                migrations.DeleteModel(
                    name="Ballot",
                ),
                migrations.DeleteModel(
                    name="BallotChoice",
                ),
                migrations.DeleteModel(
                    name="DevelopmentNeed",
                ),
                migrations.DeleteModel(
                    name="Poll",
                ),
                migrations.DeleteModel(
                    name="PollOption",
                ),
            ],
        ),
    ]
