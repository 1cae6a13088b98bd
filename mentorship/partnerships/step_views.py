"""One screen per step. Drafts are saved on every submit (and by the autosave script), so
nothing typed is lost; "confirm" saves and confirms in one go once the step is complete."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentorship.partnerships import drafts
from mentorship.partnerships.choices import Step
from mentorship.partnerships.forms import (
    AgreementForm,
    AssessmentForm,
    CommentForm,
    FeedbackForm,
    MeetingForm,
    ObjectiveFormSet,
)
from mentorship.partnerships.models import Agreement, Feedback, FinalAssessment
from mentorship.partnerships.selectors import (
    STEP_URL_NAMES,
    competencies_worked_on,
    confirmed_ids,
    stepper,
)
from mentorship.partnerships.services import ensure_step_open, step_confirm
from mentorship.partnerships.views import (
    add_service_errors,
    pair_only,
    saved_response,
    wants_json,
)


def step_context(partnership, me, step: Step) -> dict:
    try:
        ensure_step_open(partnership=partnership, step=step, by=me)
        editable, closed_reason = True, ""
    except (ValidationError, PermissionDenied) as error:
        editable, closed_reason = False, " ".join(error.messages)
    confirmed = confirmed_ids(partnership=partnership, step=step)
    other = partnership.other(me)
    return {
        "partnership": partnership,
        "me": me,
        "other": other,
        "role": "mentor" if me.pk == partnership.mentor_id else "mentee",
        "step": step,
        "steps": stepper(partnership=partnership, viewer=me),
        "editable": editable,
        "closed_reason": closed_reason,
        "i_confirmed": me.pk in confirmed,
        "other_confirmed": other.pk in confirmed,
    }


def handle_draft_form(request, *, context, make_form, save, template):
    """Save a draft, or save and confirm; re-show the form with its errors when invalid.

    When confirming fails because something is missing, what was typed is still saved as a
    draft, so nothing is lost.
    """
    partnership, me, step = context["partnership"], context["me"], context["step"]
    if request.method != "POST" or not context["editable"]:
        if request.method == "POST":
            messages.error(request, context["closed_reason"])
        return render(request, template, {**context, "form": make_form(None, False)})
    confirming = request.POST.get("action") == "confirm"
    form = make_form(request.POST, confirming)
    updates = None
    if form.is_valid():
        try:
            updates = save(form)
            if confirming:
                step_confirm(partnership=partnership, step=step, by=me)
        except ValidationError as error:
            add_service_errors(form, error)
    elif confirming:
        draft = make_form(request.POST, False)
        if draft.is_valid():
            save(draft)
    if not form.is_valid():
        if wants_json(request):
            errors = form.errors if isinstance(form.errors, dict) else {"__all__": "Check it."}
            return JsonResponse({"saved": False, "errors": errors}, status=400)
        return render(request, template, {**context, "form": form})
    if wants_json(request):
        return saved_response(updates)
    if confirming:
        messages.success(request, f"You confirmed step {step.value}: {step.label}.")
        return redirect("partnerships:detail", partnership.pk)
    messages.success(request, "Draft saved. You can come back to it at any time.")
    return redirect(STEP_URL_NAMES[step], partnership.pk)


@pair_only
def agreement(request, partnership, me):
    context = step_context(partnership, me, Step.AGREEMENT)
    instance = Agreement.objects.filter(partnership=partnership).first() or Agreement(
        partnership=partnership, planned_end_date=partnership.planned_end_date
    )

    def make_form(data, complete):
        return AgreementForm(data, instance=instance, complete=complete)

    def save(form):
        drafts.agreement_save(partnership=partnership, by=me, **form.cleaned_data)

    context["agreement"] = instance
    return handle_draft_form(
        request, context=context, make_form=make_form, save=save,
        template="partnerships/step_agreement.html",
    )


def with_comment_forms(objectives, failed=None) -> list:
    """Give each objective its own comment form (ids kept apart), or the one that failed."""
    objectives = list(objectives)
    for objective in objectives:
        if failed and failed[0] == objective.pk:
            objective.comment_form = failed[1]
        else:
            objective.comment_form = CommentForm(auto_id=f"id_comment_{objective.pk}_%s")
    return objectives


@pair_only
def plan(request, partnership, me):
    context = step_context(partnership, me, Step.PLAN)
    objectives = partnership.objectives.select_related("competency").prefetch_related(
        "comments"
    )
    context["objectives"] = with_comment_forms(objectives)
    if me.pk != partnership.mentee_id:
        return render(request, "partnerships/step_plan.html", context)

    def make_form(data, complete):
        return ObjectiveFormSet(
            data, queryset=objectives, prefix="objectives", form_kwargs={"complete": complete}
        )

    def save(formset) -> dict[str, str]:
        """Save the objectives; tell the autosave script the ids of new ones, so its next save
        updates them instead of adding them again."""
        items, delete_pks, new_prefixes = [], [], []
        for form in formset.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            if form.cleaned_data.get("DELETE"):
                if form.instance.pk:
                    delete_pks.append(form.instance.pk)
                continue
            if form.instance.pk is None:
                new_prefixes.append((len(items), form.prefix))
            items.append(
                drafts.ObjectiveInput(
                    pk=form.instance.pk,
                    text=form.cleaned_data["text"],
                    competency=form.cleaned_data.get("competency"),
                    activities=form.cleaned_data.get("activities", ""),
                    success_measure=form.cleaned_data.get("success_measure", ""),
                )
            )
        saved = drafts.objectives_save(
            partnership=partnership, by=me, objectives=items, delete_pks=delete_pks
        )
        updates = {f"{prefix}-id": str(saved[index].pk) for index, prefix in new_prefixes}
        if updates:
            updates[f"{formset.prefix}-INITIAL_FORMS"] = str(
                formset.initial_form_count() + len(updates)
            )
        return updates

    return handle_draft_form(
        request, context=context, make_form=make_form, save=save,
        template="partnerships/step_plan.html",
    )


@require_POST
@pair_only
def comment(request, partnership, me, objective_pk):
    objective = get_object_or_404(partnership.objectives, pk=objective_pk)
    form = CommentForm(request.POST, auto_id=f"id_comment_{objective.pk}_%s")
    if form.is_valid():
        try:
            drafts.objective_comment_add(objective=objective, by=me, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
    if form.errors:
        context = step_context(partnership, me, Step.PLAN)
        objectives = partnership.objectives.select_related("competency")
        context["objectives"] = with_comment_forms(
            objectives.prefetch_related("comments"), failed=(objective.pk, form)
        )
        return render(request, "partnerships/step_plan.html", context)
    messages.success(request, "Comment added.")
    return redirect("partnerships:plan", partnership.pk)


@pair_only
def practice(request, partnership, me):
    context = step_context(partnership, me, Step.PRACTICE)
    agreed = getattr(partnership, "agreement", None)
    modes = agreed.meeting_modes if agreed else []
    initial = {"date": timezone.localdate(), "mode": modes[0] if modes else None}
    form = MeetingForm(request.POST or None, partnership=partnership, initial=initial)
    if request.method == "POST" and context["editable"] and form.is_valid():
        try:
            drafts.meeting_add(
                partnership=partnership, by=me, date=form.cleaned_data["date"],
                mode=form.cleaned_data["mode"], covered=form.cleaned_data["covered"],
                progress=form.progress(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Meeting logged.")
            return redirect("partnerships:practice", partnership.pk)
    elif request.method == "POST" and not context["editable"]:
        messages.error(request, context["closed_reason"])
        form = MeetingForm(partnership=partnership, initial=initial)
    context["form"] = form
    context["meetings"] = partnership.meetings.prefetch_related("progress__objective")
    return render(request, "partnerships/step_practice.html", context)


@pair_only
def feedback(request, partnership, me):
    context = step_context(partnership, me, Step.FEEDBACK)
    mine = Feedback.objects.filter(partnership=partnership, giver=me).first()
    initial = (
        {"strengths": mine.strengths, "suggestions": mine.suggestions, "rating": mine.rating}
        if mine else {}
    )

    def make_form(data, complete):
        return FeedbackForm(data, initial=initial, complete=complete)

    def save(form):
        drafts.feedback_save(partnership=partnership, by=me, **form.cleaned_data)

    context["mine"] = mine
    # What the other person wrote is shown only once both have submitted, so neither is swayed.
    both = context["i_confirmed"] and context["other_confirmed"]
    context["received"] = (
        Feedback.objects.filter(partnership=partnership, receiver=me).first() if both else None
    )
    return handle_draft_form(
        request, context=context, make_form=make_form, save=save,
        template="partnerships/step_feedback.html",
    )


@pair_only
def assessment(request, partnership, me):
    context = step_context(partnership, me, Step.ASSESSMENT)
    is_mentee = me.pk == partnership.mentee_id
    competencies = competencies_worked_on(partnership=partnership) if is_mentee else []
    mine = FinalAssessment.objects.filter(partnership=partnership, participant=me).first()
    initial = {}
    if mine:
        initial = {
            "quality": mine.quality, "effectiveness": mine.effectiveness,
            "satisfaction": mine.satisfaction, "comments": mine.comments,
        }
        initial.update({f"level_{r.competency_id}": r.level for r in mine.reratings.all()})

    def make_form(data, complete):
        return AssessmentForm(
            data, initial=initial, competencies=competencies, complete=complete
        )

    def save(form):
        data = {key: form.cleaned_data.get(key) for key in ("quality", "effectiveness",
                                                              "satisfaction")}
        drafts.assessment_save(
            partnership=partnership, by=me, comments=form.cleaned_data.get("comments", ""),
            levels=form.levels(), **data,
        )

    context["mine"] = mine
    return handle_draft_form(
        request, context=context, make_form=make_form, save=save,
        template="partnerships/step_assessment.html",
    )
