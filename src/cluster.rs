//! Clustering: which event claims state the same fact.
//!
//! Claims are compared only when they share a blocking key: predicate class plus one
//! participant, class plus the country of the place, or (for classes with claims that name no
//! one) the class alone; within a key, only claims whose time windows fall in one week bucket,
//! and timeless claims with the rest of their key. Oversized blocks are compared within a sliding
//! window in claim order ([`MAX_BLOCK`], [`NEIGHBOURS`]). Pairs that pass [`same_event`] are
//! joined with petgraph's union-find.
//!
//! # Complexity
//! O(Σ min(b², b·[`NEIGHBOURS`])) comparisons over blocks of size b, so linear in the number of
//! claims for a bounded number of keys per claim; `examples/cluster_scale.rs` measures it.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use petgraph::unionfind::UnionFind;

use crate::extract::time::{Granularity, Resolved};
use crate::model::EventClaim;
use crate::rules::Rules;

/// An event claim ready for comparison: actors as corpus-wide keys.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// The claim.
    pub claim: &'a EventClaim,
    /// Corpus-wide actor keys, sorted.
    pub actors: Vec<String>,
    /// The article's publication date.
    pub published: Option<Date>,
    /// Corpus-wide key of each quantity's holder (parallel to the claim's quantities).
    pub holders: Vec<Option<String>>,
    /// The head word of what the act is about ("fraud" in "convicted of fraud", "merger" in
    /// "approved the merger"), if the words after the trigger say.
    pub object: Option<String>,
    /// Stated as a plain fact with a verb ("was acquitted", "rejected"), not a noun ("her
    /// conviction"), an infinitive ("allow Rome to block") or a modal or past perfect ("could
    /// reject", "had won"): only such claims can state opposite outcomes.
    pub asserted: bool,
    /// Corpus-wide key of the claim's agent ([`EventClaim::agent`]), if a verb names one.
    pub agent: Option<String>,
}

/// Whether a trigger, given the words before it, states its act as a plain fact: not after
/// "to", a modal verb or "had" (with "been" between, too).
pub fn plainly_stated(before_trigger: &str) -> bool {
    const HEDGE: &[&str] = &[
        "to", "could", "would", "may", "might", "can", "should", "must", "will", "had", "not",
        "never",
    ];
    let mut words = before_trigger.split_whitespace().rev().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    match words.next() {
        Some(w) if w == "been" || w == "be" => {
            words.next().is_none_or(|w| !HEDGE.contains(&w.as_str()))
        }
        Some(w) => !HEDGE.contains(&w.as_str()),
        None => true,
    }
}

/// The head word of what an act is about, from the words after its trigger: the word after
/// "of" when one comes within four words ("convicted Daniel Price of fraud"), else the last word
/// of the phrase before a preposition or punctuation ("approved the merger on Monday").
pub fn object_of(after_trigger: &str) -> Option<String> {
    const STOP: &[&str] = &[
        "by",
        "at",
        "in",
        "on",
        "for",
        "after",
        "with",
        "to",
        "from",
        "and",
        "but",
        "as",
        "over",
        "last",
        "this",
        "earlier",
        "yesterday",
        "today",
        "because",
        "when",
        "while",
        "which",
        "that",
        "who",
    ];
    const SKIP: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "all", "two", "both",
    ];
    let mut words: Vec<String> = Vec::new();
    for raw in after_trigger.split_whitespace().take(10) {
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let ends_clause = raw.ends_with([',', '.', ';', ':']);
        if w.is_empty() || STOP.contains(&w.as_str()) {
            break;
        }
        words.push(w);
        if ends_clause {
            break;
        }
    }
    if let Some(k) = words.iter().take(4).position(|w| w == "of") {
        return words[k + 1..]
            .iter()
            .find(|w| !SKIP.contains(&w.as_str()))
            .cloned();
    }
    words
        .into_iter()
        .rev()
        .find(|w| !SKIP.contains(&w.as_str()))
}

/// Days within which two dates can still be one event misdated.
pub const SAME_EVENT_WINDOW_DAYS: i32 = 7;

/// Relation of two claims' days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRel {
    /// The same day (or one inside the other).
    Same,
    /// Different days, close enough to be one event misdated.
    DisjointNear,
    /// Far apart: different events.
    Far,
    /// Not comparable.
    Unknown,
}

