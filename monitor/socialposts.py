"""Embedded social-media posts: another site's text quoted into the page.

An article embeds a tweet, an Instagram or TikTok post as the platform's blockquote (its
script, gone with the junk, would turn it into an iframe): the post's text, its author's
handle and date. That is a quote of another site, not the article's prose; the modern news
references (fundus) leave it out. A post inside a sentence (none is) would stay.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.dom import text_len, unlink

# the class each platform's embed code gives its blockquote
QUERY = ", ".join(f'blockquote[class*="{name}"]' for name in (
    "twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "bluesky-embed",
    "reddit-embed", "mastodon-embed", "threads-post", "text-post-media"))
MOST = 0.5  # share of a body's text above which an embed is what the page is about


def drop_social_posts(nodes: list[LexborNode]) -> None:
    """Unlink the embedded posts inside the chosen body containers."""
    for node in nodes:
        posts = node.css(QUERY)
        if not posts:
            continue
        most = MOST * max(text_len(node), 1)
        for post in reversed(posts):
            if post.parent is not None and text_len(post) <= most:
                unlink(post)
