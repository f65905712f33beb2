"""The sample articles in the page shapes of newspapers outside the English-speaking web.

The other re-markup modules cover English-language CMSs and front ends; these follow a
French and a Spanish daily, an Italian one, a Japanese and a Korean news site, a Russian
regional portal's English section, a newsletter platform (Substack-like) and a hosted
site builder's blog (Squarespace-like): dates in the page's own language and order
('Publié le 3 mars 2021 à 10h15', '03 mar 2021 - 10:15 CET', '2021年3月3日',
'입력 2021.03.03', '3 марта 2021'), a later modification beside the publication, cookie
banners, 'read also' boxes inside the text, most-read lists, newsletter boxes. Title, date
and body must come out exactly as expected.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from .test_extract_remarkup import SITE, _day, _paras, lines_of
from .test_extract_remarkup_cms import _later
from .test_extract_remarkup_more import _split

FRENCH_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")
ITALIAN_MONTHS = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
                  "agosto", "settembre", "ottobre", "novembre", "dicembre")
SPANISH_SHORT = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov",
                 "dic")
RUSSIAN_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                  "сентября", "октября", "ноября", "декабря")
COOKIES = ("<div id='cookie-consent' class='cmp-banner' role='dialog'><p>{0}</p>"
           "<a href='#' class='cmp-accept'>{1}</a></div>")


def _fr(day: date) -> str:
    return f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def french_daily(article: dict[str, Any]) -> str:
    """A French daily (Le Monde-like): 'Publié le 3 mars 2021 à 10h15, modifié le ...', a
    cookie wall, a 'Lire aussi' box and a photo with its credit inside the text, 'Dans la
    même rubrique' teasers with numeric dates and a most-read list."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<p class='meta__publisher'><span class='meta__date'>Publié le {_fr(day)} à 10h15"
            f", modifié le {_fr(later)} à 08h02</span></p>") if day and later else ""
    first, rest = _split(article, attrs=" class='article__paragraph'")
    also = ("<section class='catcher catcher--inline'><span class='catcher__title'>Lire aussi"
            "</span><a href='/economie/article/2020/01/05/port.html'>Le trafic du port "
            "progresse pour le troisième mois</a></section>")
    photo = ("<figure class='article__media'><img src='/img/port.jpg' alt=''><figcaption "
             "class='article__legend'>Sur le port, le 2 mars. <span class='article__credit'>"
             "JEAN DUPONT / AFP</span></figcaption></figure>")
    rubrique = "".join(
        f"<div class='teaser'><a href='/economie/{n}.html'><h3 class='teaser__title'>{t}</h3>"
        f"</a><span class='meta__date'>Publié le {d}</span></div>"
        for n, t, d in ((1, "Les exportations repartent à la hausse", "05/01/2020"),
                        (2, "Un nouveau pont pour le quartier du port", "30/12/2019")))
    return (f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
            f"<title>{title} – {SITE}</title><meta property='og:title' content='{title}'>"
            f"<meta property='og:site_name' content='{SITE}'></head><body>"
            + COOKIES.format("Nous utilisons des cookies pour mesurer l'audience et vous "
                             "proposer des publicités personnalisées.", "Accepter et fermer")
            + f"<header class='header'><a class='logo' href='/'>{SITE}</a><nav><ul>"
            f"<li><a href='/international/'>International</a></li><li><a href='/economie/'>"
            f"Économie</a></li><li><a href='/culture/'>Culture</a></li></ul></nav></header>"
            f"<main class='article--content'><ul class='breadcrumb'><li><a href='/economie/'>"
            f"Économie</a></li><li><a href='/entreprises/'>Entreprises</a></li></ul>"
            f"<header class='article__header'><h1 class='article__title'>{title}</h1>"
            f"<span class='author__name'>Par Jean Martin</span>{when}<p class='article__"
            f"reading-time'>Temps de Lecture 3 min.</p></header><article class='article__"
            f"content'>{first}{also}{photo}{rest}</article><section class='article__"
            f"reactions'><a href='#'>Réagir</a> <a href='#'>Partager</a></section>"
            f"<section class='area area--river'><h2>Dans la même rubrique</h2>{rubrique}"
            f"</section></main><aside class='aside__iso'><h2>Les plus lus</h2><ol><li><a "
            f"href='/p/1'>La réforme des retraites en cinq questions</a></li><li><a "
            f"href='/p/2'>Météo : un week-end doux sur tout le pays</a></li></ol></aside>"
            f"<footer class='footer'><a href='/mentions-legales'>Mentions légales</a> · "
            f"<a href='/cgv'>Conditions générales</a> · © {SITE}</footer></body></html>")


