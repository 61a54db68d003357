from django.apps import AppConfig
from django.db.models.signals import post_save


class LeaderboardConfig(AppConfig):
    name = "leaderboard"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The boards' aggregates follow a person's department and activity wherever they
        # are saved; the module is imported here because models load after apps.
        from leaderboard import credentials_checks  # noqa: F401 - registers the deploy checks
        from leaderboard.services.aggregates import person_saved

        post_save.connect(person_saved, sender="people.User", dispatch_uid="leaderboard-member")
