from django.db import models


class ReportAccess(models.Model):
    """No data: carries the "view" permission for the Chorus reports (Editors get it)."""

    class Meta:
        managed = False
        default_permissions = ("view",)
        verbose_name = "Chorus report"
        verbose_name_plural = "Chorus reports"

    def __str__(self) -> str:
        return "Chorus reports"
