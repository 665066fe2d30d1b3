//! The report: serde wire types, kept apart from the internals so that the JSON contract
//! (`"schema": 1`) stays stable, and one renderer per format.

mod csv;
mod dot;
mod html;
mod markdown;
mod text;

use std::io::Write;

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// The JSON schema version.
pub const SCHEMA_VERSION: u32 = 1;

/// Kinds of discrepancy: which slot of a fact the sources disagree on.
///
/// Its name (`"when"`, `"where"`, ...) is how JSON and CSV write it.
///
/// ```
/// use crosscheck::Kind;
///
/// assert_eq!(Kind::When.to_string(), "when");
/// assert_eq!("quantity".parse::<Kind>(), Ok(Kind::Quantity));
/// assert_eq!(serde_json::to_string(&Kind::Where).unwrap(), r#""where""#);
/// assert_eq!(Kind::ALL.len(), 7);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
// docs/report.schema.json keeps one-line descriptions: the examples are for rustdoc only.
#[schemars(description = "Kinds of discrepancy.")]
pub enum Kind {
    /// Different days for one event.
    When,
    /// Different places for one event.
    Where,
    /// Offices that exclude each other for one person.
    Title,
    /// Incompatible figures for one count.
    Quantity,
    /// One remark quoted in different words.
    Quote,
    /// Different agents for one action.
    Who,
    /// Opposite outcomes.
    Outcome,
}

impl Kind {
    /// Every kind, in the order of their declaration.
    pub const ALL: [Kind; 7] = [
        Kind::When,
        Kind::Where,
        Kind::Title,
        Kind::Quantity,
        Kind::Quote,
        Kind::Who,
        Kind::Outcome,
    ];

    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::When => "when",
            Kind::Where => "where",
            Kind::Title => "title",
            Kind::Quantity => "quantity",
            Kind::Quote => "quote",
            Kind::Who => "who",
            Kind::Outcome => "outcome",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Kind {
    type Err = String;

    /// A kind from its lowercase name.
    fn from_str(s: &str) -> std::result::Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                format!("unknown kind `{s}` (when, where, title, quantity, quote, who, outcome)")
            })
    }
}

/// The tool that wrote a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ToolInfo {
    /// "crosscheck".
    pub name: String,
    /// Crate version.
    pub version: String,
}

/// An article as the report lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ArticleInfo {
    /// Id (file stem).
    pub id: String,
    /// Path read from.
    pub path: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date (YYYY-MM-DD).
    pub published: Option<String>,
    /// Where the publication date came from (`manifest`, `front-matter`, `dateline`, `caller`, `none`).
    pub anchor: String,
}

/// A piece of evidence: the exact bytes `[start, end)` of an article.
///
/// `text` is always `article.text[start..end]`, so a caller can highlight it in the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(description = "A piece of evidence: the exact bytes `[start, end)` of an article.")]
pub struct Evidence {
    /// Article id.
    pub article: String,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The text at those bytes.
    pub text: String,
}

/// One side of a discrepancy: one value, the articles that state it and their sentences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(description = "One side of a discrepancy.")]
pub struct Side {
    /// The value as written ("Thursday").
    pub value: String,
    /// The normalized value ("2025-05-15").
    pub normalized: String,
    /// Articles that state it.
    pub articles: Vec<String>,
    /// How many independent sources that is (reprints of one wire story count once).
    pub independent_sources: usize,
    /// Evidence sentences.
    pub evidence: Vec<Evidence>,
}

/// A place where the sources disagree: one fact, two or more [`Side`]s.
///
/// ```
/// use crosscheck::{Article, Corpus, Kind, Pipeline};
///
/// let corpus = Corpus::from_articles([
///     Article::new("a", "At least 14 people were killed when the coach overturned near Leiria.")
///         .with_outlet("Harbor Times"),
///     Article::new("b", "Nine people were killed when the coach overturned near Leiria.")
///         .with_outlet("Valley Wire"),
/// ]);
/// let report = Pipeline::new().run(&corpus);
/// let d = report.discrepancies_of(Kind::Quantity).next().expect("a quantity discrepancy");
/// for side in &d.sides {
///     let outlets: Vec<String> = side.articles.iter().map(|a| report.outlet_of(a)).collect();
///     println!("{}: {} ({})", d.about, side.value, outlets.join(", "));
/// }
/// assert_eq!(d.sides.len(), 2);
/// assert!(d.confidence > 0.0 && d.confidence <= 1.0);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(description = "A place where the sources disagree.")]
pub struct Discrepancy {
    /// Stable id (`d1`, ...), most confident first.
    pub id: String,
    /// Kind.
    pub kind: Kind,
    /// What fact it is about.
    pub about: String,
    /// The sides (two or more).
    pub sides: Vec<Side>,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// One sentence: why this is a conflict.
    pub explanation: String,
    /// One article stands on two sides (an inconsistency inside it).
    pub internal: bool,
}

