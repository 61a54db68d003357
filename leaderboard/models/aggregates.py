"""What the boards count, kept in step with the stored totals in the same transaction
(leaderboard.services.aggregates), so a rank or the department board costs the same
however many people there are. Recomputed and compared by leaderboard_reconcile."""

from django.conf import settings
from django.db import models


class BoardMember(models.Model):
    """How the aggregates last counted one person: shown on the boards (opted in and
    active) and in which department. No row means never shown."""

    wagtail_reference_index_ignore = True

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="board_member",
    )
    visible = models.BooleanField(default=False)
    department = models.ForeignKey(
        "people.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.user_id}: visible={self.visible} department={self.department_id}"


class ScoreCount(models.Model):
    """How many shown people have exactly `points` on one board: a rank is one more than
    the sum over the (few) distinct scores above, not a count over people."""

    wagtail_reference_index_ignore = True

    period = models.CharField(max_length=10)
    period_start = models.DateField()
    points = models.IntegerField()
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["period", "period_start", "points"], name="score_count_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.period_start}: {self.n} with {self.points}"


class DepartmentTotal(models.Model):
    """The sum of a department's shown members' totals on one board."""

    wagtail_reference_index_ignore = True

    period = models.CharField(max_length=10)
    period_start = models.DateField()
    department = models.ForeignKey("people.Department", on_delete=models.CASCADE, related_name="+")
    points = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["period", "period_start", "department"], name="department_total_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department_id} {self.period} {self.period_start}: {self.points}"


class DepartmentMembers(models.Model):
    """How many shown people a department has (whatever their points)."""

    wagtail_reference_index_ignore = True

    department = models.OneToOneField(
        "people.Department", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    members = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.department_id}: {self.members}"
