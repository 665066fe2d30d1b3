//! Rules of one's own, from a string: a title lexicon that the default rules lack.
//!
//! ```sh
//! cargo run --example custom_rules
//! ```
//!
//! The default rules do not know port offices, so "Harbor Master Ana Ruiz" in one article and
//! "Port Captain Ana Ruiz" in another are not compared. A few lines in the rule language (the
//! same as `rules/titles.rules`) declare the two offices and an exclusive class for them: one
//! person cannot hold both at one time, and the check now reports a `title` discrepancy.

use std::error::Error;

use crosscheck::{Article, Corpus, Date, Kind, Pipeline, Report, RulesBuilder};

/// The rules added to the defaults: a class whose titles exclude each other, and two titles.
const PORT_RULES: &str = r#"# format: 1
# Port offices: one person holds one of them at a time.
class port exclusive
title "harbor master" class=port alias="harbour master",harbormaster
title "port captain" class=port alias="captain of the port"
"#;

const ARTICLES: [(&str, &str, &str); 2] = [
    (
        "bay",
        "Bay Courier",
        "Harbor Master Ana Ruiz closed the northern basin on Monday after the tanker ran aground.",
    ),
    (
        "coast",
        "Coast Daily",
        "Port Captain Ana Ruiz said the basin would stay closed until the hull was inspected.",
    ),
];

/// Check the articles with `pipeline`.
fn check(pipeline: &Pipeline) -> Result<Report, Box<dyn Error>> {
    let published: Date = "2026-05-12".parse()?;
    let corpus: Corpus = ARTICLES
        .into_iter()
        .map(|(id, outlet, text)| {
            Article::new(id, text)
                .with_outlet(outlet)
                .with_published(published)
        })
        .collect();
    Ok(pipeline.run(&corpus))
}

/// The default pipeline and one with the port rules added.
fn pipelines() -> Result<(Pipeline, Pipeline), Box<dyn Error>> {
    let rules = RulesBuilder::new()
        .add_defaults()
        .add_str("port.rules", PORT_RULES)
        .build()?;
    Ok((Pipeline::new(), Pipeline::with_rules(rules)))
}

fn titles(report: &Report) -> Vec<String> {
    report
        .discrepancies_of(Kind::Title)
        .map(|d| {
            let values: Vec<&str> = d.sides.iter().map(|s| s.value.as_str()).collect();
            format!("{}: {}", d.about, values.join(" / "))
        })
        .collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    let (defaults, custom) = pipelines()?;
    for (name, pipeline) in [("default rules", &defaults), ("with port.rules", &custom)] {
        let report = check(pipeline)?;
        let found = titles(&report);
        println!("{name}: {} title discrepancies", found.len());
        for t in found {
            println!("  {t}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_port_rules_make_a_title_discrepancy() {
        let (defaults, custom) = super::pipelines().unwrap();
        assert!(super::titles(&super::check(&defaults).unwrap()).is_empty());
        let found = super::titles(&super::check(&custom).unwrap());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("Ana Ruiz"), "{found:?}");
    }
}
