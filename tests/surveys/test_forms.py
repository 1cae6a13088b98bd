"""Every invalid input the study's forms can receive gets a message on the field it came from."""

import pytest

from surveys.forms import AccessCodeForm, ConsentForm, build_page_form_class
from surveys.instruments.grid import grid_field_name
from surveys.models import InstrumentPage, Item
from surveys.services.responses import current_version
from tests.factories import OrganizationFactory
from tests.surveys.factories import CaseStudyEnrolmentCodeFactory, page_post_data

pytestmark = pytest.mark.django_db


def baseline_page(number) -> InstrumentPage:
    return current_version(wave="baseline").pages.get(number=number)


def page_form(number, **overrides):
    page = baseline_page(number)
    return build_page_form_class(page)(page_post_data(page, overrides=overrides))


def consent_form(**overrides):
    data = {"agree": "on", "first_name": "Ada", "last_name": "Lovelace", "enrolment_code": ""}
    data.update(overrides)
    return ConsentForm({k: v for k, v in data.items() if v is not None})


class TestConsentForm:
    def test_valid_without_code(self):
        form = consent_form(first_name="  Ada ")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["first_name"] == "Ada"
        assert form.cleaned_data["enrolment_code"] is None

    @pytest.mark.parametrize(
        ("field", "overrides", "message"),
        [
            ("agree", {"agree": None}, "Tick this box to agree"),
            ("first_name", {"first_name": ""}, "Enter your first name."),
            ("last_name", {"last_name": ""}, "Enter your last name."),
            ("first_name", {"first_name": "x" * 151}, "at most 150"),
            ("organization", {"organization": "999999"}, "Select a valid choice"),
            ("enrolment_code", {"enrolment_code": "short"}, "12 letters and numbers"),
            ("enrolment_code", {"enrolment_code": "OOOO-IIII-1111"}, "12 letters and numbers"),
            ("enrolment_code", {"enrolment_code": "ABCD-EFGH-JKMN"}, "don't recognise"),
        ],
    )
    def test_invalid(self, field, overrides, message):
        form = consent_form(**overrides)
        assert not form.is_valid()
        assert message in " ".join(form.errors[field])

    def test_inactive_code_is_refused(self):
        code = CaseStudyEnrolmentCodeFactory(active=False)
        form = consent_form(enrolment_code=code.code)
        assert not form.is_valid()
        assert "no longer in use" in form.errors["enrolment_code"][0]

    def test_code_of_an_organization_no_longer_a_case_study_site_is_refused(self):
        code = CaseStudyEnrolmentCodeFactory()
        code.organization.is_case_study_site = False
        code.organization.save()
        form = consent_form(enrolment_code=code.code)
        assert not form.is_valid()
        assert "no longer in use" in form.errors["enrolment_code"][0]

    def test_active_code_typed_loosely_is_accepted(self):
        code = CaseStudyEnrolmentCodeFactory()
        organization = OrganizationFactory()
        form = consent_form(
            enrolment_code=f" {code.code.replace('-', ' ').lower()} ", organization=organization.pk
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["enrolment_code"] == code


class TestAccessCodeForm:
    @pytest.mark.parametrize(
        ("typed", "message"),
        [
            ("", "Enter the access code"),
            ("ABCD-EFGH", "not an access code"),
            ("ABCD-EFGH-JKMN-PQRS", "not an access code"),
            ("ABCD-EFGH-JK0N", "not an access code"),
            ("x" * 21, "at most 20"),
        ],
    )
    def test_invalid(self, typed, message):
        form = AccessCodeForm({"code": typed})
        assert not form.is_valid()
        assert message in form.errors["code"][0]

    def test_normalizes_case_spaces_and_dashes(self):
        form = AccessCodeForm({"code": "abcd efgh-jkmn"})
        assert form.is_valid()
        assert form.cleaned_data["code"] == "ABCD-EFGH-JKMN"


class TestSurveyPageForm:
    def test_every_page_accepts_complete_valid_answers(self):
        for page in current_version(wave="baseline").pages.all():
            form = build_page_form_class(page)(page_post_data(page))
            assert form.is_valid(), (page.number, form.errors)

    def test_missing_required_single_choice(self):
        form = page_form(1, gender=None)
        assert not form.is_valid()
        assert form.errors["gender"] == ["Please answer this question."]

    def test_unknown_option(self):
        form = page_form(1, age_band="90_plus")
        assert not form.is_valid()
        assert form.errors["age_band"] == ["Choose one of the options shown."]

    def test_missing_and_unknown_multiple_choice(self):
        assert page_form(2, client_populations=None).errors["client_populations"] == [
            "Please answer this question."
        ]
        errors = page_form(2, client_populations=["youth", "martians"]).errors
        assert errors["client_populations"] == ["Choose only from the options shown."]

    def test_exclusive_option_cannot_be_combined(self):
        form = page_form(2, certifications=["none", "bc_ccdp"])
        assert not form.is_valid()
        assert "cannot be combined" in form.errors["certifications"][0]
        assert page_form(2, certifications=["none"]).is_valid()

    def test_likert_outside_the_scale(self):
        form = page_form(3, satisfaction_decision="6")
        assert form.errors["satisfaction_decision"] == ["Choose one of the options shown."]

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("lots", "Enter a number"),
            ("-1", "greater than or equal to 0"),
            ("501", "less than or equal to 500"),
            ("2.555", "no more than 2 decimal places"),
        ],
    )
    def test_number_out_of_range_or_not_a_number(self, value, message):
        form = page_form(7, pd_hours=value)
        assert not form.is_valid()
        assert message in form.errors["pd_hours"][0]

    def test_optional_number_and_text_may_be_left_empty(self):
        assert page_form(7, pd_hours="", pd_comments="").is_valid()

    def test_long_text_over_its_limit(self):
        form = page_form(7, pd_comments="x" * 2001)
        assert "at most 2000" in form.errors["pd_comments"][0]

    def test_competency_grid_missing_and_invalid_levels(self):
        page = baseline_page(5)
        grid = page.items.get(type=Item.Type.COMPETENCY_GRID)
        form_class = build_page_form_class(page)
        first, second = form_class.competencies[:2]
        data = page_post_data(page, overrides={
            grid_field_name(grid, first): None, grid_field_name(grid, second): "5"
        })
        form = form_class(data)
        assert not form.is_valid()
        assert form.errors[grid_field_name(grid, first)] == [f"Choose your level in {first.name}."]
        assert form.errors[grid_field_name(grid, second)] == ["Choose one of the options shown."]

    def test_lenient_form_keeps_valid_answers_and_demands_nothing(self):
        page = baseline_page(1)
        form = build_page_form_class(page, require=False)({"gender": "woman", "age_band": "bad"})
        form.is_valid()
        assert form.cleaned_data["gender"] == "woman"
        assert "age_band" not in form.cleaned_data
        assert form.cleaned_data["region"] == ""
