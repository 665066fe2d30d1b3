//! # crosscheck
//!
//! Cross-source fact reconciliation: give it several news articles about one story and it
//! reports where the outlets disagree — on when, where, who, titles, numbers, outcomes and
//! quotes — with the exact sentences from each source, and what they agree on.
//!
//! ```
//! use crosscheck::{Article, Corpus, Date, Kind, Pipeline};
//!
//! let day: Date = "2026-03-04".parse()?;
//! let corpus = Corpus::from_articles([
//!     Article::new("harbor", "Interior Minister Elena Varga visited the site on Tuesday.")
//!         .with_outlet("Harbor Times")
//!         .with_published(day),
//!     Article::new("valley", "Transport Minister Elena Varga visited the site on Tuesday.")
//!         .with_outlet("Valley Wire")
//!         .with_published(day),
//! ]);
//! let report = Pipeline::new().run(&corpus);
//!
//! // One discrepancy: two offices of one class for one person.
//! let d = &report.discrepancies[0];
//! assert_eq!(d.kind, Kind::Title);
//! let values: Vec<&str> = d.sides.iter().map(|s| s.value.as_str()).collect();
//! assert_eq!(values, ["Interior Minister", "Transport Minister"]);
//! // Each side names its articles and quotes its evidence, with byte offsets.
//! let e = &d.sides[0].evidence[0];
//! assert_eq!(e.article, "harbor");
//! assert_eq!(&corpus.articles[0].text[e.start..e.end], e.text);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## The API on one screen
//!
//! | to | call |
//! |---|---|
//! | read a folder of articles (and its `manifest.csv`) | [`Corpus::from_dir`] |
//! | read files and folders, with a manifest | [`Corpus::from_paths`] |
//! | check articles you hold as strings | [`Article::new`], [`Article::with_outlet`], [`Article::with_published`], [`Corpus::from_articles`] |
//! | use the built-in rules | [`Pipeline::new`] ([`Rules::defaults`]) |
//! | add or replace rule files | [`Rules::from_dir`], [`RulesBuilder::add_str`], [`Pipeline::with_rules`] |
//! | run the check | [`Pipeline::run`], or [`Pipeline::check_dir`] / [`Pipeline::check_paths`] in one call |
//! | read the result | [`Report`]: [`discrepancies`](Report::discrepancies) with their [`sides`](Discrepancy::sides) and [`evidence`](Side::evidence), [`facts`](Report::facts), [`updates`](Report::updates), [`claims`](Report::claims), [`entities`](Report::entities), [`skipped`](Report::skipped) inputs |
//! | write it out | [`Report::render`] / [`Report::render_with`] into any [`std::io::Write`], [`Report::save`] |
//! | check many stories | the [`batch`] module; a flat pile grouped into stories first: [`batch::run_grouped`], [`group`] |
//! | handle errors | one [`Error`] type; match on [`Error::kind`] ([`ErrorKind`]) |
//!
//! Every type of the report derives `serde::Serialize` and `Deserialize`: the JSON a
//! [`Report`] serializes to is the `--format json` contract (`"schema": 1`,
//! [`SCHEMA_VERSION`]; its JSON Schema is [`Report::json_schema`]).
//!
//! ## The command line, call by call
//!
//! The `crosscheck` binary is a thin layer over this library; everything it does is one call:
//!
//! | command line | library |
//! |---|---|
//! | `crosscheck DIR` | [`Pipeline::check_dir`] |
//! | `crosscheck a.txt b.txt --manifest meta.csv` | [`Pipeline::check_paths`] |
//! | `--rules DIR` | [`Pipeline::with_rules`]`(`[`Rules::from_dir`]`(DIR)?)` |
//! | `--month-first` | [`Pipeline::day_order`]`(`[`DayOrder::MonthFirst`]`)` |
//! | `-f json` | [`Report::render`]`(`[`Format::Json`]`, &mut out)`; `"json".parse::<Format>()` |
//! | `-o report.csv` | [`Report::save`] (the format from the extension, [`Format::from_path`]) |
//! | `--color always`, `--csv-bom` | [`Report::render_with`] and [`RenderOptions`] |
//! | exit status 1 (discrepancies found) | [`Report::has_discrepancies`] |
//! | exit status 2 (error) | an [`Err`]`(`[`Error`]`)` |
//! | `crosscheck batch DIR` | [`batch::story_dirs`], [`batch::run`], [`batch::Line`] |
//! | `crosscheck batch --group DIR` | [`batch::run_grouped`] ([`group::group`], [`group::GroupOptions`]), [`batch::Line::grouped`] |
//!
//! ## Examples
//!
//! `examples/` in the repository holds complete programs, each run by `cargo test`:
//!
//! - `compare_strings.rs` — two articles given as strings, the discrepancies printed;
//! - `custom_rules.rs` — a title lexicon from a string that turns two job titles into a
//!   discrepancy the default rules do not see;
//! - `directory_to_csv.rs` — a folder of articles to CSV, on standard output or into a file;
//! - `fail_on_when.rs` — the report used in code: exit with status 1 when the sources disagree
//!   on when something happened (for a CI job or a newsroom bot).
//!
//! ```sh
//! cargo run --example directory_to_csv -- examples/corpus/bus-crash flags.csv
//! ```
//!
//! ## How it works
//!
//! The stages (see `DESIGN.md`): [`ingest`](Corpus) reads articles, the segmenter splits them
//! into sentences, extraction reads people, titles, places, times, quantities, quotes and event
//! claims, resolution links names across articles, clustering groups claims about one fact, and
//! the compare stage builds a conflict graph from which the [`Report`] is assembled. Rules
//! (weekdays, number words, titles and their exclusion classes, event verbs, a world gazetteer)
//! are plain-text files compiled in; the [`rules`] module documents their language.
//!
//! ## Stability
//!
//! The items re-exported here at the crate root, the [`batch`] and [`group`] modules and the
//! JSON contract are the public API. The other modules (the stages' internals: segmentation, extraction,
//! clustering, ...) are public only so that the benches and the repository's tools can reach
//! them; they are hidden from these docs and may change in any release, as may the fields of
//! [`Rules`] (the compiled rule tables).
#![deny(missing_docs)]