def spanish_daily(article: dict[str, Any]) -> str:
    """A Spanish daily (El País-like): 'Madrid - 03 mar 2021 - 10:15 CET' with a day-first
    'Actualizado: 04/03/2021' after it, an archive link, 'Más información' inside the
    text, 'Archivado en' tags and 'Lo más visto'."""
    title, day = html.escape(article["title"]), _day(article)
    later, when = _later(day), ""
    if day is not None and later is not None:
        when = (f"<div class='a_md_f'><span>Madrid - <a href='/hemeroteca/{day}/'>"
                f"{day.day:02d} {SPANISH_SHORT[day.month - 1]} {day.year} - 10:15</a> CET"
                f"</span><span class='a_md_f_upd'>Actualizado: {later:%d/%m/%Y} - 08:40 CET"
                f"</span></div>")
    first, rest = _split(article)
    more = ("<aside class='a_ei'><h3>Más información</h3><a href='/economia/2020-01-05/"
            "puerto.html'>El tráfico del puerto crece por tercer mes consecutivo</a></aside>")
    return (f"<!DOCTYPE html><html lang='es'><head><title>{title} | Economía | {SITE}</title>"
            f"<meta property='og:title' content='{title}'></head><body>"
            f"<header class='_g'><a class='ep_l' href='/'>{SITE}</a><nav><a href='/'>Portada"
            f"</a><a href='/economia/'>Economía</a><a href='/suscripciones/'>Suscríbete</a>"
            f"</nav></header><main><article class='a'><header class='a_e'><div class='a_k'>"
            f"<a href='/economia/'>Economía</a></div><h1 class='a_t'>{title}</h1></header>"
            f"<div class='a_md'><div class='a_md_a'><a href='/autor/ana-garcia/'>Ana García"
            f"</a></div>{when}<div class='a_md_sh'><a href='#'>Compartir en Whatsapp</a> "
            f"<a href='#'>Copiar enlace</a> <a href='#'>Comentarios</a></div></div>"
            f"<div class='a_c clearfix' data-dtm-region='articulo_cuerpo'>{first}{more}{rest}"
            f"</div><div class='a_tp'><span>Archivado En</span><a href='/t/industria/'>"
            f"Industria</a><a href='/t/china/'>China</a></div></article>"
            f"<section class='b-lmv'><h2>Lo más visto</h2><ol><li><a href='/p/1'>El Gobierno "
            f"aprueba la subida del salario mínimo</a></li><li><a href='/p/2'>Las claves de la "
            f"nueva ley de vivienda</a></li></ol></section></main><footer><p>© Ediciones "
            f"{SITE} S.L.</p><a href='/aviso-legal/'>Aviso legal</a></footer></body></html>")


