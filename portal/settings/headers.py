"""Content-Security-Policy, Permissions-Policy and rate limits (README "Security headers
and rate limits"). Star-imported by base.py, which builds the policies for its base URL."""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from .env import env_list, env_rate

# Violations are POSTed here by browsers (portal/views.py logs them).
CSP_REPORT_URL = "/csp-report/"
# Lesson videos are the one outside thing a page may hold (frames only).
CSP_VIDEO_HOSTS = env_list(
    "CSP_VIDEO_HOSTS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)


def content_security_policy(base_url: str) -> tuple[dict, dict, str]:
    """The portal's policy (django-csp 4's setting), the admin's directives (portal/csp.py)
    and the site's own websocket origin, for the site at `base_url`."""
    site = urlsplit(base_url)
    websocket_origin = f"{'wss' if site.scheme == 'https' else 'ws'}://{site.netloc}"
    common = {
        "default-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF, websocket_origin],
        "frame-src": [SELF, *CSP_VIDEO_HOSTS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "report-uri": [CSP_REPORT_URL],
    }
    # Portal pages: scripts from files or with the request's nonce, styles from files only,
    # websockets to this site, framed by nobody.
    portal = {
        **common,
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "frame-ancestors": [NONE],
    }
    # Wagtail's admin (found by opening its pages in Chromium under this policy): its
    # widgets start from inline scripts (date pickers, choosers, inline panels), its
    # rich-text editor injects <style> elements, it draws thumbnails from data: and blob:
    # URLs and frames its own previews. No eval, nothing from another host.
    admin = {
        **common,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-ancestors": [SELF],
    }
    return {"DIRECTIVES": portal}, admin, websocket_origin


# Permissions-Policy: the portal uses none of these, so no page (or anything it frames) may.
# Only features Chromium knows: it warns in the console about any other name.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Rate limits per person (per address where nobody is logged in), counted on the cache every
# process shares. "count/period" as django-ratelimit reads it; "off" switches one off. A
# tracked link is never refused: past its rate, clicks are counted but not stored one by one.
RATE_LIMITS = {
    "share": env_rate("RATE_LIMIT_SHARE", "20/m"),
    "suggestion": env_rate("RATE_LIMIT_SUGGESTION", "10/h"),
    "acknowledgement": env_rate("RATE_LIMIT_ACKNOWLEDGEMENT", "10/m"),
    "badge_verification": env_rate("RATE_LIMIT_BADGE_VERIFICATION", "20/m"),
    "tracked_link": env_rate("RATE_LIMIT_TRACKED_LINK", "60/m"),
    "csp_report": env_rate("RATE_LIMIT_CSP_REPORT", "60/m"),
}
# A cache that cannot answer must not refuse people: portal/ratelimits.py says "not limited".
RATELIMIT_FAIL_OPEN = True
