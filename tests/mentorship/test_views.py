import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentorship.choices import Level, Region
from mentorship.models import CompetencyRating, MentorshipRequest, SavedSearch, SearchLog
from mentorship.partnerships.models import Partnership
from tests.factories import ParticipantFactory
from tests.mentorship.factories import RequestFactory, mentor_in
from tests.mentorship.test_photos import image_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_mentee(client, mentee):
    client.force_login(mentee.user)
    return client


class TestProfiles:
    def test_own_profile_shows_completeness_photo_prompt_and_private_fields(self, as_mentee):
        page = as_mentee.get(reverse("mentorship:my_profile")).content.decode()
        assert "% complete" in page
        assert "Add a photo" in page and "far more likely to be contacted" in page
        assert "mina@example.org" in page

    def test_another_profile_hides_private_fields(self, as_mentee, mentor):
        mentor.is_unavailable, mentor.unavailable_reason = True, "On parental leave"
        mentor.save()
        page = as_mentee.get(reverse("mentorship:profile_detail", args=[mentor.pk])).content
        assert b"Dan Okafor" in page
        assert b"dan@example.org" not in page
        assert b"parental leave" not in page
        assert b"Not taking new mentees" in page

    def test_profiles_of_people_without_access_are_not_shown(self, as_mentee,
                                                             participant_without_access):
        url = reverse("mentorship:profile_detail", args=[participant_without_access.pk])
        assert as_mentee.get(url).status_code == 404

    def test_edit_saves_name_and_multi_selects(self, as_mentee, mentee):
        response = as_mentee.post(reverse("mentorship:profile_edit"), {
            "first_name": "Mina", "last_name": "Patel-Singh", "region": Region.CARIBOO,
            "client_populations": ["youth", "immigrants"], "meeting_modes": ["video"],
            "bio": "Career advisor in Williams Lake.",
        })
        assert response.status_code == 302
        mentee.refresh_from_db()
        mentee.user.refresh_from_db()
        assert mentee.user.last_name == "Patel-Singh"
        assert mentee.client_populations == ["youth", "immigrants"]
        assert mentee.region == Region.CARIBOO

    def test_edit_with_errors_keeps_what_was_entered(self, as_mentee):
        response = as_mentee.post(reverse("mentorship:profile_edit"), {
            "first_name": "", "last_name": "Patel", "bio": "Kept text", "region": "atlantis",
            "client_populations": ["youth", "martians"],
        })
        assert response.status_code == 200
        form = response.context["form"]
        assert set(form.errors) == {"first_name", "region", "client_populations"}
        assert b"Kept text" in response.content

    def test_photo_upload_and_clear_error_for_a_bad_file(self, as_mentee, mentee):
        url = reverse("mentorship:photo_edit")
        response = as_mentee.post(url, {"photo": image_file("GIF", name="x.gif")})
        assert response.status_code == 200
        assert "JPEG, PNG or WebP" in response.context["form"].errors["photo"][0]
        assert as_mentee.post(url, {"photo": image_file()}).status_code == 302
        mentee.refresh_from_db()
        assert mentee.photo_small
        page = as_mentee.get(reverse("mentorship:my_profile")).content.decode()
        assert mentee.photo_medium.url in page

    def test_self_assessment_formset(self, as_mentee, mentee, comp):
        response = as_mentee.get(reverse("mentorship:competencies_edit"))
        formset = response.context["formset"]
        assert len(formset.forms) == 11
        assert b"Your level in Professional Practices and Ethics" in response.content
        data = {"ratings-TOTAL_FORMS": "11", "ratings-INITIAL_FORMS": "11"}
        data.update({"ratings-0-level": "3", "ratings-0-willing_to_mentor": "on",
                     "ratings-1-level": "", "ratings-1-seeking_mentor": "on"})
        response = as_mentee.post(reverse("mentorship:competencies_edit"), data)
        assert response.status_code == 200
        assert response.context["formset"].forms[1].errors["level"]
        assert CompetencyRating.objects.get(participant=mentee, competency=comp).level == 1

        data.pop("ratings-1-seeking_mentor")
        response = as_mentee.post(reverse("mentorship:competencies_edit"), data)
        assert response.status_code == 302
        rating = CompetencyRating.objects.get(participant=mentee)
        assert (rating.level, rating.willing_to_mentor) == (Level.ADVANCED, True)

    @pytest.mark.parametrize("capacity", ["0", "11", "many"])
    def test_availability_refuses_bad_capacity(self, as_mentee, capacity):
        response = as_mentee.post(reverse("mentorship:availability_edit"),
                                  {"mentee_capacity": capacity, "is_unavailable": "on"})
        assert response.status_code == 200
        assert "mentee_capacity" in response.context["form"].errors

    def test_availability_saves(self, as_mentee, mentee):
        as_mentee.post(reverse("mentorship:availability_edit"), {
            "mentee_capacity": "4", "is_unavailable": "on", "unavailable_reason": "Busy",
        })
        mentee.refresh_from_db()
        assert (mentee.mentee_capacity, mentee.is_unavailable) == (4, True)


