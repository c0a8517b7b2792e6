"""Trainer-authored content: Markdown to sanitized HTML, and video links to privacy embeds.

Lesson bodies are rendered once, at save, and stored; pages print the stored HTML. Everything a
trainer writes passes nh3 (an allow-list HTML sanitizer) so that no script, event handler,
`javascript:` URL or foreign frame can reach a trainee's browser.
"""

import re
from urllib.parse import parse_qs, urlsplit

import nh3
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table")


def _heading_one_level_down(renderer, tokens, idx, options, env):
    # The lesson page owns the <h1>; a body's "# Heading" becomes <h2>, and so on down to <h6>.
    token = tokens[idx]
    token.tag = f"h{min(int(token.tag[1]) + 1, 6)}"
    return renderer.renderToken(tokens, idx, options, env)


_markdown.add_render_rule("heading_open", _heading_one_level_down)
_markdown.add_render_rule("heading_close", _heading_one_level_down)

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "iframe": {"src", "title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"[0-9]{6,12}")


def video_embed_url(url: str) -> str | None:
    """The privacy-enhanced, no-autoplay player URL for a YouTube or Vimeo link, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    segments = [s for s in parts.path.split("/") if s]
    video_id = None
    if host in ("youtube.com", "youtube-nocookie.com"):
        if segments[:1] == ["watch"]:
            video_id = parse_qs(parts.query).get("v", [None])[0]
        elif (
            len(segments) == 2
            and segments[0] in ("embed", "shorts", "live")
            and segments[1] != "videoseries"  # a playlist, not one video
        ):
            video_id = segments[1]
    elif host == "youtu.be" and len(segments) == 1:
        video_id = segments[0]
    if video_id is not None:
        return (
            f"https://www.youtube-nocookie.com/embed/{video_id}"
            if _YOUTUBE_ID.fullmatch(video_id)
            else None
        )
    if host in ("vimeo.com", "player.vimeo.com"):
        candidate = segments[-1] if segments else ""
        if _VIMEO_ID.fullmatch(candidate):
            # dnt=1: Vimeo's "do not track" player.
            return f"https://player.vimeo.com/video/{candidate}?dnt=1"
    return None


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src":
        # Only the two video hosts, rewritten to their privacy players (dropping autoplay etc.).
        return video_embed_url(value)
    if tag == "img" and attribute == "src" and not value.startswith("https://"):
        return None
    return value


_EMPTY_IFRAME = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL)


def sanitize_html(html: str) -> str:
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer nofollow",
        # Every allowed frame is a video player: give it a name for screen readers, no autoplay.
        set_tag_attribute_values={
            "iframe": {
                "title": "Video player",
                "loading": "lazy",
                "allow": "fullscreen; picture-in-picture",
                "referrerpolicy": "strict-origin-when-cross-origin",
            }
        },
        strip_comments=True,
    )
    # An iframe whose src was refused is useless; drop the element itself.
    return _EMPTY_IFRAME.sub("", cleaned)


def render_markdown(text: str) -> str:
    """Markdown (CommonMark + tables) to HTML that is safe to print without escaping."""
    return sanitize_html(_markdown.render(text or ""))