def italian_daily(article: dict[str, Any]) -> str:
    """An Italian daily (Corriere-like): '3 marzo 2021 (modifica il 4 marzo 2021 | 10:15)',
    the <title> with the section's name, a gallery caption and 'Leggi anche' links."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<p class='is-last-update'>{day.day} {ITALIAN_MONTHS[day.month - 1]} {day.year}"
            f" (modifica il {later.day} {ITALIAN_MONTHS[later.month - 1]} {later.year} | "
            f"10:15)</p>") if day and later else ""
    also = ("<div class='box-leggi-anche'><p class='title-leggi'>Leggi anche</p><ul><li><a "
            "href='/economia/20_gennaio_05/porto.shtml'>Il porto cresce per il terzo mese di "
            "fila</a></li><li><a href='/economia/19_dicembre_30/traghetto.shtml'>Nuova linea "
            "di traghetti per le isole</a></li></ul></div>")
    return (f"<!DOCTYPE html><html lang='it'><head><title>{title} - {SITE} Economia</title>"
            f"<meta property='og:title' content='{title}'></head><body>"
            + COOKIES.format("Questo sito utilizza cookie di profilazione, propri e di terze "
                             "parti.", "Accetta")
            + f"<header class='hd'><a href='/'>{SITE}</a><ul class='menu'><li><a "
            f"href='/politica/'>Politica</a></li><li><a href='/economia/'>Economia</a></li>"
            f"</ul></header><div class='container'><div class='body-article'>"
            f"<h1 class='title-art'>{title}</h1><div class='info-art'><p class='writer'>di "
            f"Marco Rossi</p>{when}</div><figure class='media-news'><img src='/img/1.jpg' "
            f"alt=''><figcaption>(Ansa)</figcaption></figure><div class='content'>"
            f"{_paras(article)}</div>{also}<div class='social-share'><a href='#'>Condividi"
            f"</a></div></div><div class='col-right'><h3>I più letti</h3><ol><li><a "
            f"href='/p/1'>Bonus casa, le novità</a></li><li><a href='/p/2'>Meteo, arriva il "
            f"caldo</a></li></ol></div></div><footer><p>Copyright {SITE} © - P.IVA "
            f"00000000000</p></footer></body></html>")


def japanese_news(article: dict[str, Any]) -> str:
    """A Japanese news site: '2021年3月3日 10:15 (2021年4月12日 5:20更新)', the <title>
    'Headline：Site', share/save buttons and an access ranking with times of day."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<div class='TimeStamp'>{day.year}年{day.month}月{day.day}日 10:15 "
            f"({later.year}年{later.month}月{later.day}日 5:20更新)</div>") if day and later else ""
    ranking = "".join(f"<li><span class='rank'>{n}</span><a href='/a/{n}'>{t}</a>"
                      f"<span class='t'>{h}</span></li>" for n, t, h in (
                          (1, "Exports rise again as demand returns", "18:02"),
                          (2, "A new bridge for the harbour district", "7:45")))
    return (f"<!DOCTYPE html><html lang='ja'><head><meta charset='utf-8'><title>{title}："
            f"{SITE}</title><meta property='og:title' content='{title}'></head><body>"
            f"<header><a class='logo' href='/'>{SITE}</a><ul class='gnav'><li><a href='/'>"
            f"トップ</a></li><li><a href='/economy/'>経済</a></li><li><a href='/world/'>国際"
            f"</a></li></ul></header><div class='container'><main><article>"
            f"<div class='topicPath'><a href='/'>トップ</a> &gt; <a href='/economy/'>経済</a>"
            f"</div><h1 class='title'>{title}</h1>{when}<div class='shareButtons'><a "
            f"href='#'>シェア</a><a href='#'>保存</a><a href='#'>印刷</a></div>"
            f"<section class='container_article'>{_paras(article)}</section>"
            f"<p class='notice'>この記事をまとめて読む</p></article></main>"
            f"<div class='sub'><h2>アクセスランキング</h2><ol>{ranking}</ol><p>"
            f"<a href='/ranking/'>もっと見る</a></p></div></div><footer>"
            f"<p>© {SITE} 無断転載を禁じます</p></footer></body></html>")


