"""Quality 11: layouts of modern news pages built from how their publishing systems emit
them (live blogs, paywalls, AMP, hashed-class front ends, teaser feeds, galleries)."""

from __future__ import annotations

from monitor.extract import extract, extract_text

ENTRIES = [
    "Kick-off is just minutes away and the stadium is almost full, with the away fans loud.",
    "Early chance for the visitors: the winger cuts inside and curls a shot just wide.",
    "Goal! The striker meets a low cross at the near post and flicks it past the keeper.",
    "Half-time: the hosts lead by a single goal, but the visitors have had more of the ball.",
    "Equaliser! A header from the corner loops over everyone and drops in under the bar.",
    "Full-time: it ends one-one, a fair result on the balance of play, and both stay fourth.",
]
PROSE = [
    "The regional council approved the new transit budget late on Tuesday after a debate "
    "that lasted nearly six hours, with the opposition divided.",
    "Officials said the money would pay for two additional tram lines and the renovation "
    "of the central station, starting next spring.",
    "Opposition members argued that the plan ignored the needs of rural districts, where "
    "bus routes have been cut twice since 2022.",
    "Engineers estimate that the first line will carry about forty thousand passengers a "
    "day once it opens, twice the current bus routes.",
]
NAV = ("<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
       "<li><a href='/sport'>Sport</a></li></ul></nav></header>")
FOOT = "<footer><p>© 2026 Example Media Group. All rights reserved.</p></footer></body></html>"


def _page(title: str, main: str) -> bytes:
    head = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            "</head><body>")
    return (head + NAV + main + FOOT).encode()


def _newest_first(entry: str) -> str:
    return "".join(entry.format(i=i, text=ENTRIES[i]) for i in reversed(range(len(ENTRIES))))


def _body(page: bytes) -> str:
    return extract(page, "http://127.0.0.1/live/derby").body


def test_entry_text_said_to_have_no_byline_is_the_story() -> None:
    """A live blog's block text is "block-elements block-elements--no-byline": read as a
    byline, each winner was removed as the author's box and the rest pruned as boilerplate,
    leaving one entry. A name that says the box lacks a part does not name it that part."""
    blocks = _newest_first(
        "<div id='block-{i}' class='block'><p class='block-time published-time'>"
        "<a href='#block-{i}'><time datetime='2026-11-30T15:0{i}:00Z'>15:0{i}</time></a></p>"
        "<div class='block-elements block-elements--no-byline'><p>{text}</p></div></div>")
    page = _page("Live: City v United", "<main><h1>Live: City v United</h1>"
                 "<div class='js-liveblog-body'>" + blocks + "</div></main>")
    body = _body(page)
    assert all(entry in body for entry in ENTRIES)
    assert "©" not in body

def test_an_entry_opening_with_full_time_is_no_header_line() -> None:
    """"Full-time: it ends one-one ..." opened the body and was cut as a "time:" header
    line; a label is a word of its own, not the end of "Full-time"."""
    items = _newest_first(
        "<div class='live-entry ticker-item'><div class='live-entry__meta'>"
        "<span class='live-entry__time'>{i}. Min.</span></div>"
        "<div class='live-entry__content'><p>{text}</p></div></div>")
    page = _page("Liveticker: Derby", "<main><h1>Liveticker: Derby</h1>"
                 "<div class='liveticker'>" + items + "</div></main>")
    body = _body(page)
    assert body.startswith(ENTRIES[-1])
    assert all(entry in body for entry in ENTRIES)

def test_live_entries_named_like_comments_are_the_story() -> None:
    """A match ticker's entries are "live-match-comment" boxes with bare text: all but
    one were removed as a reader's comment thread (the page kept a line of its header), and
    a short entry was pruned as boilerplate. The readers' thread below still goes."""
    items = _newest_first(
        "<div class='live-match-comment slider-ele left' data-time='{i}'>"
        "<div class='live-match-comment-time'><span>{i}'</span></div>"
        "<div class='live-match-comment-body'><div class='live-match-comment-title'></div>"
        "{text}</div></div>")
    short = ("<div class='live-match-comment slider-ele left' data-time='0'>"
             "<div class='live-match-comment-body'>The match is under way.</div></div>")
    thread = ("<section id='comments' class='comments'><div class='comment'><p>What a poor "
              "draw, the defence cracked at a set piece again, time for a change.</p></div>"
              "</section>")
    page = _page("EN DIRECT : le derby", "<main><h1>EN DIRECT : le derby</h1>"
                 "<p class='stade'>STADE : Stade du Moustoir</p>"
                 "<div class='live-match-comments clearfix'>" + items + short + "</div>"
                 + thread + "</main>")
    body = _body(page)
    assert all(entry in body for entry in ENTRIES)
    assert "The match is under way." in body
    assert "What a poor draw" not in body

