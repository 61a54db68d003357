"""Pictures for a few demo posts: small PNGs drawn with Pillow, stored as Wagtail images.

Made once, when their post is made; an image already there under the same title is reused,
so seeding again adds nothing.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

# slug -> (background, accent): calm colours that keep white text readable.
PICTURES = {
    "relay-5-launch": ("#1d4ed8", "#93c5fd"),
    "harbor-and-pine-story": ("#047857", "#6ee7b7"),
    "relay-5-live-demo": ("#7c3aed", "#c4b5fd"),
    "berlin-engineering-hiring": ("#b45309", "#fcd34d"),
    "northwind-gives-2026": ("#be185d", "#f9a8d4"),
    "summit-2026-call-for-speakers": ("#0f766e", "#5eead4"),
}
SIZE = (1200, 630)


def _png(title: str, background: str, accent: str) -> bytes:
    picture = PillowImage.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(picture)
    width, height = SIZE
    # A few soft shapes so crops and previews read as a picture, not a colour swatch.
    draw.ellipse((width - 520, -180, width + 180, 520), fill=accent)
    draw.ellipse((width - 380, 300, width - 40, 640), outline="#ffffff", width=10)
    draw.rectangle((80, height - 150, 420, height - 130), fill="#ffffff")
    draw.text((80, 90), "NORTHWIND", fill="#ffffff", font_size=44)
    draw.text((80, 170), title, fill="#ffffff", font_size=56)
    buffer = BytesIO()
    # A handful of flat colours: a palette PNG stays a few kilobytes.
    picture.quantize(colors=16).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_image(*, slug: str, title: str):
    """The demo picture for the post `slug`, or None for posts that have none."""
    if slug not in PICTURES:
        return None
    image_model = get_image_model()
    name = f"Demo: {title}"
    existing = image_model.objects.filter(title=name).first()
    if existing is not None:
        return existing
    background, accent = PICTURES[slug]
    wrapped = title if len(title) <= 30 else title[:30].rsplit(" ", 1)[0] + "…"
    image = image_model(title=name)
    image.file = ImageFile(BytesIO(_png(wrapped, background, accent)), name=f"demo-{slug}.png")
    image.save()
    return image