def korean_news(article: dict[str, Any]) -> str:
    """A Korean news site: '입력 2021.03.03 10:15' (entered) and '수정 2021.04.12 08:00'
    (modified), a reporter line, a copyright notice, '많이 본 뉴스' (most viewed)."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    when = (f"<ul class='info'><li class='date'>입력 {day:%Y.%m.%d} 10:15</li><li class="
            f"'date'>수정 {later:%Y.%m.%d} 08:00</li></ul>") if day and later else ""
    viewed = "".join(f"<li><a href='/news/{n}'>{t}</a></li>" for n, t in (
        (1, "Port volumes rise for the third month in a row"),
        (2, "New ferry line to the islands opens in spring")))
    return (f"<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'><title>{title} - "
            f"{SITE}</title><meta property='og:title' content='{title}'></head><body>"
            f"<div id='header'><a href='/'>{SITE}</a><ul class='gnb'><li><a href='/politics'>"
            f"정치</a></li><li><a href='/economy'>경제</a></li><li><a href='/society'>사회</a>"
            f"</li></ul></div><div id='container'><div class='article-head'><h1 "
            f"class='headline'>{title}</h1><div class='byline'><span class='name'>홍길동 기자"
            f"</span>{when}</div><div class='util'><a href='#'>공유</a> <a href='#'>글자크기"
            f"</a></div></div><div id='article-view-content-div' class='article-body'>"
            f"{_paras(article)}</div><div class='copyright'>&lt;저작권자 © {SITE}, 무단 전재 및 "
            f"재배포 금지&gt;</div><div class='rank-box'><h3>많이 본 뉴스</h3><ol>{viewed}</ol>"
            f"</div></div><div id='footer'>{SITE} | 등록번호 서울 아00000</div></body></html>")


def russian_portal(article: dict[str, Any]) -> str:
    """A Russian regional portal's English section: '3 марта 2021, 10:15' beside the
    headline, views, Russian menus, 'Читайте также' (read also) and a footer of legal text."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<div class='article__info-date'><a href='/{day:%Y%m%d}/'>{day.day} "
            f"{RUSSIAN_MONTHS[day.month - 1]} {day.year}, 10:15</a></div>") if day else ""
    also = ("<div class='article__block' data-type='article'><div class='title'>Читайте "
            "также</div><a href='/en/20200105/port.html'>Port volumes rise for the third "
            "month in a row</a></div>")
    first, rest = _split(article, "div", " class='article__text'")
    return (f"<!DOCTYPE html><html lang='ru'><head><meta charset='utf-8'><title>{title} - "
            f"{SITE}</title></head><body><div class='header'><a href='/'>{SITE}</a><ul "
            f"class='nav'><li><a href='/politics/'>Политика</a></li><li><a href='/economy/'>"
            f"Экономика</a></li><li><a href='/en/'>English</a></li></ul></div><div "
            f"class='layout-article'><div class='article' lang='en'><div class='article__"
            f"header'><h1 class='article__title'>{title}</h1><div class='article__info'>{when}"
            f"<div class='article__views'>Просмотры: 1024</div></div></div><div class='article"
            f"__body'>{first}{also}{rest}</div><div class='article__tags'><a href='/tag/1/'>"
            f"Industry</a></div></div></div><div class='footer'><p>Сетевое издание «{SITE}» "
            f"зарегистрировано в Роскомнадзоре. 18+</p></div></body></html>")


