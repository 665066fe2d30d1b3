//! The compare stage: a conflict graph over claims (petgraph), and the discrepancies and agreed
//! facts read off it.
//!
//! Nodes are claims (events, titles, quotes); edges are typed `agree`/`conflict` relations with
//! a reason. A discrepancy is a group of claims about one fact, split into sides by value, with
//! at least one conflict edge between two sides.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;

use crate::cluster::{actors_match, day_rel, place_rel, Clustering, DayRel, Event, PlaceRel};
use crate::extract::quantity;
use crate::extract::time::{self, Granularity, PartOfDay, Resolved};
use crate::model::{Article, Extraction, QuoteMention, Span, TitleMention};
use crate::report::{Discrepancy, Evidence, Fact, Kind, Side, Update};
use crate::resolve::PersonEntity;
use crate::rules::{Modality, Rules};

/// A node of the conflict graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Node {
    /// Event claim (index into the events).
    Event(usize),
    /// Title mention (article, index).
    Title(usize, usize),
    /// Quote (article, index).
    Quote(usize, usize),
}

/// How two claims relate.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The slot compared.
    pub kind: Kind,
    /// Conflict (else agreement).
    pub conflict: bool,
    /// A marked change ("postponed to Monday"): the later value replaces the earlier one.
    pub update: bool,
    /// Why.
    pub reason: String,
}

/// The conflict graph.
pub type ConflictGraph = UnGraph<Node, Relation>;

/// Everything the compare stage needs.
pub struct Compare<'a> {
    /// Rules.
    pub rules: &'a Rules,
    /// Articles.
    pub articles: &'a [Article],
    /// Per-article extraction.
    pub extractions: &'a [Extraction],
    /// People across articles.
    pub persons: &'a [PersonEntity],
    /// Local person to entity, per article.
    pub person_map: &'a [Vec<usize>],
    /// Figures some article reports as an update ("rose to four"): value and unit, if named.
    pub updates: Vec<(f64, Option<String>)>,
    /// Figures given right after a cue of change ("rose to $1.9 billion"): value, unit and the
    /// lowercase sentence.
    pub changed_to: Vec<(f64, Option<String>, String)>,
    /// The source of each article ([`crate::sources::source_groups`]).
    pub sources: Vec<String>,
    /// Display names of organisations by participant key (without `o:`).
    pub org_names: BTreeMap<String, String>,
    /// The shingles of each evidence span, computed once: a sentence backs many sides.
    pub(crate) shingles: std::cell::RefCell<foldhash::HashMap<Span, std::rc::Rc<Vec<u64>>>>,
}

/// Output of the compare stage (ids not yet assigned).
#[derive(Debug, Default)]
pub struct Outcome {
    /// Discrepancies.
    pub discrepancies: Vec<Discrepancy>,
    /// Agreed facts.
    pub facts: Vec<Fact>,
    /// Marked changes (a meeting "postponed to Monday"): never conflicts.
    pub updates: Vec<Update>,
    /// The graph.
    pub graph: ConflictGraph,
}

/// A time finer than a day ("Monday afternoon", "1.30 p.m. on Tuesday"): a lasting event (a
/// flood, a fire) dated to a moment on two different days, by two reports alike in telling (or
/// not) when it began, is one moment misdated ("still fighting the fire on Tuesday afternoon"
/// against "broke out on Monday afternoon" is no conflict).
/// Hours a lasting event plainly goes on after it began: a moment of it later than this (or
/// before it began) is the event misdated ("broke out before dawn on Monday" against "tore
/// through the hotel at 2:40 a.m. on Tuesday"), one within it a later stage ("broke out at
/// 11 p.m. on Sunday" against "brought under control at 5 a.m. on Monday").
const LASTING_HOURS: i64 = 12;

/// Whether the moment of the claim that does not tell of the onset is before the onset, or
/// more than [`LASTING_HOURS`] after it. `a_onset`: the first moment is the onset.
fn too_long_after(a_onset: bool, a: &Resolved, b: &Resolved) -> bool {
    let (onset, other) = if a_onset { (a, b) } else { (b, a) };
    let at = |r: &Resolved| -> Option<i64> {
        let Resolved::Value(v) = r else { return None };
        let minute = match (v.minutes, v.part) {
            (Some((m, _)), _) => i64::from(m),
            (None, Some(PartOfDay::Morning)) => 6 * 60,
            (None, Some(PartOfDay::Afternoon)) => 15 * 60,
            (None, Some(PartOfDay::Evening)) => 19 * 60,
            (None, Some(PartOfDay::Night)) => 23 * 60,
            (None, None) => return None,
        };
        let days = (v.start - jiff::civil::Date::constant(2000, 1, 1)).get_days();
        Some(i64::from(days) * 24 * 60 + minute)
    };
    match (at(onset), at(other)) {
        (Some(x), Some(y)) => y < x || y - x > LASTING_HOURS * 60,
        _ => false,
    }
}

fn within_day(r: &Resolved) -> bool {
    matches!(r, Resolved::Value(v) if v.granularity > Granularity::Day)
}

fn own(c: &crate::model::EventClaim) -> Option<&crate::model::WhenSlot> {
    // "since Monday" is when a state began ("salvors had pumped 9,000 tonnes since Monday"),
    // not the day of an event of the sentence.
    c.when.as_ref().filter(|w| !w.inherited && !w.since)
}

/// The claim's time when its own sentence states it (own, or shared by the sentence's claims).
fn stated(c: &crate::model::EventClaim) -> Option<&crate::model::WhenSlot> {
    c.when
        .as_ref()
        .filter(|w| c.span.start <= w.span.start && w.span.end <= c.span.end)
}

/// A day key ("2026-05-15") in words ("Friday 15 May 2026"); other keys as they are.
fn describe_day(key: &str) -> String {
    match key.parse::<jiff::civil::Date>() {
        Ok(d) => time::describe(&time::TimeValue {
            start: d,
            end: d,
            granularity: Granularity::Day,
            part: None,
            minutes: None,
        }),
        Err(_) => key.to_string(),
    }
}

/// What a comparison of two claims found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Agree,
    Conflict,
    /// A marked change of date: the later value replaces the earlier one.
    Update,
}

fn blocked(m: Modality) -> bool {
    matches!(m, Modality::Negated | Modality::Hypothetical)
}

/// Day key of an own (not inherited) time at day granularity or finer.
fn day_key(r: &Resolved) -> Option<String> {
    match r {
        Resolved::Value(v) if v.granularity >= Granularity::Day => Some(if v.start == v.end {
            v.start.to_string()
        } else {
            format!("{}/{}", v.start, v.end)
        }),
        _ => None,
    }
}

/// The share of flags of a kind that were right, measured by `scripts/calibration.py`: on the
/// blind example stories run through the code as it was before each batch was written
/// (`scripts/calibrate-blind`, weight 1) and on the current reports of all example stories
/// (weight 1/4, as they were tuned on), with one right and one wrong flag as a prior. Kinds
/// without flags yet keep the prior, 0.5.
pub fn calibrated(kind: Kind) -> f64 {
    match kind {
        Kind::Quote => 0.88,
        Kind::Title => 0.82,
        Kind::Where => 0.68,
        Kind::When => 0.57,
        Kind::Quantity => 0.41,
        Kind::Who | Kind::Outcome => 0.5,
    }
}