/// A fact the sources agree on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Fact {
    /// Stable id (`f1`, ...).
    pub id: String,
    /// What it is about.
    pub about: String,
    /// The slot (`when`, `where`, `title`, `quantity`, `quote`).
    pub kind: Kind,
    /// Value as written.
    pub value: String,
    /// Normalized value.
    pub normalized: String,
    /// Articles stating it.
    pub articles: Vec<String>,
    /// Independent sources among them.
    pub independent_sources: usize,
    /// Evidence.
    pub evidence: Vec<Evidence>,
}

/// A marked change the sources report ("postponed to Monday"): the earlier value and the
/// later one, never a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Update {
    /// Stable id (`u1`, ...).
    pub id: String,
    /// The slot that changed (`when`).
    pub kind: Kind,
    /// What it is about.
    pub about: String,
    /// The values in order: the earlier first, the changed one last.
    pub sides: Vec<Side>,
    /// One sentence: what changed, with the resolved dates.
    pub explanation: String,
}

/// A resolved time in a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TimeInfo {
    /// As written.
    pub text: String,
    /// Normalized (`2025-05-16`), or the lowercase text when unresolved.
    pub normalized: String,
    /// `year`, `month`, `week`, `day`, `part-of-day`, `minute`, or `unresolved`.
    pub granularity: String,
    /// What it was resolved against.
    pub anchor: String,
    /// Taken from an earlier sentence of the paragraph.
    pub inherited: bool,
}

/// A place in a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlaceInfo {
    /// As written.
    pub text: String,
    /// Gazetteer id.
    pub id: String,
    /// Gazetteer name.
    pub name: String,
}

/// A quantity in a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuantityInfo {
    /// As written.
    pub text: String,
    /// Value in base units.
    pub value: f64,
    /// Unit class.
    pub unit: Option<String>,
    /// `exact`, `at_least`, `at_most`, `about`.
    pub qualifier: String,
}

/// One claim as one source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClaimInfo {
    /// Id (`c1`, ...).
    pub id: String,
    /// Article id.
    pub article: String,
    /// `event`, `title` or `quote`.
    pub kind: String,
    /// Predicate class (events), title (titles) or speaker (quotes).
    pub predicate: String,
    /// Trigger words, title as written, or the quoted words.
    pub text: String,
    /// Participants (entity names).
    pub actors: Vec<String>,
    /// When.
    pub when: Option<TimeInfo>,
    /// Where.
    #[serde(rename = "where")]
    pub place: Option<PlaceInfo>,
    /// Quantities.
    pub quantities: Vec<QuantityInfo>,
    /// `asserted`, `expected`, `reported`, `negated`, `hypothetical`.
    pub modality: String,
    /// The sentence.
    pub evidence: Evidence,
}

/// A surface form of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Form {
    /// As written.
    pub text: String,
    /// Article id.
    pub article: String,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
}

/// A person, place or organisation with every surface form seen. Variants are information,
/// never conflicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EntityInfo {
    /// Id (`e1`, ...).
    pub id: String,
    /// `person`, `place` or `org`.
    pub kind: String,
    /// Display name.
    pub name: String,
    /// Distinct spellings seen.
    pub variants: Vec<String>,
    /// Every mention.
    pub forms: Vec<Form>,
    /// A person's titles, at every mention that gives one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<TitleInfo>,
}

impl EntityInfo {
    /// The names of this entity that are written differently, not merely shorter: "Emre Şahin"
    /// and "Emre Sahin", "United Nations" and "UN", but not "Whitfield" beside "Robert
    /// Whitfield". Empty when there is only one spelling.
    ///
    /// ```
    /// let e = crosscheck::EntityInfo {
    ///     id: "e1".into(),
    ///     kind: "person".into(),
    ///     name: "Emre Şahin".into(),
    ///     variants: vec!["Emre Sahin".into(), "Emre Şahin".into(), "Şahin".into()],
    ///     forms: vec![],
    ///     titles: vec![],
    /// };
    /// assert_eq!(e.spellings(), ["Emre Sahin", "Emre Şahin"]);
    /// ```
    pub fn spellings(&self) -> Vec<&str> {
        let words = |s: &str| -> Vec<String> {
            s.split_whitespace()
                .map(|w| w.trim_end_matches('.').to_string())
                .collect()
        };
        let out: Vec<&str> = self
            .variants
            .iter()
            .filter(|v| {
                let wv = words(v);
                !self.variants.iter().any(|o| {
                    let wo = words(o);
                    o != *v && wo.len() > wv.len() && wv.iter().all(|w| wo.contains(w))
                })
            })
            .map(String::as_str)
            .collect();
        if out.len() < 2 {
            Vec::new()
        } else {
            out
        }
    }
}

