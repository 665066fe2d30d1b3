//! Compare two articles given as strings: the smallest use of the library.
//!
//! ```sh
//! cargo run --example compare_strings
//! ```
//!
//! Two outlets report one warehouse fire; they disagree on the toll and on the day of an
//! arrest. The report
//! is printed as text, then walked in code.

use std::error::Error;

use crosscheck::{Article, Corpus, Date, Format, Pipeline, Report};

/// The Harbor Times, on Tuesday 12 May 2026.
const HARBOR_TIMES: &str = "\
GDANSK (Harbor Times) - Three workers were killed when a fire destroyed a grain warehouse in \
Gdansk on Monday, fire chief Tomasz Wilk said. Police arrested the night watchman on Tuesday.

Wilk said the blaze started in a conveyor belt shortly after midnight.";

/// The Valley Wire, the same day.
const VALLEY_WIRE: &str = "\
Five workers were killed when a fire destroyed a grain warehouse in Gdansk on Monday, said \
Tomasz Wilk, the city's fire chief. Police arrested the night watchman on Monday evening.

Investigators were still searching the site on Tuesday.";

/// Check the two articles.
fn check() -> Result<Report, Box<dyn Error>> {
    let published: Date = "2026-05-12".parse()?;
    let corpus = Corpus::from_articles([
        Article::new("harbor", HARBOR_TIMES)
            .with_outlet("Harbor Times")
            .with_published(published),
        Article::new("valley", VALLEY_WIRE)
            .with_outlet("Valley Wire")
            .with_published(published),
    ]);
    Ok(Pipeline::new().run(&corpus))
}

fn main() -> Result<(), Box<dyn Error>> {
    let report = check()?;
    report.render(Format::Text, &mut std::io::stdout().lock())?;

    // The same, in code: each discrepancy, each side and the outlets behind it.
    println!();
    for d in &report.discrepancies {
        println!("{} ({}, confidence {:.2})", d.about, d.kind, d.confidence);
        for side in &d.sides {
            let outlets: Vec<String> = side.articles.iter().map(|a| report.outlet_of(a)).collect();
            println!("  {:<16} {}", side.value, outlets.join(", "));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crosscheck::Kind;

    #[test]
    fn finds_the_toll_and_the_day_of_the_arrest() {
        let report = super::check().unwrap();
        let kinds: Vec<Kind> = report.discrepancies.iter().map(|d| d.kind).collect();
        assert!(kinds.contains(&Kind::When), "{kinds:?}");
        assert!(kinds.contains(&Kind::Quantity), "{kinds:?}");
        let when = report.discrepancies_of(Kind::When).next().unwrap();
        let days: Vec<&str> = when.sides.iter().map(|s| s.normalized.as_str()).collect();
        assert_eq!(days, ["2026-05-11", "2026-05-12"]);
    }
}
