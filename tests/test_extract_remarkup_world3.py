"""The sample articles in more papers' own date styles: numeric dates with an update beside
them, only an 'updated' line, a relative update time, a date with a weekday name.

A French daily (Le Figaro-like: 'Publié le 03/03/2021 à 10:15, mis à jour le ...'), a
Brazilian portal (g1-like: '03/03/2021 10h15 Atualizado há 2 horas'), a Spanish daily that
shows only 'Actualizado Miércoles, 3 marzo 2021 - 10:15' (El Mundo-like), a Polish portal
('03.03.2021, 10:15' and 'Aktualizacja: 04.03.2021 08:00'), a Dutch broadcaster
(NOS-like: 'woensdag 3 maart 2021, 10:15 · Aangepast ...'), a bilingual Arab agency
('الأربعاء ٣ مارس ٢٠٢١', Arabic-Indic digits, the page right to left), a Korean local
paper ('등록 2021년 03월 03일 10:15') and a US local TV station whose locale names no
region ('Published: 03/04/2021 10:15 AM EST'), and a classic WordPress theme dated only
by 'This entry was posted on ...' under the text, and a Spanish digital paper showing
'Actualizada 12/04/2021 08:00h · Publicada 03/03/2021 10:15h'. Title, date and body must come out exactly
as expected.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from .test_extract_remarkup import SITE, _day, _paras
from .test_extract_remarkup_cms import FOOTER, _later
from .test_extract_remarkup_more import _split

SPANISH_DAYS = ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo")
SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre")
DUTCH_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december")
ARABIC_DAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
ARABIC_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                 "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
MOST_READ = ("<div class='most-read'><h2>{0}</h2><ol><li><a href='/p/1'>Port volumes rise "
             "for the third month in a row</a></li><li><a href='/p/2'>New ferry line to the "
             "islands opens in spring</a></li></ol></div>")


def figaro(article: dict[str, Any]) -> str:
    """A French daily (Le Figaro-like): 'Publié le 03/03/2021 à 10:15, mis à jour le
    12/04/2021 à 08:02' (day first, lang fr), a premium label, an inline 'À lire aussi'
    link, a comment count and 'Les plus lus'."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<div class='fig-content-metas__pub'><span class='fig-content-metas__pub-date'>"
            f"Publié le {day:%d/%m/%Y} à 10:15</span>, <span class='fig-content-metas__pub-"
            f"maj-date'>mis à jour le {later:%d/%m/%Y} à 08:02</span></div>") \
        if day and later else ""
    first, rest = _split(article, attrs=" class='fig-paragraph'")
    also = ("<p class='fig-paragraph'><strong>À lire aussi</strong></p><a class='fig-embed-"
            "link' href='/conjoncture/le-port-progresse-20200105'>Le port progresse pour le "
            "troisième mois</a>")
    return (f"<!DOCTYPE html><html lang='fr'><head><title>{title}</title><meta property="
            f"'og:title' content='{title}'><meta property='og:site_name' content='{SITE}'>"
            f"</head><body><header class='fig-header'><a href='/'>{SITE}</a><nav><a "
            f"href='/actualite-france'>Actualité</a><a href='/economie'>Économie</a></nav>"
            f"<a href='/abonnement'>S'abonner</a></header><main><article class='fig-main'>"
            f"<span class='fig-premium-mark'>Réservé aux abonnés</span><h1 class='fig-headline"
            f"'>{title}</h1><div class='fig-content-metas'><span class='fig-content-metas__"
            f"author'>Par Jean Martin</span>{when}</div><div class='fig-body'>{first}{also}"
            f"{rest}</div><div class='fig-comments'><a href='#comments'>12 commentaires</a>"
            f"</div></article>" + MOST_READ.format("Les plus lus") + f"</main><footer>"
            f"<a href='/cgu'>CGU</a> · © {SITE}</footer></body></html>")