pub mod batch;
#[doc(hidden)]
pub mod cluster;
#[doc(hidden)]
pub mod conflict;
mod error;
#[doc(hidden)]
pub mod extract;
pub mod group;
mod ingest;
#[doc(hidden)]
pub mod model;
mod par;
mod pipeline;
mod report;
#[doc(hidden)]
pub mod resolve;
pub mod rules;
#[doc(hidden)]
pub mod segment;
#[doc(hidden)]
pub mod sources;
#[doc(hidden)]
pub mod text;

pub use error::{Error, ErrorKind, Result, RuleOrigin};
pub use ingest::{Corpus, ReadOptions, Skipped, DEFAULT_MAX_BYTES};
/// A calendar date (`jiff::civil::Date`), re-exported so that callers can give publication
/// dates without depending on `jiff` themselves: `"2026-03-04".parse::<Date>()`.
#[doc(no_inline)]
pub use jiff::civil::Date;
pub use model::{AnchorSource, Article, Span};
pub use pipeline::{DayOrder, Pipeline};
pub use report::{
    ArticleInfo, ClaimInfo, Discrepancy, EntityInfo, Evidence, Fact, Form, Format, Kind, PlaceInfo,
    QuantityInfo, RenderOptions, Report, Side, SkippedInfo, TimeInfo, TitleInfo, ToolInfo, Update,
    SCHEMA_VERSION,
};
pub use rules::{Rules, RulesBuilder, RULES_FORMAT};

/// The Rust example of `README.md`, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
