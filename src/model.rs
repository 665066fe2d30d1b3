//! The plain data each stage hands the next.

use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use crate::extract::quantity::QuantityMention;
use crate::extract::time::{Resolved, Tense, TimeExpr};
use crate::rules::Modality;

/// A byte span into one article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Index of the article in the corpus.
    pub article: usize,
    /// Byte start.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
}

/// What a time expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorSource {
    /// The manifest's `published` column.
    Manifest,
    /// `Published:` in the article's front matter.
    FrontMatter,
    /// The dateline at the top of the article.
    Dateline,
    /// Given by the caller of the library.
    Caller,
    /// No publication date: relative expressions stay unresolved.
    #[default]
    None,
}

impl AnchorSource {
    /// The name used in reports (`manifest`, `front-matter`, `dateline`, `caller`, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorSource::Manifest => "manifest",
            AnchorSource::FrontMatter => "front-matter",
            AnchorSource::Dateline => "dateline",
            AnchorSource::Caller => "caller",
            AnchorSource::None => "none",
        }
    }
}

/// One news article: its text and what is known about it.
///
/// The publication date matters: relative times ("on Friday", "yesterday") are resolved
/// against it, and without one they stay unresolved and are only compared as text. The
/// outlet names the article in reports and says which articles are one source
/// ("Valley Wire (citing AP)" counts as AP).
///
/// ```
/// use crosscheck::{AnchorSource, Article, Date};
///
/// let published: Date = "2026-03-04".parse()?;
/// let a = Article::new("a1", "The coach overturned near Leiria on Monday.")
///     .with_outlet("Harbor Times")
///     .with_published(published);
/// assert_eq!(a.anchor, AnchorSource::Caller);
/// assert_eq!(a.slice(4, 9), "coach");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Article {
    /// Identifier (the file stem for files).
    pub id: String,
    /// Where it was read from.
    pub path: Option<PathBuf>,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// The publication date, if known.
    pub published: Option<Date>,
    /// Where the publication date came from.
    pub anchor: AnchorSource,
    /// The headline, if the article has one (front matter `Title:`).
    pub title: Option<String>,
    /// The full text as read (front matter included); spans index into it.
    pub text: String,
    /// Byte offset where the body starts (after front matter).
    pub body_start: usize,
}

impl Article {
    /// An article from a string. `id` names it in the report: give each article of a corpus
    /// its own. Front matter is not read from `text` (only files are); use the `with_`
    /// methods.
    ///
    /// ```
    /// let a = crosscheck::Article::new("a1", "The bus crashed on Monday.")
    ///     .with_outlet("Harbor Times")
    ///     .with_published("2026-03-03".parse().unwrap());
    /// assert_eq!(a.id, "a1");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            path: None,
            outlet: None,
            published: None,
            anchor: AnchorSource::None,
            title: None,
            text: text.into(),
            body_start: 0,
        }
    }

    /// Set the outlet ("Harbor Times", "Valley Wire (citing AP)").
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Article {
        self.outlet = Some(outlet.into());
        self
    }

    /// Set the publication date (the anchor for relative time expressions; its
    /// [`anchor`](Article::anchor) becomes [`AnchorSource::Caller`]).
    pub fn with_published(mut self, date: Date) -> Article {
        self.published = Some(date);
        self.anchor = AnchorSource::Caller;
        self
    }

    /// The text of a span of this article (empty if the span is out of bounds or not on
    /// character boundaries).
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }
}

/// A person as named in one article.
#[derive(Debug, Clone)]
pub struct LocalPerson {
    /// The fullest name seen ("Elena Varga").
    pub name: String,
    /// Every surface form with its span.
    pub mentions: Vec<(String, Span)>,
    /// References by title alone ("the foreign minister said"), with their spans.
    pub references: Vec<(String, Span)>,
}

/// An organisation as named at one mention.
#[derive(Debug, Clone)]
pub struct OrgMention {
    /// Normalised name (lowercase, no dots): the participant key before linking.
    pub key: String,
    /// As written ("the U.N.", "Halden Capital Partners").
    pub surface: String,
    /// Its span.
    pub span: Span,
}

/// A title given to a person at one mention.
#[derive(Debug, Clone)]
pub struct TitleMention {
    /// The local person index.
    pub person: usize,
    /// Canonical title.
    pub canonical: String,
    /// The organisation or country it belongs to (`c:TR` for a country), if named.
    pub org: Option<String>,
    /// Surface form ("U.S. Senator").
    pub surface: String,
    /// Span of the title words.
    pub span: Span,
    /// Sentence index.
    pub sentence: usize,
    /// Former/retired: not a current office.
    pub past: bool,
}

