"""Data for the automatic extractor: CSS selectors and boilerplate patterns, no logic.

Kept apart from the algorithm so that tuning what counts as boilerplate is a data change.
Every pattern here is generic (HTML semantics, common CMS class names, common phrases);
none is aimed at a particular site.
"""

from __future__ import annotations

import re

# Splits lower-cased class/id names into their words ("post-body_2" -> post, body, 2).
NAME_TOKENS = re.compile(r"[^a-z0-9]+")

# Elements whose content is never article text; removed right after parsing.
JUNK_TAGS: tuple[str, ...] = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "button", "select", "textarea", "input", "video", "audio", "map", "dialog",
    # a ruby annotation's reading (furigana over kanji) and its fallback brackets: read
    # into the line, each word of a Japanese text came twice ("子こども")
    "rt", "rp",
)

# Block-level elements: a paragraph break goes before and after each of them.
BLOCK_TAGS: tuple[str, ...] = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th",
    "tr", "dt", "dd", "section", "article", "header", "footer", "figure", "figcaption", "pre",
    "table", "ul", "ol", "dl", "hr", "main", "aside", "nav", "address", "center", "caption",
)
BLOCK_SELECTOR = ", ".join(BLOCK_TAGS)

# Explicit markup for the article body (schema.org, microformats); trusted when long enough.
EXPLICIT_BODY = (
    '[itemprop="articleBody"], [itemprop="reviewBody"], [property="articleBody"], '
    '[property="schema:articleBody"]'
)

# Elements that hold text paragraphs, scored to find the main container.
PARAGRAPH_SELECTOR = "p, pre, blockquote"
TEXT_CONTAINERS = "div, td, section, article, main"
# Inline elements whose own text is a paragraph when long enough: they vote for their parent.
INLINE_TEXT = "span, font"
# List items that may be the paragraphs of a post; and what makes an item a container instead.
LIST_PARAGRAPHS = "li, dd"
LIST_ITEM_BLOCKS = "p, div, ul, ol, blockquote, pre, table"  # (a css() query matches the item itself)

# Structural boilerplate, removed before scoring (with a guard against removing the article).
# Each selector costs a pass over the page inside lexbor, so this list stays short.
STRUCTURAL_BOILERPLATE = (
    "nav, aside, footer, menu, [role=navigation], [role=complementary], [hidden], "
    "[aria-hidden=true]:not(p)"
)

# class/id vocabulary of boilerplate blocks. Names are split into tokens at "-", "_", " "
# etc.; a token is boilerplate when it is one of BOILER_WORDS, starts with one of
# BOILER_PREFIXES or ends with one of BOILER_SUFFIXES, or a token pair is in BOILER_PAIRS.
# (Token tests are plain set/str operations: far cheaper than a regex per element.)
BOILER_WORDS: frozenset[str] = frozenset((
    "ad", "ads", "adv", "advert", "nav", "info", "meta", "date", "time", "tag", "tags", "hot",
    "author", "source", "rss", "top", "hide", "hidden", "noprint", "print", "tools",
    "toolbar", "byline", "dateline", "timestamp", "pubtime", "pubdate", "credit", "credits",
    "widget", "banner", "cookie", "consent", "gdpr", "login", "modal", "popup", "overlay",
    "copyright", "disclaimer", "offscreen", "teaser", "newsbox", "pager", "pagination",
    "masthead", "navbar", "keywords", "keyword", "taglist", "rating", "prenext", "caption",
    "gallery", "slideshow", "carousel", "lightbox", "subscription", "readtime", "mostread",
    "morestories", "readmore", "readnext", "authorbio", "hotnews", "fontsize", "metadata",
    "breadcrumbs", "crumbs", "crumb", "signup", "poll", "polls", "survey", "voting", "cta",
))
BOILER_PREFIXES: tuple[str, ...] = (
    "share", "sharing", "social", "related", "recommend", "comment", "disqus", "sidebar",
    "breadcrumb", "newsletter", "subscri", "promo", "advert", "sponsor", "popular",
    "trending", "footer", "navigation", "menu", "outbrain", "taboola", "caption", "gallery",
    "slideshow", "carousel", "lightbox", "sabox",  # (see BIO_PREFIXES)
)
BOILER_SUFFIXES: tuple[str, ...] = (
    "share", "sharing", "social", "related", "comments", "sidebar", "footer", "menu", "nav",
    "navigation", "crumb", "crumbs", "promo", "caption", "credit", "newsletter",
)
BOILER_PAIRS: frozenset[str] = frozenset((
    "most-read", "more-stories", "read-more", "read-next", "pre-next", "prev-next",
    "page-turn", "author-bio", "author-info", "publish-date", "art-meta", "article-meta",
    "post-meta", "entry-meta", "meta-data", "tag-list", "hot-news", "font-size", "skip-link",
    "visually-hidden", "sr-only", "screen-reader", "sign-up", "follow-us", "reading-time",
    "read-time", "inline-related", "embed-related", "most-popular", "you-may", "also-like",
    "up-next",
))

