"""SCIM 2.0 provisioning (RFC 7643 / 7644) at /scim/v2/.

scim2-server speaks the protocol (routing, validation of every body, PATCH application
with Microsoft Entra's quirks, filters, paging, errors); `storage.PeopleStorage` maps its
resources onto people.User and people.Department; `views.scim` adapts Django requests.
"""