/// A direct quotation.
#[derive(Debug, Clone)]
pub struct QuoteMention {
    /// Local person index of the speaker, if attributed.
    pub speaker: Option<usize>,
    /// The quoted words.
    pub text: String,
    /// Span of the quoted words (inside the marks).
    pub span: Span,
    /// Sentence index where it starts.
    pub sentence: usize,
    /// Sentence index where it ends.
    pub last_sentence: usize,
}

/// Who or what takes part in an event, before cross-article linking.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Actor {
    /// A person of this article.
    Person(usize),
    /// A country (gazetteer index), named or by demonym + group noun.
    Country(usize),
    /// An organisation by normalised name.
    Org(String),
}

/// A time slot of an event claim.
#[derive(Debug, Clone)]
pub struct WhenSlot {
    /// The surface text.
    pub text: String,
    /// Its span.
    pub span: Span,
    /// The parsed expression.
    pub expr: TimeExpr,
    /// The resolved value.
    pub value: Resolved,
    /// Taken from an earlier sentence of the paragraph, not stated here.
    pub inherited: bool,
    /// Introduced by "since" (a period running to the publication date) or by an end word
    /// ("until midnight on Wednesday"), or a moment of a passive in progress ("was being held
    /// on Tuesday evening"): a bound or moment of a lasting state, not the day of an event.
    pub since: bool,
}

/// A time expression found in an article, resolved against the article's anchor.
#[derive(Debug, Clone)]
pub struct TimeRecord {
    /// The surface text.
    pub text: String,
    /// Its span.
    pub span: Span,
    /// Index of its sentence.
    pub sentence: usize,
    /// The parsed expression.
    pub expr: TimeExpr,
    /// The tense that decided its direction ("Thursday" in a past-tense clause is the last one).
    pub tense: Tense,
    /// The resolved value (with its granularity), or the text when it cannot be resolved.
    pub value: Resolved,
    /// Inside a quotation.
    pub quoted: bool,
    /// A superseded date ("moved from Thursday", "originally set for May 3"): not the
    /// event's time.
    pub superseded: bool,
}

/// A place slot of an event claim.
#[derive(Debug, Clone)]
pub struct WhereSlot {
    /// The surface text.
    pub text: String,
    /// Its span.
    pub span: Span,
    /// Gazetteer index: the chosen reading.
    pub place: usize,
    /// Every reading still possible (the chosen one first); more than one when the story
    /// does not say which "Paris" it means.
    pub candidates: Vec<usize>,
}

/// A place as named at one mention.
#[derive(Debug, Clone)]
pub struct PlaceMention {
    /// Gazetteer index: the chosen reading.
    pub place: usize,
    /// Every reading still possible (the chosen one first).
    pub candidates: Vec<usize>,
    /// Every place of the gazetteer with this name, plausible or not ("Paris" in Texas is a
    /// town of 25,000): the story's context can still choose one of them.
    pub all: Vec<usize>,
    /// As written.
    pub text: String,
    /// Its span.
    pub span: Span,
}

/// A quantity slot.
#[derive(Debug, Clone)]
pub struct QuantitySlot {
    /// The surface text.
    pub text: String,
    /// The parsed quantity.
    pub q: QuantityMention,
    /// Marked as an update ("rose to").
    pub update: bool,
    /// Marked as what is left of a count ("23 still trapped", "were still being treated"): an
    /// update of this claim only, which tells nothing of the same figure in other reports.
    pub remaining: bool,
    /// The participant the figure belongs to ("53.8% for Zielińska"), if one stands next to it.
    pub holder: Option<Actor>,
    /// What the figure measures ("depth", "turnout", "distance"), if a word says so.
    pub measure: Option<String>,
}

