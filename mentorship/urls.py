from django.urls import path

from mentorship.views import profiles, requests, search

app_name = "mentorship"

urlpatterns = [
    path("profile/", profiles.my_profile, name="my_profile"),
    path("profile/edit/", profiles.profile_edit, name="profile_edit"),
    path("profile/photo/", profiles.photo_edit, name="photo_edit"),
    path("profile/photo/remove/", profiles.photo_remove, name="photo_remove"),
    path("profile/competencies/", profiles.competencies_edit, name="competencies_edit"),
    path("profile/availability/", profiles.availability_edit, name="availability_edit"),
    path("people/<int:pk>/", profiles.profile_detail, name="profile_detail"),
    path("people/<int:pk>/request/", requests.request_new, name="request_new"),
    path("find/", search.find_mentor, name="find_mentor"),
    path("saved-searches/", search.saved_search_list, name="saved_searches"),
    path("saved-searches/add/", search.saved_search_add, name="saved_search_add"),
    path("saved-searches/<int:pk>/delete/", search.saved_search_remove, name="saved_search_delete"),
    path("requests/", requests.request_list, name="requests"),
    path("requests/<str:token>/", requests.request_detail, name="request_detail"),
    path(
        "requests/<str:token>/withdraw/",
        requests.request_withdraw_view,
        name="request_withdraw",
    ),
]
