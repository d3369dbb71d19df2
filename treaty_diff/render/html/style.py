"""The inline stylesheet and script of the HTML report (see html.py).

Colours are named once in :data:`PALETTE` and every foreground/background pair
the stylesheet uses is listed in :data:`CONTRAST_PAIRS`, so a test can check
each against WCAG AA (4.5:1 for text). Changes never rely on colour alone:
insertions are underlined and deletions struck through, on screen and on paper.
"""

from __future__ import annotations

PALETTE: dict[str, str] = {
    "text": "#1b1b1b",
    "background": "#ffffff",
    "muted": "#4d4d4d",
    "rule": "#c4c4c4",
    "panel": "#f4f4f2",
    "link": "#0b4f9c",
    "focus": "#1a5fb4",
    "ins-fg": "#0b5a2a",
    "ins-bg": "#e3f3e8",
    "del-fg": "#9e1a1a",
    "del-bg": "#fbe8e8",
    "modified-fg": "#6e4300",
    "modified-bg": "#fff1d9",
    "split-fg": "#4a2a82",
    "split-bg": "#f0eafa",
    "renumbered-fg": "#1c4c8c",
    "renumbered-bg": "#e7effa",
    "moved-fg": "#00525c",
    "moved-bg": "#e0f3f5",
    "reconstructed-fg": "#6b3a00",
    "reconstructed-bg": "#fff3d1",
    "unchanged-fg": "#4d4d4d",
    "unchanged-bg": "#efefef",
}

#: (foreground, background) pairs of text the stylesheet shows; each must reach 4.5:1.
CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("text", "panel"),
    ("muted", "background"),
    ("muted", "panel"),
    ("link", "background"),
    ("link", "panel"),
    ("ins-fg", "ins-bg"),
    ("del-fg", "del-bg"),
    ("modified-fg", "modified-bg"),
    ("split-fg", "split-bg"),
    ("renumbered-fg", "renumbered-bg"),
    ("moved-fg", "moved-bg"),
    ("reconstructed-fg", "reconstructed-bg"),
    ("unchanged-fg", "unchanged-bg"),
    ("background", "text"),
)

#: Badge classes and the palette entries they are drawn in.
BADGE_COLOURS: dict[str, str] = {
    "modified": "modified",
    "inserted": "ins",
    "deleted": "del",
    "split": "split",
    "merged": "split",
    "renumbered": "renumbered",
    "moved": "moved",
    "reconstructed": "reconstructed",
    "unchanged": "unchanged",
    # obligations compared across drafts
    "changed": "modified",
    "weakened": "del",
    "dropped": "del",
    "strengthened": "ins",
    "added": "ins",
}


def _badge_rules() -> str:
    rules = []
    for badge, colour in BADGE_COLOURS.items():
        rules.append(
            f".badge-{badge} {{ color: {PALETTE[colour + '-fg']}; background: {PALETTE[colour + '-bg']}; }}"
        )
    return "\n".join(rules)


def _depth_rules() -> str:
    # As specific as the paragraph margins they override (``.provision p``).
    return "\n".join(f".provision p.depth-{n}, .sbs p.depth-{n} {{ margin-left: {1.75 * n:g}em; }}"
                     for n in range(1, 7))


def stylesheet() -> str:
    """The whole stylesheet: screen, then print (A4, black and white)."""
    p = PALETTE
    return f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
