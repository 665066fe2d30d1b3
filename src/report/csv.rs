//! CSV: one row per discrepancy side (RFC 4180 via the csv crate).

use std::io::Write;

use super::Report;
use crate::error::Result;

/// Neutralise cells a spreadsheet would run as a formula (OWASP CSV injection).
pub(crate) fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "kind",
        "about",
        "value",
        "normalized",
        "outlets",
        "articles",
        "evidence",
        "confidence",
        "explanation",
        "independent_sources",
    ])?;
    for d in &report.discrepancies {
        for s in &d.sides {
            let outlets: Vec<String> = s.articles.iter().map(|a| report.outlet_of(a)).collect();
            let evidence: Vec<String> = s
                .evidence
                .iter()
                .map(|e| format!("[{}] {}", e.article, e.text))
                .collect();
            w.write_record([
                cell(&d.id),
                d.kind.as_str().to_string(),
                cell(&d.about),
                cell(&s.value),
                cell(&s.normalized),
                cell(&outlets.join("; ")),
                cell(&s.articles.join("; ")),
                cell(&evidence.join(" | ")),
                format!("{:.2}", d.confidence),
                cell(&d.explanation),
                s.independent_sources.to_string(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