/// "Leiria (a1, a3) and Santarém (a2)": each side's label with its articles.
fn list_sides(sides: &[Side], label: impl Fn(&Side) -> String, sep: &str) -> String {
    sides
        .iter()
        .map(|s| format!("{} ({})", label(s), s.articles.join(", ")))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Sides in the order a reader weighs them: most independent sources first, then most
/// articles, then by value.
fn majority_first(a: &Side, b: &Side) -> std::cmp::Ordering {
    b.independent_sources
        .cmp(&a.independent_sources)
        .then(b.articles.len().cmp(&a.articles.len()))
        .then(a.normalized.cmp(&b.normalized))
}

/// Source key for independence: "citing AP" and an AP article are one source.
pub fn source_key(article: &Article) -> String {
    let outlet = article
        .outlet
        .as_deref()
        .unwrap_or("")
        .trim()
        .to_lowercase();
    if outlet.is_empty() {
        return format!("#{}", article.id);
    }
    for cue in ["citing ", "based on ", "according to ", "via ", "from "] {
        if let Some(i) = outlet.find(cue) {
            let rest = outlet[i + cue.len()..].trim();
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            let rest = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    outlet.strip_prefix("the ").unwrap_or(&outlet).to_string()
}

impl Compare<'_> {
    fn evidence(&self, span: Span) -> Evidence {
        let a = &self.articles[span.article];
        Evidence {
            article: a.id.clone(),
            start: span.start,
            end: span.end,
            text: a.slice(span.start, span.end).to_string(),
        }
    }

    /// The evidence for a sentence: the sentence itself, or, when it begins inside a quotation
    /// that opened in an earlier sentence, from the quotation's first sentence on.
    fn sentence_span(&self, article: usize, sentence: usize) -> Span {
        let ex = &self.extractions[article];
        let first = ex
            .quotes
            .iter()
            .filter(|q| q.sentence < sentence && sentence <= q.last_sentence)
            .map(|q| q.sentence)
            .min()
            .unwrap_or(sentence);
        let start = ex.sentences.get(first).map_or(0, |s| s.0);
        let end = ex.sentences.get(sentence).map_or(start, |s| s.1);
        Span {
            article,
            start,
            end,
        }
    }

    /// Independent sources among the articles of these evidence spans.
    fn independent(&self, spans: &[Span]) -> usize {
        let shingled: Vec<(usize, std::rc::Rc<Vec<u64>>)> = {
            let mut memo = self.shingles.borrow_mut();
            spans
                .iter()
                .map(|s| {
                    let sh = memo.entry(*s).or_insert_with(|| {
                        let text = self.articles[s.article].slice(s.start, s.end);
                        std::rc::Rc::new(crate::sources::shingles(
                            text,
                            crate::sources::EVIDENCE_SHINGLE,
                        ))
                    });
                    (s.article, sh.clone())
                })
                .collect()
        };
        let evidence: Vec<(usize, &[u64])> = shingled.iter().map(|(a, sh)| (*a, &sh[..])).collect();
        crate::sources::count_independent_shingled(&self.sources, &evidence)
    }

    fn side(&self, value: String, normalized: String, spans: &[Span]) -> Side {
        let arts: BTreeSet<usize> = spans.iter().map(|s| s.article).collect();
        let mut spans = spans.to_vec();
        spans.sort();
        spans.dedup();
        Side {
            value,
            normalized,
            articles: arts.iter().map(|&a| self.articles[a].id.clone()).collect(),
            independent_sources: self.independent(&spans),
            evidence: spans.into_iter().map(|s| self.evidence(s)).collect(),
        }
    }

    /// Display name of an actor key (`p3` a person, `c:TR` a country, `o:nato` an organisation).
    pub fn actor_name(&self, key: &str) -> String {
        if let Some(p) = key.strip_prefix('p') {
            if let Ok(i) = p.parse::<usize>() {
                return self
                    .persons
                    .get(i)
                    .map_or_else(|| key.to_string(), |e| e.name.clone());
            }
        }
        if let Some(c) = key.strip_prefix("c:") {
            if let Some(i) = self.rules.gazetteer.index_of(c) {
                return self.rules.gazetteer.places[i].name.clone();
            }
        }
        let o = key.trim_start_matches("o:");
        self.org_names
            .get(o)
            .cloned()
            .unwrap_or_else(|| o.to_string())
    }

    fn about_event(&self, events: &[Event], members: &[usize]) -> String {
        let first = &events[members[0]];
        let class = &self.rules.predicates[first.claim.class].name;
        let mut actors: BTreeMap<String, usize> = BTreeMap::new();
        for &m in members {
            for a in &events[m].actors {
                *actors.entry(a.clone()).or_default() += 1;
            }
        }
        let mut names: Vec<(usize, String)> = actors
            .into_iter()
            .map(|(k, n)| (n, self.actor_name(&k)))
            .collect();
        names.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let names: Vec<String> = names.into_iter().take(3).map(|(_, n)| n).collect();
        let place = members
            .iter()
            .find_map(|&m| events[m].claim.place.as_ref())
            .map(|p| self.rules.gazetteer.places[p.place].name.clone());
        let mut parts = vec![class.clone()];
        if !names.is_empty() {
            parts.push(names.join(", "));
        }
        if let Some(p) = place {
            parts.push(p);
        }
        parts.join(" — ")
    }

    /// Run the compare stage.
    pub fn run(&self, events: &[Event], clustering: &Clustering) -> Outcome {
        let mut out = Outcome::default();
        let mut nodes: BTreeMap<Node, NodeIndex> = BTreeMap::new();
        let mut node =
            |g: &mut ConflictGraph, n: Node| *nodes.entry(n).or_insert_with(|| g.add_node(n));
        let mut cluster_of = vec![0usize; events.len()];
        for (ci, c) in clustering.clusters.iter().enumerate() {
            for &m in c {
                cluster_of[m] = ci;
            }
        }
        // Event edges.
        let mut conflicts: BTreeMap<(usize, Kind), Vec<(usize, usize)>> = BTreeMap::new();
        let mut changes: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for &(i, j) in &clustering.pairs {
            for (kind, verdict, reason) in self.compare_events(&events[i], &events[j]) {
                let (ni, nj) = (
                    node(&mut out.graph, Node::Event(i)),
                    node(&mut out.graph, Node::Event(j)),
                );
                out.graph.add_edge(
                    ni,
                    nj,
                    Relation {
                        kind,
                        conflict: verdict == Verdict::Conflict,
                        update: verdict == Verdict::Update,
                        reason,
                    },
                );
                if verdict == Verdict::Conflict {
                    conflicts
                        .entry((cluster_of[i], kind))
                        .or_default()
                        .push((i, j));
                } else if verdict == Verdict::Update {
                    changes.entry(cluster_of[i]).or_default().push((i, j));
                }
            }
        }
        for ((ci, kind), pairs) in &conflicts {
            if let Some(d) = self.event_discrepancy(
                events,
                &clustering.clusters[*ci],
                *kind,
                pairs,
                &clustering.pairs,
            ) {
                out.discrepancies.push(d);
            }
        }
        let mut seen_changes = BTreeSet::new();
        for pairs in changes.values() {
            if let Some(u) = self.update(events, pairs) {
                // One change read through several claims (the meeting, the approval) once.
                let key: Vec<(String, Vec<String>)> = u
                    .sides
                    .iter()
                    .map(|s| (s.normalized.clone(), s.articles.clone()))
                    .collect();
                if seen_changes.insert(key) {
                    out.updates.push(u);
                }
            }
        }
        // ... and not again through a claim that sees only part of it.
        let covers = |a: &Update, b: &Update| {
            a.sides.len() == b.sides.len()
                && a.sides.iter().zip(&b.sides).all(|(x, y)| {
                    x.normalized == y.normalized
                        && y.articles.iter().all(|t| x.articles.contains(t))
                })
        };
        let all = out.updates.clone();
        out.updates
            .retain(|u| !all.iter().any(|o| o != u && covers(o, u) && !covers(u, o)));
        self.event_facts(events, clustering, &conflicts, &mut out.facts);
        self.title_discrepancies(&mut out, &mut node);
        self.unique_office_discrepancies(&mut out);
        self.value_discrepancies(&mut out);
        self.site_discrepancies(&mut out);
        self.quote_discrepancies(&mut out, &mut node);
        // Outlets disagree, or nothing is flagged: sides all from one article tell of a part
        // and its whole ("22 children were injured, four of them seriously" ... "Four
        // children were flown to Bucharest"), far more often than of one report at odds with
        // itself.
        out.discrepancies.retain(|d| {
            let articles: BTreeSet<&String> = d.sides.iter().flat_map(|s| &s.articles).collect();
            articles.len() > 1
        });
        // One discrepancy per set of sides.
        let mut seen = BTreeSet::new();
        out.discrepancies.retain(|d| {
            let mut key: Vec<(String, Vec<String>)> = d
                .sides
                .iter()
                .map(|s| (s.normalized.clone(), s.articles.clone()))
                .collect();
            key.sort();
            seen.insert((d.kind, key))
        });
        out
    }

    /// Whether a claim's sentence tells of its event as still going on ("were still fighting
    /// the fire on Tuesday afternoon"): a moment of a lasting event, not when it happened.
    fn still(&self, c: &crate::model::EventClaim) -> bool {
        self.articles[c.article]
            .slice(c.span.start, c.span.end)
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("still"))
    }

    fn compare_events(&self, a: &Event, b: &Event) -> Vec<(Kind, Verdict, String)> {
        let (ca, cb) = (a.claim, b.claim);
        let mut out = Vec::new();
        if blocked(ca.modality) || blocked(cb.modality) {
            return out;
        }
        if ca.class != cb.class {
            // Clustered across classes only as opposite outcomes of one event.
            if self.rules.opposed(ca.class, cb.class) {
                out.push((
                    Kind::Outcome,
                    Verdict::Conflict,
                    "one event, opposite outcomes".into(),
                ));
            }
            return out;
        }
        let repeat = crate::cluster::repeated(self.rules, a, b);
        let impersonal = self.rules.predicates[ca.class].impersonal;
        let once = self.rules.predicates[ca.class].once;
        let durative = self.rules.predicates[ca.class].durative;
        let counted = self.rules.predicates[ca.class].counted;
        let places = place_rel(self.rules, ca, cb);
        let actors_match = actors_match(&a.actors, &b.actors);
        // Two days for one event need strong identity: the same place, or two shared
        // participants (one person meets many people on many days).
        let shared_actors = a.actors.iter().filter(|x| b.actors.contains(x)).count();
        // ... or the same participants doing it to the same thing, or for the same sum.
        let same_object = crate::cluster::same_act_on_same_thing(a, b)
            || same_sum(self.rules, a, b)
            || crate::cluster::same_count(self.rules, a, b);
        // when
        // A time counted from another date of the text ("two weeks earlier") is too uncertain to
        // contradict anything.
        let context_relative = |w: &crate::model::WhenSlot| {
            matches!(
                &w.expr,
                crate::extract::time::TimeExpr::Shift {
                    base: crate::extract::time::ShiftBase::Context,
                    ..
                }
            )
        };
        if let (Some(wa), Some(wb)) = (
            own(ca).filter(|w| !context_relative(w)),
            own(cb).filter(|w| !context_relative(w)),
        ) {
            let rel = day_rel(&wa.value, &wb.value);
            if day_key(&wa.value).is_some() && day_key(&wb.value).is_some() {
                match rel {
                    DayRel::DisjointNear
                        if !repeat
                            && (!durative
                                || (ca.onset && cb.onset)
                                || ((ca.onset == cb.onset
                                    || !self.still(ca)
                                        && !self.still(cb)
                                        && too_long_after(ca.onset, &wa.value, &wb.value))
                                    && within_day(&wa.value)
                                    && within_day(&wb.value)))
                            && places != PlaceRel::Incompatible
                            && (!counted || same_object)
                            && (places == PlaceRel::Compatible
                                || shared_actors >= 2
                                || impersonal
                                || same_object
                                || (once
                                    && ca.verbal
                                    && cb.verbal
                                    && (shared_actors >= 1
                                        || a.actors.is_empty()
                                        || b.actors.is_empty()))) =>
                    {
                        if ca.rescheduled || cb.rescheduled {
                            out.push((
                                Kind::When,
                                Verdict::Update,
                                "a marked change of date".into(),
                            ));
                        } else if ca.update || cb.update {
                            out.push((Kind::When, Verdict::Agree, "a continuation".into()));
                        } else {
                            out.push((
                                Kind::When,
                                Verdict::Conflict,
                                "one event, two different days".into(),
                            ));
                        }
                    }
                    DayRel::Same => out.push((Kind::When, Verdict::Agree, "same day".into())),
                    _ => {}
                }
            }
        }
        // A marked change of date, stated in the sentences of both claims.
        if let (Some(wa), Some(wb)) = (stated(ca), stated(cb)) {
            if !out.iter().any(|(k, _, _)| *k == Kind::When)
                && !repeat
                && (ca.rescheduled || cb.rescheduled)
                && actors_match
                && places != PlaceRel::Incompatible
                && day_key(&wa.value).is_some()
                && day_key(&wb.value).is_some()
                && day_rel(&wa.value, &wb.value) == DayRel::DisjointNear
            {
                out.push((
                    Kind::When,
                    Verdict::Update,
                    "a marked change of date".into(),
                ));
            }
        }
        // where
        if let (Some(_), Some(_)) = (&ca.place, &cb.place) {
            // Days stated in the sentence or carried over from the paragraph.
            let same_day = match (ca.when.as_ref(), cb.when.as_ref()) {
                (Some(wa), Some(wb)) => {
                    day_rel(&wa.value, &wb.value) == DayRel::Same
                        && day_key(&wa.value).is_some()
                        && day_key(&wb.value).is_some()
                }
                _ => false,
            };
            // Neither states a day (one carried over from the lede or the paragraph is not
            // stated either).
            let unstated =
                |w: &Option<crate::model::WhenSlot>| w.as_ref().is_none_or(|w| w.inherited);
            let undated = unstated(&ca.when)
                && unstated(&cb.when)
                && !repeat
                && (actors_match || (a.actors.is_empty() && b.actors.is_empty()));
            // An accident or disaster in the story's days is one event unless its days differ.
            let impersonal_one = (impersonal || once)
                && match (ca.when.as_ref(), cb.when.as_ref()) {
                    (Some(x), Some(y)) => day_rel(&x.value, &y.value) == DayRel::Same,
                    _ => true,
                };
            match places {
                PlaceRel::Incompatible if same_day || undated || impersonal_one => out.push((
                    Kind::Where,
                    Verdict::Conflict,
                    "one event, two places neither of which contains the other".into(),
                )),
                PlaceRel::Compatible => out.push((
                    Kind::Where,
                    Verdict::Agree,
                    "same place or one contains the other".into(),
                )),
                _ => {}
            }
        }
        // quantity: figures of one count on one day.
        let days = match (ca.when.as_ref(), cb.when.as_ref()) {
            (Some(x), Some(y)) => day_rel(&x.value, &y.value),
            _ => DayRel::Unknown,
        };
        // who: one act of a once-per-participant class (an arrest, a sentencing, a takeover)
        // whose verbs name different agents for the same participant.
        if let (Some(x), Some(y)) = (&a.agent, &b.agent) {
            let class = &self.rules.predicates[ca.class];
            let body = |k: &str| crate::cluster::is_body_key(self.rules, k);
            let patient = a
                .actors
                .iter()
                .any(|p| p != x && p != y && b.actors.contains(p));
            if class.once
                && !class.parties
                && x != y
                && x.get(..1) == y.get(..1)
                && !body(x)
                && !body(y)
                && patient
                && ca.article != cb.article
                && a.asserted
                && b.asserted
                && places != PlaceRel::Incompatible
                && matches!(days, DayRel::Same | DayRel::Unknown)
            {
                out.push((
                    Kind::Who,
                    Verdict::Conflict,
                    "one act, another agent".into(),
                ));
            }
        }
        if days != DayRel::DisjointNear {
            let conflicts = quantity_conflicts(self.rules, &self.updates, a, b);
            if !conflicts.is_empty() {
                out.push((
                    Kind::Quantity,
                    Verdict::Conflict,
                    "one count, incompatible figures".into(),
                ));
            } else if !comparable_quantities(self.rules, a, b).is_empty() {
                out.push((Kind::Quantity, Verdict::Agree, "compatible figures".into()));
            }
        }
        out
    }

    fn event_discrepancy(
        &self,
        events: &[Event],
        members: &[usize],
        kind: Kind,
        pairs: &[(usize, usize)],
        linked: &[(usize, usize)],
    ) -> Option<Discrepancy> {
        // Side key and display of each member for this kind.
        let key_of = |i: usize| -> Option<(String, String, String, Span)> {
            let c = events[i].claim;
            let sentence = self.sentence_span(c.article, c.sentence);
            match kind {
                Kind::When => {
                    let w = own(c)?;
                    let k = day_key(&w.value)?;
                    // The time as written, with its "on" ("on Monday morning").
                    let article = &self.articles[c.article];
                    let on = article
                        .slice(w.span.start.saturating_sub(3), w.span.start)
                        .eq_ignore_ascii_case("on ");
                    let surface = if on {
                        format!("on {}", w.text)
                    } else {
                        w.text.clone()
                    };
                    Some((k.clone(), surface, k, sentence))
                }
                Kind::Where => {
                    let p = c.place.as_ref()?;
                    let name = self.rules.gazetteer.places[p.place].name.clone();
                    Some((
                        self.rules.gazetteer.places[p.place].id.clone(),
                        p.text.clone(),
                        name,
                        sentence,
                    ))
                }
                Kind::Outcome => {
                    let class = self.rules.predicates[c.class].name.clone();
                    Some((class.clone(), c.trigger.clone(), class, sentence))
                }
                Kind::Who => {
                    let agent = events[i].agent.as_ref()?;
                    let name = self.actor_name(agent);
                    Some((agent.clone(), name.clone(), name, sentence))
                }
                Kind::Quantity => None,
                _ => None,
            }
        };
        if kind == Kind::Quantity {
            return self.quantity_discrepancy(events, members, pairs);
        }
        let involved: BTreeSet<usize> = pairs.iter().flat_map(|&(i, j)| [i, j]).collect();
        let side_keys: BTreeSet<String> = involved
            .iter()
            .filter_map(|&i| key_of(i).map(|k| k.0))
            .collect();
        // A side holds the claims in conflict and those that agree with one of them directly
        // (same event, same value); claims joined only through a chain of clusters stay out.
        let agrees_directly = |m: usize, k: &str| {
            involved.iter().any(|&i| {
                let pair = (m.min(i), m.max(i));
                (m == i || linked.binary_search(&pair).is_ok())
                    && key_of(i).is_some_and(|ki| ki.0 == k)
            })
        };
        let mut sides: BTreeMap<String, (Vec<String>, String, Vec<Span>)> = BTreeMap::new();
        for &m in members {
            if blocked(events[m].claim.modality) {
                continue;
            }
            if let Some((k, surface, norm, span)) = key_of(m) {
                if side_keys.contains(&k) && agrees_directly(m, &k) {
                    let e = sides
                        .entry(k)
                        .or_insert_with(|| (Vec::new(), norm, Vec::new()));
                    e.0.push(surface);
                    e.2.push(span);
                }
            }
        }
        if sides.len() < 2 {
            return None;
        }
        let mut out_sides: Vec<Side> = sides
            .into_values()
            .map(|(surfaces, norm, spans)| self.side(most_common(&surfaces), norm, &spans))
            .collect();
        // One article at odds with itself over an event's day or place is, far more often than
        // not, a time or place read into the wrong clause ("the ruling ..., which had counted
        // on him for a medal in Los Angeles"): outlets disagree, or nothing is flagged.
        // So is a side whose articles all stand on another side too: those articles tell of two
        // days (or places), most often of two events ("died on Monday" of one tourist, "have
        // killed 14 since Friday" of the heatwave), not of one event misdated.
        if matches!(kind, Kind::When | Kind::Where) {
            let sets: Vec<BTreeSet<&String>> = out_sides
                .iter()
                .map(|s| s.articles.iter().collect())
                .collect();
            let drop = told_elsewhere(&sets);
            out_sides = out_sides
                .into_iter()
                .zip(drop)
                .filter_map(|(s, d)| (!d).then_some(s))
                .collect();
            if out_sides.len() < 2 {
                return None;
            }
        }
        out_sides.sort_by(majority_first);
        let about = self.about_event(events, members);
        let explanation = match kind {
            Kind::When => self.explain_when(&out_sides),
            Kind::Where => format!(
                "One event on one day, placed in {}: neither place contains the other.",
                list_sides(&out_sides, |s| s.normalized.clone(), " and ")
            ),
            Kind::Who => format!(
                "One act, another agent: {}.",
                list_sides(&out_sides, |s| s.normalized.clone(), " vs ")
            ),
            Kind::Outcome => format!(
                "One event, opposite outcomes: {}.",
                list_sides(&out_sides, |s| format!("'{}'", s.value), " vs ")
            ),
            _ => String::new(),
        };
        Some(self.finish(kind, about, out_sides, explanation))
    }

    fn explain_when(&self, sides: &[Side]) -> String {
        let parts: Vec<String> = sides
            .iter()
            .map(|s| {
                let published: Vec<String> = s
                    .articles
                    .iter()
                    .map(|a| self.article_with_date(a))
                    .collect();
                format!(
                    "'{}' in {} = {}",
                    s.value,
                    published.join(", "),
                    describe_day(&s.normalized)
                )
            })
            .collect();
        format!("One event, different days: {}.", parts.join("; "))
    }

    fn quantity_discrepancy(
        &self,
        events: &[Event],
        members: &[usize],
        pairs: &[(usize, usize)],
    ) -> Option<Discrepancy> {
        let mut groups: Vec<FigureGroup> = Vec::new();
        let mut unit = None;
        for &(i, j) in pairs {
            for (qa, qb) in quantity_conflicts(self.rules, &self.updates, &events[i], &events[j]) {
                for (k, q) in [(i, qa), (j, qb)] {
                    let c = events[k].claim;
                    let slot = &c.quantities[q];
                    unit = slot.q.unit.clone();
                    let span = self.sentence_span(c.article, c.sentence);
                    add_figure(
                        &mut groups,
                        &slot.q,
                        figure_as_written(self.rules, &slot.text),
                        span,
                    );
                }
            }
        }
        if groups.len() < 2 {
            return None;
        }
        let out_sides = self.figure_sides(groups);
        let about = format!(
            "{} ({})",
            self.about_event(events, members),
            unit.unwrap_or_default()
        );
        let explanation = format!(
            "One count, incompatible figures: {}.",
            figures_listed(&out_sides)
        );
        Some(self.finish(Kind::Quantity, about, out_sides, explanation))
    }

    /// A marked change of date: the earlier date's side first, the changed one last.
    fn update(&self, events: &[Event], pairs: &[(usize, usize)]) -> Option<Update> {
        let involved: BTreeSet<usize> = pairs.iter().flat_map(|&(i, j)| [i, j]).collect();
        // (rescheduled, day key) -> surfaces, spans
        let mut sides: BTreeMap<(bool, String), (Vec<String>, Vec<Span>)> = BTreeMap::new();
        for &m in &involved {
            let c = events[m].claim;
            let Some(w) = stated(c) else { continue };
            let Some(k) = day_key(&w.value) else { continue };
            let e = sides.entry((c.rescheduled, k)).or_default();
            e.0.push(w.text.clone());
            e.1.push(self.sentence_span(c.article, c.sentence));
        }
        // A date stated both before and after the change belongs to the change.
        let changed: BTreeSet<String> = sides
            .keys()
            .filter(|(r, _)| *r)
            .map(|(_, k)| k.clone())
            .collect();
        let mut merged: BTreeMap<(bool, String), (Vec<String>, Vec<Span>)> = BTreeMap::new();
        for ((r, k), (surfaces, spans)) in sides {
            let e = merged.entry((r || changed.contains(&k), k)).or_default();
            e.0.extend(surfaces);
            e.1.extend(spans);
        }
        if merged.len() < 2 || changed.is_empty() {
            return None;
        }
        let out_sides: Vec<Side> = merged
            .into_iter()
            .map(|((_, k), (surfaces, spans))| self.side(most_common(&surfaces), k, &spans))
            .collect();
        let describe = |s: &Side| {
            format!(
                "'{}' ({}) = {}",
                s.value,
                s.articles
                    .iter()
                    .map(|a| self.article_with_date(a))
                    .collect::<Vec<_>>()
                    .join(", "),
                describe_day(&s.normalized)
            )
        };
        let (last, earlier) = out_sides.split_last()?;
        let explanation = format!(
            "A marked change of date, not a conflict: {} was changed to {}.",
            earlier
                .iter()
                .map(describe)
                .collect::<Vec<_>>()
                .join(" and "),
            describe(last)
        );
        Some(Update {
            id: String::new(),
            kind: Kind::When,
            about: self.about_event(events, &involved.iter().copied().collect::<Vec<_>>()),
            sides: out_sides,
            explanation,
        })
    }

    /// "a1 of 2026-05-18", or the bare id when the article has no date.
    fn article_with_date(&self, id: &str) -> String {
        match self
            .articles
            .iter()
            .find(|x| x.id == id)
            .and_then(|x| x.published)
        {
            Some(p) => format!("{id} of {p}"),
            None => id.to_string(),
        }
    }

    fn finish(
        &self,
        kind: Kind,
        about: String,
        sides: Vec<Side>,
        explanation: String,
    ) -> Discrepancy {
        let all: Vec<BTreeSet<&String>> =
            sides.iter().map(|s| s.articles.iter().collect()).collect();
        let internal = all
            .iter()
            .enumerate()
            .any(|(i, a)| all.iter().skip(i + 1).any(|b| !a.is_disjoint(b)));
        let sources: usize = sides.iter().map(|s| s.independent_sources).sum();
        // The calibrated share of flags of this kind that are right, plus a hundredth per
        // independent source (up to four) to order flags of one kind.
        let mut confidence = calibrated(kind) + 0.01 * sources.min(4) as f64;
        if internal && sides.iter().all(|s| s.articles.len() == 1) {
            confidence *= 0.8;
        }
        let confidence = (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0;
        Discrepancy {
            id: String::new(),
            kind,
            about,
            sides,
            confidence,
            explanation,
            internal,
        }
    }

    fn event_facts(
        &self,
        events: &[Event],
        clustering: &Clustering,
        conflicts: &BTreeMap<(usize, Kind), Vec<(usize, usize)>>,
        facts: &mut Vec<Fact>,
    ) {
        for (ci, members) in clustering.clusters.iter().enumerate() {
            for kind in [Kind::When, Kind::Where] {
                if conflicts.contains_key(&(ci, kind)) {
                    continue;
                }
                let mut groups: BTreeMap<String, (Vec<String>, String, Vec<Span>)> =
                    BTreeMap::new();
                for &m in members {
                    let c = events[m].claim;
                    if blocked(c.modality) {
                        continue;
                    }
                    let span = self.sentence_span(c.article, c.sentence);
                    let entry = match kind {
                        Kind::When => own(c).and_then(|w| {
                            day_key(&w.value).map(|k| (k.clone(), w.text.clone(), k))
                        }),
                        _ => c.place.as_ref().map(|p| {
                            (
                                self.rules.gazetteer.places[p.place].id.clone(),
                                p.text.clone(),
                                self.rules.gazetteer.places[p.place].name.clone(),
                            )
                        }),
                    };
                    if let Some((k, surface, norm)) = entry {
                        let e = groups
                            .entry(k)
                            .or_insert_with(|| (Vec::new(), norm, Vec::new()));
                        e.0.push(surface);
                        e.2.push(span);
                    }
                }
                if groups.len() != 1 {
                    continue;
                }
                let (surfaces, norm, spans) = groups.into_values().next().unwrap_or_default();
                let side = self.side(most_common(&surfaces), norm, &spans);
                if side.articles.len() < 2 {
                    continue;
                }
                facts.push(Fact {
                    id: String::new(),
                    about: self.about_event(events, members),
                    kind,
                    value: side.value,
                    normalized: side.normalized,
                    articles: side.articles,
                    independent_sources: side.independent_sources,
                    evidence: side.evidence,
                });
            }
        }
    }

    fn title_discrepancies(
        &self,
        out: &mut Outcome,
        node: &mut dyn FnMut(&mut ConflictGraph, Node) -> NodeIndex,
    ) {
        // Per person entity: current titles grouped by canonical form.
        let mut by_person: BTreeMap<usize, Vec<(usize, usize, &TitleMention)>> = BTreeMap::new();
        for (a, ex) in self.extractions.iter().enumerate() {
            for (i, t) in ex.titles.iter().enumerate() {
                let e = self.person_map[a][t.person];
                by_person.entry(e).or_default().push((a, i, t));
            }
        }
        for (person, mentions) in by_person {
            let mut groups: BTreeMap<String, Vec<(usize, usize, &TitleMention)>> = BTreeMap::new();
            // A former office never conflicts with a current one; two former offices of one
            // exclusive class do (which office did the person hold?).
            for m in &mentions {
                let key = if m.2.past {
                    format!("former {}", m.2.canonical)
                } else {
                    m.2.canonical.clone()
                };
                groups.entry(key).or_default().push(*m);
            }
            let keys: Vec<String> = groups.keys().cloned().collect();
            let mut conflicting: BTreeSet<String> = BTreeSet::new();
            for (x, ka) in keys.iter().enumerate() {
                for kb in &keys[x + 1..] {
                    if self.titles_exclude(ka, kb) {
                        conflicting.insert(ka.clone());
                        conflicting.insert(kb.clone());
                        let (ga, gb) = (&groups[ka][0], &groups[kb][0]);
                        let (na, nb) = (
                            node(&mut out.graph, Node::Title(ga.0, ga.1)),
                            node(&mut out.graph, Node::Title(gb.0, gb.1)),
                        );
                        out.graph.add_edge(
                            na,
                            nb,
                            Relation {
                                kind: Kind::Title,
                                conflict: true,
                                update: false,
                                reason: format!("'{ka}' and '{kb}' exclude each other"),
                            },
                        );
                    }
                }
            }
            let name = &self.persons[person].name;
            if conflicting.len() < 2 {
                // Agreement: a title stated by two or more articles is a fact.
                for (canon, ms) in &groups {
                    let spans: Vec<Span> = ms
                        .iter()
                        .map(|m| self.sentence_span(m.0, m.2.sentence))
                        .collect();
                    let surfaces: Vec<String> = ms.iter().map(|m| m.2.surface.clone()).collect();
                    let side = self.side(most_common(&surfaces), canon.clone(), &spans);
                    if side.articles.len() >= 2 {
                        out.facts.push(Fact {
                            id: String::new(),
                            about: format!("title of {name}"),
                            kind: Kind::Title,
                            value: side.value,
                            normalized: side.normalized,
                            articles: side.articles,
                            independent_sources: side.independent_sources,
                            evidence: side.evidence,
                        });
                    }
                }
                continue;
            }
            // Titles that agree with each other stand on one side ("mines minister" and "mines
            // and minerals development minister" against "labour minister"): the most stated
            // first, each joining the first side none of whose titles it excludes.
            let mut order: Vec<&String> = conflicting.iter().collect();
            order.sort_by_key(|k| std::cmp::Reverse(groups[*k].len()));
            let mut joined: Vec<Vec<&String>> = Vec::new();
            for k in order {
                match joined
                    .iter_mut()
                    .find(|g| g.iter().all(|x| !self.titles_exclude(x, k)))
                {
                    Some(g) => g.push(k),
                    None => joined.push(vec![k]),
                }
            }
            if joined.len() < 2 {
                continue;
            }
            let mut sides: Vec<Side> = joined
                .iter()
                .map(|g| {
                    let ms: Vec<&(usize, usize, &TitleMention)> =
                        g.iter().flat_map(|k| &groups[*k]).collect();
                    let spans: Vec<Span> = ms
                        .iter()
                        .map(|m| self.sentence_span(m.0, m.2.sentence))
                        .collect();
                    let surfaces: Vec<String> =
                        ms.iter().map(|m| title_case(&m.2.surface)).collect();
                    self.side(most_common(&surfaces), g[0].clone(), &spans)
                })
                .collect();
            sides.sort_by(majority_first);
            let explanation = format!(
                "One person, offices that cannot be held at once: {}.",
                sides
                    .iter()
                    .map(|s| format!("'{}' ({})", s.value, s.articles.join(", ")))
                    .collect::<Vec<_>>()
                    .join(" vs ")
            );
            let d = self.finish(Kind::Title, format!("title of {name}"), sides, explanation);
            out.discrepancies.push(d);
        }
    }

    /// The sides of figure groups, the majority first.
    fn figure_sides(&self, groups: Vec<FigureGroup>) -> Vec<Side> {
        let mut sides: Vec<Side> = groups
            .into_iter()
            .map(|g| {
                self.side(
                    most_common(&g.surfaces),
                    quantity::describe(g.rep),
                    &g.spans,
                )
            })
            .collect();
        sides.sort_by(majority_first);
        sides
    }

    /// One thing, two sums of money: "a €62.5 million contract" against "the contract, worth
    /// €26.5 million" (in one currency; figures that can both be right stand together). A side
    /// whose articles all give the other sum too is dropped, as in day conflicts: such an article
    /// speaks of two things.
    fn value_discrepancies(&self, out: &mut Outcome) {
        type Key<'a> = (&'a str, Option<&'a str>);
        let mut by_thing: BTreeMap<Key, Vec<(usize, &crate::model::ValueMention)>> =
            BTreeMap::new();
        // A sum another report gives as a change ("rose to $1.9 billion") is a later state.
        // ... in a sentence that names the thing ("The value of the deals ... rose to $1.9
        // billion").
        let updated = |v: &crate::model::ValueMention| {
            let word = v.thing.rsplit(' ').next().unwrap_or_default();
            self.changed_to.iter().any(|(x, u, sentence)| {
                (u.is_none() || u == &v.q.unit)
                    && (x - v.q.value).abs() < 1e-9
                    && sentence.contains(word)
            })
        };
        for (a, ex) in self.extractions.iter().enumerate() {
            for v in ex.values.iter().filter(|v| !updated(v)) {
                by_thing
                    .entry((v.thing.as_str(), v.q.unit.as_deref()))
                    .or_default()
                    .push((a, v));
            }
        }
        for ((thing, unit), mentions) in by_thing {
            let mut groups: Vec<FigureGroup> = Vec::new();
            for (a, v) in mentions {
                let span = self.sentence_span(a, v.sentence);
                add_figure(
                    &mut groups,
                    &v.q,
                    figure_as_written(self.rules, &v.text),
                    span,
                );
            }
            // A group whose articles all give another sum too is dropped.
            let sets: Vec<BTreeSet<usize>> = groups
                .iter()
                .map(|g| g.spans.iter().map(|s| s.article).collect())
                .collect();
            // A measure of matter one article gives two figures for ("will supply 600,000
            // tonnes of wheat", "will also donate 20,000 tonnes of wheat") is more than one
            // thing.
            let matter = unit.is_some_and(|u| !self.rules.numbers.is_currency_code(u));
            if matter
                && sets
                    .iter()
                    .enumerate()
                    .any(|(i, x)| sets[i + 1..].iter().any(|y| !x.is_disjoint(y)))
            {
                continue;
            }
            let drop = told_elsewhere(&sets);
            let groups: Vec<FigureGroup> = groups
                .into_iter()
                .zip(drop)
                .filter_map(|(g, d)| (!d).then_some(g))
                .collect();
            if groups.len() < 2 {
                continue;
            }
            let sides = self.figure_sides(groups);
            let explanation = format!(
                "One {thing}, incompatible sums: {}.",
                figures_listed(&sides)
            );
            let about = format!("value of the {thing} ({})", unit.unwrap_or_default());
            out.discrepancies
                .push(self.finish(Kind::Quantity, about, sides, explanation));
        }
    }

    /// One owner's site placed in two places neither of which contains the other ("its
    /// headquarters in Taichung" against "the company's headquarters in Hsinchu"). Places that
    /// contain one another agree; a side whose articles all place the site elsewhere too is
    /// dropped (an article naming two plants tells of two plants).
    fn site_discrepancies(&self, out: &mut Outcome) {
        let g = &self.rules.gazetteer;
        type Key<'a> = (&'a str, Option<&'a str>);
        // Per site: (place readings, surface, place index, evidence span).
        type Placed<'a> = (&'a [usize], &'a str, usize, Span);
        let mut by_site: BTreeMap<Key, Vec<Placed>> = BTreeMap::new();
        // A named site's name as first written.
        let mut names: BTreeMap<&str, &str> = BTreeMap::new();
        for (a, ex) in self.extractions.iter().enumerate() {
            // A site of no known owner could be anyone's.
            for s in ex.sites.iter().filter(|s| s.owner.is_some()) {
                let Some(p) = ex.places.iter().find(|p| p.span == s.place) else {
                    continue;
                };
                let readings = if p.candidates.is_empty() {
                    std::slice::from_ref(&p.place)
                } else {
                    &p.candidates[..]
                };
                if let (Some(o), Some(n)) = (&s.owner, &s.name) {
                    names.entry(o).or_insert(n);
                }
                by_site
                    .entry((s.site.as_str(), s.owner.as_deref()))
                    .or_default()
                    .push((
                        readings,
                        &p.text,
                        p.place,
                        self.sentence_span(a, s.sentence),
                    ));
            }
        }
        for ((site, owner), placed) in by_site {
            // Groups of mentions whose places agree (one contains the other).
            let mut groups: Vec<Vec<&Placed>> = Vec::new();
            for m in &placed {
                let fits = |x: &&Placed| g.any_within(x.0, m.0);
                match groups.iter_mut().find(|grp| grp.iter().all(fits)) {
                    Some(grp) => grp.push(m),
                    None => groups.push(vec![m]),
                }
            }
            if groups.len() < 2 {
                continue;
            }
            let sets: Vec<BTreeSet<usize>> = groups
                .iter()
                .map(|grp| grp.iter().map(|m| m.3.article).collect())
                .collect();
            let drop = told_elsewhere(&sets);
            let mut sides: Vec<Side> = groups
                .into_iter()
                .zip(drop)
                .filter(|(_, d)| !d)
                .map(|(grp, _)| {
                    let surfaces: Vec<String> = grp.iter().map(|m| m.1.to_string()).collect();
                    // The most precise place (within all the others) names the side.
                    let name = grp
                        .iter()
                        .map(|m| m.2)
                        .find(|&p| grp.iter().all(|x| g.within(p, x.2)))
                        .map_or_else(|| grp[0].1.to_string(), |p| g.places[p].name.clone());
                    let spans: Vec<Span> = grp.iter().map(|m| m.3).collect();
                    self.side(most_common(&surfaces), name, &spans)
                })
                .collect();
            if sides.len() < 2 {
                continue;
            }
            sides.sort_by(majority_first);
            let what = match owner {
                Some(o) => match names.get(o) {
                    Some(n) => format!("the {n} {site}"),
                    None => {
                        let name = self.org_names.get(o).map_or(o, String::as_str);
                        // "Marlow Foods' plant", "Veltra's plant".
                        let mark = if name.ends_with('s') { "'" } else { "'s" };
                        format!("{name}{mark} {site}")
                    }
                },
                None => format!("the {site}"),
            };
            let explanation = format!(
                "One site, {what}, placed in {}: neither place contains the other.",
                list_sides(&sides, |s| s.normalized.clone(), " and ")
            );
            let about = format!("where {what} is");
            out.discrepancies
                .push(self.finish(Kind::Where, about, sides, explanation));
        }
    }

    /// One office that has one holder per organisation ("Ferrovia's chief executive") given to
    /// two people. The person who holds it in fewer articles is the doubtful side: when the
    /// other reports give them another title, that is a `title` discrepancy ("Chief Executive"
    /// against "chair"); otherwise a `who` discrepancy between the two people.
    fn unique_office_discrepancies(&self, out: &mut Outcome) {
        type Holding<'a> = (String, usize, usize, &'a TitleMention);
        let mut holders: BTreeMap<&str, Vec<Holding>> = BTreeMap::new();
        for (a, ex) in self.extractions.iter().enumerate() {
            for t in &ex.titles {
                let unique = self
                    .rules
                    .titles
                    .get(&t.canonical)
                    .is_some_and(|x| x.unique);
                if let (false, true, Some(org)) = (t.past, unique, t.org.as_ref()) {
                    holders.entry(t.canonical.as_str()).or_default().push((
                        org.clone(),
                        self.person_map[a][t.person],
                        a,
                        t,
                    ));
                }
            }
        }
        let same_org = |x: &str, y: &str| {
            let (x, y) = (x.to_lowercase(), y.to_lowercase());
            x == y || x.starts_with(&format!("{y} ")) || y.starts_with(&format!("{x} "))
        };
        for (canon, hs) in holders {
            let persons: BTreeSet<usize> = hs.iter().map(|h| h.1).collect();
            for &p in &persons {
                for &q in persons.iter().filter(|&&q| q > p) {
                    let hp: Vec<&Holding> = hs.iter().filter(|h| h.1 == p).collect();
                    let hq: Vec<&Holding> = hs
                        .iter()
                        .filter(|h| h.1 == q && hp.iter().any(|x| same_org(&x.0, &h.0)))
                        .collect();
                    if hq.is_empty() {
                        continue;
                    }
                    let hp: Vec<&Holding> = hp
                        .into_iter()
                        .filter(|x| hq.iter().any(|h| same_org(&x.0, &h.0)))
                        .collect();
                    let arts = |v: &[&Holding]| v.iter().map(|h| h.2).collect::<BTreeSet<_>>();
                    let (ap, aq) = (arts(&hp), arts(&hq));
                    // The person's other current titles, in articles that do not give them
                    // this office: offices of their own (unique, or excluding this one), so
                    // that holding one tells against holding this ("chief executive", not
                    // "founder").
                    let others_of = |person: usize, own: &BTreeSet<usize>| {
                        let mut others: BTreeMap<String, (Vec<String>, Vec<Span>)> =
                            BTreeMap::new();
                        for (a, ex) in self.extractions.iter().enumerate() {
                            for t in &ex.titles {
                                let telling = self
                                    .rules
                                    .titles
                                    .get(&t.canonical)
                                    .is_some_and(|x| x.unique)
                                    || self.titles_exclude(&t.canonical, canon);
                                if self.person_map[a][t.person] == person
                                    && !t.past
                                    && t.canonical != canon
                                    && !own.contains(&a)
                                    && telling
                                {
                                    let e = others.entry(t.canonical.clone()).or_default();
                                    e.0.push(title_case(&t.surface));
                                    e.1.push(self.sentence_span(a, t.sentence));
                                }
                            }
                        }
                        others
                    };
                    let (others_p, others_q) = (others_of(p, &ap), others_of(q, &aq));
                    // The doubtful holder: fewer articles; on a tie, the one other articles
                    // give another office (else both are doubtful: report `who`).
                    let p_doubtful = match ap.len().cmp(&aq.len()) {
                        std::cmp::Ordering::Less => Some(true),
                        std::cmp::Ordering::Greater => Some(false),
                        std::cmp::Ordering::Equal => {
                            match (others_p.is_empty(), others_q.is_empty()) {
                                (false, true) => Some(true),
                                (true, false) => Some(false),
                                _ => None,
                            }
                        }
                    };
                    let (doubt, doubt_h, other, other_h, others) = if p_doubtful != Some(false) {
                        (p, &hp, q, &hq, others_p)
                    } else {
                        (q, &hq, p, &hp, others_q)
                    };
                    let org = doubt_h[0].0.trim_start_matches("c:").to_string();
                    let org_name = self
                        .rules
                        .gazetteer
                        .index_of(&org)
                        .map_or(org.clone(), |i| self.rules.gazetteer.places[i].name.clone());
                    let doubt_arts = arts(doubt_h);
                    let doubt_spans: Vec<Span> = doubt_h
                        .iter()
                        .map(|h| self.sentence_span(h.2, h.3.sentence))
                        .collect();
                    let other_spans: Vec<Span> = other_h
                        .iter()
                        .map(|h| self.sentence_span(h.2, h.3.sentence))
                        .collect();
                    let (dn, on) = (&self.persons[doubt].name, &self.persons[other].name);
                    // Two spellings of one name (Kittipong Rattanawong, Kittiphong
                    // Rattanawongse) in one office are one person the linker kept apart, not
                    // two holders.
                    if spellings_of_one_name(dn, on) {
                        continue;
                    }
                    let why = format!(
                        "{} is called {canon} of {org_name} in {}, but {} holds that office in {}",
                        dn,
                        doubt_arts
                            .iter()
                            .map(|&a| self.articles[a].id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        on,
                        arts(other_h)
                            .iter()
                            .map(|&a| self.articles[a].id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    let surfaces: Vec<String> =
                        doubt_h.iter().map(|h| title_case(&h.3.surface)).collect();
                    let d = match others.into_iter().max_by_key(|(_, v)| v.1.len()) {
                        Some((canon_other, (surf, spans))) if p_doubtful.is_some() => {
                            let sides = vec![
                                self.side(most_common(&surf), canon_other, &spans),
                                self.side(most_common(&surfaces), canon.to_string(), &doubt_spans),
                            ];
                            self.finish(
                                Kind::Title,
                                format!("title of {dn}"),
                                sides,
                                format!("{why}."),
                            )
                        }
                        _ => {
                            let sides = vec![
                                self.side(on.clone(), on.clone(), &other_spans),
                                self.side(dn.clone(), dn.clone(), &doubt_spans),
                            ];
                            self.finish(
                                Kind::Who,
                                format!("{canon} of {org_name}"),
                                sides,
                                format!("{why}."),
                            )
                        }
                    };
                    out.discrepancies.push(d);
                }
            }
        }
    }

    fn titles_exclude(&self, a: &str, b: &str) -> bool {
        let (pa, pb) = (a.strip_prefix("former "), b.strip_prefix("former "));
        match (pa, pb) {
            // Two former offices conflict only within one exclusive class ("former interior
            // minister" against "former defense minister"): a person may have held offices of
            // two classes one after the other (a judge, later a court's president).
            (Some(x), Some(y)) => {
                let t = &self.rules.titles;
                return x != y
                    && t.get_or_portfolio(x)
                        .zip(t.get_or_portfolio(y))
                        .is_some_and(|(tx, ty)| {
                            tx.classes.iter().any(|c| {
                                ty.classes.contains(c)
                                    && t.classes.get(c).is_some_and(|k| k.exclusive)
                            })
                        });
            }
            (None, None) => {}
            _ => return false,
        }
        let t = &self.rules.titles;
        // The title under its rank and level words ("deputy regional director" is a director
        // of rank "deputy" and a level), when the rest is a title of the lexicon.
        let base = |s: &str| -> (String, bool, Option<u8>) {
            let (mut rank, mut level) = (false, None);
            let mut rest = s;
            while t.get(rest).is_none() {
                let Some((m, r)) = rest.split_once(' ') else {
                    break;
                };
                match t.modifiers.get(m) {
                    Some(crate::rules::ModifierKind::Rank) => rank = true,
                    Some(&crate::rules::ModifierKind::Level(n)) => level = Some(n),
                    _ => break,
                }
                rest = r;
            }
            if t.get_or_portfolio(rest).is_some() {
                (rest.to_string(), rank, level)
            } else {
                (s.to_string(), false, None)
            }
        };
        let ((ba, ra, la), (bb, rb, lb)) = (base(a), base(b));
        if ba == bb {
            // "deputy foreign minister" vs "foreign minister": one is not the other.
            let rank = ra != rb
                && t.get_or_portfolio(&ba).is_some_and(|x| {
                    x.classes
                        .iter()
                        .any(|c| t.classes.get(c).is_some_and(|c| c.exclusive))
                });
            // "regional director" vs "national director": two offices.
            return rank || la.zip(lb).is_some_and(|(x, y)| x != y);
        }
        t.excludes(&ba, &bb)
    }

    fn quote_discrepancies(
        &self,
        out: &mut Outcome,
        node: &mut dyn FnMut(&mut ConflictGraph, Node) -> NodeIndex,
    ) {
        let mut by_speaker: BTreeMap<usize, Vec<SpeakerQuote>> = BTreeMap::new();
        for (a, ex) in self.extractions.iter().enumerate() {
            for (i, q) in ex.quotes.iter().enumerate() {
                let Some(sp) = q.speaker else { continue };
                // A number in words or digits is one word: "the last fifty" is "the last 50".
                let toks: Vec<String> = quote_tokens(&q.text)
                    .into_iter()
                    .map(|w| match self.rules.numbers.units.get(&w) {
                        Some(v) => v.to_string(),
                        None => w,
                    })
                    .collect();
                if toks.len() < 4 {
                    continue;
                }
                by_speaker
                    .entry(self.person_map[a][sp])
                    .or_default()
                    .push((a, i, q, toks));
            }
        }
        for (person, quotes) in by_speaker {
            // A part quoted of two wordings that disagree ("will be more dangerous than the
            // wind", the end of both) agrees with each and tells nothing between them: left
            // out, it does not join the two into one remark.
            let mut agree = vec![vec![false; quotes.len()]; quotes.len()];
            for x in 0..quotes.len() {
                agree[x][x] = true;
                for y in x + 1..quotes.len() {
                    let a = quote_similarity(&quotes[x].3, &quotes[y].3).1;
                    agree[x][y] = a;
                    agree[y][x] = a;
                }
            }
            let bridging = |x: usize| {
                let with: Vec<usize> = (0..quotes.len())
                    .filter(|&y| y != x && agree[x][y])
                    .collect();
                with.iter().any(|&y| {
                    with.iter().any(|&z| {
                        !agree[y][z]
                            && quotes[y].3.len() > quotes[x].3.len()
                            && quotes[z].3.len() > quotes[x].3.len()
                    })
                })
            };
            let kept: Vec<usize> = (0..quotes.len()).filter(|&x| !bridging(x)).collect();
            let quotes: Vec<_> = quotes
                .into_iter()
                .enumerate()
                .filter_map(|(i, q)| kept.binary_search(&i).is_ok().then_some(q))
                .collect();
            let n = quotes.len();
            // Remarks: quotations that agree (equal, or one quotes more of the same words).
            let mut remark_uf = UnionFind::<usize>::new(n);
            for x in 0..n {
                for y in x + 1..n {
                    if agree[kept[x]][kept[y]] {
                        remark_uf.union(x, y);
                    }
                }
            }
            let remark = remark_uf.into_labeling();
            let remarks: BTreeSet<usize> = remark.iter().copied().collect();
            // Best similarity between two remarks, over quotes from different articles.
            let sim = |ra: usize, rb: usize| -> f64 {
                let mut best = 0.0f64;
                for x in (0..n).filter(|&x| remark[x] == ra) {
                    for y in (0..n).filter(|&y| remark[y] == rb && quotes[y].0 != quotes[x].0) {
                        best = best.max(quote_similarity(&quotes[x].3, &quotes[y].3).0);
                    }
                }
                best
            };
            let best_of = |r: usize| -> Option<(usize, f64)> {
                remarks
                    .iter()
                    .filter(|&&o| o != r)
                    .map(|&o| (o, sim(r, o)))
                    .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            };
            // Join quotes x and y (and every quote of their remarks) into one discrepancy, with a
            // conflict edge between them in the graph.
            let mut join = |uf: &mut UnionFind<usize>,
                            out: &mut Outcome,
                            x: usize,
                            y: usize,
                            reason: String| {
                for (z, &rz) in remark.iter().enumerate() {
                    if rz == remark[x] {
                        uf.union(x, z);
                    }
                    if rz == remark[y] {
                        uf.union(y, z);
                    }
                }
                uf.union(x, y);
                let (nx, ny) = (
                    node(&mut out.graph, Node::Quote(quotes[x].0, quotes[x].1)),
                    node(&mut out.graph, Node::Quote(quotes[y].0, quotes[y].1)),
                );
                out.graph.add_edge(
                    nx,
                    ny,
                    Relation {
                        kind: Kind::Quote,
                        conflict: true,
                        update: false,
                        reason,
                    },
                );
            };
            let mut uf = UnionFind::<usize>::new(n);
            let mut any = false;
            let mut pairs: Vec<(usize, usize)> = Vec::new();
            for &ra in &remarks {
                let Some((rb, s)) = best_of(ra) else { continue };
                let loose = || {
                    (0..n).any(|x| {
                        remark[x] == ra
                            && (0..n).any(|y| {
                                remark[y] == rb
                                    && quotes[y].0 != quotes[x].0
                                    && near_rewording(&quotes[x].3, &quotes[y].3)
                            })
                    })
                };
                if rb < ra || (s < 0.6 && !loose()) || best_of(rb).map(|b| b.0) != Some(ra) {
                    continue;
                }
                let x = (0..n).find(|&x| remark[x] == ra).unwrap_or(0);
                let y = (0..n).find(|&y| remark[y] == rb).unwrap_or(0);
                join(
                    &mut uf,
                    out,
                    x,
                    y,
                    format!("near-identical wording differs (similarity {s:.2})"),
                );
                pairs.push((x, y));
                any = true;
            }
            // A remark left alone may still be another rendering of one that is flagged or
            // alone too: the same speaker's long remark with most of its content words in the
            // same order ("We're not expecting major results tomorrow. Honestly, ..." and "We
            // don't have high expectations of what will happen tomorrow. And frankly, ...").
            let joined: BTreeSet<usize> = pairs
                .iter()
                .flat_map(|&(x, y)| [remark[x], remark[y]])
                .collect();
            for &ra in &remarks {
                if joined.contains(&ra) {
                    continue;
                }
                let mut best: Option<(f64, usize, usize)> = None;
                for x in (0..n).filter(|&x| remark[x] == ra) {
                    for y in (0..n).filter(|&y| remark[y] != ra && quotes[y].0 != quotes[x].0) {
                        if let Some(s) = paraphrase_similarity(&quotes[x].3, &quotes[y].3) {
                            if best.is_none_or(|b| s > b.0) {
                                best = Some((s, x, y));
                            }
                        }
                    }
                }
                let Some((s, x, y)) = best else { continue };
                join(
                    &mut uf,
                    out,
                    x,
                    y,
                    format!("one remark in other words (content words in order {s:.2})"),
                );
                pairs.push((x, y));
                any = true;
            }
            if !any {
                continue;
            }
            let labels = uf.into_labeling();
            let mut groups: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
            for &(x, _) in &pairs {
                for z in 0..n {
                    if labels[z] == labels[x] {
                        groups.entry(labels[x]).or_default().insert(z);
                    }
                }
            }
            for members in groups.into_values() {
                let mut sides: BTreeMap<String, (String, Vec<Span>)> = BTreeMap::new();
                let mut by_remark: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
                for &m in &members {
                    by_remark.entry(remark[m]).or_default().push(m);
                }
                for ms in by_remark.values() {
                    // The side shows the shortest wording; longer ones quote more of it.
                    let shortest = *ms
                        .iter()
                        .min_by_key(|&&m| quotes[m].3.len())
                        .unwrap_or(&ms[0]);
                    let key = quotes[shortest].3.join(" ");
                    let e = sides.entry(key).or_insert_with(|| {
                        (
                            quotes[shortest]
                                .2
                                .text
                                .trim()
                                .trim_end_matches([',', ';', ':'])
                                .to_string(),
                            Vec::new(),
                        )
                    });
                    for &m in ms {
                        e.1.push(quotes[m].2.span);
                    }
                }
                if sides.len() < 2 {
                    continue;
                }
                let mut out_sides: Vec<Side> = sides
                    .into_iter()
                    .map(|(k, (text, spans))| self.side(text, k, &spans))
                    .collect();
                out_sides.sort_by(majority_first);
                let diff = word_diff(&out_sides[0].normalized, &out_sides[1].normalized);
                let name = &self.persons[person].name;
                let explanation = if out_sides.len() > 2 {
                    format!(
                        "One remark by {name} quoted {} ways; the first two: {diff}.",
                        out_sides.len()
                    )
                } else {
                    format!("One remark by {name} quoted in different words: {diff}.")
                };
                let d = self.finish(
                    Kind::Quote,
                    format!("quote of {name}"),
                    out_sides,
                    explanation,
                );
                out.discrepancies.push(d);
            }
        }
    }
}

/// Whether two full names are spellings of one: the same number of words, each pair of words
/// variants of one name ([`crate::text::name_variants`]) or equal once "h" is dropped
/// (Kittipong / Kittiphong), or a long word (eight letters or more) with up to two letters added
/// at its end (Rattanawong / Rattanawongse). Kim Young-min and Kim Young-soo, Marko and Mirko
/// Horvat, Luis and Luisa Fernández are other people.
fn spellings_of_one_name(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    wa.len() == wb.len()
        && wa.iter().zip(&wb).all(|(x, y)| {
            let strip = |w: &str| -> String {
                crate::text::fold(w).chars().filter(|&c| c != 'h').collect()
            };
            let (sx, sy) = (strip(x), strip(y));
            let (short, long) = if sx.len() <= sy.len() {
                (&sx, &sy)
            } else {
                (&sy, &sx)
            };
            crate::text::name_variants(x, y)
                || sx == sy
                || (short.len() >= 8
                    && long.starts_with(short.as_str())
                    && long.len() - short.len() <= 2)
        })
}

/// Pairs (i, j) of quantities of `a` and `b` that count the same thing: the same unit, the same
/// holder (or neither names one), and the same head noun unless each claim has only one figure of
/// that unit for that holder.
pub fn comparable_quantities(rules: &Rules, a: &Event, b: &Event) -> Vec<(usize, usize)> {
    let (ca, cb) = (a.claim, b.claim);
    let holder = |e: &Event, i: usize| e.holders.get(i).cloned().flatten();
    let count = |e: &Event, unit: &Option<String>, h: &Option<String>| {
        e.claim
            .quantities
            .iter()
            .enumerate()
            .filter(|(i, q)| !q.update && &q.q.unit == unit && &holder(e, *i) == h)
            .count()
    };
    // A side of a vote tally ("votes for", "votes against") compares with the same side only.
    let tally = |m: &Option<String>| m.as_deref().is_some_and(|m| m.starts_with("votes "));
    let mut out = Vec::new();
    for (i, qa) in ca.quantities.iter().enumerate() {
        if qa.update || qa.q.unit.is_none() {
            continue;
        }
        if tally(&qa.measure) {
            out.extend(
                cb.quantities
                    .iter()
                    .enumerate()
                    .filter(|(_, qb)| !qb.update && qb.measure == qa.measure)
                    .map(|(j, _)| (i, j)),
            );
            continue;
        }
        let ha = holder(a, i);
        // A figure with no holder is ambiguous beside figures of its unit that have one
        // ("53.8% ... Wróbel's 46.2%").
        let held = |e: &Event, unit: &Option<String>| {
            e.claim
                .quantities
                .iter()
                .enumerate()
                .any(|(k, q)| &q.q.unit == unit && holder(e, k).is_some())
        };
        // So is one in an event between parties (a vote, a match): it could be anyone's.
        let several = rules.predicates[ca.class].parties;
        // ... except the winning margin, which is the event's own.
        let margin = qa.measure.as_deref() == Some("margin");
        if ha.is_none() && !margin && (several || held(a, &qa.q.unit)) {
            continue;
        }
        for (j, qb) in cb.quantities.iter().enumerate() {
            if tally(&qb.measure) {
                continue;
            }
            // Holders must agree; a figure without one still compares with a held one when its
            // own claim holds no figure of that unit ("The Czech earned €124,000" against
            // "Dvořáková collected €142,000"), except in events between parties.
            let hb = holder(b, j);
            // ... and only when the other claim names a single holder for the unit.
            let holders = |e: &Event, unit: &Option<String>| {
                let mut v: Vec<String> = e
                    .claim
                    .quantities
                    .iter()
                    .enumerate()
                    .filter(|(k, q)| &q.q.unit == unit && holder(e, *k).is_some())
                    .filter_map(|(k, _)| holder(e, k))
                    .collect();
                v.sort();
                v.dedup();
                v.len()
            };
            let one_sided = (ha.is_none() && !held(a, &qa.q.unit) && holders(b, &qb.q.unit) <= 1)
                || (hb.is_none() && !held(b, &qb.q.unit) && holders(a, &qa.q.unit) <= 1);
            if margin {
                // The margin is the winner's over the rest: whoever is named beside it
                // ("beating Kollárová by 0.14 seconds") is no holder.
                if qb.update || qb.q.unit != qa.q.unit || qb.measure != qa.measure {
                    continue;
                }
            } else if qb.update || qb.q.unit != qa.q.unit || ((several || !one_sided) && hb != ha) {
                continue;
            }
            // Different measures of one unit ("a depth of 12 km", "90 km north of") never compare.
            if let (Some(ma), Some(mb)) = (&qa.measure, &qb.measure) {
                if ma != mb {
                    continue;
                }
            }
            // Figures inside a repeated act (what one person says) compare only when both say
            // what they measure, and say the same.
            if rules.predicates[ca.class].repeat
                && (qa.measure.is_none() || qa.measure != qb.measure)
            {
                continue;
            }
            // Within one article, "two officers" and "three passengers" count different people
            // ("121 people" and "112 passengers" may count the same ones; across outlets,
            // "2,300 members" and "4,300 dockworkers" can be one count).
            if let (Some(na), Some(nb)) = (&qa.q.noun, &qb.q.noun) {
                if ca.article == cb.article
                    && na != nb
                    && !rules.generic_nouns.contains(na)
                    && !rules.generic_nouns.contains(nb)
                {
                    continue;
                }
            }
            let single = count(a, &qa.q.unit, &ha) == 1 && count(b, &qb.q.unit, &hb) == 1;
            if (qa.q.noun.is_some() && qa.q.noun == qb.q.noun) || single {
                out.push((i, j));
            }
        }
    }
    out
}

/// Figures that can both be right ("about 1,800" and "1,800") stand together; the most precise
/// one names the group.
struct FigureGroup<'q> {
    rep: &'q quantity::QuantityMention,
    surfaces: Vec<String>,
    spans: Vec<Span>,
}

/// Put a figure in the first group it is compatible with, or in a new one.
fn add_figure<'q>(
    groups: &mut Vec<FigureGroup<'q>>,
    q: &'q quantity::QuantityMention,
    surface: String,
    span: Span,
) {
    let exact = |m: &quantity::QuantityMention| m.qualifier == quantity::Qualifier::Exact;
    match groups.iter_mut().find(|g| quantity::compatible(g.rep, q)) {
        Some(g) => {
            if exact(q) && !exact(g.rep) {
                g.rep = q;
            }
            g.surfaces.push(surface);
            g.spans.push(span);
        }
        None => groups.push(FigureGroup {
            rep: q,
            surfaces: vec![surface],
            spans: vec![span],
        }),
    }
}

/// For each side (its articles), whether every one of its articles stands on another side too:
/// such articles tell of two days, places or sums, most often of two things, so the side is no
/// side of one thing.
fn told_elsewhere<A: Ord>(sides: &[BTreeSet<A>]) -> Vec<bool> {
    sides
        .iter()
        .enumerate()
        .map(|(i, s)| {
            s.iter().all(|a| {
                sides
                    .iter()
                    .enumerate()
                    .any(|(j, o)| j != i && o.contains(a))
            })
        })
        .collect()
}

/// "€62.5 million (a1, a2) vs €26.5 million (a4)".
fn figures_listed(sides: &[Side]) -> String {
    sides
        .iter()
        .map(|s| format!("{} ({})", s.value, s.articles.join(", ")))
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// Whether two claims with a shared participant give the same sum of money, stated as a plain
/// fact: a fine or a payment of €38.6 million and one of "about €39 million" are one act, so two
/// days for it conflict.
fn same_sum(rules: &Rules, a: &Event, b: &Event) -> bool {
    let money = |s: &&crate::model::QuantitySlot| {
        !s.update
            && s.q.value >= 1000.0
            && s.q
                .unit
                .as_deref()
                .is_some_and(|u| rules.numbers.is_currency_code(u))
    };
    a.asserted
        && b.asserted
        && a.actors.iter().any(|x| b.actors.contains(x))
        && a.claim.quantities.iter().filter(money).any(|x| {
            b.claim
                .quantities
                .iter()
                .filter(money)
                .any(|y| x.q.unit == y.q.unit && quantity::compatible(&x.q, &y.q))
        })
}

/// Comparable pairs whose figures cannot both be right, for quantities of `a` that have no
/// compatible counterpart in `b`.
pub fn quantity_conflicts(
    rules: &Rules,
    updates: &[(f64, Option<String>)],
    a: &Event,
    b: &Event,
) -> Vec<(usize, usize)> {
    let pairs = comparable_quantities(rules, a, b);
    let (ca, cb) = (a.claim, b.claim);
    // A figure another report gives as an update ("rose to four") is the later state of the
    // count, not a contradiction of the earlier one.
    let updated = |q: &quantity::QuantityMention| {
        updates
            .iter()
            .any(|(v, u)| (u.is_none() || u == &q.unit) && (v - q.value).abs() < 1e-9)
    };
    let pairs: Vec<(usize, usize)> = pairs
        .into_iter()
        .filter(|&(i, j)| !updated(&ca.quantities[i].q) && !updated(&cb.quantities[j].q))
        .collect();
    pairs
        .iter()
        .copied()
        .filter(|&(i, j)| !quantity::compatible(&ca.quantities[i].q, &cb.quantities[j].q))
        .filter(|&(i, _)| {
            !pairs.iter().any(|&(x, y)| {
                x == i && quantity::compatible(&ca.quantities[x].q, &cb.quantities[y].q)
            })
        })
        .collect()
}

/// The figure of a quantity as written, without its qualifier and noun: "at least 14 people"
/// gives "14", "€3.6 billion including" gives "€3.6 billion", "about NT$4.2 billion" gives
/// "NT$4.2 billion".
pub fn figure_as_written(rules: &Rules, surface: &str) -> String {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let numeric = |w: &str| {
        let l = w.to_lowercase();
        let l = l.trim_end_matches([',', '.']);
        w.chars().any(|c| c.is_ascii_digit())
            || rules.numbers.units.contains_key(l)
            || rules.numbers.scales.contains_key(l)
            || rules.numbers.currencies.contains_key(l) && !l.chars().all(char::is_alphabetic)
            || l == "%"
            || l.contains('-') && l.split('-').all(|p| rules.numbers.units.contains_key(p))
    };
    let Some(first) = words.iter().position(|w| numeric(w)) else {
        return surface.to_string();
    };
    let mut end = first;
    while end < words.len() && numeric(words[end]) {
        end += 1;
    }
    let figure = words[first..end].join(" ");
    if figure.is_empty() {
        surface.to_string()
    } else {
        figure
    }
}

/// A quotation of one speaker: (article, index, mention, comparison words).
type SpeakerQuote<'a> = (usize, usize, &'a QuoteMention, Vec<String>);

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f)
                    if w.chars().all(|x| x.is_lowercase() || !x.is_alphabetic())
                        && !matches!(w, "of" | "the" | "for" | "and") =>
                {
                    f.to_uppercase().collect::<String>() + c.as_str()
                }
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn most_common(v: &[String]) -> String {
    let mut counts: BTreeMap<&String, usize> = BTreeMap::new();
    for s in v {
        *counts.entry(s).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.len().cmp(&a.0.len())))
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

/// Words of a quotation for comparison: lowercase, curly quotes folded, contractions expanded,
/// punctuation dropped.
pub fn quote_tokens(q: &str) -> Vec<String> {
    let folded = q.replace(['’', '‘'], "'").to_lowercase();
    let mut out = Vec::new();
    for raw in folded.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let w = raw.trim_matches('\'');
        if w.is_empty() {
            continue;
        }
        let expanded: &[&str] = match w {
            "won't" => &["will", "not"],
            "can't" => &["can", "not"],
            "shan't" => &["shall", "not"],
            "i'm" => &["i", "am"],
            _ => &[],
        };
        if !expanded.is_empty() {
            out.extend(expanded.iter().map(|s| s.to_string()));
            continue;
        }
        if let Some(stem) = w.strip_suffix("n't") {
            out.push(stem.to_string());
            out.push("not".into());
        } else if let Some(stem) = w.strip_suffix("'re") {
            out.push(stem.to_string());
            out.push("are".into());
        } else if let Some(stem) = w.strip_suffix("'ll") {
            out.push(stem.to_string());
            out.push("will".into());
        } else if let Some(stem) = w.strip_suffix("'ve") {
            out.push(stem.to_string());
            out.push("have".into());
        } else if let Some(stem) = w.strip_suffix("'d") {
            out.push(stem.to_string());
            out.push("would".into());
        } else if let Some(stem) = w.strip_suffix("'s") {
            out.push(stem.to_string());
            out.push("is".into());
        } else {
            out.push(w.to_string());
        }
    }
    out
}