fn interval(r: &Resolved) -> Option<(Date, Date, Granularity)> {
    match r {
        Resolved::Value(v) => Some((v.start, v.end, v.granularity)),
        Resolved::Unresolved { .. } => None,
    }
}

fn gap_days(a: (Date, Date), b: (Date, Date)) -> i32 {
    if a.1 < b.0 {
        (b.0 - a.1).get_days()
    } else if b.1 < a.0 {
        (a.0 - b.1).get_days()
    } else {
        0
    }
}

/// Compare two time slots' values (own or inherited).
pub fn day_rel(a: &Resolved, b: &Resolved) -> DayRel {
    let (Some(x), Some(y)) = (interval(a), interval(b)) else {
        return DayRel::Unknown;
    };
    let gap = gap_days((x.0, x.1), (y.0, y.1));
    if gap == 0 {
        return DayRel::Same;
    }
    let fine = |g: Granularity| g >= Granularity::Day;
    if fine(x.2) && fine(y.2) && gap <= SAME_EVENT_WINDOW_DAYS {
        DayRel::DisjointNear
    } else {
        DayRel::Far
    }
}

/// The days an event can have happened on: its time, or without one the week before its
/// article's publication and the next few days. A vague or unresolved time says nothing. A lasting
/// event (an outbreak that "began in late January") runs on to the publication date when it
/// began within two months of it; older ones are background.
fn event_window(rules: &Rules, e: &Event) -> Option<(Date, Date)> {
    let durative =
        rules.predicates[e.claim.class].durative || e.claim.when.as_ref().is_some_and(|w| w.since);
    match e.claim.when.as_ref().and_then(|w| interval(&w.value)) {
        Some((s, end, _)) if durative && e.published.is_some_and(|p| (p - s).get_days() <= 60) => {
            Some((s, e.published.map_or(end, |p| p.max(end))))
        }
        Some((s, e, _)) => Some((s, e)),
        None => e.published.map(|p| {
            (
                p.checked_sub(jiff::Span::new().days(7)).unwrap_or(p),
                p.checked_add(jiff::Span::new().days(3)).unwrap_or(p),
            )
        }),
    }
}

/// Whether a claim's time (or, without one, its article's publication date) puts it far from
/// another's: background events ("in March 2019, a similar crash ...") never merge with the story.
fn far(rules: &Rules, a: &Event, b: &Event) -> bool {
    match (event_window(rules, a), event_window(rules, b)) {
        (Some(x), Some(y)) => gap_days(x, y) > SAME_EVENT_WINDOW_DAYS,
        _ => false,
    }
}

/// Jaccard similarity of two sorted key lists.
pub fn jaccard(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let sa: BTreeSet<&String> = a.iter().collect();
    let sb: BTreeSet<&String> = b.iter().collect();
    let inter = sa.intersection(&sb).count() as f64;
    let union = sa.union(&sb).count() as f64;
    inter / union
}

/// Whether two actor sets name the same participants: identical, or at least two shared and a
/// Jaccard similarity of at least 0.5. One shared actor out of two or three is too weak
/// ({France} and {France, Dupont} are different meetings).
pub fn actors_match(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let shared = a.iter().filter(|x| b.contains(x)).count();
    shared >= 2 && jaccard(a, b) >= 0.5
}

/// Place relation of two claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceRel {
    /// Equal or one contains the other.
    Compatible,
    /// Neither contains the other.
    Incompatible,
    /// One or both missing.
    Unknown,
}

fn readings(w: &crate::model::WhereSlot) -> &[usize] {
    if w.candidates.is_empty() {
        std::slice::from_ref(&w.place)
    } else {
        &w.candidates
    }
}

/// Compare the places of two claims.
pub fn place_rel(rules: &Rules, a: &EventClaim, b: &EventClaim) -> PlaceRel {
    match (&a.place, &b.place) {
        (Some(x), Some(y)) => {
            // Every reading of an unresolved name counts: "Paris" (France or Texas) agrees with
            // both, and conflicts only with a place that no reading fits.
            let g = &rules.gazetteer;
            let (xs, ys) = (readings(x), readings(y));
            if g.any_within(xs, ys) {
                PlaceRel::Compatible
            } else {
                PlaceRel::Incompatible
            }
        }
        _ => PlaceRel::Unknown,
    }
}

