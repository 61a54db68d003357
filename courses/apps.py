from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from courses import dashboard, records
        from home.dashboard import dashboard_step_register
        from people.models import User
        from people.records import record_section_register
        from portal.slots import slot_register

        dashboard_step_register("training", dashboard.training_step)
        slot_register("dashboard", "training", dashboard.training_panel, order=20)
        record_section_register(records.SECTION)
        # Employees are created in several places we do not own (the Wagtail user admin,
        # createsuperuser, the demo seed, other apps' tests). A post_save receiver is the
        # one hook every path goes through; it only calls the explicit service.
        post_save.connect(
            dashboard.user_created, sender=User, dispatch_uid="courses-apply-onboarding-rules"
        )