fn is_subsequence_contiguous(short: &[String], long: &[String]) -> bool {
    short.is_empty() || long.windows(short.len()).any(|w| w == short)
}

/// Function words left out when comparing the content of two quotations.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "it's", "this",
    "that", "these", "those", "i", "we", "you", "he", "she", "they", "me", "us", "him", "her",
    "them", "my", "our", "your", "his", "their", "what", "which", "who", "so", "not", "no", "do",
    "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may",
    "might", "must", "just", "very", "really", "also", "too", "than", "then", "now", "only",
    "even", "about", "into", "over", "out", "up", "down", "all", "any", "some", "more", "most",
    "there", "here", "am", "we're", "i'm", "don't", "it's", "that's", "there's",
];

/// A quotation's words that are not [`FUNCTION_WORDS`].
fn content_words(q: &[String]) -> impl Iterator<Item = &String> {
    q.iter().filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
}

/// The share of the shorter quotation's content words found, in order, in the other, when both
/// are long (ten content words or more) and of like length (the shorter at least three quarters
/// of the other): two renderings of one remark keep its substance and its order. `None` when the
/// quotations are too short or too unequal to tell, or share less than 45%: different remarks
/// of one speaker in the example stories share at most 43%, and then only unequal ones.
pub fn paraphrase_similarity(a: &[String], b: &[String]) -> Option<f64> {
    let content = |q: &[String]| -> Vec<String> { content_words(q).cloned().collect() };
    let (ca, cb) = (content(a), content(b));
    let (short, long) = if ca.len() <= cb.len() {
        (ca, cb)
    } else {
        (cb, ca)
    };
    if short.len() < 10 || short.len() * 4 < long.len() * 3 {
        return None;
    }
    let s = lcs(&short, &long) as f64 / short.len() as f64;
    (s >= 0.45).then_some(s)
}