html {{ background: {p["background"]}; color: {p["text"]}; }}
body {{
  margin: 0 auto; padding: 1.25rem 1.5rem 3rem; max-width: 76rem;
  font: 1rem/1.55 "Noto Serif", "DejaVu Serif", Georgia, "Times New Roman", "Noto Serif CJK SC", "Source Han Serif SC",
    "Songti SC", SimSun, serif;
}}
h1, h2, h3, th, caption, .meta, .badge, nav, fieldset, .legend, .counts, footer, .banner, .ui {{
  font-family: system-ui, "Noto Sans", "DejaVu Sans", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
    "Microsoft YaHei", sans-serif;
}}
h1 {{ font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }}
h2 {{ font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .2rem; border-bottom: 2px solid {p["text"]}; }}
a {{ color: {p["link"]}; }}
a:focus-visible, input:focus-visible, summary:focus-visible {{ outline: 3px solid {p["focus"]}; outline-offset: 2px; }}
[id] {{ scroll-margin-top: .75rem; }}
:target {{ outline: 2px solid {p["focus"]}; outline-offset: 4px; }}
.js-only {{ display: none; }}
html.js .js-only {{ display: inline; }}
.skip-link {{ position: absolute; left: -999rem; }}
.skip-link:focus {{ left: 1rem; top: 1rem; background: {p["background"]}; padding: .5rem; z-index: 2; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid {p["rule"]}; }}
thead th {{ border-bottom: 2px solid {p["text"]}; }}
caption {{ text-align: left; font-weight: 600; padding: .25rem 0; }}
table.drafts th[scope=row] {{ width: 9rem; color: {p["muted"]}; font-weight: 600; }}
table.drafts td.corner {{ width: 9rem; }}
table.drafts tbody td {{ width: 45%; }}
.banner {{
  margin: 1rem 0; padding: .75rem 1rem; border: 2px dashed {p["reconstructed-fg"]};
  background: {p["reconstructed-bg"]}; color: {p["reconstructed-fg"]};
}}
.banner p {{ margin: 0 0 .35rem; }}
.banner a {{ color: {p["reconstructed-fg"]}; }}
nav.toc ul {{ list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }}
.banner details summary {{ cursor: pointer; }}
.banner ul {{ margin: .35rem 0 0; }}
.change-list {{ margin: 0 0 1rem; padding-left: 2.2rem; }}
.change-list li {{ break-inside: avoid; padding: .05rem 0; }}
.change-list .words, .change-list .was {{ color: {p["muted"]}; font-variant-numeric: tabular-nums; }}
.change-list .words {{ white-space: nowrap; }}
@media (min-width: 60rem) {{ .change-list {{ columns: 2; column-gap: 3rem; }} }}
.digest h3 {{ font-size: 1.05rem; margin: 1rem 0 .4rem; }}
.obligation-list {{ margin: 0 0 .5rem; padding-left: 1.5rem; }}
.scroll {{ overflow-x: auto; }}
details.legend {{ margin: .75rem 0 0; }}
details.legend > summary {{ cursor: pointer; font-weight: 600; }}
details.legend dl {{ margin-top: .5rem; }}
.counts {{ display: flex; flex-wrap: wrap; gap: .35rem 1.25rem; margin: 0 0 .75rem; padding: 0; list-style: none; }}
.counts strong {{ font-size: 1.1rem; }}
table.summary td.num-col {{ white-space: nowrap; }}
table.summary td.number {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
table.summary tr.unchanged td {{ color: {p["muted"]}; }}
table.summary td.description {{ font-size: .9rem; }}
.badge {{
  display: inline-block; font-size: .72rem; font-weight: 600; line-height: 1.35; letter-spacing: .02em;
  padding: 0 .4em; margin: 0 .3em .1em 0; border: 1px solid currentColor; border-radius: .25rem;
  text-transform: uppercase; white-space: nowrap; vertical-align: .1em;
}}
{_badge_rules()}
ins {{
  color: {p["ins-fg"]}; background: {p["ins-bg"]};
  text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: .18em;
}}
del {{
  color: {p["del-fg"]}; background: {p["del-bg"]};
  text-decoration: line-through; text-decoration-thickness: 1px;
}}
ins.after-mark, del.after-mark {{ margin-left: .2em; }}
ins.moved {{ color: {p["moved-fg"]}; background: {p["moved-bg"]}; text-decoration: none; }}
.hidden-char {{ unicode-bidi: isolate; color: {p["text"]}; }}
.hidden-char::before {{
  content: attr(data-marker); font: .72em/1 ui-monospace, "DejaVu Sans Mono", monospace; padding: 0 .15em;
  color: {p["del-fg"]}; background: {p["del-bg"]}; border: 1px solid currentColor; border-radius: .2em;
}}
.legend dl {{ display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }}
.legend dt {{ font-weight: 600; }}
.legend dd {{ margin: 0; }}
.view-switch {{
  border: 1px solid {p["rule"]}; border-radius: .35rem; padding: .4rem .9rem .5rem; margin: 1.5rem 0 0;
  background: {p["panel"]}; display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1.25rem;
}}
.view-switch legend {{ font-weight: 600; padding: 0 .3rem; }}
.view-switch label {{ cursor: pointer; padding: .2rem .1rem; }}
.view-switch input {{
  width: 1.05rem; height: 1.05rem; margin: 0 .35rem 0 0; vertical-align: -.15rem; accent-color: {p["text"]};
}}
body:has(#view-sbs:checked) #redline-view {{ display: none; }}
body:has(#view-redline:checked) #sbs-view {{ display: none; }}
.provision {{ border-top: 1px solid {p["rule"]}; padding: .9rem 0 .6rem; max-width: 52rem; }}
.provision h3 {{ font-size: 1.12rem; margin: 0 0 .3rem; line-height: 1.35; }}
.provision h3 .art-heading {{ display: block; font-weight: 600; font-style: italic; }}
.provision h3 .label {{ color: {p["muted"]}; }}
.meta {{ font-size: .85rem; color: {p["muted"]}; margin: 0 0 .6rem; }}
.meta .description {{ margin-left: .2rem; }}
.meta a {{ margin-left: .4rem; white-space: nowrap; }}
.provision p, .sbs p {{ margin: 0 0 .55rem; }}
.provision[data-layout=segments] p {{ white-space: pre-line; }}
.provision p.heading {{ font-weight: 600; font-style: italic; }}
.provision p.num {{ font-weight: 700; }}
.reconstructed {{ border-left: 2px dashed {p["reconstructed-fg"]}; padding-left: .6rem; }}
.moved-from, .moved-to, .part-from, .part-to {{ border-left: 4px double {p["moved-fg"]}; padding-left: .8rem; }}
.sbs {{ table-layout: fixed; }}
.sbs th.side {{ width: 50%; }}
.sbs td {{ width: 50%; }}
.sbs tr.change-head th {{ background: {p["panel"]}; font-size: .95rem; padding-top: .6rem; }}
.sbs tr.change-head .description {{ font-weight: 400; color: {p["muted"]}; font-size: .85rem; margin-left: .3rem; }}
.sbs td.empty {{ background: {p["panel"]}; }}
.sbs .num, .sbs .heading {{ font-weight: 700; }}
table.definitions td:first-child {{ font-weight: 600; }}
table.obligations p, table.obligations ul {{ margin: 0 0 .3rem; }}
table.obligations q {{ font-style: italic; }}
table.definitions p {{ margin: 0 0 .4rem; }}
table.definitions td.where a {{ display: block; white-space: nowrap; }}
footer {{
  margin-top: 3rem; font-size: .85rem; color: {p["muted"]}; border-top: 1px solid {p["rule"]}; padding-top: .5rem;
}}
{_depth_rules()}
body {{ overflow-wrap: break-word; }}
th, td {{ overflow-wrap: anywhere; }}
@media (max-width: 40rem) {{
  body {{ padding: .75rem .8rem 2rem; }}
  h1 {{ font-size: 1.3rem; }}
  table.summary, table.drafts, table.definitions, table.obligations,
  table.summary tbody, table.drafts tbody, table.definitions tbody, table.obligations tbody {{ display: block; }}
  table.summary thead, table.drafts thead, table.definitions thead, table.obligations thead {{ display: none; }}
  table.summary tr, table.drafts tr, table.definitions tr, table.obligations tr {{
    display: block; border-bottom: 1px solid {p["rule"]}; padding: .35rem 0;
  }}
  table.summary td, table.drafts td, table.drafts th, table.definitions td, table.obligations td {{
    display: block; border: 0; padding: .1rem .25rem; width: auto !important; text-align: left !important;
  }}
  td[data-label]::before {{ content: attr(data-label) ": "; font-weight: 600; color: {p["muted"]}; }}
  .provision p.depth-1, .sbs p.depth-1 {{ margin-left: 1em; }}
  .provision p.depth-2, .sbs p.depth-2, .provision p.depth-3, .sbs p.depth-3,
  .provision p.depth-4, .sbs p.depth-4, .provision p.depth-5, .sbs p.depth-5,
  .provision p.depth-6, .sbs p.depth-6 {{ margin-left: 2em; }}
  .sbs th, .sbs td {{ padding: .3rem .25rem; font-size: .92rem; }}
  .legend dl {{ grid-template-columns: 1fr; }}
}}
@page {{ size: A4; margin: 16mm 14mm 18mm; }}
@media print {{
  html, body {{ background: #fff; color: #000; }}
  body {{ max-width: none; padding: 0; font-size: 10pt; }}
  .view-switch, nav.toc, .skip-link, #view-help {{ display: none !important; }}
  h2 {{ border-bottom-color: #000; }}
  h2, h3, .meta, tr.change-head {{ break-after: avoid; page-break-after: avoid; }}
  tr, .provision p {{ break-inside: avoid; page-break-inside: avoid; }}
  thead {{ display: table-header-group; }}
  .provision {{ max-width: none; }}
  a {{ color: #000; text-decoration: none; }}
  ins, del, .badge, .banner, .meta, table.summary tr.unchanged td {{
    color: #000 !important; background: none !important;
  }}
  ins {{ text-decoration: underline !important; }}
  del {{ text-decoration: line-through !important; }}
  ins.moved {{ text-decoration: none !important; }}
  .badge {{ border-color: #000; }}
  .banner, .reconstructed {{ border-color: #000; }}
  .moved-from, .moved-to, .part-from, .part-to {{ border-left-color: #000; }}
  :target {{ outline: none; }}
  .sbs tr.change-head th, .sbs td.empty {{ background: none; }}
}}
"""


#: The page's only script (allowed by its hash in the Content-Security-Policy). The page works without it:
#: following a link to a place in the view that is hidden switches to that view first, and links that only
#: make sense with that (class ``js-only``) are shown.
SCRIPT = """
document.documentElement.classList.add('js');
document.addEventListener('click', function (event) {
  var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
  if (!link) { return; }
  var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
  var view = target ? target.closest('[data-view]') : null;
  var radio = view ? document.getElementById(view.getAttribute('data-view')) : null;
  if (radio && !radio.checked) { radio.checked = true; }
});
"""