def g1_brazil(article: dict[str, Any]) -> str:
    """A Brazilian portal (g1-like): 'Por Redação — São Paulo', '03/03/2021 10h15',
    'Atualizado há 2 horas' (a relative update), lang pt-BR, a 'Veja também' list of
    dated videos."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<p class='content-publication-data__updated'><time itemprop='datePublished' "
            f"datetime='{day}T13:15:00.000Z'>{day:%d/%m/%Y} 10h15</time> Atualizado há 2 "
            f"horas</p>") if day else ""
    videos = "".join(f"<li><a href='/v/{n}'>{t}</a><span>0{n}/01/2024</span></li>"
                     for n, t in ((5, "Porto registra alta pelo terceiro mês seguido"),
                                  (4, "Nova linha de balsa para as ilhas começa a operar")))
    return (f"<!DOCTYPE html><html lang='pt-BR'><head><title>{title} | Economia | {SITE}"
            f"</title><meta property='og:title' content='{title}'></head><body><header><a "
            f"href='/'>{SITE}</a><nav><a href='/economia/'>Economia</a><a href='/mundo/'>"
            f"Mundo</a></nav></header><main><div class='content-head'><h1 class='content-"
            f"head__title' itemprop='headline'>{title}</h1></div><div class='content-"
            f"publication-data'><p class='content-publication-data__from'>Por Redação "
            f"{SITE} — São Paulo</p>{when}</div><article itemprop='articleBody'>"
            f"{_paras(article)}</article><div class='veja-tambem'><h2>Veja também</h2><ul>"
            f"{videos}</ul></div></main><footer><p>© Copyright 2000-2024 {SITE}. Todos os "
            f"direitos reservados.</p></footer></body></html>")


def el_mundo(article: dict[str, Any]) -> str:
    """A Spanish daily (El Mundo-like) showing a single date line, labelled as the update
    with a weekday name: 'Actualizado Miércoles, 3 marzo 2021 - 10:15'."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<div class='ue-c-article__publishdate'><time>Actualizado {SPANISH_DAYS[day.weekday()]}"
            f", {day.day} {SPANISH_MONTHS[day.month - 1]} {day.year} - 10:15</time></div>"
            ) if day else ""
    return (f"<!DOCTYPE html><html lang='es'><head><title>{title} | Economía</title>"
            f"</head><body><header class='ue-c-main-header'><a href='/'>{SITE}</a><nav><a "
            f"href='/espana.html'>España</a><a href='/economia.html'>Economía</a></nav>"
            f"</header><main><article class='ue-c-article'><div class='ue-c-article__header'>"
            f"<h1 class='ue-c-article__headline'>{title}</h1><div class='ue-c-article__"
            f"byline'><div class='ue-c-article__byline-name'>Ana García</div><div class='ue-"
            f"c-article__byline-location'>Madrid</div>{when}</div></div><div class='ue-c-"
            f"article__body'>{_paras(article)}</div><div class='ue-c-article__tags'><a "
            f"href='/t/industria.html'>Industria</a></div></article>"
            + MOST_READ.format("Lo más leído") + f"</main>{FOOTER}</body></html>")


def polish_portal(article: dict[str, Any]) -> str:
    """A Polish portal: '03.03.2021, 10:15' and 'Aktualizacja: 12.04.2021 08:00' beside the
    author, 'Czytaj także' inside the text, 'Najczęściej czytane' (most read)."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<div class='article-date'><span>{day:%d.%m.%Y}, 10:15</span><span>Aktualizacja:"
            f" {later:%d.%m.%Y} 08:00</span></div>") if day and later else ""
    first, rest = _split(article)
    also = ("<div class='read-also'><p><strong>Czytaj także:</strong></p><a href='/n/31'>"
            "Harbour tunnel works start next month</a></div>")
    return (f"<!DOCTYPE html><html lang='pl'><head><title>{title} - {SITE}</title></head>"
            f"<body><header><a href='/'>{SITE}</a><nav><a href='/kraj'>Kraj</a><a "
            f"href='/swiat'>Świat</a><a href='/biznes'>Biznes</a></nav></header><main><div "
            f"class='article-header'><h1>{title}</h1><div class='article-author'>Jan Kowalski"
            f"</div>{when}</div><div class='article-content'>{first}{also}{rest}</div>"
            + MOST_READ.format("Najczęściej czytane") + f"</main><footer><p>© {SITE} Sp. z o.o."
            f"</p></footer></body></html>")


def dutch_broadcaster(article: dict[str, Any]) -> str:
    """A Dutch broadcaster (NOS-like): a <time datetime> shown as 'woensdag 3 maart 2021,
    10:15' and an 'Aangepast' (updated) line, a 'Bekijk ook' related block."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<p class='meta'><time datetime='{day}T10:15:00+0100'>{DUTCH_DAYS[day.weekday()]}"
            f" {day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}, 10:15</time> · Aangepast "
            f"{later.day} {DUTCH_MONTHS[later.month - 1]} {later.year}, 08:00</p>"
            ) if day and later else ""
    return (f"<!DOCTYPE html><html lang='nl'><head><title>{title} | {SITE}</title></head>"
            f"<body><header><a href='/'>{SITE}</a><nav><a href='/nieuws/binnenland'>"
            f"Binnenland</a><a href='/nieuws/economie'>Economie</a></nav></header><main>"
            f"<article><h1>{title}</h1>{when}<div class='contentBody'>{_paras(article)}</div>"
            f"<section class='related'><h2>Bekijk ook</h2><a href='/artikel/1'>Havenvolume "
            f"stijgt voor derde maand op rij</a></section></article></main><footer><p>{SITE}"
            f"</p></footer></body></html>")


