from django.apps import AppConfig


class SsoConfig(AppConfig):
    """Sign-in: single sign-on, password sign-in rules, MFA and the failure throttle.

    An app of its own (inside people) so its admin screens are found as Wagtail hooks.
    """

    name = "people.sso"
    label = "chorus_sso"