/// A title given to a person at one mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TitleInfo {
    /// The canonical title (`foreign minister`, `chief executive`).
    pub title: String,
    /// As written ("Foreign Secretary", "CEO").
    pub text: String,
    /// A past office ("former senator", "then-governor").
    pub former: bool,
    /// Article id.
    pub article: String,
    /// Byte start of the title words.
    pub start: usize,
    /// Byte end.
    pub end: usize,
}

/// An input that was not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SkippedInfo {
    /// Path.
    pub path: String,
    /// Why.
    pub reason: String,
}

/// The result of a check: what the sources disagree on, what they agree on, and how.
///
/// Plain data: every field is public, and the whole report serializes (serde) to the JSON
/// contract of `--format json` and deserializes back. Lists are sorted, so one input gives one
/// report byte for byte.
///
/// ```
/// use crosscheck::{Article, Corpus, Format, Pipeline, Report};
///
/// let day = "2026-03-04".parse()?;
/// let corpus = Corpus::from_articles([
///     Article::new("a", "The mayor opened the bridge in Porto on Monday.").with_published(day),
///     Article::new("b", "The mayor opened the bridge in Braga on Monday.").with_published(day),
/// ]);
/// let report = Pipeline::new().run(&corpus);
/// for d in &report.discrepancies {
///     println!("{} {}: {}", d.id, d.kind, d.explanation);
/// }
/// // The JSON contract, and back.
/// let json = report.render_to_string(Format::Json)?;
/// let again: Report = serde_json::from_str(&json)?;
/// assert_eq!(again, report);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[schemars(
    description = "The result of a check: what the sources disagree on, what they agree on, and how."
)]
pub struct Report {
    /// Schema version (1).
    pub schema: u32,
    /// Tool.
    pub tool: ToolInfo,
    /// The articles read.
    pub articles: Vec<ArticleInfo>,
    /// Discrepancies, most confident first.
    pub discrepancies: Vec<Discrepancy>,
    /// Facts the sources agree on.
    pub facts: Vec<Fact>,
    /// Marked changes (a date "postponed to Monday"): reported, never flagged.
    #[serde(default)]
    pub updates: Vec<Update>,
    /// Every claim read.
    pub claims: Vec<ClaimInfo>,
    /// Entities with their variants.
    pub entities: Vec<EntityInfo>,
    /// Inputs skipped.
    pub skipped: Vec<SkippedInfo>,
    /// Warnings.
    pub warnings: Vec<String>,
}

/// Output formats: what `--format` chooses.
///
/// ```
/// use crosscheck::Format;
///
/// assert_eq!("md".parse::<Format>(), Ok(Format::Markdown));
/// assert_eq!(Format::from_path("flags.csv".as_ref()), Some(Format::Csv));
/// assert!("yaml".parse::<Format>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for the terminal.
    Text,
    /// The JSON contract.
    Json,
    /// One row per discrepancy side.
    Csv,
    /// Markdown for tickets.
    Markdown,
    /// One self-contained HTML page with a fact grid.
    Html,
    /// The conflict graph in Graphviz DOT.
    Dot,
}

/// How to render a report ([`Report::render_with`]): `--color` and `--csv-bom`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Text: colour with ANSI escapes (for a terminal).
    pub color: bool,
    /// CSV: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    pub csv_bom: bool,
}

impl Format {
    /// The format a file name's extension asks for (`report.html`, `flags.csv`), if any.
    ///
    /// ```
    /// use crosscheck::Format;
    /// assert_eq!(Format::from_path("out/report.HTML".as_ref()), Some(Format::Html));
    /// assert_eq!(Format::from_path("report".as_ref()), None);
    /// ```
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "dot" | "gv" => Some(Format::Dot),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Format, String> {
        match s {
            "text" | "txt" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "dot" => Ok(Format::Dot),
            other => Err(format!(
                "unknown format `{other}` (text, json, csv, markdown, html, dot)"
            )),
        }
    }
}

impl Report {
    /// Whether any discrepancy was found: the command line then exits with status 1.
    pub fn has_discrepancies(&self) -> bool {
        !self.discrepancies.is_empty()
    }

