from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete, post_save


class CoursesConfig(AppConfig):
    name = "courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.models import Site, get_page_models
        from wagtail.signals import page_unpublished, post_page_move

        from courses.dashboard import user_created  # imports models: only once apps are ready
        from courses.selectors.lessons import outline_forget

        # Employees are created in several places we do not own (the Wagtail user admin,
        # createsuperuser, the demo seed, other apps' tests). A post_save receiver is the
        # one hook every path goes through; it only calls the explicit service.
        post_save.connect(
            user_created,
            sender=settings.AUTH_USER_MODEL,
            dispatch_uid="courses-apply-onboarding-rules",
        )
        # The cached lesson outlines: a page saved (published, unpublished, renamed,
        # moved, reordered) or deleted, or a site changed, makes them stale. Connected per
        # model: a receiver for every sender would stop Django's fast deletes everywhere.
        for model in (*get_page_models(), Site):
            uid = f"courses-outline-{model._meta.label}"
            post_save.connect(outline_forget, sender=model, dispatch_uid=uid)
            post_delete.connect(outline_forget, sender=model, dispatch_uid=uid)
        page_unpublished.connect(outline_forget, dispatch_uid="courses-outline-unpublished")
        post_page_move.connect(outline_forget, dispatch_uid="courses-outline-moved")
