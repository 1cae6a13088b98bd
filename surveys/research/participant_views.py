"""A participant's own pages: withdraw from the study; delete the account."""

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, render

from surveys.models import Enrolment
from surveys.research import withdrawal
from surveys.research.forms import DeleteAccountForm, WithdrawForm
from surveys.research.models import DataPolicy
from surveys.research.selectors import is_withdrawn
from surveys.views import StudyView


class WithdrawView(StudyView):
    template_name = "research/withdraw.html"

    def _context(self, request, form):
        enrolment = (
            Enrolment.objects.filter(participant__user=request.user)
            .select_related("participant")
            .first()
        )
        participant = enrolment.participant if enrolment else None
        return {
            "form": form,
            "enrolment": enrolment,
            "withdrawn": bool(participant and is_withdrawn(participant=participant)),
            "deletes_data": bool(
                participant and withdrawal.policy_for(participant) == DataPolicy.DELETE
            ),
        }

    def get(self, request):
        return render(request, self.template_name, self._context(request, WithdrawForm()))

    def post(self, request):
        form = WithdrawForm(request.POST)
        context = self._context(request, form)
        if context["enrolment"] is None or context["withdrawn"]:
            return redirect("surveys:status")
        if not form.is_valid():
            return render(request, self.template_name, context, status=400)
        withdrawal.withdraw(participant=context["enrolment"].participant)
        messages.success(request, "You have withdrawn from the study. Thank you for taking part.")
        return redirect("surveys:status")


class DeleteAccountView(StudyView):
    template_name = "research/delete_account.html"

    def get(self, request):
        form = DeleteAccountForm(user=request.user)
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        form = DeleteAccountForm(request.POST, user=request.user)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        user = request.user
        logout(request)
        withdrawal.delete_account(user=user)
        messages.success(request, "Your account has been deleted.")
        return redirect("/")
