from django.urls import path

from leaderboard import views

app_name = "leaderboard"

urlpatterns = [
    path("", views.board, name="board"),
    path("you/", views.you, name="you"),
    path("points/", views.points, name="points"),
]
