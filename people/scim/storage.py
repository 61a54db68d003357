"""scim2-server's storage over the database: Users are people.User, Groups are departments.

A Group's members are the people in that department: adding someone to a group moves them
there (a person is in one department), removing them leaves them in none. A User made
inactive is deactivated through people.services.person_deactivate, and DELETE deactivates
too: the person's records stay for reports and the ledger.

Deleting a Group deletes the department only while nothing an editor set up names it
(onboarding rules, posts suited to it): deleting it would take those rules with it, or
turn a post for one department into a post for everyone, without anyone seeing it.
Such a DELETE is refused with 409 and says what holds the department; its members, who
the identity provider manages, simply leave it.
"""

from typing import Any

from django.db import IntegrityError
from django.db.models import SET_NULL, QuerySet
from scim2_models import (
    ConflictException,
    InvalidFilterException,
    NotFoundException,
    Resource,
    ResourceType,
    SearchRequest,
    UniquenessException,
)
from scim2_server.storage import ScimStorage, SearchPage

from people.models import Department, User
from people.scim.filters import group_filter, user_filter
from people.scim.mapping import (
    department_named,
    department_of,
    group_resource,
    user_fields,
    user_resource,
)
from people.services import people_moved, person_deactivate, person_reactivate

# Counts the leaderboard derives from the people in a department: they go with it.
DERIVED = {"leaderboard.DepartmentTotal", "leaderboard.DepartmentMembers"}


def department_uses(department: Department) -> list[str]:
    """What deleting the department would delete with it, e.g. ["2 onboarding rules"];
    people (who leave it) and the leaderboard's counts aside. Found from the relations
    themselves, so this app names none of the apps above it."""
    uses = []
    for relation in Department._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and relation.is_relation and relation.one_to_many):
            continue
        if relation.on_delete is SET_NULL or relation.related_model._meta.label in DERIVED:
            continue
        model = relation.related_model
        count = model._default_manager.filter(**{relation.field.name: department}).count()
        if count:
            # A many-to-many's rows are named after the model that holds the field.
            owner = model._meta.auto_created or model
            label = owner._meta.verbose_name if count == 1 else owner._meta.verbose_name_plural
            uses.append(f"{count} {label}")
    return uses


def _pk(resource_id: str | None) -> int | None:
    return int(resource_id) if resource_id and resource_id.isdigit() else None


class PeopleStorage(ScimStorage):
    """One instance per request: `source` names the token, for the audit trail."""

    def __init__(self, *, source: str):
        self.source = source

    # Reads

    def _user(self, resource_id: str) -> User:
        user = User.objects.select_related("department").filter(pk=_pk(resource_id)).first()
        if user is None:
            raise NotFoundException(detail=f"No user {resource_id}.")
        return user

    def _department(self, resource_id: str) -> Department:
        department = Department.objects.filter(pk=_pk(resource_id)).first()
        if department is None:
            raise NotFoundException(detail=f"No group {resource_id}.")
        return department

    def _group(self, department: Department) -> Resource[Any]:
        return group_resource(department, list(department.members.order_by("pk")))

    def get(self, resource_type: ResourceType, resource_id: str, *, response_parameters=None):
        if resource_type.name == "User":
            return user_resource(self._user(resource_id))
        return self._group(self._department(resource_id))

    def search(
        self,
        resource_types: list[ResourceType],
        search_request: SearchRequest[Any],
        *,
        position=None,
    ) -> SearchPage:
        if len(resource_types) != 1:
            raise InvalidFilterException(detail="Search /Users or /Groups, not the root.")
        is_user = resource_types[0].name == "User"
        rows: QuerySet = (
            User.objects.select_related("department") if is_user else Department.objects.all()
        )
        if search_request.filter is not None:
            visit = user_filter if is_user else group_filter
            rows = rows.filter(visit(search_request.filter.ast))
            if not is_user:
                rows = rows.distinct()  # a members condition joins the people
        rows = rows.order_by("pk")
        total = rows.count()
        start = search_request.start_index_0 or 0
        count = search_request.count
        page = list(rows[start : start + count] if count is not None else rows[start:])
        found = [user_resource(u) if is_user else self._group(u) for u in page]
        return SearchPage(total, found)

    # Writes

    def create(self, resource_type: ResourceType, resource: Resource[Any]) -> Resource[Any]:
        if resource_type.name == "User":
            return self._user_create(resource)
        return self._group_save(Department(), resource)

    def update(
        self, resource_type: ResourceType, resource: Resource[Any], *, expected_version=None
    ):
        del expected_version  # ETags are not announced: there is no version to compare
        if resource_type.name == "User":
            return self._user_update(self._user(resource.id), resource)
        return self._group_save(self._department(resource.id), resource)

    def delete(self, resource_type: ResourceType, resource_id: str, *, expected_version=None):
        del expected_version  # as in update
        if resource_type.name == "User":
            person_deactivate(user=self._user(resource_id), source=self.source)
            return
        department = self._department(resource_id)
        if uses := department_uses(department):
            raise ConflictException(
                detail=f"The department {department.name!r} is still used by "
                f"{' and '.join(uses)} in Chorus. Change those in the Chorus admin, then "
                "delete the group again; nothing was changed."
            )
        moved = list(department.members.values_list("pk", flat=True))
        department.members.update(department=None)
        people_moved(user_ids=moved)
        department.delete()

    def _user_create(self, resource: Resource[Any]) -> Resource[Any]:
        fields = user_fields(resource)
        if User.objects.filter(username__iexact=fields["username"]).exists():
            raise UniquenessException(detail=f"userName {fields['username']!r} is taken.")
        user = User(**fields, department=department_of(resource, None))
        user.set_unusable_password()
        user.save()  # the onboarding rules enrol the new person (courses' post_save)
        if resource.active is False:
            person_deactivate(user=user, source=self.source)
        return user_resource(user)

    def _user_update(self, user: User, resource: Resource[Any]) -> Resource[Any]:
        fields = user_fields(resource)
        taken = User.objects.filter(username__iexact=fields["username"]).exclude(pk=user.pk)
        if taken.exists():
            raise UniquenessException(detail=f"userName {fields['username']!r} is taken.")
        for name, value in fields.items():
            setattr(user, name, value)
        user.department = department_of(resource, user.department)
        user.save(update_fields=[*fields, "department"])
        if resource.active is False:
            person_deactivate(user=user, source=self.source)
        elif resource.active is True:
            person_reactivate(user=user, source=self.source)
        return user_resource(user)

    def _group_save(self, department: Department, resource: Resource[Any]) -> Resource[Any]:
        name = (resource.display_name or "").strip()[:80]
        clash = Department.objects.filter(name__iexact=name).exclude(pk=department.pk)
        if clash.exists():
            raise UniquenessException(detail=f"A department called {name!r} exists already.")
        if department.pk is None:
            department = department_named(name)
        department.name = name
        department.scim_external_id = (resource.external_id or "")[:255]
        try:
            department.save()
        except IntegrityError as error:
            raise UniquenessException(detail=str(error)) from None
        wanted = {_pk(m.value) for m in resource.members or []} - {None}
        leaving = department.members.exclude(pk__in=wanted)
        joining = User.objects.filter(pk__in=wanted).exclude(department=department)
        moved = [*leaving.values_list("pk", flat=True), *joining.values_list("pk", flat=True)]
        leaving.update(department=None)
        joining.update(department=department)
        # .update() sends no post_save: the boards recount per department here.
        people_moved(user_ids=moved)
        return self._group(department)