def test_an_english_paywall_pitch_is_no_body() -> None:
    """A teaser, then the paywall's box: its offer and its way in for subscribers stood as
    the body's last lines (the German and French pitches were already known)."""
    paras = "".join(f"<p>{text}</p>" for text in PROSE[:2])
    page = _page("Council approves budget", "<main><article><h1>Council approves budget</h1>"
                 f"<div class='article-body'>{paras}</div><div id='paywall' "
                 "class='paywall-container'><h2>Subscribe to continue reading</h2><p>Get "
                 "unlimited access to award-winning journalism for just $1 a week. Cancel "
                 "anytime.</p><a href='/subscribe'>Subscribe now</a><p>Already a subscriber? "
                 "<a href='/login'>Log in</a></p></div></article></main>")
    body = _body(page)
    assert body.split("\n") == PROSE[:2]

def test_a_story_that_says_unlimited_access_keeps_it() -> None:
    """The pitch's patterns are whole short lines: prose that mentions them stays."""
    from monitor.pitchlines import is_pitch_line
    assert is_pitch_line("Already a subscriber? Log in")
    assert is_pitch_line("Get unlimited access to all our journalism for $1 a week.")
    assert not is_pitch_line("Already a subscriber, she said the new fares were fair.")
    assert not is_pitch_line("Members get unlimited access, the club said on Monday.")


def test_a_gallery_told_in_captions_keeps_them() -> None:
    """A photo gallery whose story is one caption per slide came out with its standfirst
    alone: captions are never body. Captions of prose holding much of the page's text are
    the story; an article's few captions still go (see the next test)."""
    slides = "".join(
        f"<figure class='gallery__slide'><img src='/g{i}.jpg' alt=''><figcaption "
        f"class='gallery__caption'><p>{text}</p><span class='gallery__credit'>Photo: Jo "
        f"Snap</span></figcaption></figure>" for i, text in enumerate(PROSE + ENTRIES[:2]))
    page = _page("In pictures: the vote", "<main><article><h1>In pictures: the vote</h1>"
                 "<p class='standfirst'>The day of the vote, in six photos.</p>"
                 f"<div class='gallery'>{slides}</div></article></main>")
    body = _body(page)
    assert all(text in body for text in PROSE + ENTRIES[:2])


def test_an_articles_captions_stay_out() -> None:
    """A story told in paragraphs with a photo after every other one: its captions (five,
    of prose, but a fraction of the page's text) go."""
    caption = ("The islands where the company plans its new port, seen from the air on a "
               "clear morning. (Agency)")
    figure = f"<figure><img src='/p.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
    paras = "".join(f"<p>{text}</p>" + (figure if i % 2 else "")
                    for i, text in enumerate(PROSE + ENTRIES))
    page = _page("Port plan", f"<main><article><h1>Port plan</h1>{paras}</article></main>")
    body = _body(page)
    assert all(text in body for text in PROSE)
    assert caption not in body


def test_a_feed_of_teaser_articles_below_the_story_stays_out() -> None:
    """Below the story's <article>, a feed of other stories each an <article> of a linked
    heading and a line, in no wrapper named as a feed: the teasers' lines outvoted the
    story's paragraphs and the body was the page's <main>, feed and all."""
    teasers = "".join(
        f"<article><header><h2><a href='/n/{i}'>Other story {i}</a></h2></header>"
        f"<p>{text} More details are expected later this week.</p></article>"
        for i, text in enumerate(ENTRIES * 2))
    paras = "".join(f"<p>{text}</p>" for text in PROSE)
    page = _page("Council approves budget", "<main><article><h1>Council approves budget</h1>"
                 f"{paras}</article><h2>More stories</h2>{teasers}</main>")
    body = _body(page)
    assert body.split("\n") == PROSE
    assert extract_text(page, "http://127.0.0.1/live/derby") == body  # (the benchmarks' too)


def test_a_story_in_articles_of_its_own_is_no_feed() -> None:
    """The headline's <article> with too little prose to be the story (a header box) drops
    nothing: the body in the <article>s beside it stays."""
    parts = "".join(f"<article class='part'><h2><a href='#p{i}'>Part {i}</a></h2><p>{text}"
                    "</p></article>" for i, text in enumerate(PROSE))
    page = _page("Council approves budget", "<main><article><h1>Council approves budget</h1>"
                 f"<p>By Jane Reporter</p></article>{parts}</main>")
    body = _body(page)
    assert all(text in body for text in PROSE)