class TestSearch:
    def url(self, comp, page=None):
        return reverse("mentorship:find_mentor") + f"?competency={comp.code}" + (
            f"&page={page}" if page else "")

    def test_results_show_reasons_and_page_through_ten_at_a_time(self, as_mentee, mentee, comp):
        for _ in range(12):
            mentor_in(comp)
        response = as_mentee.get(self.url(comp))
        page = response.context["page"]
        assert len(page.object_list) == 10 and response.context["total"] == 12
        assert b"three levels above you" in response.content
        assert b"Page 1 of 2" in response.content
        second = as_mentee.get(self.url(comp, page=2))
        assert len(second.context["page"].object_list) == 2
        log = SearchLog.objects.get()  # paging is not a new search
        assert (log.participant, log.competency, log.result_count) == (mentee, comp, 12)

    def test_no_match_says_so_and_offers_to_save(self, as_mentee, mentee, comp):
        response = as_mentee.get(self.url(comp))
        assert b"No mentor is open to you" in response.content
        assert b"Email me when a new mentor appears" in response.content
        assert SearchLog.objects.get().result_count == 0
        response = as_mentee.post(reverse("mentorship:saved_search_add"),
                                  {"competency": comp.code})
        assert response.status_code == 302
        assert SavedSearch.objects.filter(mentee=mentee, competency=comp).exists()
        assert b"This search is saved" in as_mentee.get(self.url(comp)).content

    def test_invalid_competency_shows_the_error(self, as_mentee):
        response = as_mentee.get(reverse("mentorship:find_mentor") + "?competency=astrology")
        assert response.context["form"].errors["competency"]
        assert not SearchLog.objects.exists()

    def test_search_page_queries_do_not_grow(self, as_mentee, comp):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                assert as_mentee.get(self.url(comp)).status_code == 200
            return [q["sql"] for q in captured.captured_queries]

        for _ in range(5):
            mentor_in(comp)
        as_mentee.get(self.url(comp))  # warm per-process caches (content types, site)
        with_five = queries()
        for _ in range(45):
            mentor_in(comp)
        assert len(queries()) == len(with_five)
        # Ours: participant (gate), competency (form), mentee level, count, ranked page, search
        # log, pending requests on the page, saved search, competency list (select). The rest
        # (session, user, site settings, permissions) is the shared layout.
        assert len([sql for sql in with_five if '"mentorship_' in sql]) == 9

    def test_saved_searches_are_private(self, client, mentee, comp, participant):
        saved = SavedSearch.objects.create(mentee=mentee, competency=comp)
        client.force_login(participant.user)
        assert comp.name.encode() not in client.get(reverse("mentorship:saved_searches")).content
        response = client.post(reverse("mentorship:saved_search_delete", args=[saved.pk]))
        assert response.status_code == 404
        assert SavedSearch.objects.filter(pk=saved.pk).exists()
        client.force_login(mentee.user)
        client.post(reverse("mentorship:saved_search_delete", args=[saved.pk]))
        assert not SavedSearch.objects.filter(pk=saved.pk).exists()


