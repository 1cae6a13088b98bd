"""The administrator's engagement dashboard, its stuck lists and one person's check-ins."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mentorship.engagement import figures
from mentorship.engagement.filters import DashboardFilterForm
from mentorship.engagement.forms import BulkCheckInForm, CheckInForm
from mentorship.engagement.models import CheckIn, EngagementSettings, Nudge, Situation
from mentorship.engagement.services import check_in_note, check_in_send
from mentorship.engagement.stuck import RULES, stuck
from mentorship.models import Participant

PERMISSION = "engagement.view_dashboard"
PREVIEW_ROWS = 5
PAGE_SIZE = 50


def dashboard_permission_required(view):
    """Only program administrators (and superusers) see who is stuck; others get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _sections(people, thresholds):
    sections = []
    for situation, rule in RULES.items():
        page = Paginator(stuck(situation, people=people, thresholds=thresholds), PREVIEW_ROWS)
        sections.append(
            {
                "rule": rule,
                "days": thresholds.threshold(situation),
                "count": page.count,
                "rows": page.page(1).object_list if page.count else [],
            }
        )
    return sections


@dashboard_permission_required
def dashboard(request):
    filters = DashboardFilterForm(request.GET or None)
    people = filters.participants()
    thresholds = EngagementSettings.load()
    counts = figures.funnel_counts(people)
    funnel = figures.funnel(counts)
    report = figures.report_figures(people, counts)
    charts = {
        "funnel": [{"label": step.label, "count": step.count} for step in funnel],
        "searches": report["searches_by_competency"],
        "requests": report["requests_per_mentor"],
        "training": report["training"],
    }
    return render(
        request,
        "engagement/dashboard.html",
        {
            "filters": filters,
            "query": filters.query_string(),
            "counts": counts,
            "funnel": funnel,
            "report": report,
            "charts": charts,
            "sections": _sections(people, thresholds),
            "thresholds": thresholds,
            "nudges": Nudge.objects.filter(participant__in=people.values("pk"))
            .select_related("participant__user")[:10],
        },
    )


@dashboard_permission_required
def stuck_list(request, situation: str):
    if situation not in RULES:
        raise Http404("No such list.")
    filters = DashboardFilterForm(request.GET or None)
    thresholds = EngagementSettings.load()
    paginator = Paginator(stuck(situation, people=filters.participants(), thresholds=thresholds),
                          PAGE_SIZE)
    return render(
        request,
        "engagement/stuck_list.html",
        {
            "rule": RULES[situation],
            "days": thresholds.threshold(situation),
            "page": paginator.get_page(request.GET.get("page")),
            "filters": filters,
            "query": filters.query_string(),
            "form": BulkCheckInForm(initial={"situation": situation}),
        },
    )


@require_POST
@dashboard_permission_required
def bulk_check_in(request):
    form = BulkCheckInForm(request.POST)
    back = request.POST.get("next", "")
    if not back.startswith(reverse("engagement_dashboard")):
        back = reverse("engagement_dashboard")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    sent = check_in_send(
        participants=list(form.cleaned_data["participants"].select_related("user")),
        template=form.cleaned_data["template"],
        by=request.user,
        situation=form.cleaned_data["situation"],
    )
    messages.success(request, f"Check-in email sent to {len(sent)} participant(s).")
    return redirect(back)


@dashboard_permission_required
def participant_check_ins(request, pk: int):
    participant = get_object_or_404(Participant.objects.select_related("user", "organization"),
                                    pk=pk)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["action"] == CheckInForm.SEND:
            check_in_send(participants=[participant], template=data["template"],
                          by=request.user, note=data["note"])
            messages.success(request, f"Check-in email sent to {participant.user.email}.")
        else:
            check_in_note(participant=participant, by=request.user, note=data["note"])
            messages.success(request, "Check-in note logged.")
        return redirect("engagement_participant", pk=participant.pk)
    return render(
        request,
        "engagement/participant.html",
        {
            "participant": participant,
            "form": form,
            "check_ins": CheckIn.objects.filter(participant=participant).select_related("by")[:50],
            "nudges": Nudge.objects.filter(participant=participant),
            "situations": Situation,
        },
        status=400 if form.errors else 200,
    )
