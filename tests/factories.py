"""Factories shared across apps. App-specific factories live in tests/<app>/factories.py."""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from mentorship.choices import OrganizationType, Region
from mentorship.models import Organization, Participant
from website.models import User

DEFAULT_PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Mark the address verified (allauth refuses unverified sign-ins); verified=False skips."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            EmailAddress.objects.update_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )
        obj.save()

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):
        for name in extracted or []:
            obj.groups.add(Group.objects.get(name=name))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Employment Services {n}")
    organization_type = OrganizationType.NON_PROFIT
    region = Region.LOWER_MAINLAND


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    region = Region.LOWER_MAINLAND
    access_granted_at = factory.LazyFunction(timezone.now)

    class Params:
        without_access = factory.Trait(access_granted_at=None)
