from django import forms

from courses.selectors.reports import quizzes_for_report
from people.models import Department
from people.platforms import PLATFORM_CHOICES
from reports.advocacy import advocacy_report
from reports.base import ChorusReportView, DateRangeForm
from reports.quiz import quiz_report
from reports.training import training_report


class TrainingForm(DateRangeForm):
    department = forms.ModelChoiceField(
        Department.objects.all(), required=False, empty_label="All departments"
    )


class TrainingReportView(ChorusReportView):
    page_title = "Training"
    slug = "training"
    index_url_name = "chorus_reports:training"
    form_class = TrainingForm
    intro = "Required training per course, completions over time and who is overdue."

    def build(self, *, start, end, department=None):
        return training_report(start=start, end=end, department=department)


class QuizForm(DateRangeForm):
    quiz = forms.ModelChoiceField(quizzes_for_report(), required=False, empty_label="All quizzes")


class QuizReportView(ChorusReportView):
    page_title = "Quiz questions"
    slug = "quiz-questions"
    index_url_name = "chorus_reports:quiz"
    form_class = QuizForm
    intro = "How each question performs, so weak or misleading questions can be fixed."

    def build(self, *, start, end, quiz=None):
        return quiz_report(start=start, end=end, quiz=quiz)


class AdvocacyForm(DateRangeForm):
    platform = forms.ChoiceField(choices=[("", "All platforms"), *PLATFORM_CHOICES], required=False)


class AdvocacyReportView(ChorusReportView):
    page_title = "Advocacy"
    slug = "advocacy"
    index_url_name = "chorus_reports:advocacy"
    form_class = AdvocacyForm
    intro = (
        "Voluntary sharing, in totals only: nobody is named, and departments appear only "
        "with at least 3 opted-in advocates. Reach is an estimate from declared followers."
    )

    def build(self, *, start, end, platform=""):
        return advocacy_report(start=start, end=end, platform=platform)
