"""allauth's SAML URLs (ChorusSAMLProvider.package), with views loaded on first use."""
