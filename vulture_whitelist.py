"""Names vulture (in `make lint`) cannot see used: read only by templates, or columns the
ORM, the admin and the personal data export show. Each line says who reads it."""
# ruff: noqa: B018, F821

# Read in templates
_.takes_text  # sharing/share_form.html
_.minutes  # courses lesson and course pages
_.next_allowed_at  # courses/course_page.html, quiz_page.html
_.training_url, _.lesson_number, _.previous_lesson, _.next_lesson  # lesson_page.html
_.cover_image  # courses/course_page.html
_.internal_note  # sharing/share_post_page.html (editor preview)
_.chart, _.empty, _.figures, _.object_list  # reports/report.html
_.quiz_title  # reports/quiz.py reads the row by name
_.confirm  # policies/policy_page.html (the acknowledgement checkbox)

# Set for Wagtail, Django's admin or the database, read there
_.last_published_at  # the demo dates its pages
_.short_description  # Django admin column label
_.content_object  # django-taggit's through model
_.data_type  # openpyxl cell type, set by portal/exports.py
_.no_points_reason, _.decided_by, _.decided_at, _.updated_at, _.closed_at  # admin, export