    /// The discrepancies of one kind, most confident first.
    ///
    /// ```
    /// use crosscheck::{Article, Corpus, Kind, Pipeline};
    ///
    /// let day = "2026-03-04".parse()?;
    /// let corpus = Corpus::from_articles([
    ///     Article::new("a", "The ferry sank off Split on Monday.").with_published(day),
    ///     Article::new("b", "The ferry sank off Split on Sunday.").with_published(day),
    /// ]);
    /// let report = Pipeline::new().run(&corpus);
    /// assert_eq!(report.discrepancies_of(Kind::When).count(), 1);
    /// assert_eq!(report.discrepancies_of(Kind::Title).count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discrepancies_of(&self, kind: Kind) -> impl Iterator<Item = &Discrepancy> {
        self.discrepancies.iter().filter(move |d| d.kind == kind)
    }

    /// Outlet of an article id, or the id.
    pub fn outlet_of(&self, article: &str) -> String {
        self.articles
            .iter()
            .find(|a| a.id == article)
            .and_then(|a| a.outlet.clone())
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| article.to_string())
    }

    /// The JSON Schema of the report (draft 2020-12), as `docs/report.schema.json` holds it.
    ///
    /// ```
    /// let schema = crosscheck::Report::json_schema();
    /// assert_eq!(schema["title"], "Report");
    /// ```
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Report)).unwrap_or_default()
    }

    /// The entities written in more than one way, each with its spellings
    /// ([`EntityInfo::spellings`]): what the renderers list as spelling variants.
    pub fn spelled_entities(&self) -> Vec<(&EntityInfo, Vec<&str>)> {
        self.entities
            .iter()
            .map(|e| (e, e.spellings()))
            .filter(|(_, s)| !s.is_empty())
            .collect()
    }

    /// Render in `format` into `out` (a file, standard output, a `Vec<u8>`...), with default
    /// options (no colour, no byte-order mark). `out` is flushed.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Write`](crate::ErrorKind::Write) (or `Csv`, `Json`) when `out` fails.
    ///
    /// ```
    /// use crosscheck::{Article, Corpus, Format, Pipeline};
    ///
    /// let report = Pipeline::new().run(&Corpus::from_articles([Article::new("a", "Hello.")]));
    /// report.render(Format::Markdown, &mut std::io::stdout().lock())?;
    /// let mut json = Vec::new();
    /// report.render(Format::Json, &mut json)?;
    /// assert!(json.starts_with(b"{\n  \"schema\": 1,"));
    /// # Ok::<(), crosscheck::Error>(())
    /// ```
    pub fn render(&self, format: Format, out: &mut dyn Write) -> Result<()> {
        self.render_with(format, &RenderOptions::default(), out)
    }

    /// Render in `format` into `out`.
    ///
    /// ```
    /// use crosscheck::{Article, Corpus, Format, Pipeline, RenderOptions};
    /// let report = Pipeline::new().run(&Corpus::from_articles([Article::new("a", "Hello.")]));
    /// let mut csv = Vec::new();
    /// let opts = RenderOptions { csv_bom: true, ..RenderOptions::default() };
    /// report.render_with(Format::Csv, &opts, &mut csv).unwrap();
    /// assert!(csv.starts_with(b"\xEF\xBB\xBFid,kind,"));
    /// ```
    pub fn render_with(
        &self,
        format: Format,
        opts: &RenderOptions,
        out: &mut dyn Write,
    ) -> Result<()> {
        match format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, self)?;
                writeln!(out)?;
            }
            Format::Csv => {
                if opts.csv_bom {
                    out.write_all("\u{feff}".as_bytes())?;
                }
                csv::write(self, out)?
            }
            Format::Markdown => markdown::write(self, out)?,
            Format::Html => html::write(self, out)?,
            Format::Dot => dot::write(self, out)?,
            Format::Text => text::write(self, opts.color, out)?,
        }
        out.flush()?;
        Ok(())
    }

    /// Render to a string.
    pub fn render_to_string(&self, format: Format) -> Result<String> {
        let mut buf = Vec::new();
        self.render(format, &mut buf)?;
        Ok(String::from_utf8_lossy(&buf).into_owned())
    }

    /// Write the report to a file like `-o FILE` does: the format from the file's extension
    /// ([`Format::from_path`]: `.json`, `.csv`, `.md`, `.html`, `.dot`, `.txt`), plain text
    /// for any other name, default options.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io), naming the file, when it cannot be written.
    ///
    /// ```
    /// use crosscheck::{Article, Corpus, Pipeline};
    ///
    /// let report = Pipeline::new().run(&Corpus::from_articles([Article::new("a", "Hello.")]));
    /// let path = std::env::temp_dir().join(format!("crosscheck-doc-{}.csv", std::process::id()));
    /// report.save(&path)?;
    /// assert!(std::fs::read_to_string(&path)?.starts_with("id,kind,about,"));
    /// # std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn save(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        let path = path.as_ref();
        let format = Format::from_path(path).unwrap_or(Format::Text);
        let mut buf = Vec::new();
        self.render(format, &mut buf)?;
        std::fs::write(path, buf).map_err(|e| crate::error::Error::io(path, e))
    }
}