def test_a_paywalls_notice_that_the_story_is_for_subscribers_is_no_body() -> None:
    """"Dieser Artikel ist exklusiv für Abonnenten" above the hidden rest stood as a line
    of the body; a sentence that goes on past a comma is prose."""
    from monitor.pitchlines import is_pitch_line
    assert is_pitch_line("Dieser Artikel ist exklusiv für Abonnenten")
    assert is_pitch_line("Cet article est réservé aux abonnés.")
    assert is_pitch_line("This article is exclusive to subscribers.")
    assert not is_pitch_line("Der Artikel ist exklusiv, sagte der Sprecher am Montag.")
    assert is_pitch_line("Lesen Sie jetzt mit Z+")  # the German "read on with" offer
    assert is_pitch_line("Jetzt weiterlesen mit SZ Plus")
    assert not is_pitch_line("Lesen Sie mit, wie die Stadt plant.")


def _stream(entry: str, title: str = "Live: the derby") -> str:
    return extract(_page(title, f"<main><h1>{title}</h1><div class='liveblog-entries'>"
                                + entry + "</div></main>"), "http://127.0.0.1/live").body


def test_live_entries_each_an_article_are_one_story() -> None:
    """A live blog plugin's entries, each an <article> beside the others: separate
    <article>s were separate stories, and the body was the newest entry alone. Entries built
    alike, beside each other and short are one story; teasers (a heading linking to another
    page) and an endless page's next story (long) are not (next test)."""
    body = _stream(_newest_first(
        "<article id='liveblog-entry-{i}' class='liveblog-entry'><header class='liveblog-meta'>"
        "<a class='liveblog-time-ago' href='#liveblog-entry-{i}'>{i} mins ago</a></header>"
        "<div class='liveblog-entry-text'><p>{text}</p></div></article>"))
    assert all(entry in body for entry in ENTRIES)


def test_teaser_articles_built_like_an_entry_are_no_story() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from monitor.liveentries import same_stream
    long = " ".join(PROSE * 4)  # an endless page's next story, built like the first
    html = ("<div><article class='e'><p id='a'>Entry one.</p></article><article class='e'>"
            "<p id='b'>Entry two.</p></article><article class='e'><h3><a href='/other'>Other"
            "</a></h3><p id='c'>A teaser.</p></article><article class='f'><p id='d'>Other "
            f"build.</p></article><article class='e'><p id='e'>{long}</p></article></div>")
    tree = LexborHTMLParser(html)
    found = [tree.css_first(f"#{key}") for key in "abcde"]
    nodes = [node for node in found if node is not None]
    assert len(nodes) == 5
    first, second, teaser, other, story = nodes
    assert same_stream(second, first)
    assert not same_stream(teaser, first)
    assert not same_stream(other, first)
    assert not same_stream(story, first)
    assert same_stream(first, story)  # (a long entry won: the short ones join it)
    assert not same_stream(first, teaser)


def test_a_live_blogs_auto_update_switch_is_no_body() -> None:
    """The switch above the entries ("Auto-update on") stood as the body's first line."""
    from monitor import selectors as sel
    assert sel.BOILERPLATE_LINE.fullmatch("Auto-update on")
    assert sel.BOILERPLATE_LINE.fullmatch("Auto refresh is off")
    assert not sel.BOILERPLATE_LINE.fullmatch("Auto-update on the new model comes in May.")


def test_a_labelled_teaser_box_of_a_hashed_class_front_end_stays_out() -> None:
    """A front end that names nothing ("css-x9x9"), each paragraph in two boxes of its own,
    and below a "Read more" box of eight teasers, a link and a summary each: the summaries
    outvoted the story (whose paragraphs gave their votes to their own boxes) and the body
    was half the story and all the teasers."""
    paras = "".join(f"<div class='css-1a2b'><div class='css-9z8y'><p class='css-p1q2'>{text}"
                    "</p></div></div>" for text in PROSE + ENTRIES[:2])
    cards = "".join(f"<div class='css-r{i}'><a href='/news/{i}'><div>Other story {i}</div></a>"
                    f"<p>{ENTRIES[i % 6]} More is expected later this week after talks.</p>"
                    "</div>" for i in range(8))
    page = _page("Budget", "<div id='__next'><main class='css-m1'><div class='css-a1'><h1>Budget"
                 f"</h1><div class='css-b1'>{paras}</div></div><div class='css-x9'><h2>Read "
                 f"more</h2><div class='css-z7'>{cards}</div></div></main></div>")
    body = extract(page, "http://127.0.0.1/news/budget").body
    assert body.split("\n") == PROSE + ENTRIES[:2]


