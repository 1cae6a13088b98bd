"""Every site-wide page type: an editor can create it, it renders, anonymous visitors see it."""

import json

from django.core import mail
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import UserFactory
from tests.website.factories import list_block, make_home_page
from website.models import ContactPage, FAQPage, HomePage, StandardPage


class SitePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.editor = UserFactory(email="editor@example.org", groups=["Editors"])

    def setUp(self):
        self.client.force_login(self.editor)

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(HomePage, FAQPage)
        self.assertCanCreateAt(HomePage, ContactPage)
        # There is one home page per site.
        self.assertFalse(HomePage.can_create_at(Page.objects.get(depth=1)))

    def test_editor_creates_a_standard_page_with_the_five_steps(self):
        steps = [
            {"title": f"Step {n}", "description": rich_text(f"<p>Do thing {n}</p>")}
            for n in range(1, 6)
        ]
        data = nested_form_data(
            {
                "title": "How it works",
                "slug": "how-it-works",
                "introduction": "From joining to closing.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Overview", "level": "h2"}),
                        ("steps", {"heading": "The five steps", "steps": list_block(steps)}),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="how-it-works")
        self.client.logout()
        response = self.client.get(page.url)
        self.assertContains(response, "<h1>How it works</h1>", html=True)
        self.assertContains(response, "Do thing 5")
        self.assertContains(response, 'class="steps__list"')

    def test_editor_creates_a_faq_page(self):
        data = nested_form_data(
            {
                "title": "FAQ",
                "slug": "faq",
                "questions": streamfield(
                    [
                        (
                            "question",
                            {"question": "Who can join?", "answer": rich_text("<p>Any CDP.</p>")},
                        )
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, FAQPage, data)
        self.client.logout()
        response = self.client.get("/faq/")
        self.assertContains(response, "Who can join?")
        self.assertContains(response, "Any CDP.")

    def test_editor_creates_a_contact_page_with_its_form(self):
        data = nested_form_data(
            {
                "title": "Contact us",
                "slug": "contact",
                "body": rich_text("<p>Write to us.</p>"),
                "thank_you_text": rich_text("<p>Thanks!</p>"),
                "to_address": "staff@example.org",
                "from_address": "site@example.org",
                "subject": "Contact",
                "phone": "",
                "postal_address": "",
                "form_fields": inline_formset(
                    [
                        {
                            "label": "Your name",
                            "field_type": "singleline",
                            "required": "on",
                            "choices": "",
                            "default_value": "",
                            "help_text": "",
                        },
                        {
                            "label": "Message",
                            "field_type": "multiline",
                            "required": "on",
                            "choices": "",
                            "default_value": "",
                            "help_text": "",
                        },
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, ContactPage, data)
        self.client.logout()
        self.assertContains(self.client.get("/contact/"), 'name="message"')

    def test_home_page_renders_for_anonymous_visitors(self):
        self.client.logout()
        response = self.client.get("/")
        self.assertContains(response, "Grow with a mentor")
        self.assertContains(response, 'href="#main"')  # skip link for keyboard users
        self.assertContains(response, "Join the program")

    def test_unpublished_page_is_hidden_from_visitors_but_previewable_by_editors(self):
        draft = StandardPage(title="Draft notes", slug="draft-notes", live=False)
        self.home.add_child(instance=draft)
        self.client.logout()
        self.assertEqual(self.client.get("/draft-notes/").status_code, 404)
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/{draft.pk}/view_draft/")
        self.assertContains(response, "Draft notes")


class ContactFormTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home_page()
        cls.page = ContactPage(
            title="Contact us",
            slug="contact",
            to_address="staff@example.org",
            from_address="site@example.org",
            subject="Contact form",
        )
        cls.page.form_fields.create(label="Your name", field_type="singleline", required=True)
        cls.page.form_fields.create(label="Your email", field_type="email", required=True)
        cls.page.form_fields.create(label="Message", field_type="multiline", required=True)
        home.add_child(instance=cls.page)
        cls.page.save_revision().publish()

    def test_invalid_submission_marks_the_fields_and_keeps_what_was_typed(self):
        response = self.client.post(
            "/contact/", {"your_name": "Sam", "your_email": "not-an-email", "message": ""}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Enter a valid email address.")
        self.assertContains(response, "This field is required.")
        self.assertContains(response, 'value="Sam"')
        self.assertContains(response, 'value="not-an-email"')
        self.assertEqual(FormSubmission.objects.count(), 0)
        self.assertEqual(len(mail.outbox), 0)

    def test_valid_submission_is_stored_and_emailed_to_staff(self):
        response = self.client.post(
            "/contact/",
            {"your_name": "Sam", "your_email": "sam@example.org", "message": "When is access?"},
        )
        self.assertContains(response, "Thank you")
        submission = FormSubmission.objects.get()
        self.assertEqual(submission.get_data()["message"], "When is access?")
        self.assertEqual(mail.outbox[0].to, ["staff@example.org"])


class NavigationTests(WagtailPageTestCase):
    def test_navigation_and_footer_settings_render_on_every_page(self):
        from wagtail.models import Site

        from website.models import FooterSettings, NavigationSettings

        home = make_home_page()
        faq = FAQPage(title="FAQ", slug="faq")
        home.add_child(instance=faq)
        site = Site.objects.get(is_default_site=True)
        nav = NavigationSettings.for_site(site)
        nav.primary_links = json.dumps(
            [{"type": "link", "value": {"page": faq.pk, "label": "Questions"}}]
        )
        nav.save()
        footer = FooterSettings.for_site(site)
        footer.contact_email = "help@example.org"
        footer.save()
        response = self.client.get("/")
        self.assertContains(response, '<a href="/faq/">Questions</a>', html=True)
        self.assertContains(response, "help@example.org")