/// Whether two quotations of nine words or more keep most of one wording (55% of the shorter's
/// words in order) and two content words of it: "We are fighting the clock and the weather" and
/// "We are racing against time and against the weather".
///
/// So are two of eight words or more that open with the same four words or more, three of them
/// content words, and go on differently ("Nobody was seriously hurt, and that is the only result
/// that matters" and "Nobody was seriously hurt, but I will not pretend ..."); a speaker's stock
/// opening ("The government will never ...") has fewer.
fn near_rewording(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let content = |q: &[String]| -> BTreeSet<String> { content_words(q).cloned().collect() };
    let opening = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let stock = |w: &String| !matches!(w.as_str(), "never" | "always" | "ever" | "again" | "still");
    if short.len() >= 8
        && opening >= 4
        && content(&short[..opening])
            .iter()
            .filter(|w| stock(w))
            .count()
            >= 3
    {
        return true;
    }
    if short.len() < 9 || (lcs(short, long) as f64) < 0.55 * short.len() as f64 {
        return false;
    }
    content(short).intersection(&content(long)).count() >= 2
}

fn lcs(a: &[String], b: &[String]) -> usize {
    if a.len() > 400 || b.len() > 400 {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Similarity of two quotations in [0, 1] and whether they agree (equal, or one quotes more of
/// the same words).
pub fn quote_similarity(a: &[String], b: &[String]) -> (f64, bool) {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if is_subsequence_contiguous(short, long) {
        return (1.0, true);
    }
    // Short quotations ("a theater prop", "we will rebuild every home") are labels or
    // slogans: too short to tell a rewording from another remark.
    if short.len() < 6 {
        return (0.0, false);
    }
    (lcs(short, long) as f64 / short.len() as f64, false)
}

fn word_diff(a: &str, b: &str) -> String {
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    let mut only_a: Vec<&str> = Vec::new();
    for w in wa.iter().filter(|w| !wb.contains(w)) {
        if !only_a.contains(w) {
            only_a.push(w);
        }
    }
    let mut only_b: Vec<&str> = Vec::new();
    for w in wb.iter().filter(|w| !wa.contains(w)) {
        if !only_b.contains(w) {
            only_b.push(w);
        }
    }
    let show = |v: &[&str]| {
        if v.is_empty() {
            "nothing".to_string()
        } else {
            format!("'{}'", v.join(" "))
        }
    };
    format!(
        "one version has {} where the other has {}",
        show(&only_a),
        show(&only_b)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_matching() {
        let a = quote_tokens("Look, nothing is going to change until the board and I sit down.");
        let b = quote_tokens("Nothing’s going to change until the board and I sit down, okay?");
        let (s, agree) = quote_similarity(&a, &b);
        assert!(!agree && s > 0.8, "{s}");
        let c = quote_tokens("a clown");
        let d = quote_tokens("clown");
        assert!(quote_similarity(&c, &d).1);
        let e = quote_tokens("dummy delegation");
        let f = quote_tokens("theater prop");
        assert!(!quote_similarity(&e, &f).1 && quote_similarity(&e, &f).0 < 0.6);
    }

    #[test]
    fn figures_as_written() {
        let r = Rules::defaults();
        assert_eq!(figure_as_written(&r, "at least 14 people"), "14");
        assert_eq!(figure_as_written(&r, "€3.6 billion"), "€3.6 billion");
        assert_eq!(figure_as_written(&r, "About 2,300 members"), "2,300");
        assert_eq!(figure_as_written(&r, "nine people"), "nine");
        assert_eq!(figure_as_written(&r, "61.4%"), "61.4%");
    }

    #[test]
    fn sources() {
        let a = Article::new("x", "").with_outlet("citing AP");
        let b = Article::new("y", "").with_outlet("AP");
        assert_eq!(source_key(&a), source_key(&b));
    }
}
