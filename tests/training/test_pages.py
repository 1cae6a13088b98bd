"""Every training page type: an editor creates it in the admin, it renders, anyone may read it."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.factories import UserFactory
from tests.training.factories import (
    EMBED_URL,
    cache_embed,
    make_document,
    make_module,
    make_training_index,
    make_webinar_index,
)
from tests.website.factories import list_block, make_home_page
from training.models import (
    TrainingIndexPage,
    TrainingModulePage,
    WebinarIndexPage,
    WebinarPage,
)
from website.models import HomePage, StandardPage

PACIFIC = ZoneInfo("America/Vancouver")


def video_form_value(**overrides):
    value = {"title": "Welcome", "video_file": "", "captions": "", "poster": "", "embed_url": ""}
    value.update(overrides)
    return value


class TrainingPageAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home_page()
        cls.editor = UserFactory(email="editor@example.org", groups=["Editors"])
        cls.video = make_document("welcome.webm", b"webm bytes")
        cls.captions = make_document("welcome.vtt", b"WEBVTT\n")
        cls.pdf = make_document("cheat-sheet.pdf", b"%PDF-1.4")

    def setUp(self):
        self.client.force_login(self.editor)

    def add_url(self, model, parent):
        meta = model._meta
        return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])

    def module_form_data(self, **video):
        return nested_form_data(
            {
                "title": "Being a mentor: the five steps",
                "slug": "being-a-mentor",
                "introduction": "What a partnership asks of you.",
                "audience": "mentors",
                "estimated_minutes": "15",
                "video": streamfield([("video", video_form_value(**video))]),
                "cheat_sheet_points": streamfield(
                    [
                        (
                            "point",
                            {"title": "Establish the relationship", "text": "Agree how to meet."},
                        )
                    ]
                ),
                "cheat_sheet_document": str(self.pdf.pk),
                "guidance": streamfield(
                    [
                        ("heading", {"text": "Before you start", "level": "h2"}),
                        ("paragraph", rich_text("<p>Read the mentee's profile first.</p>")),
                        (
                            "steps",
                            {
                                "heading": "The five steps",
                                "steps": list_block(
                                    [{"title": "Plan", "description": rich_text("<p>Goals.</p>")}]
                                ),
                            },
                        ),
                    ]
                ),
            }
        )

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(TrainingIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TrainingIndexPage, {TrainingModulePage})
        self.assertAllowedParentPageTypes(TrainingModulePage, {TrainingIndexPage})
        self.assertAllowedSubpageTypes(TrainingModulePage, set())
        self.assertAllowedParentPageTypes(WebinarIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WebinarIndexPage, {WebinarPage})
        self.assertAllowedParentPageTypes(WebinarPage, {WebinarIndexPage})
        self.assertAllowedSubpageTypes(WebinarPage, set())
        self.assertCanNotCreateAt(StandardPage, TrainingModulePage)
        self.assertCanNotCreateAt(HomePage, WebinarPage)

    def test_one_training_index_and_one_webinar_index_per_site(self):
        make_training_index(self.home)
        make_webinar_index(self.home)
        self.assertFalse(TrainingIndexPage.can_create_at(self.home))
        self.assertFalse(WebinarIndexPage.can_create_at(self.home))

    def test_editor_creates_the_training_index(self):
        data = nested_form_data(
            {"title": "Training", "slug": "training", "introduction": "Learn the process."}
        )
        self.assertCanCreate(self.home, TrainingIndexPage, data)
        self.client.logout()
        response = self.client.get("/training/")
        self.assertContains(response, "<h1>Training</h1>", html=True)
        self.assertContains(response, "Learn the process.")

    def test_editor_creates_a_module_with_an_uploaded_video(self):
        index = make_training_index(self.home)
        data = self.module_form_data(video_file=str(self.video.pk), captions=str(self.captions.pk))
        self.assertCanCreate(index, TrainingModulePage, data)

        page = TrainingModulePage.objects.get(slug="being-a-mentor")
        self.assertEqual(page.audience, "mentors")
        self.assertEqual(page.cheat_sheet_document, self.pdf)
        self.assertTrue(page.live)
        self.client.logout()
        response = self.client.get(page.url)
        self.assertContains(response, "<h1>Being a mentor: the five steps</h1>", html=True)
        self.assertContains(
            response, f'<source src="{self.video.url}" type="video/webm">', html=True
        )
        self.assertContains(response, f'src="{self.captions.url}"')
        self.assertContains(response, "Establish the relationship")
        self.assertContains(response, "Read the mentee's profile first.")
        self.assertContains(response, f'href="{self.pdf.url}"')
        self.assertContains(response, f'href="{page.url}cheat-sheet/"')

    def test_editor_creates_a_module_with_an_embedded_video(self):
        cache_embed()
        index = make_training_index(self.home)
        self.assertCanCreate(index, TrainingModulePage, self.module_form_data(embed_url=EMBED_URL))

        page = TrainingModulePage.objects.get(slug="being-a-mentor")
        self.client.logout()
        response = self.client.get(page.url)
        self.assertContains(response, 'src="https://www.youtube.com/embed/demo"')
        self.assertNotContains(response, "<video")

    def test_module_without_a_video_source_keeps_what_was_entered(self):
        index = make_training_index(self.home)
        data = self.module_form_data()
        data["action-publish"] = "action-publish"

        response = self.client.post(self.add_url(TrainingModulePage, index), data)

        self.assertEqual(response.status_code, 200)
        self.assertFalse(TrainingModulePage.objects.exists())
        content = response.content.decode()
        self.assertIn("Choose a video file or enter an embed URL below.", content)
        # The editor's other input is still in the form.
        self.assertIn("Read the mentee", content)
        self.assertIn("Being a mentor: the five steps", content)

    def test_module_rejects_a_cheat_sheet_download_that_is_not_a_pdf(self):
        index = make_training_index(self.home)
        data = self.module_form_data(video_file=str(self.video.pk))
        data["cheat_sheet_document"] = str(self.captions.pk)
        data["action-publish"] = "action-publish"

        response = self.client.post(self.add_url(TrainingModulePage, index), data)

        self.assertEqual(response.status_code, 200)
        self.assertFalse(TrainingModulePage.objects.exists())
        self.assertEqual(
            response.context["form"].errors["cheat_sheet_document"],
            ["The cheat sheet download must be a PDF file."],
        )

    def test_module_allows_only_one_video(self):
        index = make_training_index(self.home)
        data = self.module_form_data()
        video = video_form_value(video_file=str(self.video.pk))
        data.update(nested_form_data({"video": streamfield([("video", video), ("video", video)])}))
        data["action-publish"] = "action-publish"

        response = self.client.post(self.add_url(TrainingModulePage, index), data)

        self.assertEqual(response.status_code, 200)
        self.assertFalse(TrainingModulePage.objects.exists())
        self.assertIn("video", response.context["form"].errors)

    def test_editor_creates_the_webinar_index(self):
        data = nested_form_data({"title": "Webinars", "slug": "webinars"})
        self.assertCanCreate(self.home, WebinarIndexPage, data)
        self.client.logout()
        response = self.client.get("/webinars/")
        self.assertContains(response, "Upcoming webinars")

    def test_editor_creates_a_webinar_in_pacific_time_with_a_recording(self):
        index = make_webinar_index(self.home)
        data = nested_form_data(
            {
                "title": "Giving feedback that lands",
                "slug": "giving-feedback",
                "start_at": "2026-03-03 10:00",
                "duration_minutes": "60",
                "presenter": "Program manager",
                "description": rich_text("<p>Practise step four.</p>"),
                "join_url": "https://meet.example.org/feedback",
                "join_instructions": rich_text("<p>Passcode 2026.</p>"),
                "recording": streamfield(
                    [("video", video_form_value(video_file=str(self.video.pk)))]
                ),
            }
        )
        self.assertCanCreate(index, WebinarPage, data)

        page = WebinarPage.objects.get(slug="giving-feedback")
        self.assertEqual(page.start_at, datetime(2026, 3, 3, 10, 0, tzinfo=PACIFIC))
        self.client.logout()
        response = self.client.get(page.url)
        self.assertContains(response, "Tuesday 3 March 2026, 10:00 a.m. PT")

    def test_editor_opens_the_module_forms(self):
        index = make_training_index(self.home)
        module = make_module(index)
        self.assertEqual(self.client.get(self.add_url(TrainingModulePage, index)).status_code, 200)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
        self.assertContains(edit, "Cheat sheet")
        self.assertContains(edit, "Agree how to meet")

    def test_editor_previews_the_printable_cheat_sheet(self):
        module = make_module(make_training_index(self.home))
        response = module.make_preview_request(preview_mode="cheat-sheet")
        response.render()
        self.assertContains(response, '<body class="printable">')
        self.assertContains(response, "Agree how to meet")
        self.assertNotContains(response, "<video")

    def test_editor_sees_the_training_pages_in_the_admin_explorer(self):
        index = make_training_index(self.home)
        make_module(index, title="Getting the most from a mentor")
        response = self.client.get(reverse("wagtailadmin_explore", args=[index.pk]))
        self.assertContains(response, "Getting the most from a mentor")


def test_the_admin_offers_only_the_program_time_zone():
    from wagtail.admin.localization import get_available_admin_time_zones

    assert get_available_admin_time_zones() == ["America/Vancouver"]
