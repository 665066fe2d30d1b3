//! One self-contained HTML page: a fact grid (a row per discrepancy, a column per outlet), the
//! evidence sentence in each cell with the words that differ marked, then updates, agreed
//! facts, spelling variants and skipped inputs. No script, no network; every text is escaped
//! by maud. Readable on a phone (the grid scrolls sideways, its first column stays) and when
//! printed.

use std::collections::BTreeSet;
use std::io::Write;

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::{Discrepancy, Report, Side};
use crate::error::Result;

const STYLE: &str = r#"
:root { --ink: #1d232a; --muted: #5b6570; --line: #d8dde3; --a: #fde2b8; --b: #cfe3fb; --c: #d9f2d0; --d: #f3d4f0; --mark: #ffd24d; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.summary { color: var(--muted); margin: 0 0 1rem; }
.grid-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .5rem; vertical-align: top; text-align: left; }
thead th { background: #f5f7f9; font-weight: 600; white-space: nowrap; }
thead th small { display: block; font-weight: 400; color: var(--muted); }
th.fact { position: sticky; left: 0; background: #fff; min-width: 14rem; max-width: 22rem; z-index: 1; }
thead th.fact { background: #f5f7f9; }
td.cell { min-width: 12rem; max-width: 22rem; }
td.silent { color: var(--muted); text-align: center; }
.value { font-weight: 600; display: block; margin-bottom: .25rem; }
.side-0 { background: var(--b); } .side-1 { background: var(--a); } .side-2 { background: var(--c); } .side-3 { background: var(--d); }
.evidence { font-size: .88rem; }
mark { background: var(--mark); padding: 0 .1em; }
.kind { display: inline-block; font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; background: var(--ink); color: #fff; border-radius: 3px; padding: 0 .35em; margin-right: .35em; }
.explanation { font-weight: 400; font-size: .85rem; color: var(--muted); display: block; margin-top: .35rem; }
.sources { font-size: .8rem; color: var(--muted); display: block; margin-top: .25rem; }
.internal { font-size: .75rem; color: #a33; display: block; }
ul.plain { padding-left: 1.1rem; }
.none { color: var(--muted); }
@media (max-width: 640px) { body { padding: .5rem; font-size: 14px; } th.fact { min-width: 10rem; } td.cell { min-width: 10rem; } }
@media print { body { max-width: none; font-size: 10pt; } .grid-wrap { overflow: visible; border: none; } th.fact { position: static; }
  tr { break-inside: avoid; } .side-0, .side-1, .side-2, .side-3, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"#;

/// Lowercase alphanumeric words of a text.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of a side's value that no other side's value has: what differs.
fn differing(d: &Discrepancy, side: usize) -> BTreeSet<String> {
    let others: BTreeSet<String> = d
        .sides
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != side)
        .flat_map(|(_, s)| words(&s.value).into_iter().chain(words(&s.normalized)))
        .collect();
    words(&d.sides[side].value)
        .into_iter()
        .filter(|w| !others.contains(w))
        .collect()
}

/// An evidence sentence with the differing words marked.
fn marked(text: &str, differ: &BTreeSet<String>) -> Markup {
    let mut parts: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric();
        if w != in_word && i > start {
            parts.push((in_word, &text[start..i]));
            start = i;
        }
        in_word = w;
    }
    parts.push((in_word, &text[start..]));
    html! {
        @for (is_word, p) in parts {
            @if is_word && differ.contains(&p.to_lowercase()) { mark { (p) } } @else { (p) }
        }
    }
}

fn cell(d: &Discrepancy, article: &str) -> Markup {
    let found: Option<(usize, &Side)> = d
        .sides
        .iter()
        .enumerate()
        .find(|(_, s)| s.articles.iter().any(|a| a == article));
    match found {
        None => html! { td.cell.silent { "—" } },
        Some((i, s)) => {
            let differ = differing(d, i);
            html! {
                td class=(format!("cell side-{}", i.min(3))) {
                    span.value { (s.value) }
                    @for e in s.evidence.iter().filter(|e| e.article == article) {
                        span.evidence { (marked(&e.text, &differ)) } " "
                    }
                }
            }
        }
    }
}

fn page(report: &Report) -> Markup {
    let n = report.discrepancies.len();
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "crosscheck report" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { "crosscheck report" }
                p.summary {
                    (report.articles.len()) " article(s), " (n)
                    @if n == 1 { " discrepancy, " } @else { " discrepancies, " }
                    (report.facts.len()) " agreed fact(s), " (report.updates.len()) " update(s)"
                }
                h2 { "Fact grid" }
                @if report.discrepancies.is_empty() {
                    p.none { "The sources agree on everything crosscheck read." }
                } @else {
                    div.grid-wrap {
                        table {
                            thead { tr {
                                th.fact { "Discrepancy" }
                                @for a in &report.articles {
                                    th {
                                        (a.outlet.clone().unwrap_or_else(|| a.id.clone()))
                                        small { (a.id) @if let Some(p) = &a.published { " · " (p) } }
                                    }
                                }
                            } }
                            tbody {
                                @for d in &report.discrepancies {
                                    tr id=(d.id) {
                                        th.fact {
                                            span.kind { (d.kind.as_str()) } (d.about)
                                            @if d.internal { span.internal { "inside one article" } }
                                            span.explanation { (d.explanation) }
                                            span.sources {
                                                "confidence " (format!("{:.2}", d.confidence)) "; independent sources: "
                                                @for (i, s) in d.sides.iter().enumerate() {
                                                    @if i > 0 { " vs " }
                                                    (s.independent_sources) " for “" (s.value) "”"
                                                }
                                            }
                                        }
                                        @for a in &report.articles { (cell(d, &a.id)) }
                                    }
                                }
                            }
                        }
                    }
                }
                @if !report.updates.is_empty() {
                    h2 { "Updates (marked changes, not conflicts)" }
                    ul.plain { @for u in &report.updates { li { strong { (u.about) } ": " (u.explanation) } } }
                }
                h2 { "Agreed facts" }
                @if report.facts.is_empty() { p.none { "None." } } @else {
                    ul.plain {
                        @for f in &report.facts {
                            li {
                                span.kind { (f.kind.as_str()) } (f.about) ": " strong { (f.value) }
                                " — " (f.articles.len()) " article(s), " (f.independent_sources) " independent"
                            }
                        }
                    }
                }
                @let spelled = report.spelled_entities();
                @if !spelled.is_empty() {
                    h2 { "Spelling variants (one entity each, not conflicts)" }
                    ul.plain { @for (e, spellings) in spelled { li { (e.kind) " " strong { (e.name) } ": " (spellings.join(" / ")) } } }
                }
                @if !report.skipped.is_empty() {
                    h2 { "Skipped inputs" }
                    ul.plain { @for s in &report.skipped { li { code { (s.path) } ": " (s.reason) } } }
                }
                @if !report.warnings.is_empty() {
                    h2 { "Warnings" }
                    ul.plain { @for w in &report.warnings { li { (w) } } }
                }
            }
        }
    }
}

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> Result<()> {
    out.write_all(page(report).into_string().as_bytes())?;
    writeln!(out)?;
    Ok(())
}
