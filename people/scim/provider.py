"""What the Chorus SCIM service declares: Users with the enterprise extension and the
joining-date extension, Groups (departments), PATCH and filters, index paging; no bulk,
sort, ETag or password change.

The joining date has no place in SCIM's own schemas, so it travels in an extension of its
own, named by `SCIM_JOINED_ON_ATTRIBUTE` (`<schema URN>:<attribute>`): Entra ID and Okta
both map a directory attribute (e.g. employeeHireDate) to any such target. The provider is
built once per setting value.
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from scim2_models import (
    Attribute,
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    EnterpriseUser,
    ETag,
    Extension,
    External,
    Filter,
    Group,
    Pagination,
    Patch,
    Reference,
    ResourceType,
    Schema,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    User,
)

MAX_RESULTS = 200

# Entra ID removes group members with the member in `value` rather than in a path filter,
# and sends attributes that Chorus has no use for (roles, phone numbers, addresses):
# those are accepted and dropped instead of refusing the whole request.
POLICY = ScimPolicy(
    unknown=ScimPolicy.Unknown.ignore,
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)

CONFIG = ServiceProviderConfig(
    patch=Patch(supported=True),
    bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
    filter=Filter(supported=True, max_results=MAX_RESULTS),
    change_password=ChangePassword(supported=False),
    sort=Sort(supported=False),
    etag=ETag(supported=False),
    pagination=Pagination(
        index=True,
        cursor=False,
        default_pagination_method=Pagination.DefaultPaginationMethod.index,
        default_page_size=100,
        max_page_size=MAX_RESULTS,
    ),
    authentication_schemes=[
        AuthenticationScheme(
            type=AuthenticationScheme.Type.oauthbearertoken,
            name="Bearer token",
            description="A token created in the Chorus admin (Settings → SCIM tokens) or "
            "with `manage.py scim_token_create NAME`.",
            spec_uri=Reference[External]("https://datatracker.ietf.org/doc/html/rfc6750"),
            primary=True,
        )
    ],
)

ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


@dataclass(frozen=True)
class Scim:
    provider: ScimProvider
    user_model: type
    group_model: type
    joined_on: type[Extension]  # the extension carrying the joining date
    joined_on_field: str  # its Python attribute (snake case)


@cache
def _build(joined_on_attribute: str) -> Scim:
    schema_id, _, attribute = joined_on_attribute.rpartition(":")
    if not schema_id.startswith("urn:") or not attribute:
        raise ImproperlyConfigured(
            "SCIM_JOINED_ON_ATTRIBUTE must be '<schema URN>:<attribute>', e.g. "
            "urn:ietf:params:scim:schemas:extension:chorus:2.0:User:joinedOn"
        )
    if schema_id.lower() in {ENTERPRISE_SCHEMA.lower(), User.__schema__.lower()}:
        raise ImproperlyConfigured(
            "SCIM_JOINED_ON_ATTRIBUTE needs a schema of its own: the core and enterprise "
            "schemas have no joining date."
        )
    joined_on = Extension.from_schema(
        Schema(
            id=schema_id,
            name="ChorusUser",
            description="What Chorus needs beyond the core and enterprise schemas.",
            attributes=[
                Attribute(
                    name=attribute,
                    type=Attribute.Type.string,
                    description="First working day, as a date (2026-03-02) or a dateTime. "
                    "The onboarding rules' due dates count from it.",
                )
            ],
        )
    )
    field = next(name for name in joined_on.model_fields if name != "schemas")
    provider = ScimProvider(
        models=[User, EnterpriseUser, joined_on, Group],
        resource_types=[
            ResourceType.from_resource(User[EnterpriseUser | joined_on]),
            ResourceType.from_resource(Group),
        ],
        config=CONFIG,
        policy=POLICY,
    )
    return Scim(
        provider=provider,
        user_model=provider.model_for("User"),
        group_model=provider.model_for("Group"),
        joined_on=joined_on,
        joined_on_field=field,
    )


def scim_service() -> Scim:
    return _build(settings.SCIM_JOINED_ON_ATTRIBUTE)