/// Whether two claims can describe one event.
pub fn same_event(rules: &Rules, a: &Event, b: &Event) -> bool {
    let (ca, cb) = (a.claim, b.claim);
    if ca.class != cb.class {
        // Opposite outcomes (convicted / acquitted) are one event for a shared participant; an
        // event between parties (won / lost) only when each names the same one party alone.
        if !rules.opposed(ca.class, cb.class) || !a.actors.iter().any(|x| b.actors.contains(x)) {
            return false;
        }
        let parties = rules.predicates[ca.class].parties || rules.predicates[cb.class].parties;
        if parties && (a.actors.len() != 1 || a.actors != b.actors) {
            return false;
        }
        // Acquitted of murder, convicted of manslaughter: two charges, two verdicts.
        if !a.asserted || !b.asserted || (ca.article == cb.article && ca.sentence == cb.sentence) {
            return false;
        }
        if let (Some(x), Some(y)) = (&a.object, &b.object) {
            if x != y {
                return false;
            }
        }
    }
    let repeat = repeated(rules, a, b);
    let places = place_rel(rules, ca, cb);
    // A repeated act (saying, visiting) is known by who does it: without a named actor on
    // both sides there is nothing to compare.
    if (repeat || rules.predicates[ca.class].agent) && (a.actors.is_empty() || b.actors.is_empty())
    {
        return false;
    }
    match (a.actors.is_empty(), b.actors.is_empty()) {
        (true, true) => {}
        (false, false) => {
            // A once-per-participant event (a sentencing, an election) is one event for one
            // shared participant; so is a body's act on one day (the board's meeting on Sunday).
            let shared = a.actors.iter().any(|x| b.actors.contains(x));
            // ... and so is an event between parties with one agent on one day (the winner
            // of Saturday's race, whoever else each report names).
            // ... or the same count won on near days ("won 71 votes" on Monday or Tuesday).
            let parties_agent = rules.predicates[ca.class].parties
                && ca.class == cb.class
                && a.agent.is_some()
                && a.agent == b.agent
                && (same_day(a, b) || same_count(rules, a, b))
                && places != PlaceRel::Incompatible;
            if !(actors_match(&a.actors, &b.actors)
                || rules.predicates[ca.class].once && shared
                || shared_body_same_day(rules, a, b)
                || parties_agent)
            {
                return false;
            }
        }
        _ => {
            // One side names participants, the other none ("the crash killed 11 people"):
            // allowed for events that are not repeated acts, unless place or day disagree.
            if repeat || places == PlaceRel::Incompatible {
                return false;
            }
        }
    }
    if far(rules, a, b) {
        return false;
    }
    let days = match (&ca.when, &cb.when) {
        (Some(x), Some(y)) => day_rel(&x.value, &y.value),
        _ => DayRel::Unknown,
    };
    if days == DayRel::Far {
        return false;
    }
    if days == DayRel::DisjointNear && places == PlaceRel::Incompatible {
        return false;
    }
    if repeat
        && (days == DayRel::DisjointNear
            || (places == PlaceRel::Incompatible && days != DayRel::Same))
    {
        return false;
    }
    true
}

/// Whether two claims state the same count of the same things, five or more and not of people
/// ("knocked the group's six hospitals offline" / "shut down six hospitals"): one act.
pub fn same_count(rules: &Rules, a: &Event, b: &Event) -> bool {
    let count = |s: &&crate::model::QuantitySlot| {
        !s.update
            && s.q.value >= 5.0
            && s.q.qualifier == crate::extract::quantity::Qualifier::Exact
            && s.q.unit.as_deref().is_some_and(|u| {
                u != "people"
                    && !rules.numbers.is_currency_code(u)
                    && !crate::extract::is_time_unit(Some(u))
                    && u != "seconds"
                    && u != "percent"
            })
    };
    a.claim.quantities.iter().filter(count).any(|x| {
        b.claim
            .quantities
            .iter()
            .filter(count)
            .any(|y| x.q.unit == y.q.unit && (x.q.value - y.q.value).abs() < 1e-9)
    })
}

/// Whether two claims share a body ("o:board", "o:ligura board": [`Rules::bodies`]) as a
/// participant and fall on the same day: a body meets or acts once a day.
pub fn shared_body_same_day(rules: &Rules, a: &Event, b: &Event) -> bool {
    same_day(a, b)
        && a.actors
            .iter()
            .any(|x| is_body_key(rules, x) && b.actors.contains(x))
}

