//! Time expressions in context: each case is a short article of our own with its publication
//! date. The tense comes from the sentence itself (the extractor decides it), and "the day
//! before" / "two days later" resolve against the date of the sentence or the one before.
//! Together with the grammar's own table (`src/extract/time.rs`) this covers every family of
//! expression with its anchor, normalized value and granularity.

use crosscheck::extract::time::{normalized, Resolved};
use crosscheck::{Article, Pipeline};

const VAGUE: &str = "VAGUE";
const UNRES: &str = "UNRESOLVED";

/// (publication date or "", text, surface, normalized value, granularity)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // ----- weekdays: the tense of the clause decides the direction -----
    ("2025-05-16", "The talks ended on Friday.", "Friday", "2025-05-16", "day"),
    ("2025-05-16", "Ministers met on Thursday in Geneva.", "Thursday", "2025-05-15", "day"),
    ("2025-05-16", "Ministers will meet on Thursday in Geneva.", "Thursday", "2025-05-22", "day"),
    ("2025-05-16", "The two leaders are expected to meet on Tuesday.", "Tuesday", "2025-05-20", "day"),
    ("2025-05-16", "Police said the blast happened late Thursday.", "late Thursday", "2025-05-15TNI", "partofday"),
    ("2025-05-18", "Rescuers pulled a survivor from the rubble early Saturday.", "early Saturday", "2025-05-17TMO", "partofday"),
    ("2025-05-18", "The strike begins on Monday, unions said.", "Monday", "2025-05-19", "day"),
    ("2025-05-16", "Last Friday's vote was annulled by the court.", "Last Friday", "2025-05-09", "day"),
    ("2025-05-18", "The storm made landfall on Sunday.", "Sunday", "2025-05-18", "day"),
    ("2025-05-19", "The storm is forecast to make landfall on Sunday.", "Sunday", "2025-05-25", "day"),
    ("2025-05-19", "Shares fell 4% on Monday.", "Monday", "2025-05-19", "day"),
    ("2025-05-16", "Voters go to the polls on Sunday.", "Sunday", "2025-05-18", "day"),
    ("2025-05-16", "The verdict came on Wednesday afternoon.", "Wednesday afternoon", "2025-05-14TAF", "partofday"),
    ("2025-05-16", "The jury will resume deliberations on Wednesday morning.", "Wednesday morning", "2025-05-21TMO", "partofday"),
    ("2024-12-30", "The airline cancelled flights on Friday.", "Friday", "2024-12-27", "day"),
    ("2024-12-30", "The airline will cancel flights on Friday.", "Friday", "2025-01-03", "day"),
    ("2025-03-01", "The club sacked its coach on Thursday night.", "Thursday night", "2025-02-27TNI", "partofday"),
    ("2024-02-29", "The union called off Wednesday's strike.", "Wednesday", "2024-02-28", "day"),
    // ----- dates -----
    ("2025-05-16", "The merger was announced on May 12.", "May 12", "2025-05-12", "day"),
    ("2025-05-16", "The merger will close on June 30.", "June 30", "2025-06-30", "day"),
    ("2025-05-16", "The merger closed on 30 June 2024.", "30 June 2024", "2024-06-30", "day"),
    ("2025-05-16", "A filing dated 2025-05-14 shows the sale.", "2025-05-14", "2025-05-14", "day"),
    ("2025-05-16", "The company reported on 14/05/2025 that sales fell.", "14/05/2025", "2025-05-14", "day"),
    ("2025-05-16", "The fire broke out on the 14th.", "the 14th", "2025-05-14", "day"),
    ("2025-05-16", "The final will be played on the 24th.", "the 24th", "2025-05-24", "day"),
    ("2025-01-01", "The company said on Dec. 31 it would cut jobs.", "Dec. 31", "2024-12-31", "day"),
    ("2024-12-31", "Results will be published on Jan. 3.", "Jan. 3", "2025-01-03", "day"),
    ("2024-02-29", "The bridge reopened on Feb. 29.", "Feb. 29", "2024-02-29", "day"),
    ("2025-03-01", "The ceasefire took hold on March 1.", "March 1", "2025-03-01", "day"),
    ("2025-05-16", "The treaty was signed on Tuesday, May 13, in Oslo.", "Tuesday, May 13", "2025-05-13", "day"),
    ("2025-05-16", "The plant shut on May 16th.", "May 16th", "2025-05-16", "day"),
    // ----- relative days, across month, year and leap-day boundaries -----
    ("2025-01-01", "The ferry sank yesterday.", "yesterday", "2024-12-31", "day"),
    ("2025-03-01", "The ferry sank yesterday.", "yesterday", "2025-02-28", "day"),
    ("2024-02-29", "The ferry sank yesterday.", "yesterday", "2024-02-28", "day"),
    ("2024-03-01", "The ferry sank yesterday.", "yesterday", "2024-02-29", "day"),
    ("2024-12-31", "The ferry sails tomorrow.", "tomorrow", "2025-01-01", "day"),
    ("2024-02-29", "The ferry sails tomorrow.", "tomorrow", "2024-03-01", "day"),
    ("2025-05-16", "The minister resigned today.", "today", "2025-05-16", "day"),
    ("2025-05-16", "Crowds will gather tonight outside the court.", "tonight", "2025-05-16TNI", "partofday"),
    ("2025-03-01", "The minister resigned last night.", "last night", "2025-02-28TNI", "partofday"),
    ("2025-05-16", "The minister resigned last Tuesday.", "last Tuesday", "2025-05-13", "day"),
    ("2025-05-16", "The minister will resign next Tuesday.", "next Tuesday", "2025-05-20", "day"),
    ("2025-05-16", "The minister resigned earlier this week.", "earlier this week", "2025-05-12/2025-05-16", "week"),
    ("2025-01-01", "Exports fell last month.", "last month", "2024-12", "month"),
    ("2025-01-01", "Exports rose last year.", "last year", "2024", "year"),
    ("2025-05-16", "The plant closed in March.", "in March", "2025-03", "month"),
    ("2025-05-16", "The plant will close in March.", "in March", "2026-03", "month"),
    ("2025-01-01", "The plant closed in November.", "in November", "2024-11", "month"),
    ("2025-05-19", "The plant closed last week.", "last week", "2025-W20", "week"),
    ("2025-05-18", "The plant reopens next week.", "next week", "2025-W21", "week"),
    ("2025-05-16", "The mine collapsed two days ago.", "two days ago", "2025-05-14", "day"),
    ("2025-05-16", "The talks will end the day after tomorrow.", "the day after tomorrow", "2025-05-18", "day"),
    // ----- the day before, two days later: against the date just stated -----
    ("2025-05-16", "The fire started on May 10. Two days later, it was contained.", "Two days later", "2025-05-12", "day"),
    ("2025-03-01", "The fire started on Feb. 27. Two days later, it was contained.", "Two days later", "2025-03-01", "day"),
    ("2024-03-01", "The fire started on Feb. 27. Two days later, it was contained.", "Two days later", "2024-02-29", "day"),
    ("2025-05-16", "The vote was held on May 11. The day before, campaigning was banned.", "The day before", "2025-05-10", "day"),
    ("2025-05-19", "The vote was held on Sunday. The day before, campaigning was banned.", "The day before", "2025-05-17", "day"),
    ("2025-01-08", "Talks opened on Dec. 30. A week later, they collapsed.", "A week later", "2025-01-06", "day"),
    ("2025-05-16", "The dam burst on Tuesday; the next morning the river crested.", "the next morning", "2025-05-14TMO", "partofday"),
    ("2025-05-16", "Police say the gunman arrived on Monday. He had bought the rifle three days earlier.", "three days earlier", "2025-05-09", "day"),
    // ----- times of day and zones -----
    ("2025-05-16", "The quake struck at 3:12 a.m. local time on Tuesday.", "3:12 a.m. local time on Tuesday", "2025-05-13T03:12", "minute"),
    ("2025-05-16", "The quake struck at 0112 GMT on Tuesday.", "0112 GMT on Tuesday", "2025-05-13T01:12Z", "minute"),
    ("2025-05-19", "Polls close at 8 p.m. EST on Tuesday.", "8 p.m. EST on Tuesday", "2025-05-20T20:00-05:00", "minute"),
    ("2025-05-19", "The flight landed at 14:35 on Sunday.", "14:35 on Sunday", "2025-05-18T14:35", "minute"),
    ("2025-05-16", "The blast occurred at noon on Thursday.", "noon on Thursday", "2025-05-15T12:00", "minute"),
    ("2025-05-16", "The curfew will start at midnight on Saturday.", "midnight on Saturday", "2025-05-17T00:00", "minute"),
    ("2025-05-16", "The jet took off at 10:05 UTC on Friday.", "10:05 UTC on Friday", "2025-05-16T10:05Z", "minute"),
    ("2025-05-16", "Trading halted at 10 a.m. Friday.", "10 a.m. Friday", "2025-05-16T10:00", "minute"),
    ("2025-05-19", "Polls opened at 7 a.m. local time (0500 GMT) on Sunday.", "7 a.m. local time (0500 GMT) on Sunday", "2025-05-18T05:00Z", "minute"),
    ("2025-05-16", "The fire was reported at 9:40 p.m. on May 14.", "9:40 p.m. on May 14", "2025-05-14T21:40", "minute"),
    // ----- ranges -----
    ("2025-05-16", "The summit runs May 15-16.", "May 15-16", "2025-05-15/2025-05-16", "day"),
    ("2025-11-10", "Early voting ran between Nov. 3 and Nov. 7.", "between Nov. 3 and Nov. 7", "2025-11-03/2025-11-07", "day"),
    ("2025-05-16", "Strikes will run from Monday to Wednesday.", "from Monday to Wednesday", "2025-05-19/2025-05-21", "day"),
    ("2025-01-05", "The festival ran from Dec. 28 to Jan. 3.", "from Dec. 28 to Jan. 3", "2024-12-28/2025-01-03", "day"),
    ("2025-05-16", "The trial ran from 3 to 7 March.", "3 to 7 March", "2025-03-03/2025-03-07", "day"),
    // ----- vague: never resolved, never a conflict -----
    ("2025-05-16", "The company recently cut jobs.", "recently", VAGUE, ""),
    ("2025-05-16", "More layoffs are expected in the coming days.", "in the coming days", VAGUE, ""),
    ("2025-05-16", "Talks will resume soon.", "soon", VAGUE, ""),
    // ----- no anchor: relative expressions stay text -----
    ("", "The ferry sank on Tuesday.", "Tuesday", UNRES, ""),
    ("", "The ferry sank yesterday.", "yesterday", UNRES, ""),
    ("", "The ferry sank on 14 May 2025.", "14 May 2025", "2025-05-14", "day"),
    ("", "The fire started on May 10, 2025. Two days later, it was contained.", "Two days later", "2025-05-12", "day"),
];