def test_a_label_inside_the_story_drops_nothing() -> None:
    """A "Related" subheading amid the story's paragraphs opens no box of its own."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.openedboxes import drop_opened_boxes
    links = "".join(f"<li><a href='/n/{i}'>Other {i}</a></li>" for i in range(4))
    tree = LexborHTMLParser(f"<div id='story'><p>{PROSE[0]}</p><h2>Related</h2><ul>{links}"
                            f"</ul><p>{PROSE[1]}</p></div><div id='feed'><h3>Related</h3>"
                            f"<ul>{links}</ul></div>")
    assert tree.body is not None
    drop_opened_boxes(tree.body)
    assert tree.css_first("#story") is not None and len(tree.css("#story li")) == 4
    assert tree.css_first("#feed") is None


def test_a_carousels_slides_out_of_view_are_the_gallery() -> None:
    """A slider marks every slide but the one on view aria-hidden="true": removed as hidden
    copies, the gallery kept one caption of six. A slide beside one marked "false" is on the
    page; the slider's clones are copies and still go."""
    def slide(i: int, text: str, extra: str = "") -> str:
        hidden = "false" if i == 0 else "true"
        return (f"<div class='slick-slide{extra}' aria-hidden='{hidden}'><div class='slide'>"
                f"<img src='/g{i}.jpg' alt=''><div class='slide-caption'><p>{text}</p></div>"
                "</div></div>")
    slides = "".join(slide(i, text) for i, text in enumerate(PROSE + ENTRIES[:2]))
    clone = slide(9, "A clone of the first slide, which the slider copies to loop round.",
                  " slick-cloned")
    page = _page("In pictures", "<main><article><h1>In pictures</h1><div class='slick-list'>"
                 f"<div class='slick-track'>{slides}{clone}</div></div></article></main>")
    body = _body(page)
    assert all(text in body for text in PROSE + ENTRIES[:2])
    assert "A clone" not in body


def test_a_paywalls_pitch_box_of_prose_is_no_body() -> None:
    """After the teaser, a pitch box: the notice, then three paragraphs of why to subscribe
    that voted like the story's and stood below it. The box the notice opens goes; a box
    where such a line is not the first block, or that holds the headline, stays."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.openedboxes import drop_opened_boxes
    pitch = ("<p>Independent local journalism has never cost more to produce, which is why we "
             "ask readers to support our newsroom with a subscription.</p><p>For less than the "
             "price of a coffee each week, you get every story on our website and apps, and the"
             " daily e-paper.</p><p>Subscribers also get invitations to events and early "
             "access to our investigations, with no commitment.</p>")
    paras = "".join(f"<p>{text}</p>" for text in PROSE[:2])
    page = _page("Budget", f"<main><article><h1>Budget</h1>{paras}<div class='x1'><h2>Subscribe"
                 f" to continue reading</h2>{pitch}<a href='/s'>Subscribe</a></div></article>"
                 "</main>")
    assert _body(page).split("\n") == PROSE[:2]
    tree = LexborHTMLParser(f"<div id='a'><p>{PROSE[0]}</p><p>Subscribe to continue reading"
                            f"</p></div><div id='b'><h1>Budget</h1><p>Subscribe to continue "
                            f"reading</p></div>")
    assert tree.body is not None
    drop_opened_boxes(tree.body)
    assert tree.css_first("#a") is not None and tree.css_first("#b") is not None


def test_a_short_next_story_of_an_endless_page_joins_no_stream() -> None:
    """An endless page's story and the short one it appends, built alike and side by side,
    are two stories: a stream holds STREAM_ENTRIES entries or more."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.liveentries import same_stream
    tree = LexborHTMLParser("<div><article class='s'><p id='a'>The story.</p></article>"
                            "<article class='s'><h2>Next</h2><p id='b'>A brief.</p></article></div>")
    first, second = tree.css_first("#a"), tree.css_first("#b")
    assert first is not None and second is not None
    assert not same_stream(second, first)


def test_live_entries_headed_by_in_page_anchors_are_no_teaser_feed() -> None:
    """A live blog's entries, each an <article> whose heading links to its own anchor
    ("#e1"), below a headline <article> with an intro: entries, not a feed of other pages'
    teasers (finalread: all six went)."""
    intro = "".join(f"<p>{text}</p>" for text in PROSE)
    entries = "".join(f"<article class='entry' id='e{i}'><h2><a href='#e{i}'>{10 + i}:05</a>"
                      f"</h2><p>{text}</p></article>" for i, text in enumerate(ENTRIES * 2))
    page = _page("Storm live", "<main><article><h1>Storm live</h1>"
                 f"{intro}</article>{entries}</main>")
    body = _body(page)
    assert all(text in body for text in ENTRIES)