def arab_agency(article: dict[str, Any]) -> str:
    """A bilingual Arab news agency's English service: the page right to left in Arabic
    around the story (dir=ltr, lang=en), the date in Arabic with Arabic-Indic digits and a
    weekday ('الأربعاء ٣ مارس ٢٠٢١'), the <title> ending in the agency's Arabic name."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<div class='news-date'>{ARABIC_DAYS[day.weekday()]} "
            f"{str(day.day).translate(ARABIC_DIGITS)} {ARABIC_MONTHS[day.month - 1]} "
            f"{str(day.year).translate(ARABIC_DIGITS)}</div>") if day else ""
    return (f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>"
            f"{title} - وكالة الأنباء</title></head><body><header><a href='/ar'>وكالة الأنباء"
            f"</a><ul class='menu'><li><a href='/ar/local'>محليات</a></li><li><a href='/ar/eco'>"
            f"اقتصاد</a></li><li><a href='/en'>English</a></li></ul></header><main><div "
            f"class='news-details' lang='en' dir='ltr'><h1>{title}</h1>{when}<div "
            f"class='news-text'>{_paras(article)}</div></div><div class='most-viewed'><h3>"
            f"الأكثر قراءة</h3><ul><li><a href='/ar/1'>ارتفاع حركة الموانئ للشهر الثالث على "
            f"التوالي</a></li><li><a href='/ar/2'>افتتاح خط عبارات جديد إلى الجزر</a></li></ul>"
            f"</div></main><footer><p>جميع الحقوق محفوظة © {SITE}</p></footer></body></html>")


def korean_local(article: dict[str, Any]) -> str:
    """A Korean local paper: '등록 2021년 03월 03일 10:15' (registered) and '수정' (modified)
    in words, the reporter's name and e-mail under the text, a photo credit and '관련기사'
    (related articles)."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<div class='view-info'><span>등록 {day.year}년 {day:%m}월 {day:%d}일 10:15</span>"
            f"<span>수정 {later.year}년 {later:%m}월 {later:%d}일 08:00</span></div>"
            ) if day and later else ""
    return (f"<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'><title>{title} &lt; "
            f"경제 &lt; 기사본문 - {SITE}</title><meta property='og:title' content='{title} - "
            f"{SITE}'></head><body><div class='user-menu'><a href='/login'>로그인</a> <a "
            f"href='/join'>회원가입</a></div><header><a href='/'>{SITE}</a><nav><a href='/eco'>"
            f"경제</a><a href='/soc'>사회</a></nav></header><article><header class='article-"
            f"view-header'><h3 class='heading'>{title}</h3><div class='info-group'><span>"
            f"홍길동 기자</span>{when}</div></header><figure class='photo-layout'><img "
            f"src='/photo/1.jpg' alt=''><figcaption>사진=홍길동 기자</figcaption></figure>"
            f"<div id='article-view-content-div'>{_paras(article)}</div><div class='view-"
            f"editors'>홍길동 기자 hong@example.kr</div><div class='relation'><h4>관련기사</h4>"
            f"<ul><li><a href='/n/1'>Port volumes rise for the third month in a row</a></li>"
            f"</ul></div></article><footer>{SITE} | 무단전재 및 재배포 금지</footer></body>"
            f"</html>")