/// Whether both claims state one day, to the day or finer.
fn same_day(a: &Event, b: &Event) -> bool {
    match (&a.claim.when, &b.claim.when) {
        (Some(x), Some(y)) => {
            let day = |r: &Resolved| {
                matches!(r, Resolved::Value(v)
                    if v.granularity >= Granularity::Day)
            };
            day_rel(&x.value, &y.value) == DayRel::Same && day(&x.value) && day(&y.value)
        }
        _ => false,
    }
}

/// Whether a participant key names a body ("o:board", "o:ligura board": [`Rules::bodies`]).
pub fn is_body_key(rules: &Rules, key: &str) -> bool {
    key.strip_prefix("o:").is_some_and(|o| {
        o.rsplit(' ')
            .next()
            .is_some_and(|w| rules.bodies.contains(w))
    })
}

/// The same participants doing one act to the same thing, each stated as a plain fact
/// ("parliament approved the budget on Tuesday" / "... on Wednesday"): strong identity.
pub fn same_act_on_same_thing(a: &Event, b: &Event) -> bool {
    actors_match(&a.actors, &b.actors)
        && a.asserted
        && b.asserted
        && a.object.is_some()
        && a.object == b.object
}

/// Whether an act one actor repeats counts as done once here: a visit of the same participants
/// to the same thing ("toured the crash site on Friday" / "on Saturday").
pub fn repeated(rules: &Rules, a: &Event, b: &Event) -> bool {
    let class = &rules.predicates[a.claim.class];
    class.repeat && !(class.place_object && same_act_on_same_thing(a, b))
}

/// Clusters of events (indices into `events`) and the directly compatible pairs.
#[derive(Debug, Clone, Default)]
pub struct Clustering {
    /// Each cluster's members, sorted; clusters sorted by first member.
    pub clusters: Vec<Vec<usize>>,
    /// Pairs `(i, j)`, `i < j`, that passed [`same_event`].
    pub pairs: Vec<(usize, usize)>,
    /// How many distinct pairs the blocking let through to [`same_event`].
    pub compared: usize,
}

/// Days per time bucket of the blocking keys.
const BUCKET_DAYS: i32 = SAME_EVENT_WINDOW_DAYS;
/// Buckets an event may span before it counts as timeless (a year-long "in 2025").
const MAX_BUCKETS: i32 = 60;
/// A block larger than this is compared within a sliding window ([`NEIGHBOURS`]).
pub const MAX_BLOCK: usize = 256;
/// Neighbours, in claim order, each claim of an oversized block is compared with.
pub const NEIGHBOURS: usize = 64;

/// The time buckets an event falls in: the weeks its window (widened by the days two dates of one
/// event may differ) overlaps; `None` for an event with no window or a very long one.
fn buckets(rules: &Rules, e: &Event) -> Option<std::ops::RangeInclusive<i32>> {
    let (s, end) = event_window(rules, e)?;
    let epoch = Date::constant(1970, 1, 1);
    let day = |d: Date| (d - epoch).get_days();
    let (b0, b1) = (
        day(s).div_euclid(BUCKET_DAYS),
        (day(end) + SAME_EVENT_WINDOW_DAYS).div_euclid(BUCKET_DAYS),
    );
    (b1 - b0 <= MAX_BUCKETS).then_some(b0..=b1)
}

