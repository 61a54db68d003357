"""What the Chorus SCIM service declares: Users with the enterprise extension, Groups
(departments), PATCH and filters, index paging; no bulk, sort, ETag or password change."""

from scim2_models import (
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    EnterpriseUser,
    ETag,
    External,
    Filter,
    Group,
    Pagination,
    Patch,
    Reference,
    ResourceType,
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

PROVIDER = ScimProvider(
    models=[User, EnterpriseUser, Group],
    resource_types=[
        ResourceType.from_resource(User[EnterpriseUser]),
        ResourceType.from_resource(Group),
    ],
    config=CONFIG,
    policy=POLICY,
)
UserResource = PROVIDER.model_for("User")
GroupResource = PROVIDER.model_for("Group")
