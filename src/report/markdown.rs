//! Markdown for tickets.

use std::io::Write;

use super::Report;
use crate::error::Result;

fn esc(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "# crosscheck report\n")?;
    writeln!(
        out,
        "{} article(s), {} discrepancies, {} agreed facts.\n",
        report.articles.len(),
        report.discrepancies.len(),
        report.facts.len()
    )?;
    writeln!(out, "| article | outlet | published |\n|---|---|---|")?;
    for a in &report.articles {
        writeln!(
            out,
            "| {} | {} | {} |",
            esc(&a.id),
            esc(a.outlet.as_deref().unwrap_or("")),
            a.published.as_deref().unwrap_or("?")
        )?;
    }
    for d in &report.discrepancies {
        writeln!(
            out,
            "\n## {} · {} — {}\n",
            d.id,
            d.kind.as_str(),
            esc(&d.about)
        )?;
        writeln!(
            out,
            "{} (confidence {:.2}{})\n",
            esc(&d.explanation),
            d.confidence,
            if d.internal {
                ", inside one article"
            } else {
                ""
            }
        )?;
        writeln!(
            out,
            "| value | normalized | articles | independent |\n|---|---|---|---|"
        )?;
        for s in &d.sides {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                esc(&s.value),
                esc(&s.normalized),
                esc(&s.articles.join(", ")),
                s.independent_sources
            )?;
        }
        writeln!(out)?;
        for s in &d.sides {
            for e in &s.evidence {
                writeln!(
                    out,
                    "> **{}** ({}): {}\n",
                    esc(&s.value),
                    esc(&e.article),
                    esc(&e.text)
                )?;
            }
        }
    }
    if !report.updates.is_empty() {
        writeln!(out, "\n## Updates (marked changes, not conflicts)\n")?;
        for u in &report.updates {
            writeln!(
                out,
                "- **{}** {}: {}",
                u.id,
                esc(&u.about),
                esc(&u.explanation)
            )?;
            for s in &u.sides {
                for e in &s.evidence {
                    writeln!(
                        out,
                        "  > **{}** ({}): {}",
                        esc(&s.value),
                        esc(&e.article),
                        esc(&e.text)
                    )?;
                }
            }
        }
    }
    let spelled = report.spelled_entities();
    if !spelled.is_empty() {
        writeln!(
            out,
            "\n## Spelling variants (one entity each, not conflicts)\n"
        )?;
        for (e, spellings) in spelled {
            let names: Vec<String> = spellings.iter().map(|s| esc(s)).collect();
            writeln!(
                out,
                "- {} **{}**: {}",
                e.kind,
                esc(&e.name),
                names.join(" / ")
            )?;
        }
    }
    if !report.skipped.is_empty() {
        writeln!(out, "\n## Skipped inputs\n")?;
        for s in &report.skipped {
            writeln!(out, "- `{}`: {}", s.path, esc(&s.reason))?;
        }
    }
    Ok(())
}
