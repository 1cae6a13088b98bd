"""Thin views for the participant's way through the study; the logic lives in services."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from surveys import selectors
from surveys.forms import AccessCodeForm, ConsentForm, build_page_form_class
from surveys.models import Enrolment, Response, Wave
from surveys.page_flow import SurveyPagePostMixin
from surveys.services import access, consent, enrolment, responses

SESSION_ENROLMENT_CODE = "surveys_enrolment_code"


class StudyView(LoginRequiredMixin, View):
    """Study pages are for participants: staff accounts (anyone who can open the admin) see a
    short explanation instead, so no staff account ends up enrolled or randomized."""

    def dispatch(self, request, *args, **kwargs):
        if is_staff_account(request.user):
            return render(request, "surveys/staff_only.html", status=403)
        return super().dispatch(request, *args, **kwargs)


def is_staff_account(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


class StatusView(StudyView):
    def dispatch(self, request, *args, **kwargs):
        # Sign-in lands everyone here; staff belong in the admin.
        if is_staff_account(request.user):
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        # Imported here: the follow-up app builds on this one, not the other way round.
        from surveys.followup.services import has_completed, is_open_for

        status = selectors.study_status(user=request.user)
        form = None
        if status.access_code is not None:
            form = AccessCodeForm(initial={"code": status.access_code.code})
        participant = getattr(request.user, "participant", None)
        follow_up_due = (
            participant is not None
            and is_open_for(participant=participant)
            and not has_completed(participant=participant)
        )
        return render(
            request,
            "surveys/status.html",
            {"status": status, "form": form, "follow_up_due": follow_up_due},
        )


class ConsentView(StudyView):
    template_name = "surveys/consent.html"

    def dispatch(self, request, *args, **kwargs):
        # Remember a case-study code from an invitation link through sign-up and sign-in.
        if "code" in request.GET:
            request.session[SESSION_ENROLMENT_CODE] = request.GET["code"][:20]
        return super().dispatch(request, *args, **kwargs)

    def _render(self, request, form, version, status=200):
        return render(
            request, self.template_name, {"form": form, "version": version}, status=status
        )

    def _initial(self, request):
        user = request.user
        return {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "enrolment_code": request.session.get(SESSION_ENROLMENT_CODE, ""),
        }

    def get(self, request):
        if consent.is_enrolled(request.user):
            return redirect("surveys:status")
        version = consent.current_consent()
        if version is None:
            return render(request, "surveys/closed.html")
        return self._render(request, ConsentForm(initial=self._initial(request)), version)

    def post(self, request):
        if consent.is_enrolled(request.user):
            messages.info(request, "You are already enrolled in the study; nothing was changed.")
            return redirect("surveys:status")
        version = consent.current_consent()
        if version is None:
            return render(request, "surveys/closed.html")
        if request.POST.get("decision") == "decline":
            consent.record_consent(user=request.user, version=version, agreed=False)
            return render(request, "surveys/declined.html")
        form = ConsentForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, version)
        consent.record_consent(
            user=request.user,
            version=version,
            agreed=True,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            organization=form.cleaned_data["organization"],
            enrolment_code=form.cleaned_data["enrolment_code"],
        )
        request.session.pop(SESSION_ENROLMENT_CODE, None)
        return redirect("surveys:baseline")


class BaselineMixin:
    """Finds the signed-in participant's baseline response, or says where they should be."""

    def baseline_response(self, request) -> Response | None:
        enrolment_row = Enrolment.objects.filter(participant__user=request.user).first()
        if enrolment_row is None:
            return None
        return responses.start_response(participant=enrolment_row.participant, wave=Wave.BASELINE)


class BaselineStartView(BaselineMixin, StudyView):
    def get(self, request):
        response = self.baseline_response(request)
        if response is None:
            return redirect("surveys:consent")
        if response.is_submitted:
            return redirect("surveys:status")
        return redirect("surveys:baseline_page", number=response.current_page)


class BaselinePageView(SurveyPagePostMixin, BaselineMixin, StudyView):
    page_url_name = "surveys:baseline_page"
    completed_message = "Thank you: your baseline survey is complete."

    def complete(self, participant):
        enrolment.submit_baseline(participant=participant)

    template_name = "surveys/survey_page.html"

    def setup_page(self, request, number):
        response = self.baseline_response(request)
        if response is None or response.is_submitted:
            return response, None
        page = response.version.pages.filter(number=number).first()
        if page is None:
            raise Http404("No such page in this survey.")
        return response, page

    def _render(self, request, response, page, form):
        pages = list(response.version.pages.all())
        context = {
            "response": response,
            "page": page,
            "pages": pages,
            "page_count": len(pages),
            "is_last": page.number == len(pages),
            "form": form,
        }
        return render(request, self.template_name, context)

    def get(self, request, number):
        response, page = self.setup_page(request, number)
        if response is None:
            return redirect("surveys:consent")
        if page is None:
            return redirect("surveys:status")
        if number > response.furthest_page:
            return redirect("surveys:baseline_page", number=response.current_page)
        form_class = build_page_form_class(page)
        initial = responses.initial_for(response=response, page=page)
        return self._render(request, response, page, form_class(initial=initial))

    def post(self, request, number):
        response, page = self.setup_page(request, number)
        if response is None:
            return redirect("surveys:consent")
        if page is None:
            messages.info(request, "Your survey was already submitted; nothing was changed.")
            return redirect("surveys:status")
        if number > response.furthest_page:
            return redirect("surveys:baseline_page", number=response.current_page)
        return self.save_posted_page(request, response, page, number)


class RedeemView(StudyView):
    template_name = "surveys/redeem.html"

    def get(self, request):
        return render(request, self.template_name, {"form": AccessCodeForm()})

    def post(self, request):
        form = AccessCodeForm(request.POST)
        participant = getattr(request.user, "participant", None)
        if form.is_valid():
            if participant is None:
                form.add_error("code", "Enrol in the study first; your code will follow.")
            else:
                try:
                    access.redeem_access_code(
                        participant=participant, typed_code=form.cleaned_data["code"]
                    )
                except access.AccessCodeError as error:
                    form.add_error("code", str(error))
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        messages.success(request, "Your code worked: the mentoring platform is open to you.")
        return redirect(reverse("surveys:status"))


