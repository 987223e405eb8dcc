"""Who's who in the site's hooks: its demo content and the own-data export's section.
Imported by the operating model's wagtail_hooks (Wagtail reads one such module per app)."""

from wagtail import hooks

from typ_site.accounts.exports import ExportSection
from typ_site.core.demo import DemoStep

from .demo import load_whoswho_demo
from .exports import entries_naming_rows, entries_naming_section


@hooks.register("typ_demo_steps")
def whoswho_demo_step():
    # After the operating model's own step (the networks, people and agreements exist).
    return DemoStep("who's who", load_whoswho_demo, order=26)


@hooks.register("typ_export_sections")
def whoswho_export():
    return ExportSection("whoswho_entries_naming_me", entries_naming_section, entries_naming_rows)
