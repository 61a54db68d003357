import factory
from django.contrib.auth.models import Group

from people.models import Department, SocialNetwork, User


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Department {n}")
    slug = factory.Sequence(lambda n: f"department-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    department = factory.SubFactory(DepartmentFactory)
    password = factory.django.Password("pw")


class EditorFactory(UserFactory):
    @factory.post_generation
    def editor_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name="Editors"))


class SocialNetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialNetwork

    user = factory.SubFactory(UserFactory)
    platform = "linkedin"
    handle = factory.Sequence(lambda n: f"in/person-{n}")
    audience = "professional"
    followers = 250
