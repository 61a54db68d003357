"""StreamField blocks for lessons and quiz questions."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from people.platforms import PLATFORM_CHOICES

RICH_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    alt_text = blocks.CharBlock(
        required=False, max_length=250, help_text="Describe the image for screen readers."
    )

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A YouTube or Vimeo address.")
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=[("tip", "Tip"), ("warning", "Warning")], default="tip")
    text = blocks.TextBlock()

    class Meta:
        icon = "help"
        template = "courses/blocks/callout.html"


class DoDontBlock(blocks.StructBlock):
    do = blocks.TextBlock(label="Do")
    dont = blocks.TextBlock(label="Don't")

    class Meta:
        icon = "tick"
        label = "Do and don't"
        template = "courses/blocks/do_dont.html"


class SamplePostBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=PLATFORM_CHOICES, default="linkedin")
    author = blocks.CharBlock(max_length=120, help_text="Who is posting, e.g. name and role.")
    text = blocks.TextBlock()

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["platform_label"] = dict(PLATFORM_CHOICES).get(value["platform"], "")
        return context

    class Meta:
        icon = "openquote"
        label = "Sample social post"
        template = "courses/blocks/sample_post.html"


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=RICH_FEATURES, template="courses/blocks/text.html")
    image = ImageWithCaptionBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    do_dont = DoDontBlock()
    sample_post = SamplePostBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    correct = blocks.BooleanBlock(required=False)

    class Meta:
        icon = "radio-full"


def _lesson_block() -> blocks.PageChooserBlock:
    return blocks.PageChooserBlock(
        page_type="courses.LessonPage",
        required=False,
        help_text="The lesson that teaches this: after a failed attempt, it is suggested "
        "as a topic to revisit.",
    )


class _ChoiceQuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Question")
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2)
    explanation = blocks.TextBlock(help_text="Shown with the feedback.")
    lesson = _lesson_block()

    exactly_one = True

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if correct == 0:
            raise StructBlockValidationError(
                non_block_errors=[ValidationError("Mark at least one choice as correct.")]
            )
        if self.exactly_one and correct != 1:
            raise StructBlockValidationError(
                non_block_errors=[ValidationError("Mark exactly one choice as correct.")]
            )
        return value


class SingleChoiceBlock(_ChoiceQuestionBlock):
    class Meta:
        icon = "radio-full"
        label = "Single choice"


class MultipleChoiceBlock(_ChoiceQuestionBlock):
    exactly_one = False

    class Meta:
        icon = "list-ul"
        label = "Multiple choice"


class TrueFalseBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Statement")
    correct = blocks.ChoiceBlock(
        choices=[("true", "True"), ("false", "False")], label="The statement is"
    )
    explanation = blocks.TextBlock(help_text="Shown with the feedback.")
    lesson = _lesson_block()

    class Meta:
        icon = "tick-inverse"
        label = "True or false"


class PolicyPostBlock(_ChoiceQuestionBlock):
    """'Which of these posts follows the policy?': each choice is shown as a sample post."""

    class Meta:
        icon = "openquote"
        label = "Which post follows the policy?"


class QuestionPoolBlock(blocks.StreamBlock):
    single = SingleChoiceBlock()
    multiple = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    policy_post = PolicyPostBlock()
