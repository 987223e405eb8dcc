from wagtail import hooks

from typ_site.accounts.exports import ExportSection
from typ_site.core.demo import DemoStep

from .demo import load_induction_demo
from .exports import induction_export, induction_export_rows
from .home import induction_home_section

hooks.register("typ_home_sections", induction_home_section)


@hooks.register("typ_export_sections")
def induction_export_section():
    return ExportSection("induction", induction_export, induction_export_rows)


@hooks.register("typ_demo_steps")
def induction_demo_step():
    return DemoStep("induction", load_induction_demo, order=20)
