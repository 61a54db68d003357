"""How allauth signs people in to Chorus.

- Nobody signs up with a password: HR (or provisioning) creates accounts. The company's
  identity provider may create one just in time, on a first single sign-on.
- A first sign-on joins an existing account only through an email address the provider
  says it verified; an unverified address that belongs to someone is refused outright.
- Every sign-on copies the provider's claims onto the profile (`claims.py`) before the
  user is saved, so a new hire's onboarding enrolments (the `post_save` hook in courses)
  are due from the joining date the provider sent.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from people.models import User
from people.sso.claims import claim_names, profile_apply, profile_from_claims, raw_claims


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Django's own wording, the same whether or not the username exists.
        "username_password_mismatch": _(
            "Please enter a correct username and password. Note that both fields may be "
            "case-sensitive."
        ),
    }

    def is_open_for_signup(self, request):
        return False


def _profile(sociallogin):
    app = sociallogin.account.get_provider().app
    claims = raw_claims(sociallogin.account.extra_data or {})
    return profile_from_claims(claims, claim_names(getattr(app, "settings", None)))


def refusal(request, *, title: str, reason: str, status: int = 403):
    return render(
        request,
        "socialaccount/refused.html",
        {"title": title, "reason": reason},
        status=status,
    )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return True

    def pre_social_login(self, request, sociallogin):
        profile = _profile(sociallogin)
        if sociallogin.is_existing:
            user = sociallogin.user
            if changed := profile_apply(user, profile):
                user.save(update_fields=changed)
            return
        owner = (
            User.objects.filter(email__iexact=profile.email).order_by("pk").first()
            if profile.email
            else None
        )
        if owner is None:
            return  # a new hire: created by populate_user/save_user below
        if not profile.email_verified:
            raise ImmediateHttpResponse(
                refusal(
                    request,
                    title="This sign-in cannot be linked",
                    reason=(
                        "Your identity provider did not confirm your email address, and an "
                        "account with that address already exists. Ask your IT team to mark "
                        "the address as verified, or ask HR for help."
                    ),
                )
            )
        if not owner.is_active:
            raise ImmediateHttpResponse(
                refusal(
                    request,
                    title="This account is closed",
                    reason="The account for this address is no longer active. Ask HR.",
                )
            )
        sociallogin.connect(request, owner)
        if changed := profile_apply(owner, profile):
            owner.save(update_fields=changed)

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        # Before the first save: the onboarding hook reads department and joining date.
        profile_apply(user, _profile(sociallogin))
        return user

    def on_authentication_error(self, request, provider, **details):
        raise ImmediateHttpResponse(
            refusal(
                request,
                title="Sign-in failed",
                reason=(
                    f"Chorus could not accept the answer from {provider.name}: the sign-in "
                    "was cancelled, had expired, or did not come from your identity provider. "
                    "Nothing was changed. Try again from the login page."
                ),
                status=400,
            )
        )
