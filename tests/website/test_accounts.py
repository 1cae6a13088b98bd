"""Sign-up, email verification, sign-in, sign-out and password reset through django-allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests.factories import DEFAULT_PASSWORD, UserFactory
from website.models import User

NEW_PASSWORD = "a-long-fresh-passphrase"
SIGN_IN_ERROR = "The email address and/or password you specified are not correct."


def _link_in(message, prefix):
    match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}\S+)", message.body)
    assert match, f"no {prefix} link in: {message.body}"
    return match.group(1)


@pytest.mark.django_db
class TestSignUpAndVerification:
    def test_sign_up_sends_a_verification_email_and_the_link_signs_in(self, client):
        response = client.post(
            reverse("account_signup"),
            {"email": "new@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
        assert response.status_code == 302
        assert User.objects.filter(email="new@example.org").exists()
        assert not EmailAddress.objects.get(email="new@example.org").verified
        # Unverified accounts cannot use the site yet.
        assert not client.get("/").wsgi_request.user.is_authenticated

        link = _link_in(mail.outbox[-1], "/accounts/confirm-email/")
        confirm_page = client.get(link)
        assert confirm_page.status_code == 200
        response = client.post(link)
        assert response.status_code == 302
        assert EmailAddress.objects.get(email="new@example.org").verified
        assert client.get("/").wsgi_request.user.email == "new@example.org"

    @pytest.mark.parametrize(
        ("data", "field", "message"),
        [
            ({"email": "not-an-email"}, "email", "Enter a valid email address."),
            ({"email": ""}, "email", "This field is required."),
            (
                {"password2": "something-else-entirely"},
                "password2",
                "You must type the same password",
            ),
            ({"password1": "short", "password2": "short"}, "password1", "too short"),
            ({"password1": "password", "password2": "password"}, "password1", "too common"),
        ],
    )
    def test_invalid_sign_up_is_marked_on_the_field_and_keeps_the_email(
        self, client, data, field, message
    ):
        post = {"email": "keep@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
        post.update(data)
        response = client.post(reverse("account_signup"), post)
        assert response.status_code == 200
        assert message in " ".join(response.context["form"].errors[field])
        assert message in response.content.decode()
        if post["email"]:
            assert f'value="{post["email"]}"' in response.content.decode()
        assert not User.objects.filter(email=post["email"] or "none").exists()

    def test_sign_up_with_a_taken_email_does_not_reveal_the_account(self, client):
        UserFactory(email="taken@example.org")
        response = client.post(
            reverse("account_signup"),
            {"email": "taken@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        )
        # Same outcome as a new sign-up: "check your email"; the owner is told by email instead.
        assert response.status_code == 302
        assert response.url == reverse("account_email_verification_sent")
        assert User.objects.filter(email="taken@example.org").count() == 1
        assert mail.outbox[-1].to == ["taken@example.org"]


@pytest.mark.django_db
class TestSignIn:
    def test_verified_user_signs_in_and_out(self, client):
        user = UserFactory(email="sam@example.org")
        response = client.post(
            reverse("account_login"), {"login": "sam@example.org", "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == 302
        assert client.get("/").wsgi_request.user == user
        client.post(reverse("account_logout"))
        assert not client.get("/").wsgi_request.user.is_authenticated

    def test_wrong_password_and_unknown_email_get_the_same_clear_message(self, client):
        UserFactory(email="sam@example.org")
        wrong = client.post(
            reverse("account_login"), {"login": "sam@example.org", "password": "nope-nope"}
        )
        unknown = client.post(
            reverse("account_login"), {"login": "nobody@example.org", "password": "nope-nope"}
        )
        for response, email in ((wrong, "sam@example.org"), (unknown, "nobody@example.org")):
            assert response.status_code == 200
            body = response.content.decode()
            assert SIGN_IN_ERROR in body
            assert 'role="alert"' in body
            assert f'value="{email}"' in body  # what they typed is kept
        assert not client.get("/").wsgi_request.user.is_authenticated

    def test_unverified_account_is_sent_to_verify_instead_of_signed_in(self, client):
        UserFactory(email="fresh@example.org", verified=False)
        response = client.post(
            reverse("account_login"), {"login": "fresh@example.org", "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == 302
        assert response.url == reverse("account_email_verification_sent")
        assert not client.get("/").wsgi_request.user.is_authenticated
        assert "/accounts/confirm-email/" in mail.outbox[-1].body

    def test_sign_in_page_is_part_of_the_site(self, client):
        body = client.get(reverse("account_login")).content.decode()
        assert 'class="site-header"' in body
        assert '<label for="id_login">' in body
        assert '<label for="id_password">' in body


@pytest.mark.django_db
class TestPasswordReset:
    def test_reset_by_email_link_sets_a_new_password(self, client):
        UserFactory(email="sam@example.org")
        response = client.post(reverse("account_reset_password"), {"email": "sam@example.org"})
        assert response.status_code == 302
        link = _link_in(mail.outbox[-1], "/accounts/password/reset/key/")
        form_page = client.get(link, follow=True)
        assert form_page.status_code == 200
        set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
        response = client.post(set_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
        assert response.status_code == 302
        client.logout()
        response = client.post(
            reverse("account_login"), {"login": "sam@example.org", "password": NEW_PASSWORD}
        )
        assert response.status_code == 302

    def test_reset_with_mismatched_passwords_is_refused_on_the_page(self, client):
        UserFactory(email="sam@example.org")
        client.post(reverse("account_reset_password"), {"email": "sam@example.org"})
        link = _link_in(mail.outbox[-1], "/accounts/password/reset/key/")
        form_page = client.get(link, follow=True)
        set_url = form_page.redirect_chain[-1][0]
        response = client.post(set_url, {"password1": NEW_PASSWORD, "password2": "different-one"})
        assert response.status_code == 200
        assert "You must type the same password each time." in response.content.decode()

    def test_unknown_email_gets_the_same_page_as_a_known_one(self, client):
        UserFactory(email="sam@example.org")
        known = client.post(reverse("account_reset_password"), {"email": "sam@example.org"})
        unknown = client.post(reverse("account_reset_password"), {"email": "ghost@example.org"})
        assert known.status_code == unknown.status_code == 302
        assert known.url == unknown.url
        done = client.get(unknown.url).content.decode()
        assert "ghost@example.org" not in done

    def test_invalid_email_is_marked_on_the_field(self, client):
        response = client.post(reverse("account_reset_password"), {"email": "not an email"})
        assert response.status_code == 200
        assert "Enter a valid email address." in response.content.decode()
        assert len(mail.outbox) == 0

    def test_a_used_or_forged_reset_link_is_refused(self, client):
        response = client.get("/accounts/password/reset/key/zz-forged-key/", follow=True)
        assert response.status_code == 200
        assert "Bad Token" in response.content.decode() or "invalid" in response.content.decode()