# class/id words of the who-wrote-it box, boilerplate even when the box is all prose.
BIO_WORDS: frozenset[str] = frozenset(("author", "authorbio", "bio", "byline"))
BIO_PREFIXES: tuple[str, ...] = ("sabox",)  # a WordPress "simple author box": "saboxplugin-wrap"
# class/id words of a dialog (a disclosure, a sign-up box), and of a disclaimer (how the
# site picks sources, what it earns): boilerplate however much prose.
DIALOG_WORDS: frozenset[str] = frozenset(("modal", "popup", "dialog", "lightbox", "disclaimer"))

# Token pairs whose boilerplate word qualifies something else: a field whose label is hidden
# (Drupal's "field--label-hidden"), a box that clips its overflow ("overflow-x-hidden"), a
# block editor's "advanced heading" ("kt-adv-heading": a subheading, not an advert), and a
# block said to lack the part ("block-elements--no-byline": a live blog's entry text).
NEUTRAL_PAIRS: frozenset[str] = frozenset((
    "label-hidden", "overflow-hidden", "x-hidden", "y-hidden", "adv-heading",
    "no-byline", "no-author", "no-meta", "no-date", "no-time", "no-timestamp", "no-caption",
))

# Tags always dropped inside the chosen region (image captions and credits are not body).
REGION_BOILERPLATE_TAGS = "figure, figcaption, picture, form, label[for]"
# The few strongest patterns, cheap enough to prune the whole page before scoring.
GLOBAL_BOILERPLATE = STRUCTURAL_BOILERPLATE + ", " + ", ".join(
    f'[class*="{f}"], [id*="{f}"]' for f in ("comment", "sidebar", "related", "footer")
) + ', [class*="recommend"], [class*="popular"], [class*="newsletter"]'
# Hidden blocks (a collapsed copy of the text, a mobile variant), removed before any vote.
HIDDEN_BLOCKS = "[hidden], [aria-hidden=true]:not(p), " + ", ".join(
    f'[style*="{rule}" i]' for rule in ("display:none", "display: none", "visibility:hidden",
                                        "visibility: hidden")
)
# Reader comment threads: removed whatever their size once the article's path is known.
COMMENT_BLOCKS = '[id*="comment" i], [class*="comment" i], [id*="disqus" i], [class*="disqus" i]'
COMMENT_NAME = re.compile(r"(?:^|[^a-z])(?:comments?|disqus)(?:$|[^a-z])", re.I)
# A live blog's entries named like comments ("live-comment", "live-match-comment",
# "liveComment"): the story, told minute by minute, not a reader's thread.
LIVE_COMMENT = re.compile(r"(?<![a-z])live[-_]?(?:[a-z0-9]+[-_])?comments?", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# class/id words that make a container more (or less) likely to be the article.
POSITIVE_CLASS = re.compile(
    r"article|body|content|entry|hentry|main|page|post|story|text|blog|detail|news|zw|"
    r"paragraph|richtext|rich-text|prose",
    re.I,
)
NEGATIVE_CLASS = re.compile(
    r"comment|combx|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|"
    r"scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget|share|social|nav|menu|"
    r"breadcrumb|banner|popular|recommend|hot|list|teaser|card|excerpt",
    re.I,
)

COMMENT_CLASS = re.compile(r"comment|disqus|reply|respond", re.I)

# Text lines that are never body text, whatever element they sit in (the last alternative:
# "read also" labels of German, French, Spanish, Portuguese, Italian, Dutch, Russian,
# Polish, Norwegian and Lithuanian pages; and the feedback and comment prompts under an article).
BOILERPLATE_LINE = re.compile(
    r"""^(?:
        (?:related|more|latest|recommended|popular|top|hot|trending)\s+(?:news|stories|articles|
            posts|reading|videos?)\s*:?
      | (?:last|previous|prev|next)\s+(?:one|article|post|story|page)\s*[:：].*
      | (?:share|share\s+(?:this|to|on|via)(?:\s+\w+)?|follow\s+us(?:\s+on)?(?:\s+\w+)?)\s*:?
      | (?:advertisement|advertising|sponsored(?:\s+content)?|ad)
      | [\[【［(（]\s*pr\s*[\]】］)）]  # the ad label of japanese pages, in brackets
      | abone\s+ol(?:un)?\s*[.!]?  # a turkish page's "subscribe" (follow) button
      | [-–—\[(*]+\s*(?:advertisement|advertising|anzeige|werbung|publicidad|publicidade|
            pubblicità|annonce|publicité)\s*[-–—\])*]*
      | (?:read|see)\s+(?:more|also|next)\s*:?
      | auto[-\s]?(?:update|refresh)(?:s|ing)?(?:\s+(?:is\s+)?(?:on|off|paused))?  # a live blog's switch
      | (?:font(?:\s+size)?|print|email|e-mail|tweet|comments?|reply|top|back\s+to\s+top)
        \s*:?(?:\s*[a+-]+)*
      | (?:you\s+are\s+here|your\s+location|current\s+location)\s*[:：].*
      | location\s*[:：].*[>›»].*  # a bare "location:" is a breadcrumb only with its path
      | (?:reporter|revisor|editor|edited\s+by|translator|translated\s+by|writer|author|
            photo|photos|photographer|source|reviewer|proofreader|contributor|compiler|
            producer|designer|video|copy\s?editor)s?\s*[|｜]\s*.{1,80}
      | (?:(?:photo|image|picture|pic|foto|bild|图片|图)\s*[:：]\s*)?
        [\w\s()\[\]_.,-]{0,80}\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg)
      | (?:copyright|©|\(c\))\s.*all\s+rights\s+reserved.*
      | (?:you\s+(?:may|might)\s+also\s+like|don'?t\s+miss|more|topics|related(?:\s+\w+){0,2}|
            continue\s+reading(?:\s+below)?|reading\s+time|tempo\s+de\s+leitura|
            advert(?:isement)?|iklan|anzeige|publicidade|publicidad|werbung|pubblicità|
            filed\s+under|tags?|image\s+\d+\s+of\s*/?\s*\d+|caption|close|\d+\s+-\s+\d+\s+of\s+\d+)
        \b\s*(?:[:|].{0,60}|[.…!]*)
      | (?:publicité|reklam[ae]?)\s*[:.…!]*  # an ad's label alone: after a colon, a rubric's headline
      | (?:popular|trending|most\s+read|most\s+popular)\s+(?:on|in|at|from)\s+[^.,;!?]{1,40}
      | more\s+(?:\w+\s+){0,3}(?:stories|articles|news|videos|coverage)\s*:?
      | more\s+(?:on|about|from)\s+(?:this|the)\s+story\s*:?
      | \[?related\s*:.{0,150}
      | (?:lesen\s+sie\s+(?:auch|mehr)(?:\s+\w+){0,3}|(?:zum\s+)?weiterlesen|
            mehr\s+zum\s+thema(?:\s+\w+){0,3}|auch\s+interessant|schon\s+gelesen|das\s+könnte\s+(?:dich|sie)\s+(?:auch\s+)?
            interessieren|weitere\s+(?:artikel|beiträge|nachrichten|meldungen)(?:(?:\s+\w+){1,3}:)?|
            (?:à\s+)?lire\s+aussi|à\s+voir\s+aussi|sur\s+le\s+même\s+sujet|
            le[ea]\s+también|leer\s+más|te\s+puede\s+interesar|noticias\s+relacionadas|
            veja\s+também|leia\s+(?:também|mais)|notícias\s+relacionadas|leggi\s+anche|
            potrebbe\s+interessarti|articoli\s+correlati|lees\s+ook|
            (?:читайте|смотрите)\s+также|по\s+теме|(?:czytaj|zobacz)\s+(?:także|też|również)|
            czytaj\s+więcej|les\s+også|taip\s+pat\s+skaitykite|à\s+découvrir|passend\s+zum\s+artikel|
            more\s+about)
            \s*[:.!?…]*
      | [【［\[]?\s*(?:関連(?:記事|ニュース|キーワード)|あわせて読みたい|
            (?:相关|相關)(?:阅读|閱讀|新闻|新聞|文章|报道|報導)|延伸(?:阅读|閱讀))\s*[】］\]]?\s*[:：]?
      | \(?(?:(?:was|did\s+you\s+find)\s+this\s+(?:article|post|page)\s+(?:helpful|useful)|
            (?:no|0)\s+comments(?:\s+yet)?|(?:leave|write|add|post)\s+an?\s+(?:comment|reply)|
            be\s+the\s+first\s+to\s+comment|no\s+ratings?\s+yet|you\s+are\s+not\s+logged\s+in|
            you\s+must\s+be\s+logged\s+in\s+to\s+(?:post\s+a\s+)?comment|
            war\s+(?:der|dieser)\s+artikel\s+(?:hilfreich|nützlich)|keine\s+kommentare|
            kommentieren|kommentar\s+schreiben|(?:noch\s+)?keine\s+bewertungen|
            sie\s+sind\s+(?:aktuell\s+)?nicht\s+eingeloggt|
            sie\s+müssen\s+sich\s+einloggen,?\s+um\s+.{0,60}|aucun\s+commentaire|
            laisser\s+un\s+commentaire|deja\s+(?:un|tu)\s+comentario|sin\s+comentarios)
        \s*[.!?…]*\)?
      | this\s+(?:entry|post)\s+was\s+(?:posted|filed)\b.*  # a wordpress theme's post footer
      | [(]?visited\s+[\d,.]+\s+times?(?:\s*,\s*[\d,.]+\s+visits?\s+today)?\)?  # its view counter
      | latest\s+posts\s+by\s+.{1,60}\(see\s+all\)  # and its author box
      | (?:(?:article|medically)\s+)?(?:reviewed|edited|fact[-\s]?checked|written)\s+by\s*:?  # a
        # byline's label on a line of its own (the name on the next, or gone with its link)
      | (?:show|hide)\s+caption  # a picture's caption toggle
      | (?:enjoy(?:ed)?\s+(?:this|the)\s+(?:post|article)\s*\?\s*)?pin\s+it(?:\s+(?:here|for\s+later|now))?
        \s*[!.]*  # a call to save the post's picture on pinterest
      | fehler\s+gefunden\s*\?\s*jetzt\s+melden\s*[.!]?  # a call to report a typo
      | \d{1,3}\s*min(?:ute)?s?\.?\s+read\s*[·•|]?
      | last\s+updated\s*:?  # a date's label, the date gone
      | [(]?image\s+source[)]?  # a picture's source, as its link's label
      | (?:listen\s+to\s+(?:this|the)\s+(?:article|story)|listen)(?:\s*[·•|-]?\s*\d{1,3}(?::\d\d)?
            \s*(?:min(?:ute)?s?|mins?)\.?)?
      | (?:story|article|text)\s+continues(?:\s+(?:below|after|under))?(?:\s+(?:this\s+)?
            (?:advertisement|ad))?
      | (?:advertisement\s*[-–—:]?\s*)?scroll\s+to\s+continue(?:\s+with\s+content)?
      | skip\s+(?:advertisement|ad)
      | loading(?:\s+[\w-]+){0,6}\s*(?:…|\.\.\.)
      # a sign-up box's consent line and its thank-you (the box is rarely a <form>): short,
      # and naming what is agreed to ("... you consent to data collection, the researchers
      # wrote" is a sentence of the text)
      | (?=by\s)(?=.{0,240}$)(?=.*\b(?:terms|privacy|policy|newsletters?|e-?mails?|communications|
        messages|texts|offers|marketing|cookies?|conditions)\b)
        by\s+(?:signing\s+up|subscribing|clicking|entering|submitting|registering|continuing)
        \b.{0,120}?\b(?:you|i)\s+(?:agree|acknowledge|accept|confirm|consent)\b.*
      | thanks?(?:\s+you)?\s+for\s+(?:signing\s+up|subscribing|registering)\s*[.!]*
      # a sign-in box's state and its checkbox
      | you\s+are\s+(?:now\s+)?signed\s+out\s*[.!]?|remember\s+me(?:\s+for\s+faster\s+sign[-\s]?in)?
      | add\s+(?:us\s+)?as\s+an?\s+(?:reliable|preferred|trusted)(?:\s+and\s+trusted)?\s+(?:news\s+)?source
        (?:\s+on\s+google)?\s*[.!]?  # a call to prefer the site in a search engine's news
      # a table of contents' title (and its fold toggle): its in-page links are not text
      | (?:(?:table\s+of\s+)?contents|in\s+this\s+(?:article|post|guide)|on\s+this\s+page)
        \s*[:：]?(?:\s*\[?(?:hide|show|toggle)\]?){0,2}
    )$""",
    re.I | re.X,
)
# A read-also label opening a paragraph whose rest is one link to another story ("Read more:
# <a>Headline</a>"): with its colon it labels the link; a sentence that goes on is no label.
READ_ALSO_LEAD = re.compile(
    r"(?:(?:read|see)\s+(?:more|also|next)|also\s+read|more|related|lesen\s+sie\s+(?:auch|mehr)|"
    r"mehr\s+zum\s+thema|(?:à\s+)?lire\s+aussi|le[ea]\s+también|veja\s+também|"
    r"leia\s+(?:também|mais)|leggi\s+anche|lees\s+ook|читайте\s+также|"
    r"czytaj\s+(?:także|też|również|więcej)|les\s+også|taip\s+pat\s+skaitykite)\s*[:：]\s*", re.I)
# A heading that labels a list of other articles ("Recent Posts", "More on this story") or
# of coming events, whose dates are theirs.
LIST_LABEL = re.compile(
    # the everyday words ("More than 400 jobs", "Latest figures") only before a list's noun
    r"(?:(?:recent|latest|more|popular|recommended|trending|top|other|similar)"
    r"(?:\s+\w+){0,2}?\s+(?:stories|posts|articles|news|headlines|reads|videos|"
    r"on\s+this\s+story)|related|popular\s+(?:now|today)|trending|you\s+(?:may|might)\s+also|read\s+(?:more|next|also)|"
    r"see\s+also|most\s+(?:read|popular|viewed)|weitere|mehr\s+zum|lesen\s+sie\s+auch|"
    r"à\s+lire|sur\s+le\s+même|(?:upcoming|coming|future|next)\s+(?:events|webinars)|"
    r"events\s+calendar)\b|相关|热门|最新|推荐",
    re.I,
)
# Calls to action and photo credits found anywhere in a short line; clean.py checks where.
# ("Follow X on Google News" only opens a line or a sentence: prose names Google News as a
# subject, "publishers who follow the rules on Google News ...".)
# (An account may be a site's address: "Follow Example.co.uk on Twitter and Facebook".)
# (The lookaheads name the first letters of the alternatives: they change no match, but let
# a search skip the other positions of a line two to three times faster.)
# A sign-up for the site's own newsletter ("...and sign up for our newsletters so we can keep
# you informed"), or a newsletter that comes to the reader's inbox ("The Watch Party
# newsletter has our picks, delivered right to your inbox", "Der Newsletter informiert Sie
# ... in Ihrem Postfach"), is a call wherever it stands in a short line (group own).
CALL_TO_ACTION = re.compile(
    r"\b(?=[fjns])(?:(?P<own>(?:sign\s+up|subscribe)\s+(?:for|to)\s+our\s+(?:[\w'’-]+\s+){0,3}"
    r"newsletters?|newsletters?\b[^.!?]{0,160}\b(?:(?:to|in)\s+your\s+inbox|"
    r"in\s+ihr(?:em)?\s+(?:\w+\s+)?(?:e-mail-)?postfach))|"
    r"(?P<start>subscribe|sign\s+up|join\s+our\s+mailing\s+list|"
    r"follow\s+(?!us\b)\w+(?:\s+\w+)?\s+on\s+google\s+news)|"
    r"(?P<end>newsletters?)|(?P<any>follow\s+(?:us|\w+(?:\.\w+)*(?:\s+\w+)?\s+on\s+(?:facebook|twitter|instagram|"
    r"pinterest|tiktok|youtube|linkedin|threads|bluesky|whatsapp|telegram))|"
    r"share\s+it\s+with))\b",
    re.I,
)
PHOTO_CREDIT_END = re.compile(
    r"(?=[aegirs])(?:getty\s+images|shutterstock|istock|alamy|ap\s+photo|afp|reuters|epa)\)?$",
    re.I,
)

# Metadata lines (views, hits, dates, the editor's credit) that sit at the top or the end of
# a body container.
META_LINE = re.compile(
    # a label as a word of its own: "Full-time: it ends 1-1" opens a live blog's entry
    r"(?<![^\W\d_]|-)(?:browsing\s+volume|views?|hits|clicks|source|date|updated|published|"
    r"posted|release\s+time|time)\s*[:：]"
    # a credit is a name alone ("Editor: Li Wei", "（责任编辑：李伟）"); "Reporter: Why did the
    # city ...?" is an interviewer's question
    r"|(?:^|[\[（(【])\s*(?:editor|reporter|责任编辑|编辑|记者)\s*[:：]\s*[^.?!。？！:：]{1,40}$",
    re.I,
)

# Metadata
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»·•/_]+\s+|\s*[|–—»·•]\s*")
LOGO_HINT = re.compile(r"logo|brand|site-?name|site-?title|masthead", re.I)
HEADLINE_SELECTOR = (
    'h1, h2, [itemprop="headline"], [class*="title" i], [class*="headline" i], '
    '[id*="title" i], [id*="headline" i]'
)
DATE_META_NAMES: tuple[str, ...] = (
    "article:published_time", "article:published", "og:article:published_time", "og:published_time",
    "published_time", "article.published", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date.issued", "dc.date", "dcterms.date",
    "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date",
    "citation_publication_date", "citation_date", "article_date_original",
    "originalpublicationdate", "cxenseparse:recs:publishtime", "publication_date",
    "release_date",
)
DATE_HINT_SELECTOR = (
    'time, [itemprop~="datePublished"], [class*="date" i], [id*="date" i], [class*="time" i], '
    '[id*="time" i], [class*="info" i], [class*="meta" i], [class*="pub" i], '
    '[class*="byline" i], [class*="source" i], [class*="post-" i], [class*="article-" i], '
    '[class*="art-" i]'
)
# Any element that may hold a bare date line next to the headline (checked only when short).
SHORT_DATE_SELECTOR = "p, span, div, time, small, em, strong, b, i, font, td, dd, h3, h4, h5, h6"
AUTHOR_SELECTOR = (
    '[itemprop="author"] [itemprop="name"], [itemprop="author"], [rel="author"], '
    '[class*="byline" i], [class*="author" i]'
)

# A labelled publication line: "Published: 2021-09-27 10:05", "Posted on 27 Sep 2021". The
# label starts a text line; the date follows (after a colon, "on", or at once).
PUBLISHED_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?:first\s+)?(?:published|posted|released|publication\s+date|"
    r"release\s+time|date|datum|fecha|data|veröffentlicht|publié|publicad[oa]|pubblicato|发布时间|发布日期|"
    r"发表时间|日期)(?:\s+(?:on|at|am|le|el|il))?\s*[:：]?\s*(?P<rest>[^\n]{4,60})",
    re.I,
)
