from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "typ_site.core"
    label = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            cache_reads,
            client_data,
            member_pages,
            navigation,
            page_cache,
            translated_restrictions,
        )

        client_data.install_client_data_guard()

        navigation.connect_signals()
        cache_reads.read_with_every_request("core.menu", navigation.menu_keys)
        cache_reads.read_with_every_request("core.member_pages", member_pages.kept_keys)
        page_cache.connect_signals()
        member_pages.connect_signals()
        translated_restrictions.connect_signals()
