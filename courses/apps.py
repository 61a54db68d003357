from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_save


class CoursesConfig(AppConfig):
    name = "courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from courses.dashboard import user_created  # imports models: only once apps are ready

        # Employees are created in several places we do not own (the Wagtail user admin,
        # createsuperuser, the demo seed, other apps' tests). A post_save receiver is the
        # one hook every path goes through; it only calls the explicit service.
        post_save.connect(
            user_created,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="courses-apply-onboarding-rules",
        )