def substack(article: dict[str, Any]) -> str:
    """A newsletter platform's post (Substack-like): the title '<Headline> - by <Author>', a
    subtitle under the headline, the date as plain text 'Mar 03, 2021' beside the author,
    like/comment/share buttons and subscribe boxes before and after the text."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<div class='pencraft pc-reset color-pub-secondary-text'>{day:%b} {day:%d}, " \
        f"{day.year}</div>" if day else ""
    box = ("<div class='subscription-widget-wrap'><p>Thanks for reading! Subscribe for free to "
           "receive new posts and support my work.</p><form class='subscription-widget-"
           "subscribe'><div class='button primary'>Subscribe</div></form></div>")
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title} - by Staff Writer</title>"
            f"<meta property='og:title' content='{title}'><meta property='og:site_name' "
            f"content='{SITE}'></head><body><div class='main-menu'><a href='/'>{SITE}</a>"
            f"<a href='/subscribe'>Subscribe</a><a href='/sign-in'>Sign in</a></div>"
            f"<div class='single-post-container'><article class='typography newsletter-post "
            f"post'><div class='post-header'><h1 class='post-title unpublished'>{title}</h1>"
            f"<h3 class='subtitle'>Notes from the district this week</h3><div class='pencraft "
            f"post-meta'><a href='/profile/staff'>Staff Writer</a>{when}</div><div "
            f"class='post-ufi'><a class='like-button'>12</a><a class='post-ufi-comment-button'"
            f">3</a><a class='share'>Share</a></div></div><div class='available-content'>"
            f"<div dir='auto' class='body markup'>{_paras(article)}</div></div>{box}"
            f"<div class='post-footer'><a class='like-button'>12 Likes</a></div></article>"
            f"<div id='discussion'><h4>Discussion about this post</h4><div class='comment'>"
            f"<p>Thanks, this was a very useful roundup of what happened this week.</p></div>"
            f"</div></div><div class='footer-wrap'>© 2024 Staff Writer · Privacy · Terms · "
            f"Collection notice<br>Substack is the home for great culture</div></body></html>")


def squarespace(article: dict[str, Any]) -> str:
    """A hosted site builder's blog (Squarespace-like): the text split over content blocks,
    an image block with a caption between them, a <time> showing only 'Jan 18' with the full
    datetime, a newsletter block, previous/next posts by title."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<time class='blog-meta-item blog-meta-item--date' datetime='{day}'>{day:%b} "
            f"{day.day}</time>") if day else ""
    block = ("<div class='sqs-block html-block sqs-block-html'><div class='sqs-block-content'>"
             "<div class='sqs-html-content'>{0}</div></div></div>")
    lines = lines_of(article)
    half = max(1, len(lines) // 2)
    first = block.format("".join(f"<p>{x}</p>" for x in lines[:half]))
    rest = block.format("".join(f"<p>{x}</p>" for x in lines[half:]))
    image = ("<div class='sqs-block image-block sqs-block-image'><div class='sqs-block-content'>"
             "<figure class='sqs-block-image-figure'><img src='/s/IMG_0412.jpg' alt=''>"
             "<figcaption class='image-caption-wrapper'><div class='image-caption'><p>The "
             "signing ceremony</p></div></figcaption></figure></div></div>")
    signup = ("<div class='sqs-block newsletter-block'><div class='newsletter-form-header'>"
              "<h2>Subscribe</h2><p>Sign up with your email address to receive news and "
              "updates.</p></div><div class='newsletter-form-footnote'><p>We respect your "
              "privacy.</p></div></div>")
    return (f"<!doctype html><html lang='en-US'><head><title>{title} — {SITE}</title>"
            f"<meta property='og:title' content='{title} — {SITE}'></head><body "
            f"class='collection-type-blog view-item'><header class='header'><div "
            f"class='header-title'><a href='/'>{SITE}</a></div><nav class='header-nav-list'>"
            f"<a href='/about'>About</a><a href='/blog'>Blog</a><a href='/contact'>Contact</a>"
            f"</nav></header><main id='page'><article class='entry h-entry hentry'><div "
            f"class='blog-item-top-wrapper'><div class='blog-item-meta-wrapper'>{when}</div>"
            f"<h1 class='entry-title' data-content-field='title'>{title}</h1><div class="
            f"'blog-item-author-name-wrapper'><a href='/blog?author=1'>Staff Writer</a></div>"
            f"</div><div class='blog-item-content-wrapper'><div class='blog-item-content "
            f"e-content'><div class='sqs-layout sqs-grid-12 columns-12'>{first}{image}{rest}"
            f"{signup}</div></div></div><section class='item-pagination'><a class='item-"
            f"pagination-link--prev' href='/blog/exports'><div>Previous</div><h2>Exports rise "
            f"again</h2></a><a class='item-pagination-link--next' href='/blog/bridge'><div>"
            f"Next</div><h2>A new bridge for the harbour district</h2></a></section></article>"
            f"</main><footer class='sections'><p>12 Harbour Road · info@example.com</p>"
            f"<p>Powered by Squarespace</p></footer></body></html>")


TEMPLATES: dict[str, Callable[[dict[str, Any]], str]] = {
    "french_daily": french_daily, "spanish_daily": spanish_daily,
    "italian_daily": italian_daily, "japanese_news": japanese_news,
    "korean_news": korean_news, "russian_portal": russian_portal, "substack": substack,
    "squarespace": squarespace,
}
