"""Wagtail pages editors write: the course catalogue, courses, lessons and quizzes.

Pages keep presentation only; what a person did lives in courses.models.records and all
reads and writes go through courses.selectors and courses.services. The selectors query
these models, so the pages never call them: their templates read a person's progress
through the tags in courses.templatetags.courses_tags.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from courses.estimates import reading_minutes, word_count
from courses.models.blocks import LessonBodyBlock, QuestionPoolBlock


class CourseIndexPage(Page):
    """The training catalogue at /training/."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol"])

    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "course catalogue"


class CoursePage(Page):
    summary = models.TextField(help_text="One or two sentences shown in the catalogue.")
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    certifies_advocates = models.BooleanField(
        default=False,
        help_text="Passing this course's quiz certifies the person as an advocate.",
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="How long a certificate stays valid. Leave blank for no expiry.",
    )
    default_due_days = models.PositiveSmallIntegerField(
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Onboarding rules suggest this many days after joining as the due date.",
    )
    recertification_due_days = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        verbose_name="days to pass again after expiry",
        help_text="When a certificate expires the person is enrolled again, due this many "
        "days after the expiry date; sharing stays paused until they pass the quiz again.",
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("certifies_advocates"),
                FieldPanel("certificate_validity_months"),
                FieldPanel("recertification_due_days"),
                FieldPanel("default_due_days"),
            ],
            heading="Certification and onboarding",
        ),
    ]

    class Meta:
        verbose_name = "course"


class LessonPage(Page):
    intro = models.TextField(blank=True, help_text="A sentence that says what the lesson is for.")
    body = StreamField(LessonBodyBlock())
    estimated_minutes = models.PositiveSmallIntegerField(
        default=1,
        editable=False,
        help_text="Reading time, worked out from the lesson's words whenever it is saved.",
    )

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "lesson"

    def save(self, *args, **kwargs):
        # Derived from the content, so the course page, this page and the reminders agree.
        # Only on a full save (creation, publishing): saving a draft revision writes a few
        # fields of the live row, and the live lesson's time must not follow the draft.
        if kwargs.get("update_fields") is None:
            self.estimated_minutes = reading_minutes(
                word_count(self.title, self.intro, list(self.body.raw_data))
            )
        super().save(*args, **kwargs)

    def get_cache_key_components(self):
        # The lesson body's cached fragment (lesson_page.html): Wagtail keys it on the id,
        # URL and publishing time; the live revision and a digest of the body itself also
        # change it when the live row is saved without publishing (a script, the demo seed).
        body = json.dumps(list(self.body.raw_data), sort_keys=True, cls=DjangoJSONEncoder)
        digest = hashlib.md5(body.encode(), usedforsecurity=False).hexdigest()
        return [*super().get_cache_key_components(), self.live_revision_id, digest]


class FeedbackMode(models.TextChoices):
    EACH = "each", "After each answer"
    SUBMIT = "submit", "After submitting"
    NEVER = "never", "Never"


class QuizPage(Page):
    intro = models.TextField(blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        default=75, validators=[MinValueValidator(1), MaxValueValidator(100)], help_text="Percent."
    )
    attempts_allowed = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Leave blank for unlimited attempts.",
    )
    wait_minutes = models.PositiveIntegerField(
        default=0, help_text="Minutes a person waits after a failed attempt before the next."
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text="Blank: no limit."
    )
    draw_count = models.PositiveSmallIntegerField(
        default=8,
        validators=[MinValueValidator(1)],
        verbose_name="questions per attempt",
        help_text="How many questions each attempt draws from the pool.",
    )
    shuffle = models.BooleanField(default=True, help_text="Shuffle questions and choices.")
    feedback = models.CharField(
        max_length=10, choices=FeedbackMode.choices, default=FeedbackMode.SUBMIT
    )
    answers_after_pass = models.BooleanField(
        default=True,
        verbose_name="show the right answers only once passed",
        help_text="After a failed attempt people see which lessons to revisit, not the "
        "answers, so the next attempt stays a fair test. Off: answers after every attempt.",
    )
    fast_answer_seconds = models.PositiveSmallIntegerField(
        default=5,
        verbose_name="flag answers faster than (seconds per question)",
        help_text="The quiz report flags attempts whose answers came, typically, faster than "
        "this: quicker than anyone could read the question. They still count. 0: never flag.",
    )
    questions = StreamField(QuestionPoolBlock(), help_text="The question pool.")

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("draw_count")]),
                FieldRowPanel([FieldPanel("attempts_allowed"), FieldPanel("wait_minutes")]),
                FieldRowPanel([FieldPanel("time_limit_minutes"), FieldPanel("feedback")]),
                FieldRowPanel([FieldPanel("shuffle"), FieldPanel("answers_after_pass")]),
                FieldPanel("fast_answer_seconds"),
            ],
            heading="Rules",
        ),
        FieldPanel("questions"),
    ]

    class Meta:
        verbose_name = "quiz"

    def clean(self):
        super().clean()
        pool = len(self.questions or [])
        if self.draw_count and pool < self.draw_count:
            raise ValidationError(
                {
                    "questions": (
                        f"The pool has {pool} question{'s' if pool != 1 else ''} but each "
                        f"attempt draws {self.draw_count}. Add questions or draw fewer."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Editors previewing see the whole pool instead of a person's attempts.
        context["preview_pool"] = getattr(request, "is_preview", False)
        return context