class TestRequests:
    def test_mentee_sends_a_request(self, as_mentee, mentee, mentor, comp):
        url = reverse("mentorship:request_new", args=[mentor.pk]) + f"?competency={comp.code}"
        response = as_mentee.post(url, {"message": "too short"})
        assert response.status_code == 200 and response.context["form"].errors["message"]
        assert b"too short" in response.content
        message = "I would value your guidance on ethics with youth clients."
        assert as_mentee.post(url, {"message": message}).status_code == 302
        req = MentorshipRequest.objects.get()
        assert (req.mentee, req.mentor, req.message) == (mentee, mentor, message)
        duplicate = as_mentee.post(url, {"message": message})
        assert b"already asked" in duplicate.content

    def test_mentor_opens_the_emailed_link_and_accepts(self, client, mentee, mentor, comp):
        req = RequestFactory(mentee=mentee, mentor=mentor, competency=comp)
        client.force_login(mentor.user)
        url = reverse("mentorship:request_detail", args=[req.token])
        page = client.get(url).content.decode()
        assert "Mina Patel asks you" in page and req.message in page
        assert "Accept and start a partnership" in page
        assert client.post(url, {"action": "accept"}).status_code == 302
        assert Partnership.objects.get().mentee == mentee
        assert mail.outbox[-1].to == [mentee.user.email]

    def test_decline_reason_too_long_is_refused_next_to_the_field(self, client, mentee, mentor,
                                                                  comp):
        req = RequestFactory(mentee=mentee, mentor=mentor, competency=comp)
        client.force_login(mentor.user)
        url = reverse("mentorship:request_detail", args=[req.token])
        response = client.post(url, {"action": "decline", "reason": "x" * 1001})
        assert response.status_code == 400
        assert response.context["decline_form"].errors["reason"]
        client.post(url, {"action": "decline", "reason": "Full this term"})
        req.refresh_from_db()
        assert (req.status, req.decline_reason) == ("declined", "Full this term")

    def test_mentee_cannot_accept_their_own_request(self, as_mentee, mentee, mentor, comp):
        req = RequestFactory(mentee=mentee, mentor=mentor, competency=comp)
        url = reverse("mentorship:request_detail", args=[req.token])
        as_mentee.post(url, {"action": "accept"})
        req.refresh_from_db()
        assert req.status == "pending"
        as_mentee.post(url, {"action": "withdraw"})
        req.refresh_from_db()
        assert req.status == "withdrawn"

    def test_requests_are_private_to_the_two_people(self, client, mentee, mentor, comp,
                                                    participant):
        req = RequestFactory(mentee=mentee, mentor=mentor, competency=comp)
        client.force_login(participant.user)
        url = reverse("mentorship:request_detail", args=[req.token])
        assert client.get(url).status_code == 404
        assert client.post(url, {"action": "accept"}).status_code == 404
        withdraw = reverse("mentorship:request_withdraw", args=[req.token])
        assert client.post(withdraw).status_code == 404
        assert req.message.encode() not in client.get(reverse("mentorship:requests")).content
        req.refresh_from_db()
        assert req.status == "pending"

    def test_the_mentor_cannot_withdraw_the_mentees_request(self, client, mentee, mentor, comp):
        req = RequestFactory(mentee=mentee, mentor=mentor, competency=comp)
        client.force_login(mentor.user)
        response = client.post(reverse("mentorship:request_withdraw", args=[req.token]))
        assert response.status_code == 404
        client.force_login(mentee.user)
        url = reverse("mentorship:request_withdraw", args=[req.token])
        assert client.post(url).status_code == 302
        req.refresh_from_db()
        assert req.status == "withdrawn"

    def test_request_list_shows_sent_and_received(self, as_mentee, mentee, mentor, comp):
        RequestFactory(mentee=mentee, mentor=mentor, competency=comp)
        other = ParticipantFactory(user__first_name="Zed", user__last_name="Zimmer")
        RequestFactory(mentee=other, mentor=mentee, competency=comp)
        page = as_mentee.get(reverse("mentorship:requests")).content.decode()
        assert "Dan Okafor" in page and "Zed Zimmer" in page


class TestRequestGuidance:
    def test_asking_someone_not_open_to_you_explains_instead_of_showing_the_form(
        self, as_mentee, comp
    ):
        busy = mentor_in(comp, is_unavailable=True)
        url = reverse("mentorship:request_new", args=[busy.pk]) + f"?competency={comp.code}"
        response = as_mentee.get(url)
        assert b"not open to requests from you" in response.content
        assert b"Send request" not in response.content

    def test_a_declined_mentee_is_shown_the_next_best_mentors(self, as_mentee, mentee, mentor,
                                                             comp):
        other = mentor_in(comp, user__first_name="Grace", user__last_name="Lam")
        req = RequestFactory(mentee=mentee, mentor=mentor, competency=comp, status="declined")
        page = as_mentee.get(reverse("mentorship:request_detail", args=[req.token])).content
        assert b"Other mentors open to you" in page
        assert reverse("mentorship:profile_detail", args=[other.pk]).encode() in page