/// Cluster event claims.
///
/// Blocking: a claim is filed under its predicate class with each participant, with the country
/// of its place, and (when some claims of the class name no one) under the class alone; within a
/// key, by the weeks its time window covers. Claims are compared only within a week bucket of a
/// key, and a timeless claim with every claim of its key. A block of more than [`MAX_BLOCK`]
/// claims is compared within a window of [`NEIGHBOURS`] claims in claim order (claims of one
/// article and one story are adjacent), so the cost grows linearly with the number of claims
/// whatever their distribution.
pub fn cluster_events(rules: &Rules, events: &[Event]) -> Clustering {
    // A key's timed claims with the range of week buckets each covers, and its timeless ones.
    type Block = (Vec<(i32, i32, usize)>, Vec<usize>);
    let mut blocks: foldhash::HashMap<(usize, Cow<'_, str>), Block> = Default::default();
    // Claims without participants can be one event with claims that name them, so the class
    // key "-" holds them and, when a class has any, every claim of the class.
    let mut classes_with_empty = BTreeSet::new();
    for e in events {
        if e.actors.is_empty() {
            classes_with_empty.insert(rules.outcome_group(e.claim.class));
        }
    }
    for (i, e) in events.iter().enumerate() {
        let class = rules.outcome_group(e.claim.class);
        let mut keys: Vec<Cow<'_, str>> = Vec::new();
        if classes_with_empty.contains(&class) {
            keys.push(Cow::Borrowed("-"));
        }
        keys.extend(e.actors.iter().map(|a| Cow::Borrowed(a.as_str())));
        if let Some(p) = &e.claim.place {
            let c = rules.gazetteer.country_of(p.place);
            keys.push(Cow::Owned(format!("@{}", rules.gazetteer.places[c].id)));
        }
        let weeks = buckets(rules, e);
        for k in keys {
            let block = blocks.entry((class, k)).or_default();
            match &weeks {
                Some(r) => block.0.push((*r.start(), *r.end(), i)),
                None => block.1.push(i),
            }
        }
    }
    // Candidate pairs from every block, then each distinct pair once: sorting a flat list is far
    // cheaper than a hash set of pairs at a million claims.
    let mut candidates: Vec<u64> = Vec::new();
    let mut compare = |i: usize, j: usize| {
        if i != j {
            let (lo, hi) = (i.min(j) as u64, i.max(j) as u64);
            candidates.push(lo << 32 | hi);
        }
    };
    // All pairs of a small block; neighbours in claim order in a large one.
    let within = |members: &[usize], compare: &mut dyn FnMut(usize, usize)| {
        let reach = if members.len() > MAX_BLOCK {
            NEIGHBOURS
        } else {
            members.len()
        };
        for (x, &i) in members.iter().enumerate() {
            for &j in members[x + 1..].iter().take(reach) {
                compare(i, j);
            }
        }
    };
    let mut keys: Vec<&(usize, Cow<'_, str>)> = blocks.keys().collect();
    keys.sort();
    for key in keys {
        let (timed, timeless) = &blocks[key];
        if timed.len() <= MAX_BLOCK {
            // No week can hold more than MAX_BLOCK claims, so every pair that shares a week is
            // compared: the pairs whose bucket ranges overlap, found by a sweep over the
            // ranges sorted by their first week (rather than filing a claim under each week).
            let mut by_start = timed.clone();
            by_start.sort_unstable();
            for (x, &(_, end, i)) in by_start.iter().enumerate() {
                for &(start, _, j) in &by_start[x + 1..] {
                    if start > end {
                        break;
                    }
                    compare(i, j);
                }
            }
        } else {
            let mut weeks: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
            for &(b0, b1, i) in timed {
                for b in b0..=b1 {
                    weeks.entry(b).or_default().push(i);
                }
            }
            for members in weeks.values() {
                within(members, &mut compare);
            }
        }
        if !timeless.is_empty() {
            // A timeless claim meets every claim of its key.
            let mut all: Vec<usize> = timed.iter().map(|t| t.2).collect();
            all.extend(timeless.iter().copied());
            all.sort_unstable();
            all.dedup();
            if all.len() <= MAX_BLOCK {
                for &t in timeless {
                    for &j in &all {
                        compare(t, j);
                    }
                }
            } else {
                for &t in timeless {
                    let at = all.partition_point(|&x| x < t);
                    let lo = at.saturating_sub(NEIGHBOURS / 2);
                    for &j in all[lo..].iter().take(NEIGHBOURS) {
                        compare(t, j);
                    }
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let compared = candidates.len();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut uf = UnionFind::<usize>::new(events.len());
    for c in candidates {
        let (i, j) = ((c >> 32) as usize, (c & 0xffff_ffff) as usize);
        if same_event(rules, &events[i], &events[j]) {
            uf.union(i, j);
            pairs.push((i, j));
        }
    }
    let labels = uf.into_labeling();
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, l) in labels.into_iter().enumerate() {
        groups.entry(l).or_default().push(i);
    }
    let mut clusters: Vec<Vec<usize>> = groups.into_values().collect();
    clusters.sort();
    Clustering {
        clusters,
        pairs,
        compared,
    }
}
