"""Markdown rendering, HTML sanitizing and video-embed URLs (modules.content)."""

from html.parser import HTMLParser

import pytest

from modules.content import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    render_markdown,
    sanitize_html,
    video_embed_url,
)

YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
VIMEO_EMBED = "https://player.vimeo.com/video/123456789?dnt=1"
ALLOWED_EMBED_PREFIXES = (
    "https://www.youtube-nocookie.com/embed/",
    "https://player.vimeo.com/video/",
)
# What the sanitizer stamps on every allowed frame, whatever the source said.
VIDEO_IFRAME_ATTRIBUTES = {
    "title": "Video player",
    "loading": "lazy",
    "allow": "fullscreen; picture-in-picture",
    "referrerpolicy": "strict-origin-when-cross-origin",
}


class _Elements(HTMLParser):
    """Every element (tag name and entity-decoded attributes) and comment in a piece of HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.comments.append(data)


def parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def markup_of(html: str) -> str:
    """The tags and attributes of `html` (values decoded as a browser decodes them), no text."""
    return " ".join(
        f"<{tag} " + " ".join(f'{name}="{value or ""}"' for name, value in attrs.items()) + ">"
        for tag, attrs in parse(html).elements
    ).lower()


def iframes(html: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in parse(html).elements if tag == "iframe"]


# --- XSS ----------------------------------------------------------------------------------------

XSS_PAYLOADS = [
    # <script>, raw and inside Markdown code
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "Text <script>alert(1)</script> inline",
    "```html\n<script>alert(1)</script>\n```",
    "    <script>alert(1)</script>",
    "`<script>alert(1)</script>`",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    # javascript: links, Markdown and raw HTML, any case, entity-encoded, with whitespace
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "![i](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    # data:text/html and vbscript:
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](data:text/html,<script>alert(1)</script>)",
    '<a href="vbscript:msgbox(1)">x</a>',
    "[x](vbscript:msgbox(1))",
    '<img src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+">',
    # event handlers
    "<img src=x onerror=alert(1)>",
    '<img src="https://example.org/a.png" onerror="alert(1)">',
    '<p onclick="alert(1)">x</p>',
    '<body onload="alert(1)">x</body>',
    '<a href="https://example.org" onmouseover="alert(1)">x</a>',
    '<div onmouseover="alert(1)">hover</div>',
    '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    '<video><source onerror="alert(1)"></video>',
    # SVG and MathML
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    # frames, plugins and document-level elements
    '<iframe src="https://evil.example"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://evil.example"><script>alert(1)</script></iframe>',
    '<iframe title="a src=b" src="https://evil.example"></iframe>',
    '<iframe src="//www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
    '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"'
    ' srcdoc="<script>alert(1)</script>" onload="alert(1)"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<form action="https://evil.example"><input name="p"><button>Go</button></form>',
    '<base href="https://evil.example/">',
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    # comments, including IE conditional comments
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<!-- <img src=x onerror=alert(1)> -->",
    # attribute-breaking quotes
    '<a title="x" href="https://example.org/"onclick="alert(1)">x</a>',
    '<img src="https://example.org/a.png" alt=""onerror="alert(1)">',
    '<img src="x" alt="\'"><script>alert(1)</script>">',
    '<a href="https://example.org" title="x" onclick="alert(1)">x</a>',
    '<img src="https://example.org/a.png" srcset="javascript:alert(1)">',
]

# Element-level tokens: text is always escaped, so these may not appear anywhere in the output.
FORBIDDEN_ELEMENTS = ["<script", "<object", "<embed", "<style", "<link", "<meta", "<form", "<base"]
# Attribute-level tokens: these may not appear in any tag or (decoded) attribute value. A payload
# that Markdown refuses to turn into a link, such as "[x](javascript:alert(1))", comes out as
# escaped, inert text; text cannot run, so the check looks at markup rather than at text.
FORBIDDEN_IN_MARKUP = [
    "javascript:",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "ontoggle",
    "srcdoc",
    "data:text/html",
    "vbscript:",
    "style",
]


def test_the_payload_list_is_long_enough():
    assert len(XSS_PAYLOADS) >= 20
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_renders_without_any_active_content(payload):
    html = render_markdown(payload)

    for token in FORBIDDEN_ELEMENTS:
        assert token not in html.lower(), token
    markup = markup_of(html)
    for token in FORBIDDEN_IN_MARKUP:
        assert token not in markup, token
    for frame in iframes(html):
        assert frame["src"].startswith(ALLOWED_EMBED_PREFIXES)
        assert "srcdoc" not in frame


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_leaves_only_allow_listed_tags_and_attributes(payload):
    parsed = parse(render_markdown(payload))

    assert parsed.comments == []
    for tag, attrs in parsed.elements:
        assert tag in ALLOWED_TAGS
        allowed = set(ALLOWED_ATTRIBUTES.get(tag, ()))
        if tag == "a":
            allowed.add("rel")
        if tag == "iframe":
            allowed |= set(VIDEO_IFRAME_ATTRIBUTES)
        assert set(attrs) <= allowed, (tag, attrs)
        if tag == "img" and "src" in attrs:
            assert attrs["src"].startswith("https://")
        if tag == "a" and "href" in attrs:
            assert attrs["href"].startswith(("https://", "http://", "mailto:", "/"))


@pytest.mark.parametrize(
    "payload",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "![i](javascript:alert(1))",
    ],
)
def test_markdown_link_to_a_dangerous_scheme_stays_plain_text(payload):
    html = render_markdown(payload)

    assert [tag for tag, _ in parse(html).elements] == ["p"]


@pytest.mark.parametrize(
    "payload, expected",
    [
        ("<script>alert(1)</script>", ""),
        ("Text <script>alert(1)</script> inline", "<p>Text  inline</p>\n"),
        (
            '<a href="javascript:alert(1)">x</a>',
            '<p><a rel="noopener noreferrer nofollow">x</a></p>\n',
        ),
        (
            '<a href="&#106;avascript:alert(1)">x</a>',
            '<p><a rel="noopener noreferrer nofollow">x</a></p>\n',
        ),
        ("<img src=x onerror=alert(1)>", "<img>"),
        (
            '<img src="https://example.org/a.png" onerror="alert(1)">',
            '<img src="https://example.org/a.png">',
        ),
        ('<p onclick="alert(1)">x</p>', "<p>x</p>"),
        ("<svg><script>alert(1)</script></svg>", "<p></p>\n"),
        ('<iframe src="https://evil.example"></iframe>', ""),
        ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', ""),
        ('<embed src="https://evil.example/x.swf">', ""),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', ""),
        ('<form action="https://evil.example"><input name="p"><button>Go</button></form>', "Go"),
        ('<base href="https://evil.example/">', ""),
        ("<!--[if gte IE 4]><script>alert(1)</script><![endif]-->", ""),
        (
            "```\n<script>alert(1)</script>\n```",
            "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n",
        ),
    ],
)
def test_xss_payload_exact_output(payload, expected):
    assert render_markdown(payload) == expected


# --- what trainers may write --------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ("# A", "<h2>A</h2>\n"),
        ("## B", "<h3>B</h3>\n"),
        ("### C", "<h4>C</h4>\n"),
        ("#### D", "<h5>D</h5>\n"),
        ("##### E", "<h6>E</h6>\n"),
        ("###### F", "<h6>F</h6>\n"),
        ("Setext\n======", "<h2>Setext</h2>\n"),
    ],
)
def test_headings_shift_one_level_down_and_stop_at_h6(markdown, expected):
    assert render_markdown(markdown) == expected


def test_raw_h1_is_removed_but_its_text_kept():
    assert render_markdown("<h1>Title</h1>") == "Title"


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ("*em* **strong**", "<p><em>em</em> <strong>strong</strong></p>\n"),
        ("_em_ __strong__", "<p><em>em</em> <strong>strong</strong></p>\n"),
        ("`code`", "<p><code>code</code></p>\n"),
        ("> Radical acceptance", "<blockquote>\n<p>Radical acceptance</p>\n</blockquote>\n"),
        ("---", "<hr>\n"),
        ("a  \nb", "<p>a<br>\nb</p>\n"),
    ],
)
def test_inline_and_block_formatting(markdown, expected):
    assert render_markdown(markdown) == expected


def test_unordered_and_ordered_lists():
    assert render_markdown("- a\n- b\n\n1. x\n2. y") == (
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n"
    )


def test_ordered_list_keeps_its_start():
    assert render_markdown("3. c\n4. d") == '<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>\n'


def test_table():
    assert render_markdown("| Skill | Module |\n|---|---|\n| TIPP | Distress tolerance |") == (
        "<table>\n<thead>\n<tr>\n<th>Skill</th>\n<th>Module</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>TIPP</td>\n<td>Distress tolerance</td>\n</tr>\n</tbody>\n</table>\n"
    )


def test_fenced_code_keeps_script_as_escaped_text():
    assert render_markdown("```html\n<script>alert(1)</script>\n```") == (
        "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n"
    )


def test_inline_code_keeps_script_as_escaped_text():
    assert render_markdown("Never write `<script>` here.") == (
        "<p>Never write <code>&lt;script&gt;</code> here.</p>\n"
    )


def test_markdown_link_gets_safe_rel():
    assert render_markdown("[DBT](https://example.org/dbt)") == (
        '<p><a href="https://example.org/dbt" rel="noopener noreferrer nofollow">DBT</a></p>\n'
    )


def test_raw_link_rel_and_target_are_replaced_by_safe_rel():
    assert render_markdown(
        '<a href="https://example.org" rel="opener" target="_blank" title="t">x</a>'
    ) == (
        '<p><a href="https://example.org" title="t" rel="noopener noreferrer nofollow">x</a></p>\n'
    )


def test_mailto_link_is_kept():
    assert render_markdown("[Write](mailto:team@example.org)") == (
        '<p><a href="mailto:team@example.org" rel="noopener noreferrer nofollow">Write</a></p>\n'
    )


def test_https_image_is_kept_and_http_image_loses_its_src():
    assert render_markdown("![Diary card](https://example.org/card.png)") == (
        '<p><img src="https://example.org/card.png" alt="Diary card"></p>\n'
    )
    assert render_markdown("![Diary card](http://example.org/card.png)") == (
        '<p><img alt="Diary card"></p>\n'
    )


@pytest.mark.parametrize("text", ["", None])
def test_empty_body_renders_empty(text):
    assert render_markdown(text) == ""


# --- video frames -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&autoplay=1",
        "https://youtu.be/dQw4w9WgXcQ?autoplay=1&mute=1",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
    ],
)
def test_youtube_iframe_becomes_privacy_player_without_autoplay(source):
    html = render_markdown(f'<iframe src="{source}" allow="autoplay; camera"></iframe>')

    assert iframes(html) == [{"src": YOUTUBE_EMBED, **VIDEO_IFRAME_ATTRIBUTES}]
    assert "autoplay" not in html
    assert html.startswith(f'<iframe src="{YOUTUBE_EMBED}" ')
    assert html.endswith("></iframe>")


def test_youtube_iframe_source_title_and_loading_are_overridden():
    html = render_markdown(
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Click me"'
        ' loading="eager" width="560"></iframe>'
    )

    assert iframes(html) == [{"src": YOUTUBE_EMBED, **VIDEO_IFRAME_ATTRIBUTES}]


@pytest.mark.parametrize(
    "source",
    [
        "https://vimeo.com/123456789",
        "https://player.vimeo.com/video/123456789",
        "https://player.vimeo.com/video/123456789?autoplay=1",
    ],
)
def test_vimeo_iframe_becomes_do_not_track_player(source):
    html = render_markdown(f'<iframe src="{source}"></iframe>')

    assert iframes(html) == [{"src": VIMEO_EMBED, **VIDEO_IFRAME_ATTRIBUTES}]
    assert "autoplay" not in html


@pytest.mark.parametrize(
    "source",
    [
        "https://evil.example/embed/dQw4w9WgXcQ",
        "https://youtube.com.evil.example/embed/dQw4w9WgXcQ",
        "http://example.org/",
        "javascript:alert(1)",
        "",
    ],
)
def test_iframe_to_another_host_is_removed_entirely(source):
    html = render_markdown(f'<p>before</p><iframe src="{source}">fallback</iframe><p>after</p>')

    assert html == "<p>before</p><p>after</p>"


def test_iframe_without_src_is_removed_entirely():
    assert sanitize_html("<iframe></iframe>") == ""


def test_only_the_foreign_iframe_is_removed_next_to_a_video():
    html = sanitize_html(
        '<iframe src="https://evil.example"></iframe><p>between</p>'
        '<iframe src="https://vimeo.com/123456789"></iframe>'
    )

    assert html.startswith("<p>between</p><iframe ")
    assert iframes(html) == [{"src": VIMEO_EMBED, **VIDEO_IFRAME_ATTRIBUTES}]


# --- video_embed_url ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, expected",
    [
        # YouTube, every spelling of one video
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE_EMBED),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&autoplay=1", YOUTUBE_EMBED),
        ("http://youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE_EMBED),
        ("HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ", YOUTUBE_EMBED),
        ("https://youtu.be/dQw4w9WgXcQ", YOUTUBE_EMBED),
        ("https://youtu.be/dQw4w9WgXcQ?t=10", YOUTUBE_EMBED),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", YOUTUBE_EMBED),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1", YOUTUBE_EMBED),
        (
            "https://www.youtube.com/shorts/abcDEF_1234",
            "https://www.youtube-nocookie.com/embed/abcDEF_1234",
        ),
        (
            "https://www.youtube.com/live/abcDEF-1234",
            "https://www.youtube-nocookie.com/embed/abcDEF-1234",
        ),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ", YOUTUBE_EMBED),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", YOUTUBE_EMBED),
        ("  https://youtu.be/dQw4w9WgXcQ  ", YOUTUBE_EMBED),
        # Vimeo
        ("https://vimeo.com/123456789", VIMEO_EMBED),
        ("http://www.vimeo.com/123456789", VIMEO_EMBED),
        ("https://player.vimeo.com/video/123456789", VIMEO_EMBED),
        ("https://player.vimeo.com/video/123456789?autoplay=1", VIMEO_EMBED),
        ("https://vimeo.com/channels/staffpicks/123456789", VIMEO_EMBED),
        # other hosts, look-alike hosts
        ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
        ("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", None),
        ("https://evilyoutube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://notvimeo.com/123456789", None),
        ("https://dailymotion.com/video/x7tgad0", None),
        # other schemes
        ("ftp://youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("javascript:alert(1)", None),
        ("javascript://youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("//www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("data:text/html,<script>alert(1)</script>", None),
        # malformed IDs
        ("https://www.youtube.com/watch?v=short", None),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQX", None),
        ("https://www.youtube.com/watch?v=dQw4w9<script>", None),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ%0a", None),
        ("https://youtu.be/dQw4w9WgXc%22", None),
        ("https://www.youtube.com/watch?v=", None),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ/extra", None),
        ("https://youtube.com/watch/dQw4w9WgXcQ", None),
        ("https://vimeo.com/12345", None),
        ("https://vimeo.com/abc123456", None),
        ("https://vimeo.com/1234567890123", None),
        # playlists and channels, not a single video
        ("https://www.youtube.com/playlist?list=PL1234567890", None),
        ("https://www.youtube.com/watch?list=PL1234567890", None),
        ("https://www.youtube.com/embed/videoseries?list=PL1234567890", None),
        ("https://vimeo.com/channels/staffpicks", None),
        # nothing useful
        ("https://www.youtube.com/", None),
        ("https://www.youtube.com/embed/", None),
        ("https://youtu.be/", None),
        ("https://vimeo.com/", None),
        ("https://[invalid", None),
        ("not a url", None),
        ("   ", None),
        ("", None),
    ],
)
def test_video_embed_url(url, expected):
    assert video_embed_url(url) == expected
