"""StreamField blocks for policy pages: headings (which build the table of contents)
and rich-text paragraphs."""

from wagtail import blocks


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = "Section heading"
        help_text = "Starts a section; listed in the table of contents."


class PolicyBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(max_length=120)
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "h3"], label="Text"
    )