fn granularity(r: &Resolved) -> (String, String) {
    match r {
        Resolved::Value(v) => (normalized(v), format!("{:?}", v.granularity).to_lowercase()),
        Resolved::Unresolved { vague: true, .. } => (VAGUE.into(), String::new()),
        Resolved::Unresolved { .. } => (UNRES.into(), String::new()),
    }
}

#[test]
fn time_in_context() {
    assert!(CASES.len() >= 80, "only {} cases", CASES.len());
    let pipeline = Pipeline::new();
    let mut failures = Vec::new();
    for &(published, text, surface, norm, gran) in CASES {
        let mut article = Article::new("t", text);
        if !published.is_empty() {
            article = article.with_published(published.parse().expect("test date"));
        }
        let ex = pipeline.extract(0, &article);
        let Some(t) = ex.times.iter().find(|t| t.text == surface) else {
            let got: Vec<&str> = ex.times.iter().map(|t| t.text.as_str()).collect();
            failures.push(format!(
                "{text:?} ({published}): no {surface:?}, got {got:?}"
            ));
            continue;
        };
        let (n, g) = granularity(&t.value);
        if n != norm || g != gran {
            failures.push(format!(
                "{text:?} ({published}) [{surface}]: expected {norm} {gran}, got {n} {g} (tense {:?})",
                t.tense
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
