//! # crosscheck
//!
//! Cross-source fact reconciliation: give it several news articles about one story and it
//! reports where the outlets disagree — on when, where, titles, numbers and quotes — with the
//! exact sentences from each source, and what they agree on.
//!
//! ```
//! use crosscheck::{Article, Corpus, Pipeline};
//!
//! let day = "2026-03-04".parse().unwrap();
//! let corpus = Corpus::from_articles([
//!     Article::new("a", "Interior Minister Elena Varga visited the site on Tuesday.").with_published(day),
//!     Article::new("b", "Transport Minister Elena Varga visited the site on Tuesday.").with_published(day),
//! ]);
//! let report = Pipeline::new().run(&corpus);
//! assert!(report.discrepancies.iter().any(|d| d.kind == crosscheck::Kind::Title));
//! ```
//!
//! The stages (see `DESIGN.md`): [`ingest`](Corpus) reads articles, the segmenter splits them
//! into sentences, extraction reads people, titles, places, times, quantities, quotes and event
//! claims, resolution links names across articles, clustering groups claims about one fact, and
//! the compare stage builds a conflict graph from which the [`Report`] is assembled.
#![deny(missing_docs)]

pub mod batch;
pub mod cluster;
pub mod conflict;
mod error;
pub mod extract;
mod ingest;
pub mod model;
mod pipeline;
mod report;
pub mod resolve;
pub mod rules;
pub mod segment;
pub mod sources;
pub mod text;

pub use error::{Error, ErrorKind, Result, RuleOrigin};
pub use ingest::{Corpus, ReadOptions, Skipped, DEFAULT_MAX_BYTES};
pub use model::{AnchorSource, Article, Span};
pub use pipeline::{DayOrder, Pipeline};
pub use report::{
    ArticleInfo, ClaimInfo, Discrepancy, EntityInfo, Evidence, Fact, Form, Format, Kind, PlaceInfo,
    QuantityInfo, RenderOptions, Report, Side, SkippedInfo, TimeInfo, TitleInfo, ToolInfo, Update,
    SCHEMA_VERSION,
};
pub use rules::{Rules, RulesBuilder, RULES_FORMAT};
