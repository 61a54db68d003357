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
_.fast_answer_seconds  # a quiz setting the quiz report reads by name (F("quiz__…"))
_.confirm  # policies/policy_page.html (the acknowledgement checkbox)
_.reached_at  # sharing/campaign.html (when each milestone was reached)

# Set for Wagtail, Django's admin or the database, read there
_.CONFIRM  # leaderboard ShareCredit: HR's choice in Settings → Points ("on confirm")
_.last_published_at  # the demo dates its pages
_._wagtail_site  # portal/routing.py: where Site.find_for_request keeps the request's site
_.short_description  # Django admin column label
_.content_object  # django-taggit's through model
_.data_type  # openpyxl cell type, set by portal/exports.py
_.no_points_reason, _.decided_by, _.decided_at, _.updated_at, _.closed_at  # admin, export
_.token_hash, _.last_used_at  # people/scim/tokens.py filters and updates them by keyword
# scim2-models' FilterVisitor.visit dispatches to these (people/scim/filters.py)
_.visit_comparison, _.visit_present, _.visit_not, _.visit_logical_expr, _.visit_value_path

# Reached by Django through settings and the URLconf (portal/cache.py, portal/faults.py)
_.ResilientRedisCache  # CACHES["default"]["BACKEND"] when REDIS_URL is set
_.touch, _.get_many, _.has_key, _.incr, _.set_many, _.delete_many  # Django's cache API
handler500  # portal/urls.py: Django's error handler for uncaught errors
_._has_been_logged  # read by django.utils.log.log_response
# Read by Django's system checks and by django-csp (portal/checks.py, portal/csp.py)
_.portal_base_url_check  # registered with @register(deploy=True)
_.badge_issuer_email_check  # leaderboard/credentials_checks.py, @register(deploy=True)
_.badge_signing_keys_check  # likewise
_.nonce  # csp.middleware.PolicyParts.nonce, read by django-csp when it builds the header

# Sign-in: named in settings (portal/settings/signin.py) or called by allauth and axes
_.AccountAdapter, _.SocialAccountAdapter, _.ThrottleBackend, _.PasswordBackend
_.is_open_for_signup, _.pre_social_login, _.on_authentication_error  # allauth adapters
_.attempt_username, _.lockout_response  # AXES_USERNAME_CALLABLE, AXES_LOCKOUT_CALLABLE
_.ChorusSAMLProvider, _.package  # SOCIALACCOUNT_PROVIDERS["saml"]["provider_class"]
_.finished_at  # RosterImport: written and filtered through querysets (people/roster/tasks.py)
_.add_view_enabled  # Wagtail ModelViewSet option (people/sso/wagtail_hooks.py)
# Wagtail: ModelViewSet option, and the log-entry manager's interface its reports call
_.delete_view_class, _.viewable_by_user, _.for_instance
_.websocket_receive  # Channels dispatches raw websocket frames to it (portal/realtime)
_.is_staff, _.is_superuser  # fields set on an erased account before its save
# The admin, for HR: names read by templates (reports/overview.py) and called by Wagtail
_.link_text, _.attention  # OverviewRow fields, read by reports/admin_home_overview.html
_.css  # a Media class's stylesheets (ProgrammeOverviewPanel.Media)
_.get_export_url  # SpreadsheetExportMixin builds the download links with it (policies)
# Team chat webhooks (webhooks/): names Django, Wagtail and urllib reach by convention
_.add_to_settings_menu, _.inspect_view_class  # Wagtail ModelViewSet options (wagtail_hooks.py)
_.get_payload_display_value  # Wagtail's InspectView calls get_<field>_display_value
_.redirect_request  # urllib's HTTPRedirectHandler calls it (webhooks/transport.py)
_.event_key, _.last_attempt_at  # Delivery fields named by keyword, update_fields and admin
# Read only by templates
_.last_confirmed_at  # policies/policy_page.html: when the person last confirmed the policy
_.why_repeats  # sharing/share_hub_page.html: the card's reason repeats the previous one
_.get_user  # Django's auth calls the backend's get_user for every session (people/sso)
_.db  # Model._state.db: which database an instance came from (portal/rows.py sets it)
_.channel_layer  # Channels reads it (None: the hub serves every socket; realtime/consumer)
_._wagtail_cached_site_root_paths  # Wagtail's Page.get_url reads it (courses/selectors/progress)
_._query  # Django's last_executed_query reads the cursor's (portal/rows.py sets it when prepared)
