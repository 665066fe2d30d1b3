//! Plain text for the terminal.

use std::io::Write;

use super::Report;
use crate::error::Result;

/// ANSI styles, or nothing when colour is off.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn kind(&self, s: &str) -> String {
        self.wrap("1;31", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn value(&self, s: &str) -> String {
        self.wrap("1;33", s)
    }
}

pub(crate) fn write(report: &Report, color: bool, out: &mut dyn Write) -> Result<()> {
    let p = Paint { on: color };
    let n = report.discrepancies.len();
    writeln!(
        out,
        "crosscheck: {} article(s), {} discrepanc{}, {} agreed fact(s)",
        report.articles.len(),
        n,
        if n == 1 { "y" } else { "ies" },
        report.facts.len()
    )?;
    for d in &report.discrepancies {
        writeln!(out)?;
        writeln!(
            out,
            "[{}] {} — {} (confidence {:.2}){}",
            p.bold(&d.id),
            p.kind(&d.kind.as_str().to_uppercase()),
            d.about,
            d.confidence,
            if d.internal {
                " [inside one article]"
            } else {
                ""
            }
        )?;
        writeln!(out, "  {}", d.explanation)?;
        for s in &d.sides {
            let outlets: Vec<String> = s.articles.iter().map(|a| report.outlet_of(a)).collect();
            writeln!(
                out,
                "  • {} ({}) — {} article(s), {} independent: {}",
                p.value(&format!("{:?}", s.value)),
                s.normalized,
                s.articles.len(),
                s.independent_sources,
                outlets.join(", ")
            )?;
            for e in &s.evidence {
                writeln!(
                    out,
                    "      {}: {}",
                    p.dim(&e.article),
                    e.text.replace('\n', " ")
                )?;
            }
        }
    }
    if !report.updates.is_empty() {
        writeln!(out)?;
        writeln!(out, "updates (marked changes, not conflicts):")?;
        for u in &report.updates {
            writeln!(out, "  [{}] {} — {}", u.id, u.about, u.explanation)?;
            for s in &u.sides {
                for e in &s.evidence {
                    writeln!(out, "      {}: {}", e.article, e.text.replace('\n', " "))?;
                }
            }
        }
    }
    let spelled = report.spelled_entities();
    if !spelled.is_empty() {
        writeln!(out)?;
        writeln!(out, "spelling variants (one entity each, not conflicts):")?;
        for (e, spellings) in spelled {
            writeln!(out, "  {} {}: {}", e.kind, e.name, spellings.join(" / "))?;
        }
    }
    if !report.skipped.is_empty() {
        writeln!(out)?;
        writeln!(out, "skipped:")?;
        for s in &report.skipped {
            writeln!(out, "  {}: {}", s.path, s.reason)?;
        }
    }
    for w in &report.warnings {
        writeln!(out, "warning: {w}")?;
    }
    Ok(())
}
