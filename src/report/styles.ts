/** The report's whole style sheet: screen, and print on A4. No web fonts, no external file. */
export const STYLES = `
:root { --ink: #222; --muted: #666; --line: #d0d0d0; --error: #a40000; --warning: #8a5a00; --info: #245c8a; --size: 14px; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); margin: 0 auto; max-width: 980px; padding: 16px 24px 48px; line-height: 1.55; font-size: var(--size); }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 18px; border-bottom: 2px solid var(--ink); padding-bottom: 2px; margin-top: 28px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
h4 { font-size: 14px; margin: 14px 0 6px; color: var(--muted); }
a { color: inherit; }
.meta { color: var(--muted); font-size: 12px; }
dl.identity { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
dl.identity dt { color: var(--muted); }
dl.identity dd { margin: 0; }
p.counts { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 12.5px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.subtotal td { background: #f7f7f7; font-weight: bold; }
tr.part td { background: #fbfbfb; font-weight: 600; }
tr.part td:first-child { padding-left: 1em; }
tr.total td { font-weight: bold; border-top: 2px solid var(--ink); }
nav.toc ol { margin: 4px 0; padding-left: 22px; }
nav.toc { border: 1px solid var(--line); padding: 8px 12px; margin: 12px 0; }
/* A rule's findings: a list (class e, w or i, its severity) in the findings section. */
section.findings > ol { padding-left: 28px; }
section.findings > ol > li { border-left: 4px solid var(--line); padding: 4px 10px; margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
section.findings > ol.e > li { border-left-color: var(--error); }
section.findings > ol.w > li { border-left-color: var(--warning); border-left-style: dashed; }
section.findings > ol.i > li { border-left-color: var(--info); border-left-style: dotted; }
section.findings > ol > li:has(> p) { opacity: 0.75; }
section.findings > ol > li > a { float: right; text-decoration: none; color: var(--muted); margin-left: 8px; }
section.findings ol ol { margin: 4px 0 0; padding-left: 20px; }
section.findings > ol > li > small { display: block; }
section.findings small { color: var(--muted); font-size: 12px; }
/* A place of several: where it is in small grey type, as a <small> would set it (its line as high
   as the finding's, its number as the finding's text), then its quote. */
section.findings ol ol > li { color: var(--muted); font-size: 12px; line-height: calc(var(--size) * 1.55); }
section.findings ol ol > li::marker { color: var(--ink); font-size: var(--size); line-height: 0; }
section.findings > ol > li > p { font-size: 12px; color: var(--muted); margin: 2px 0 0; }
section.findings q { display: block; quotes: none; margin: 2px 0 4px; padding: 2px 8px; background: #fafafa; border-left: 2px solid var(--line); font-size: 13px; color: var(--ink); line-height: 1.55; }
mark { background: #ffe066; color: inherit; font-weight: bold; text-decoration: underline; text-decoration-thickness: 2px; padding: 0 1px; }
:target { outline: 2px solid var(--ink); outline-offset: 2px; }
.badge { display: inline-block; font-size: 11px; border: 1px solid currentColor; border-radius: 3px; padding: 0 4px; margin-right: 4px; }
.badge.error { color: var(--error); } .badge.warning { color: var(--warning); } .badge.info { color: var(--info); }
section.rules dt { font-weight: bold; margin-top: 6px; }
section.rules dd { margin: 0 0 0 16px; }
figure { margin: 12px 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--muted); }
.project-table td:nth-child(1), .project-table td:nth-child(3), .project-table td:nth-child(4) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.project-table td:nth-child(5) a { font-size: 11px; white-space: nowrap; }
td.o { font-weight: bold; }
/* A plan off screen is laid out only when scrolled to: a report of 100 plans opens as fast as one. */
section.plan { content-visibility: auto; contain-intrinsic-size: auto 9000px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  section.plan { content-visibility: visible; }
  :root { --size: 11pt; }
  body { max-width: none; padding: 0; }
  nav.toc { break-after: avoid; }
  section.charts, section.projects { break-before: page; }
  mark { background: #d9d9d9; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { text-decoration: none; }
  section.findings > ol > li > a { display: none; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
`;
