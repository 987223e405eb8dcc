from wagtail import hooks

from .exports import ExportSection, account_rows, account_section


@hooks.register("typ_export_sections")
def account_export():
    return ExportSection("account", account_section, account_rows)
