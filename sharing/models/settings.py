"""Programme-wide sharing settings: how sharing works for everyone."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.cached_settings import CachedSetting


@register_setting(icon="link-external")
class SharingSettings(CachedSetting, BaseGenericSetting):
    """How sharing works for everyone: disclosure, caps."""

    disclosure_text = models.CharField(
        max_length=60,
        default="#employee",
        blank=True,
        help_text="Added to the end of every caption so readers know the advocate works here.",
    )
    advocates_may_remove_disclosure = models.BooleanField(
        default=False,
        help_text="If ticked, advocates may untick the disclosure on a share. Leave it off "
        "unless your legal team has said otherwise.",
    )
    weekly_cap = models.PositiveSmallIntegerField(
        default=5,
        help_text="Shares per advocate per week (Monday to Sunday) that earn points. Sharing "
        "past the cap is still allowed; it just earns nothing.",
    )
    daily_click_cap = models.PositiveSmallIntegerField(
        default=50,
        help_text="Clicks on one shared link credited per day; more are kept but not credited.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("disclosure_text"), FieldPanel("advocates_may_remove_disclosure")],
            heading="Disclosure",
        ),
        MultiFieldPanel(
            [FieldPanel("weekly_cap"), FieldPanel("daily_click_cap")], heading="Judicious use"
        ),
    ]

    class Meta:
        verbose_name = "sharing"

    CACHE_KEY = "sharing:settings:1"
