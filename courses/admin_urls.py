"""Admin URLs that must come before Wagtail's own (portal/urls.py includes this first)."""

from django.urls import path

from courses import admin_views

urlpatterns = [
    # Before Wagtail's own "add page" URL: a course's second quiz gets "a course has one
    # quiz" instead of "you do not have permission" (courses/admin_views.py).
    path("pages/add/courses/quizpage/<int:parent_page_id>/", admin_views.quiz_add),
]