def us_local_tv(article: dict[str, Any]) -> str:
    """A US local TV station's site (lang 'en', no region): 'Published: 03/04/2021 10:15 AM
    EST' and 'Updated' with numeric dates, a weather widget, a video player caption, a
    'More local news' list with numeric dates and an app promo."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<div class='timestamps'><span>Published: {day:%m/%d/%Y} 10:15 AM EST</span>"
            f"<span>Updated: {later:%m/%d/%Y} 2:41 PM EST</span></div>") if day and later else ""
    more = "".join(f"<li><a href='/news/local/{n}'>{t}</a> <span>0{n}/0{n}/2024</span></li>"
                   for n, t in ((3, "City council approves new budget for road repairs"),
                                (2, "School district announces new start times")))
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title} | KXYZ</title><meta "
            f"property='og:title' content='{title}'></head><body><header><a href='/'>KXYZ 7"
            f"</a><nav><a href='/news'>News</a><a href='/weather'>Weather</a><a href='/watch'>"
            f"Watch Live</a></nav><div class='weather-widget'>72° Sunny</div></header><main>"
            f"<div class='story'><h1 class='headline'>{title}</h1><div class='byline'>By KXYZ "
            f"Staff</div>{when}<div class='video-player'><p class='video-caption'>Watch the "
            f"report from KXYZ 7 at 6</p></div><div class='story-body'>{_paras(article)}</div>"
            f"</div><div class='more-local'><h2>More local news</h2><ul>{more}</ul></div>"
            f"<div class='app-promo'>Download the KXYZ 7 app for breaking news alerts</div>"
            f"</main><footer><p>© 2024 KXYZ-TV. All rights reserved.</p><a href='/eeo'>EEO "
            f"Report</a></footer></body></html>")


def spanish_digital(article: dict[str, Any]) -> str:
    """A Spanish digital paper that shows the update before the publication, both numeric
    and labelled in the feminine ('Actualizada 12/04/2021 08:00h · Publicada 03/03/2021
    10:15h'), a 'Noticias relacionadas' box and a 'Te puede interesar' row of cards."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<div class='article-header__time'>Actualizada {later:%d/%m/%Y} 08:00h · Publicada "
            f"{day:%d/%m/%Y} 10:15h</div>") if day and later else ""
    first, rest = _split(article)
    related = ("<div class='related-news'><p>Noticias relacionadas</p><ul><li><a href='/n/1'>"
               "El puerto crece por tercer mes consecutivo</a></li></ul></div>")
    cards = "".join(f"<div class='card'><a href='/n/{n}'><h3>{t}</h3></a></div>" for n, t in (
        (2, "Nueva línea de ferry a las islas en primavera"),
        (3, "La feria de comercio se muda a un pabellón mayor")))
    return (f"<!DOCTYPE html><html lang='es-ES'><head><title>{title}</title><meta property="
            f"'og:title' content='{title}'></head><body><header><a href='/'>{SITE}</a><nav><a "
            f"href='/espana/'>España</a><a href='/economia/'>Economía</a></nav></header><main>"
            f"<article><div class='article-header'><h1 class='article-header__heading'>{title}"
            f"</h1><div class='article-header__author'>Ana García</div>{when}</div><div "
            f"class='article-body'>{first}{related}{rest}</div></article><section "
            f"class='interest'><h2>Te puede interesar</h2>{cards}</section></main>{FOOTER}"
            f"</body></html>")


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def wp_classic(article: dict[str, Any]) -> str:
    """A classic WordPress theme (Kubrick-like): the blog's name as the <h1> linking home,
    the post title an <h2>, the date only in 'This entry was posted on Wednesday, March
    3rd, 2021 at 10:15 am and is filed under News' at the end of the entry, a dated
    comment without links, and Recent Posts / Archives / calendar widgets."""
    title, day = html.escape(article["title"]), _day(article)
    foot = (f"<p class='postmetadata alt'><small>This entry was posted on {day:%A}, {day:%B} "
            f"{_ordinal(day.day)}, {day.year} at 10:15 am and is filed under <a href='/c/news'>"
            f"News</a>. You can follow any responses to this entry through the <a href='/feed'>"
            f"RSS 2.0</a> feed.</small></p>") if day else ""
    side = ("<div id='sidebar'><h2>Recent Posts</h2><ul><li><a href='/p/1'>Port volumes rise "
            "for the third month in a row</a></li></ul><h2>Archives</h2><ul><li><a href="
            "'/2024/05/'>May 2024</a></li><li><a href='/2024/04/'>April 2024</a></li></ul>"
            "<table id='wp-calendar'><caption>May 2024</caption><tr><td>1</td><td>2</td><td>3"
            "</td></tr></table></div>")
    return (f"<html lang='en-US'><head><title>Example Blog &raquo; {title}</title></head><body>"
            f"<div id='page'><div id='header'><h1><a href='/'>Example Blog</a></h1><div "
            f"class='description'>Just another WordPress weblog</div></div><div id='content' "
            f"class='narrowcolumn'><div class='navigation'><div class='alignleft'>&laquo; <a "
            f"href='/p/0'>Previous post</a></div></div><div class='post' id='post-1'><h2>{title}"
            f"</h2><div class='entry'>{_paras(article)}{foot}</div></div><h3 id='comments'>One "
            f"Response to &#8220;{title}&#8221;</h3><ol class='commentlist'><li><cite>Li Wei"
            f"</cite> Says:<br><small>March 5th, 2024 at 9:00 am</small><p>Great news for the "
            f"district, thanks!</p></li></ol></div>{side}<div id='footer'><p>Example Blog is "
            f"proudly powered by WordPress</p></div></div></body></html>")


TEMPLATES: dict[str, Callable[[dict[str, Any]], str]] = {
    "figaro": figaro, "g1_brazil": g1_brazil, "el_mundo": el_mundo,
    "polish_portal": polish_portal, "dutch_broadcaster": dutch_broadcaster,
    "arab_agency": arab_agency, "korean_local": korean_local, "us_local_tv": us_local_tv,
    "wp_classic": wp_classic, "spanish_digital": spanish_digital,
}
