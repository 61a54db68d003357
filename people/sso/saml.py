"""allauth's SAML provider, keeping what single logout needs.

A SAML LogoutRequest names the session it ends by the assertion's NameID (and its format)
and SessionIndex; allauth keeps neither (its uid is the mapped `uid` attribute). This
subclass (SOCIALACCOUNT_PROVIDERS["saml"]["provider_class"]) stores them in the session at
sign-in, for the logout view (views.py).
"""

from allauth.socialaccount.providers.saml.provider import SAMLProvider

SESSION_KEY = "chorus_saml_logout"


class ChorusSAMLProvider(SAMLProvider):
    package = "people.sso.saml_routes"  # allauth's URLs, its views loaded on first use

    def sociallogin_from_response(self, request, response):
        login = super().sociallogin_from_response(request, response)
        # Django's login() keeps an anonymous session's data when it cycles the key.
        request.session[SESSION_KEY] = {
            "provider": self.app.provider_id or self.app.client_id,
            "name_id": response.get_nameid(),
            "name_id_format": response.get_nameid_format(),
            "session_index": response.get_session_index(),
        }
        return login
