"""What editors do in the Wagtail admin: build the tree, validate quizzes, preview,
manage onboarding rules and enrol people by hand."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.log_actions import registry as log_registry

from courses.models import Enrolment, EnrolmentSource, OnboardingRule
from courses.models.blocks import (
    MultipleChoiceBlock,
    PolicyPostBlock,
    QuestionPoolBlock,
    SingleChoiceBlock,
)
from courses.quiz_rules import QuestionKind
from courses.services import onboarding_rule_create
from tests.courses.factories import question, question_pool
from tests.people.factories import DepartmentFactory, EditorFactory, UserFactory

pytestmark = pytest.mark.django_db


def _value(block, correct):
    return block.to_python(
        {
            "text": "Q?",
            "explanation": "Because.",
            "choices": [{"text": f"c{i}", "correct": i in correct} for i in range(3)],
        }
    )


@pytest.mark.parametrize("block", [SingleChoiceBlock(), MultipleChoiceBlock(), PolicyPostBlock()])
def test_every_question_needs_a_correct_choice(block):
    with pytest.raises(StructBlockValidationError):
        block.clean(_value(block, set()))


def test_single_choice_needs_exactly_one_correct_choice():
    block = SingleChoiceBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(_value(block, {0, 1}))
    assert block.clean(_value(block, {1}))
    multiple = MultipleChoiceBlock()
    assert multiple.clean(_value(multiple, {0, 1}))


def test_the_pool_must_hold_at_least_the_draw(course_tree):
    _, _, quiz = course_tree
    quiz.questions = question_pool(3)
    quiz.draw_count = 4
    with pytest.raises(ValidationError, match="pool has 3 questions but each attempt draws 4"):
        quiz.full_clean()
    quiz.questions = question_pool(4)
    quiz.full_clean()


def test_preview_works_for_every_page_type(course_tree, rf):
    course, lessons, quiz = course_tree
    editor = EditorFactory()
    for page in (course.get_parent().specific, course, lessons[0], quiz):
        request = rf.get("/")
        request.user = editor
        preview = page.make_preview_request(original_request=request)
        assert preview.status_code == 200, page
    request = rf.get("/")
    request.user = editor
    html = quiz.make_preview_request(original_request=request).render().content.decode()
    assert "Question pool (preview for editors)" in html
    assert "<strong>(correct)</strong>" in html  # choice questions mark their right choices
    assert "Answer: true" in html  # a true-or-false statement shows its answer


def test_admin_page_editor_opens_for_course_lesson_and_quiz(client, course_tree):
    course, lessons, quiz = course_tree
    client.force_login(EditorFactory())
    for page in (course, lessons[0], quiz):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200


def test_adding_a_rule_in_the_admin_enrols_the_department(client, course_tree):
    course, _, _ = course_tree
    sales = DepartmentFactory()
    members = [UserFactory(department=sales) for _ in range(3)]
    UserFactory()  # another department
    client.force_login(EditorFactory())
    response = client.post(
        reverse("onboarding_rules:add"),
        {"course": course.pk, "department": sales.pk, "due_days": 14},
    )
    assert response.status_code == 302
    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert notes[0].startswith("Rule added; 3 employees enrolled.")
    rule = OnboardingRule.objects.get()
    assert set(Enrolment.objects.values_list("user_id", flat=True)) == {m.pk for m in members}
    assert set(Enrolment.objects.values_list("rule", "source").distinct()) == {
        (rule.pk, EnrolmentSource.RULE)
    }
    assert log_registry.get_logs_for_instance(rule).filter(action="wagtail.create").exists()


def test_a_rule_is_never_saved_without_its_enrolments(client, course_tree, monkeypatch):
    course, _, _ = course_tree
    UserFactory()

    def enrolments_fail(**kwargs):
        raise RuntimeError("the enrolments could not be written")

    monkeypatch.setattr("courses.services.enrolments.onboarding_rule_apply", enrolments_fail)
    client.force_login(EditorFactory())
    with pytest.raises(RuntimeError):
        client.post(reverse("onboarding_rules:add"), {"course": course.pk, "due_days": 14})
    assert not OnboardingRule.objects.exists()
    assert not Enrolment.objects.exists()


def test_editors_enrol_people_by_hand(client, course_tree):
    course, _, _ = course_tree
    person = UserFactory()
    editor = EditorFactory()
    client.force_login(editor)
    response = client.post(
        reverse("enrolments:add"),
        {"user": person.pk, "course": course.pk, "due_on": "2030-01-31"},
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=person)
    assert enrolment.source == EnrolmentSource.MANUAL and enrolment.created_by == editor
    assert enrolment.due_on.isoformat() == "2030-01-31"
    assert log_registry.get_logs_for_instance(enrolment).filter(action="wagtail.create").exists()
    again = client.post(reverse("enrolments:add"), {"user": person.pk, "course": course.pk})
    assert again.status_code == 200  # the form says they are already enrolled
    assert Enrolment.objects.filter(user=person).count() == 1


def test_a_hand_enrolment_without_a_date_is_due_after_the_course_default(client, course_tree):
    course, _, _ = course_tree
    course.default_due_days = 21
    course.save_revision().publish()
    person = UserFactory()
    client.force_login(EditorFactory())
    response = client.post(reverse("enrolments:add"), {"user": person.pk, "course": course.pk})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=person)
    assert enrolment.due_on == timezone.localdate() + timedelta(days=21)


def test_the_question_pool_offers_every_question_kind():
    assert set(QuestionPoolBlock().child_blocks) == set(QuestionKind)


def test_true_false_question_fixture_is_valid():
    raw = question(QuestionKind.TRUE_FALSE, correct=1)
    assert raw["value"]["correct"] == "false"


def test_rule_list_says_who_a_rule_covers(client, course_tree):
    course, _, _ = course_tree
    onboarding_rule_create(course=course, due_days=None)
    client.force_login(EditorFactory())
    html = client.get(reverse("onboarding_rules:index")).content.decode()
    assert "Everyone" in html and str(course.default_due_days) in html