/// One event as one article states it.
#[derive(Debug, Clone)]
pub struct EventClaim {
    /// Article index.
    pub article: usize,
    /// Sentence index in the article.
    pub sentence: usize,
    /// The sentence span (the evidence).
    pub span: Span,
    /// Predicate class index.
    pub class: usize,
    /// Trigger words as written.
    pub trigger: String,
    /// Participants.
    pub actors: Vec<Actor>,
    /// When.
    pub when: Option<WhenSlot>,
    /// Where.
    pub place: Option<WhereSlot>,
    /// Quantities.
    pub quantities: Vec<QuantitySlot>,
    /// Modality.
    pub modality: Modality,
    /// The sentence marks a change ("postponed to Friday").
    pub update: bool,
    /// The sentence marks a change of date ("postponed to Friday", "moved to Monday"): its
    /// time is a new date, not a contradiction of the old one.
    pub rescheduled: bool,
    /// Stated with a verb ("was sentenced"), not only a noun ("the sentence").
    pub verbal: bool,
    /// Who did it, when a verb says: the participant right before an active verb in its clause
    /// ("Judge Moraru acquitted Ciobanu"), or after "by" a passive one ("was acquitted by Judge
    /// Moraru").
    pub agent: Option<Actor>,
    /// Its time says when it began ("the fire began on Saturday").
    pub onset: bool,
}

/// A sum of money said of a thing: "a €62.5 million contract", "the contract, worth €26.5
/// million", "the plan costs €150 million".
#[derive(Debug, Clone)]
pub struct ValueMention {
    /// The thing, as a lowercase singular noun ("contract", "plan").
    pub thing: String,
    /// The figure as written.
    pub text: String,
    /// The parsed figure (its unit the currency's code).
    pub q: QuantityMention,
    /// The figure's span.
    pub span: Span,
    /// Sentence index.
    pub sentence: usize,
}

/// A site an owner has in one place, as one article places it: "its headquarters in Hsinchu",
/// "the company's Tarragona plant".
#[derive(Debug, Clone)]
pub struct SiteMention {
    /// The site's canonical name ("headquarters", "plant").
    pub site: String,
    /// The owner's organisation key: the possessor when named ("Ferrovia's plant"), else the
    /// organisation named last before it in the article ("its plant"); after linking, the
    /// organisation entity's key. A site with a name of its own ("the Sainte-Famille
    /// hospital") is keyed by that name instead (`name:` and the name folded).
    pub owner: Option<String>,
    /// The site's own name as written ("Sainte-Famille"), if it has one.
    pub name: Option<String>,
    /// The span of the place mention ([`PlaceMention::span`]).
    pub place: Span,
    /// The sentence's index.
    pub sentence: usize,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// People named in the article.
    pub persons: Vec<LocalPerson>,
    /// Titles given to them.
    pub titles: Vec<TitleMention>,
    /// Quotations.
    pub quotes: Vec<QuoteMention>,
    /// Event claims.
    pub events: Vec<EventClaim>,
    /// Organisations named, in text order.
    pub orgs: Vec<OrgMention>,
    /// The agency a dateline names ("LISBON, March 4 (Atlantic Wire) -").
    pub agency: Option<String>,
    /// Single capitalised words that named no one in this article ("Lindqvist said",
    /// "Halvorsen will"): linked to a person or organisation named in full in another article.
    pub loose: Vec<(String, Span)>,
    /// Places named, in text order.
    pub places: Vec<PlaceMention>,
    /// Every time expression, in text order, with its resolved value.
    pub times: Vec<TimeRecord>,
    /// Sums of money said of things, in text order.
    pub values: Vec<ValueMention>,
    /// Sites placed by an owner ("its plant in Tarragona"), in text order.
    pub sites: Vec<SiteMention>,
    /// Sentence spans (start, end) by sentence index.
    pub sentences: Vec<(usize, usize)>,
    /// Diagnostics (non-fatal).
    pub diagnostics: Vec<String>,
}

impl Extraction {
    /// Every byte range the extraction points at (sentences, names, titles, quotes, places,
    /// times, orgs and claims with their slots), for checking that each lies inside the article
    /// text and on char boundaries.
    pub fn spans(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self.sentences.clone();
        let mut add = |s: &Span| out.push((s.start, s.end));
        for p in &self.persons {
            p.mentions
                .iter()
                .chain(&p.references)
                .for_each(|(_, s)| add(s));
        }
        self.titles.iter().for_each(|t| add(&t.span));
        self.quotes.iter().for_each(|q| add(&q.span));
        self.orgs.iter().for_each(|o| add(&o.span));
        self.loose.iter().for_each(|(_, s)| add(s));
        self.places.iter().for_each(|p| add(&p.span));
        self.times.iter().for_each(|t| add(&t.span));
        self.values.iter().for_each(|v| add(&v.span));
        for e in &self.events {
            add(&e.span);
            e.when.iter().for_each(|w| add(&w.span));
            e.place.iter().for_each(|w| add(&w.span));
        }
        out
    }
}
