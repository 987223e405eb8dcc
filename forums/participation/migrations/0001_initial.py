"""Participation becomes an app of its own; its models keep their tables.

The models were created by forums' migrations 0002 and 0003 under the forums app. This
migration only takes them into this app's state: the tables keep their `forums_` names (each
model's Meta sets `db_table`), so nothing in the database changes and no data moves. Forums'
migration 0004 then drops them from the forums app's state, and 0002 here moves the content
types, so permissions and log entries keep pointing at the same rows.
"""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("calendar_app", "0001_initial"),
        ("forums", "0003_development_need_themes"),
        ("networks", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='DevelopmentNeed',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('status', models.CharField(choices=[('proposed', 'Proposed'), ('prioritised', 'Prioritised'), ('in_development', 'In development'), ('done', 'Done')], default='proposed', max_length=20, verbose_name='status')),
                        ('position', models.PositiveSmallIntegerField(default=100, verbose_name='position')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('events', models.ManyToManyField(blank=True, related_name='development_needs', to='calendar_app.event', verbose_name='events')),
                        ('merged_into', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='merged_duplicates', to='participation.developmentneed', verbose_name='merged into')),
                        ('proposed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='proposed_development_needs', to=settings.AUTH_USER_MODEL, verbose_name='proposed by')),
                        ('themes', models.ManyToManyField(blank=True, help_text='The development themes the need belongs to: several, one or none.', limit_choices_to={'slug__in': ['asiakasprosessi', 'perehdytys', 'tym-laki', 'vaikuttavuus', 'viestinta']}, related_name='development_needs', to='taggit.tag', verbose_name='themes')),
                        ('topic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='development_needs', to='forums.topic', verbose_name='forum topic')),
                    ],
                    options={
                        'verbose_name': 'development need',
                        'verbose_name_plural': 'development needs',
                        'db_table': 'forums_developmentneed',
                        'ordering': ['position', 'title', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Poll',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('priority', 'Priority round'), ('story', 'Customer story validation')], default='priority', editable=False, max_length=10, verbose_name='kind')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('opens_at', models.DateTimeField(default=django.utils.timezone.now, help_text='Helsinki time.', verbose_name='opens')),
                        ('closes_at', models.DateTimeField(blank=True, help_text='Helsinki time. Empty: open until further notice.', null=True, verbose_name='closes')),
                        ('method', models.CharField(choices=[('approval', 'Approval: pick at most a given number'), ('points', 'Points: distribute a budget of points'), ('single', 'Single choice')], default='approval', max_length=10, verbose_name='voting method')),
                        ('max_choices', models.PositiveSmallIntegerField(default=5, help_text='Approval voting: how many needs a member may pick at most.', verbose_name='maximum picks')),
                        ('points_total', models.PositiveSmallIntegerField(default=10, help_text='Points voting: how many points a member may distribute at most.', verbose_name='points to distribute')),
                        ('eligible_roles', models.JSONField(blank=True, default=list, help_text='Leave empty for every verified member.', verbose_name='roles who may vote')),
                        ('asks_level', models.BooleanField(default=False, help_text='Ask for each need whether it should be developed locally, regionally or nationally.', verbose_name='ask the level')),
                        ('asks_timing', models.BooleanField(default=False, help_text='Ask for each need whether its development should start before or after the date below.', verbose_name='ask the timing')),
                        ('timing_date', models.DateField(blank=True, null=True, verbose_name='timing date')),
                        ('results_visibility', models.CharField(choices=[('live', 'Live, while voting is open'), ('after_close', 'Only after the round has closed'), ('staff', 'Only KEHA staff')], default='after_close', max_length=12, verbose_name='results visible')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('eligible_networks', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Leave empty for members of any network, or of none.', related_name='polls', to='networks.network', verbose_name='networks whose members may vote')),
                        ('subject_page', models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='validation_poll', to='wagtailcore.page', verbose_name='page')),
                    ],
                    options={
                        'verbose_name': 'poll',
                        'verbose_name_plural': 'polls',
                        'db_table': 'forums_poll',
                        'ordering': ['-opens_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Ballot',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('voter_role', models.CharField(blank=True, max_length=20)),
                        ('voter_organisation_type', models.CharField(blank=True, max_length=20)),
                        ('cast_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('changed_at', models.DateTimeField(blank=True, null=True)),
                        ('voter', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='ballots', to=settings.AUTH_USER_MODEL)),
                        ('poll', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ballots', to='participation.poll')),
                    ],
                    options={
                        'verbose_name': 'ballot',
                        'verbose_name_plural': 'ballots',
                        'db_table': 'forums_ballot',
                    },
                ),
                migrations.CreateModel(
                    name='VotingRound',
                    fields=[
                    ],
                    options={
                        'verbose_name': 'voting round',
                        'verbose_name_plural': 'voting rounds',
                        'proxy': True,
                        'indexes': [],
                        'constraints': [],
                    },
                    bases=('participation.poll',),
                ),
                migrations.CreateModel(
                    name='PollOption',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(blank=True, editable=False, max_length=20)),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('need', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='poll_options', to='participation.developmentneed', verbose_name='development need')),
                        ('poll', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='options', to='participation.poll', verbose_name='poll')),
                    ],
                    options={
                        'verbose_name': 'option',
                        'verbose_name_plural': 'options',
                        'db_table': 'forums_polloption',
                        'ordering': ['position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='BallotChoice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('points', models.PositiveSmallIntegerField(default=0)),
                        ('level', models.CharField(blank=True, choices=[('local', 'Local'), ('regional', 'Regional'), ('national', 'National')], max_length=10)),
                        ('timing', models.CharField(blank=True, choices=[('before', 'Before the date'), ('after', 'After the date')], max_length=10)),
                        ('ballot', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='choices', to='participation.ballot')),
                        ('option', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='choices', to='participation.polloption')),
                    ],
                    options={
                        'db_table': 'forums_ballotchoice',
                    },
                ),
                migrations.AddConstraint(
                    model_name='poll',
                    constraint=models.CheckConstraint(condition=models.Q(('closes_at__isnull', True), ('closes_at__gt', models.F('opens_at')), _connector='OR'), name='poll_closes_after_opening'),
                ),
                migrations.AddConstraint(
                    model_name='ballot',
                    constraint=models.UniqueConstraint(condition=models.Q(('voter__isnull', False)), fields=('poll', 'voter'), name='one_ballot_per_member_and_poll'),
                ),
                migrations.AddConstraint(
                    model_name='polloption',
                    constraint=models.UniqueConstraint(condition=models.Q(('need__isnull', False)), fields=('poll', 'need'), name='one_option_per_need_and_poll'),
                ),
                migrations.AddConstraint(
                    model_name='polloption',
                    constraint=models.UniqueConstraint(condition=models.Q(('key', ''), _negated=True), fields=('poll', 'key'), name='one_option_per_key_and_poll'),
                ),
                migrations.AddConstraint(
                    model_name='polloption',
                    constraint=models.CheckConstraint(condition=models.Q(('need__isnull', False), models.Q(('key', ''), _negated=True), _connector='OR'), name='option_is_need_or_key'),
                ),
                migrations.AddIndex(
                    model_name='ballotchoice',
                    index=models.Index(fields=['option', 'points'], name='forums_ball_option__4b51de_idx'),
                ),
                migrations.AddConstraint(
                    model_name='ballotchoice',
                    constraint=models.UniqueConstraint(fields=('ballot', 'option'), name='one_choice_per_option'),
                ),
            ],
        ),
    ]
