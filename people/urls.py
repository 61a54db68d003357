from django.urls import path

from people import views

app_name = "people"

urlpatterns = [
    path("", views.me, name="me"),
    path("profile/", views.profile_update, name="profile"),
    path("networks/", views.network_add, name="network_add"),
    path("networks/<int:network_id>/delete/", views.network_remove, name="network_remove"),
    path("consents/<str:kind>/", views.consent_change, name="consent"),
    path("export.json", views.export_json, name="export"),
]
