"""The pair's pages: their partnerships, the overview with the five steps, ending early.

Every partnership URL answers 404 to anyone but its mentor and mentee (staff included): the
content of a partnership is private to the pair.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms.formsets import BaseFormSet
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentorship.partnerships.choices import Step
from mentorship.partnerships.forms import EndEarlyForm
from mentorship.partnerships.selectors import (
    STEP_URL_NAMES,
    participant_of,
    partnerships_for,
    stepper,
)
from mentorship.partnerships.services import partnership_end_early, step_confirm


def pair_only(view):
    """Pass the partnership and the viewing participant to the view, or 404 for anyone else."""

    @login_required
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        participant = participant_of(request.user)
        if participant is None:
            raise Http404("No such partnership.")
        partnership = get_object_or_404(partnerships_for(participant=participant), pk=pk)
        return view(request, partnership, participant, *args, **kwargs)

    return wrapper


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def saved_response(updates: dict[str, str] | None = None):
    """The autosave answer; `updates` are form field values the page must take on (new ids)."""
    saved_at = timezone.localtime().strftime("%H:%M")
    return JsonResponse(
        {"saved": True, "message": f"Draft saved at {saved_at}.", "updates": updates or {}}
    )


def error_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [message for messages_ in error.message_dict.values() for message in messages_]
    return list(error.messages)


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal next to the field it concerns, or above the form."""
    if isinstance(form, BaseFormSet):
        form.non_form_errors().extend(error_messages(error))
        return
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)


@login_required
def partnership_list(request):
    participant = participant_of(request.user)
    partnerships = (
        partnerships_for(participant=participant) if participant else []
    )
    return render(
        request,
        "partnerships/partnership_list.html",
        {"participant": participant, "partnerships": partnerships},
    )


@pair_only
def partnership_detail(request, partnership, me):
    steps = stepper(partnership=partnership, viewer=me)
    return render(
        request,
        "partnerships/partnership_detail.html",
        {
            "partnership": partnership,
            "me": me,
            "other": partnership.other(me),
            "role": "mentor" if me.pk == partnership.mentor_id else "mentee",
            "steps": steps,
            "current": next((s for s in steps if s.is_current), None),
        },
    )


@require_POST
@pair_only
def confirm_step(request, partnership, me, step):
    """Confirm a shared step (agreement, plan, practice) as it is saved."""
    if step not in Step.values:
        raise Http404("No such step.")
    try:
        step_confirm(partnership=partnership, step=step, by=me)
    except ValidationError as error:
        for message in error_messages(error):
            messages.error(request, message)
        return redirect(STEP_URL_NAMES[Step(step)], partnership.pk)
    messages.success(request, f"You confirmed step {step}: {Step(step).label}.")
    return redirect("partnerships:detail", partnership.pk)


@pair_only
def end_early(request, partnership, me):
    if not partnership.is_active:
        messages.info(request, "This partnership has already ended.")
        return redirect("partnerships:detail", partnership.pk)
    form = EndEarlyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partnership_end_early(
                partnership=partnership, by=me, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The partnership has ended. Thank you for taking part.")
            return redirect("partnerships:detail", partnership.pk)
    return render(
        request,
        "partnerships/end_early.html",
        {"partnership": partnership, "me": me, "form": form},
    )
