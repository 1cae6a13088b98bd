"""The base every staff screen of our own models is registered with."""

from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import HistoryView


class PermissionCheckedHistoryView(HistoryView):
    """wagtail-modeladmin 2.5's history view checks no permission at all, so any admin user could
    read any record's change log; require the same permission as the record list."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_list(user)


class ProgramModelAdmin(ModelAdmin):
    history_view_class = PermissionCheckedHistoryView
