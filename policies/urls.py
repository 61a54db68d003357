from django.urls import path

from policies import views

app_name = "policies"
urlpatterns = [
    path("<int:policy_id>/acknowledge/", views.acknowledge, name="acknowledge"),
]
