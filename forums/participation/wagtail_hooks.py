"""Development needs and voting rounds are edited in the Wagtail admin (Snippets); the
home page's open rounds, the own-data export and the demo get participation's part."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from typ_site.accounts.exports import ExportSection
from typ_site.core.demo import DemoStep

from .admin import DevelopmentNeedViewSet, VotingRoundViewSet
from .barometer_admin import BarometerStatementViewSet
from .barometer_demo import load_barometer_demo
from .criteria_admin import CriteriaRoundViewSet, RecordingRuleViewSet
from .criteria_demo import load_criteria_demo
from .criteria_exports import criteria_export_rows, criteria_export_section
from .demo import load_participation_demo
from .exports import participation_export_rows, participation_export_section
from .home import open_rounds_section

register_snippet(DevelopmentNeedViewSet)
register_snippet(VotingRoundViewSet)
register_snippet(BarometerStatementViewSet)
register_snippet(CriteriaRoundViewSet)
register_snippet(RecordingRuleViewSet)

hooks.register("typ_home_sections", open_rounds_section)


@hooks.register("typ_export_sections")
def participation_export():
    return ExportSection("participation", participation_export_section, participation_export_rows)


@hooks.register("typ_demo_steps")
def participation_demo_step():
    return DemoStep("participation", load_participation_demo, order=50)


@hooks.register("typ_demo_steps")
def barometer_demo_step():
    return DemoStep("barometer", load_barometer_demo, order=51)


@hooks.register("typ_export_sections")
def criteria_export():
    return ExportSection("criteria", criteria_export_section, criteria_export_rows)


@hooks.register("typ_demo_steps")
def criteria_demo_step():
    return DemoStep("criteria", load_criteria_demo, order=55)
