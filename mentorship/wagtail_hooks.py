"""Staff screens for the program's own data, grouped under one "Program" menu."""

from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from mentorship.models import Competency, Organization


class CompetencyAdmin(ModelAdmin):
    model = Competency
    menu_icon = "list-ol"
    list_display = ("name", "code", "sort_order", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "code")
    ordering = ("sort_order", "name")


class OrganizationAdmin(ModelAdmin):
    model = Organization
    menu_icon = "group"
    list_display = ("name", "organization_type", "region", "is_case_study_site")
    list_filter = ("organization_type", "region", "is_case_study_site")
    search_fields = ("name",)


class ProgramAdminGroup(ModelAdminGroup):
    menu_label = "Program"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (CompetencyAdmin, OrganizationAdmin)


modeladmin_register(ProgramAdminGroup)
