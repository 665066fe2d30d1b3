//! Rules: the data that drives extraction, parsed from plain-text rule files.
//!
//! Every rule file uses one line grammar (see [`syntax`]); what a line means depends on its
//! keyword, not on the file it is in, so a user file can extend any lexicon. The defaults are
//! compiled into the binary; [`RulesBuilder::add_dir`] replaces a default file of the same name
//! and adds any other `*.rules` file.

mod gazdata;
mod gazetteer;
pub mod syntax;

pub use gazetteer::{Gazetteer, Place, PlaceKind, PlaceMatch};

use foldhash::{HashMap, HashSet};
use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::error::{Error, ErrorKind, Result, RuleOrigin};
use crate::extract::quantity::{NumberWords, Qualifier, QuantityFinder};
use crate::extract::time::{PartOfDay, Tense, TimeWords};
use syntax::{Item, RuleLine};

/// The version of the rule-file format this build reads (`# format: 1`).
pub const RULES_FORMAT: u32 = 1;

/// The name of the default gazetteer file (`place` rules only; compiled by `build.rs`).
pub const GAZETTEER_FILE: &str = "gazetteer.rules";

/// The default rule files, compiled in.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("time.rules", include_str!("../../rules/time.rules")),
    ("numbers.rules", include_str!("../../rules/numbers.rules")),
    ("titles.rules", include_str!("../../rules/titles.rules")),
    ("events.rules", include_str!("../../rules/events.rules")),
    ("lexicon.rules", include_str!("../../rules/lexicon.rules")),
    (
        "gazetteer.rules",
        include_str!("../../rules/gazetteer.rules"),
    ),
];

/// How a title modifier changes a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierKind {
    /// "former", "ex-", "retired": a past office, never in conflict with a current one.
    Past,
    /// "deputy", "vice", "assistant": a different, lower office.
    Rank,
    /// "acting", "interim": the same office.
    Acting,
    /// "national", "regional", "local": the level of government an office serves. The words of
    /// one `modifier ... kind=level` line name one level (group `n`, in the order of the lines):
    /// one office at two levels is two offices ("regional director of public health" against
    /// "national director of public health"); a title without a level agrees with either.
    Level(u8),
}

/// A title in the lexicon.
#[derive(Debug, Clone)]
pub struct Title {
    /// Canonical lowercase form.
    pub canonical: String,
    /// Exclusion classes it belongs to.
    pub classes: Vec<String>,
    /// One holder per organisation or country at a time (a chief executive, a prime minister).
    pub unique: bool,
}

/// A class of titles.
#[derive(Debug, Clone, Default)]
pub struct TitleClass {
    /// Two different titles of this class cannot be held by one person at once.
    pub exclusive: bool,
    /// Other classes whose titles cannot be held together with this one's.
    pub excludes: Vec<String>,
    /// Other classes whose unique titles (one holder per body: "police chief", "chief
    /// executive") cannot be held together with this one's; their other titles can ("a
    /// police spokesman" may be an inspector).
    pub excludes_unique: Vec<String>,
}

/// Titles and their exclusion classes.
#[derive(Debug, Default)]
pub struct TitleLexicon {
    /// All titles.
    pub titles: Vec<Title>,
    /// Classes by name.
    pub classes: HashMap<String, TitleClass>,
    /// Modifiers ("former", "deputy", ...) by lowercase word.
    pub modifiers: HashMap<String, ModifierKind>,
    /// Surface form (lowercase) to title index.
    pub forms: HashMap<String, usize>,
    /// Titles named with a portfolio the lexicon need not know (`portfolio minister`): "Police
    /// Minister", "Minister of Correctional Services" are the titles "police minister" and
    /// "correctional services minister", of the classes of "minister".
    pub portfolios: HashSet<String>,
    matcher: Option<AhoCorasick>,
    pattern_title: Vec<usize>,
}

impl TitleLexicon {
    /// Whether titles `a` and `b` (canonical forms) exclude each other. A portfolio title
    /// ("minister") agrees with any title of its kind ("foreign minister", "police minister");
    /// two portfolios are two offices.
    ///
    /// ```
    /// let t = &crosscheck::Rules::defaults().titles;
    /// assert!(t.excludes("police minister", "correctional services minister"));
    /// assert!(t.excludes("police minister", "foreign minister"));
    /// assert!(!t.excludes("minister", "police minister"));
    /// assert!(!t.excludes("minister", "foreign minister"));
    /// assert!(!t.excludes("mines minister", "mines and minerals development minister"));
    /// assert!(t.excludes("social services minister", "correctional services minister"));
    /// assert!(t.excludes("minister", "prime minister"));
    /// assert!(t.excludes("vice president", "president"));
    /// ```
    pub fn excludes(&self, a: &str, b: &str) -> bool {
        if a == b {
            return false;
        }
        // "minister" agrees with any minister of a portfolio, not with a head of government
        // ("prime minister").
        let general = |x: &str, y: &str| {
            self.portfolios.contains(x)
                && y.ends_with(x)
                && y[..y.len() - x.len()].ends_with(' ')
                && !self
                    .get(y)
                    .is_some_and(|t| t.classes.iter().any(|c| c == "head"))
        };
        if general(a, b) || general(b, a) || self.same_portfolio(a, b) {
            return false;
        }
        let (Some(ta), Some(tb)) = (self.get_or_portfolio(a), self.get_or_portfolio(b)) else {
            return false;
        };
        for ca in &ta.classes {
            for cb in &tb.classes {
                if ca == cb && self.classes.get(ca).is_some_and(|c| c.exclusive) {
                    return true;
                }
                if self
                    .classes
                    .get(ca)
                    .is_some_and(|c| c.excludes.contains(cb))
                    || self
                        .classes
                        .get(cb)
                        .is_some_and(|c| c.excludes.contains(ca))
                {
                    return true;
                }
                if tb.unique
                    && self
                        .classes
                        .get(ca)
                        .is_some_and(|c| c.excludes_unique.contains(cb))
                    || ta.unique
                        && self
                            .classes
                            .get(cb)
                            .is_some_and(|c| c.excludes_unique.contains(ca))
                {
                    return true;
                }
            }
        }
        false
    }

    /// A title by canonical form.
    pub fn get(&self, canonical: &str) -> Option<&Title> {
        self.forms.get(canonical).map(|&i| &self.titles[i])
    }

    /// Whether two portfolio titles, one of them not in the lexicon, name one portfolio in two
    /// wordings: each word (four letters or more) of the shorter begins with the same three
    /// letters as a word of the longer ("mines minister", "mines and minerals development
    /// minister"; "mining minister", "mineral resources minister"; not "social services" and
    /// "correctional services").
    fn same_portfolio(&self, a: &str, b: &str) -> bool {
        let (Some((wa, pa)), Some((wb, pb))) = (self.portfolio_split(a), self.portfolio_split(b))
        else {
            return false;
        };
        if pa != pb || (self.get(a).is_some() && self.get(b).is_some()) {
            return false;
        }
        let stems = |w: &str| -> Vec<String> {
            w.split(' ')
                .filter(|x| x.chars().count() >= 4)
                .map(|x| x.chars().take(3).collect())
                .collect()
        };
        let (sa, sb) = (stems(wa), stems(wb));
        let (short, long) = if sa.len() <= sb.len() {
            (sa, sb)
        } else {
            (sb, sa)
        };
        !short.is_empty() && short.iter().all(|x| long.contains(x))
    }

    /// A title by canonical form, or the portfolio title a form ends with ("police minister":
    /// "minister").
    pub fn get_or_portfolio(&self, canonical: &str) -> Option<&Title> {
        self.get(canonical)
            .or_else(|| self.get(self.portfolio_split(canonical)?.1))
    }

    /// A form's portfolio words and the portfolio title it ends with ("correctional services
    /// minister": "correctional services", "minister").
    fn portfolio_split<'s>(&self, canonical: &'s str) -> Option<(&'s str, &'s str)> {
        let (words, last) = canonical.rsplit_once(' ')?;
        self.portfolios.contains(last).then_some((words, last))
    }

    /// Find title forms in `text` (case-insensitive, leftmost-longest, whole words):
    /// `(start, end, title index)`.
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        m.find_iter(text)
            .filter(|x| crate::text::is_word_bounded(text, x.start(), x.end()))
            .map(|x| {
                (
                    x.start(),
                    x.end(),
                    self.pattern_title[x.pattern().as_usize()],
                )
            })
            .collect()
    }
}

/// A class of event predicates ("meet", "say", "kill" ...).
#[derive(Debug, Clone)]
pub struct PredicateClass {
    /// Class name.
    pub name: String,
    /// Acts one actor repeats (say, visit): a different day is another act, not a conflict.
    pub repeat: bool,
    /// A place right after the verb is where the event happened ("visited Tecuci").
    pub place_object: bool,
    /// Accidents and disasters: identified by time and place, not by participants.
    pub impersonal: bool,
    /// Happens once to its participant in a story (sentenced, resigned).
    pub once: bool,
    /// The participant is the agent only (the speaker of a news conference).
    pub agent: bool,
    /// Unit of the class's quantities that have no known unit ("a crowd of 58,000": people).
    pub unit: Option<String>,
    /// An event between parties: a figure that names no party could be anyone's.
    pub parties: bool,
    /// Lasts for days (a fire): two days conflict only when both say when it began.
    pub durative: bool,
    /// Done again and again but told by what it counts (a seizure of 148 tusks): two days
    /// conflict only for the same count or sum.
    pub counted: bool,
    /// Objects the verbs need within four words ("cut ... jobs"); empty: none needed.
    pub objects: HashSet<String>,
}

/// Another sense of a trigger word, chosen by the words around it.
#[derive(Debug, Clone)]
pub struct Sense {
    /// The predicate class of this sense.
    pub class: usize,
    /// The sense applies right after one of these words ("drone strike").
    pub before: HashSet<String>,
    /// The sense applies when one of these words follows within four words, with no other
    /// preposition before it ("overturned the conviction", "closed at €47"; not "seized
    /// weapons from the bus").
    pub after: HashSet<String>,
}

/// Tense or aspect a trigger word carries by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordTense {
    /// Base or present form.
    Present,
    /// Past form.
    Past,
    /// A noun ("talks").
    Noun,
}

/// Modality cue kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Expected, planned, scheduled.
    Expected,
    /// Attributed or hearsay.
    Reported,
    /// Negated.
    Negated,
    /// Conditional or speculative.
    Hypothetical,
}

impl Modality {
    /// The name used in reports (`asserted`, `expected`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Expected => "expected",
            Modality::Reported => "reported",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// A list of cue phrases (lowercase), matched as whole words in one pass.
///
/// It reads as the slice of its phrases; [`Phrases::occurs_in`] finds any of them in a text.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    list: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl Phrases {
    /// Compile the matcher (after the last phrase is added).
    fn compile(&mut self) {
        self.matcher = dfa().build(&self.list).ok();
    }

    /// Whether one of the phrases occurs in `hay` as whole words.
    ///
    /// ```
    /// let rules = crosscheck::Rules::defaults();
    /// assert!(rules.update_cues.occurs_in("the match was postponed to friday"));
    /// assert!(!rules.update_cues.occurs_in("the arose tone"));
    /// ```
    pub fn occurs_in(&self, hay: &str) -> bool {
        match &self.matcher {
            Some(ac) => ac
                .find_overlapping_iter(hay)
                .any(|m| crate::text::is_word_bounded(hay, m.start(), m.end())),
            // not compiled (rules assembled by hand): one search per phrase
            None => self.list.iter().any(|p| {
                hay.match_indices(p.as_str())
                    .any(|(i, _)| crate::text::is_word_bounded(hay, i, i + p.len()))
            }),
        }
    }
}

impl Phrases {
    /// Where the phrases occur in `hay` as whole words: the start of each occurrence.
    ///
    /// ```
    /// let rules = crosscheck::Rules::defaults();
    /// let at: Vec<usize> = rules.figure_update_cues.starts_in("the toll rose to 12").collect();
    /// assert_eq!(at, vec![9]);
    /// ```
    pub fn starts_in<'h>(&'h self, hay: &'h str) -> Box<dyn Iterator<Item = usize> + 'h> {
        match &self.matcher {
            Some(ac) => Box::new(
                ac.find_overlapping_iter(hay)
                    .filter(|m| crate::text::is_word_bounded(hay, m.start(), m.end()))
                    .map(|m| m.start()),
            ),
            None => Box::new(self.list.iter().flat_map(move |p| {
                hay.match_indices(p.as_str())
                    .filter(|(i, _)| crate::text::is_word_bounded(hay, *i, i + p.len()))
                    .map(|(i, _)| i)
            })),
        }
    }
}

impl std::ops::Deref for Phrases {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.list
    }
}

impl Extend<String> for Phrases {
    fn extend<I: IntoIterator<Item = String>>(&mut self, iter: I) {
        self.list.extend(iter);
        self.matcher = None;
    }
}

/// Everything extraction needs, loaded from rule files.
///
/// Three ways to get one: the embedded defaults ([`Rules::defaults`], what
/// [`Pipeline::new`](crate::Pipeline::new) uses), the defaults with a folder of rule files
/// ([`Rules::from_dir`], `--rules DIR`), or any mix of defaults, files and strings with a
/// [`RulesBuilder`]. Hand the result to [`Pipeline::with_rules`](crate::Pipeline::with_rules).
///
/// ```
/// use crosscheck::{Pipeline, Rules};
///
/// let rules = Rules::from_str_with_defaults("harbor.rules", "# format: 1\ntitle \"harbor master\" class=official\n")?;
/// let pipeline = Pipeline::with_rules(rules);
/// # Ok::<(), crosscheck::Error>(())
/// ```
///
/// The fields are the compiled tables, public for inspection; they are not part of the
/// stable API and may change in any release.
#[derive(Debug, Default)]
pub struct Rules {
    /// Time words.
    pub time: TimeWords,
    /// Number words, currencies, qualifiers, units.
    pub numbers: NumberWords,
    /// Titles.
    pub titles: TitleLexicon,
    /// Places.
    pub gazetteer: Gazetteer,
    /// Predicate classes.
    pub predicates: Vec<PredicateClass>,
    /// Pairs of predicate classes that are opposite outcomes of one event (convict/acquit).
    pub opposites: Vec<(usize, usize)>,
    /// Trigger word (lowercase) to (class index, tense). A trigger of two words ("gave way")
    /// is one key with one space.
    pub triggers: HashMap<String, (usize, WordTense)>,
    /// The first words of the triggers of two words ("gave" of "gave way"): a short list,
    /// compared with every word that is not a trigger of its own.
    pub trigger_heads: Vec<String>,
    /// Abbreviations that end with a period (lowercase, with the periods).
    pub abbrevs: HashSet<String>,
    /// Abbreviations that never end a sentence (titles, honorifics).
    pub abbrevs_inner: HashSet<String>,
    /// Honorifics (Mr., Ms.) lowercase without period.
    pub honorifics: HashSet<String>,
    /// Group nouns that make a demonym an actor ("Russian delegation").
    pub group_nouns: HashSet<String>,
    /// Spelling folds: word to canonical word (defence to defense).
    pub folds: HashMap<String, String>,
    /// Prepositions that put a place as the location of an event.
    pub location_preps: HashSet<String>,
    /// Prepositions of motion (the place is not where the event happened).
    pub motion_preps: HashSet<String>,
    /// Modality cue phrases (lowercase) and their kind.
    pub cues: Vec<(String, Modality)>,
    /// The cues in one automaton, with the modality of each pattern.
    pub cue_matcher: Option<(AhoCorasick, Vec<Modality>)>,
    /// Future-tense markers.
    pub future_markers: HashSet<String>,
    /// Past-tense markers (auxiliaries).
    pub past_markers: HashSet<String>,
    /// The future and past markers in one automaton, with the tense of each pattern.
    pub tense_markers: Option<(AhoCorasick, Vec<Tense>)>,
    /// Capitalised words that never start or belong to a person name.
    pub not_names: HashSet<String>,
    /// Words that mark a capitalised sequence as an organisation.
    pub org_words: HashSet<String>,
    /// Lowercase particles allowed inside names (de, van, bin).
    pub name_particles: HashSet<String>,
    /// Reporting verbs for quote attribution (lowercase).
    pub reporting_verbs: HashSet<String>,
    /// Words that start a new sentence after an abbreviation that may end one ("U.S. The").
    pub starters: HashSet<String>,
    /// Words naming natural features ("River", "Sea"): such names are not people or actors.
    pub feature_words: HashSet<String>,
    /// Determiners and possessives ("the", "their"): a participle after one is an adjective.
    pub determiners: HashSet<String>,
    /// Words that may stand between a preposition and a place ("in the Turkish capital").
    pub place_words: HashSet<String>,
    /// Subordinating words that open another clause ("after", "when").
    pub clause_words: HashSet<String>,
    /// Phrases that make the next figure a baseline ("from", "compared with").
    pub baseline_cues: Vec<String>,
    /// Words naming what a figure measures ("depth", "turnout").
    pub measure_words: HashSet<String>,
    /// Nouns of a winning margin ("a 7-second margin", "a seven-second victory"): the figure
    /// before one is the margin, as is one after "by" in an event between parties.
    pub margin_nouns: HashSet<String>,
    /// Words after a winning margin ("1.6 seconds ahead of", "seven seconds clear of").
    pub margin_after: HashSet<String>,
    /// Nouns of people that may follow a demonym ("the Armenian grandmaster"): with "the" and
    /// no name, the phrase refers to the one person of that country named in the article.
    pub person_nouns: HashSet<String>,
    /// Past verbs that give a level ("was", "reached", "stood" at): a sum right after one is
    /// the value of the subject that opens the sentence ("Bilateral trade stood at $2.4
    /// billion").
    pub level_verbs: HashSet<String>,
    /// Units of matter whose figure before "of" is the value of what follows ("12 million
    /// cubic metres of water"), and the words that mark a sentence as having one.
    pub matter_units: HashSet<String>,
    /// See [`Rules::matter_units`].
    pub matter_words: HashSet<String>,
    /// Words of a period that narrow a level's subject ("annual revenue", "fourth-quarter
    /// revenue"): a sum of one period is no sum of another.
    pub period_words: HashSet<String>,
    /// Verbs that set a sum for the noun after them ("fixing bail at", "put losses at").
    pub value_setters: HashSet<String>,
    /// Verbs that say when something lasting began ("began", "broke out").
    pub onset_verbs: HashSet<String>,
    /// Verbs that date their subject event ("the walkout began on Tuesday").
    pub aspect_verbs: HashSet<String>,
    /// Other senses of trigger words by the words around them ("drone strike").
    pub senses: HashMap<String, Vec<Sense>>,
    /// Words after which a span of time is time elapsed, not a count ("in three years").
    pub elapsed: HashSet<String>,
    /// Pronouns that refer back to a person.
    pub pronouns: HashSet<String>,
    /// Update cues ("postponed to", "continued"): a figure right after one is a change, and a
    /// sentence with one tells a continuation or a change of date, not a contradiction.
    pub update_cues: Phrases,
    /// Cues of a changed figure only ("rose to", "cut to"): a figure right after one is a
    /// change; the sentence's other claims keep their days ("the toll from the landslide that
    /// struck on Sunday rose to 21": the landslide's day stands).
    pub figure_update_cues: Phrases,
    /// Phrases right before a count that make it the earlier level of a changing count ("19
    /// people, up from 14": `changed-from`).
    pub changed_from: Vec<String>,
    /// Words before a time that make the sentence's figures a snapshot ("by 5 p.m.", "as of").
    pub interim_cues: Vec<String>,
    /// Irregular participles that open an aside about a noun ("built", "born", "known").
    pub aside_participles: HashSet<String>,
    /// Words after a figure that make it what is left of a count ("20 miners still trapped",
    /// "12 remain missing"); after "is"/"are"/"was"/"were", the first of them.
    pub remaining_words: HashSet<String>,
    /// Words after a past participle opening a sentence that make it a verb ("Freed on
    /// Tuesday, ..."); before any other word it is an adjective ("Freed nurse ...").
    pub participle_verb_followers: HashSet<String>,
    /// Finite verb forms no ending gives away: auxiliaries and irregular pasts ("was", "has",
    /// "broke"). A clause word followed by none of these, a past in -ed or a trigger verb before
    /// the next punctuation is a preposition ("after a tremor on Wednesday").
    pub finite_verbs: HashSet<String>,
    /// Verbs that call an event off ("called off", "scrubbed"): the event they govern did not
    /// happen then ("the launch was called off on Tuesday"), each a list of lowercase words.
    pub cancel_verbs: Vec<Vec<String>>,
    /// Words right after a figure that make it a step of a change ("€900 million off", "three
    /// more"), not the level.
    pub step_after: HashSet<String>,
    /// Phrases right before a figure that make it a step of a change ("a further 3.1%").
    pub step_before: Vec<String>,
    /// Words that end the noun phrase a sum of money describes ("a €62.5 million contract for
    /// scanners"), or are no noun of it.
    pub value_phrase_stop: HashSet<String>,
    /// Words that make a time after them the end of a lasting event ("until", "ended"), not
    /// its day.
    pub end_words: HashSet<String>,
    /// Nouns after which an event noun is a modifier, not an event ("crash site", "launch
    /// director").
    pub compound_heads: HashSet<String>,
    /// Words that make a figure one item's or one part's share ("it alone", "each", "apiece")
    /// among the four words before it or right after it: not the event's figure.
    pub share_words: HashSet<String>,
    /// Verbs after which a verb in -ing tells the consequence of the main event, not an event
    /// of its own ("sending seven vehicles plunging into the river": `consequence`).
    pub consequence_verbs: HashSet<String>,
    /// Verbs of impact ("struck", "buried", "swept") that, after an accident's or disaster's
    /// noun, tell of that event (`impact`).
    pub impact_verbs: HashSet<String>,
    /// Nouns that count an event's victims ("toll", "deaths"), not the event (`count-noun`).
    pub count_nouns: HashSet<String>,
    /// Capitalised words before "Minister" that name no portfolio ("Cabinet", "Senior":
    /// `not-portfolio`).
    pub not_portfolio: HashSet<String>,
    /// Nouns of a sum that name the thing only with the word before them ("the offer price",
    /// "the closing price", "the transfer fee"): `value-head`.
    pub value_heads: HashSet<String>,
    /// Event nouns that are also adjectives: before a noun they name no event ("the final
    /// results", "the final approach"): `adjective`.
    pub adjectives: HashSet<String>,
    /// Verbs whose particle "over" is no qualifier of a figure after it ("hand over 37
    /// soldiers" is 37, not more than 37): `particle-over`.
    pub particle_over: HashSet<String>,
    /// Relative words: a noun phrase ends before them ("the two patients who died"):
    /// `relative-word`.
    pub relatives: HashSet<String>,
    /// Sites an owner has at one place ("headquarters", "head office", "plant"): each form to
    /// its canonical name (`site`).
    pub sites: HashMap<String, String>,
    /// The first words of the sites' names of two words ("head" of "head office").
    pub site_heads: HashSet<String>,
    /// Words after which a person accompanies the agent ("alongside", "flanked by").
    pub companion_words: HashSet<String>,
    /// Count nouns that say nothing about who is counted ("people", "persons").
    pub generic_nouns: HashSet<String>,
    /// Bodies that act as participants of their own ("board", "cabinet", "jury").
    pub bodies: HashSet<String>,
    /// Phrases marking a change of date ("postponed to", "moved to").
    pub reschedule_cues: Phrases,
    /// Phrases marking the date that was changed ("moved from", "originally").
    pub superseded_cues: Phrases,
    /// Phrases of what happens as a rule ("in an average winter", "every year"): a sentence
    /// with one and no verb in the past tells of no event of the story.
    pub habitual_cues: Phrases,
    /// The compiled quantity grammar.
    pub quantities: Option<QuantityFinder>,
    /// The word classes ([`wc`]) of every word some class lists: one look-up per token answers
    /// the per-token membership tests of extraction's hot loops.
    pub word_classes: HashMap<String, u64>,
}

/// Word classes: bits of [`Rules::word_class`].
pub mod wc {
    /// A trigger of one word, or the first word of a trigger of two.
    pub const TRIGGER: u64 = 1 << 0;
    /// A word with senses ([`super::Rules::senses`]).
    pub const SENSE: u64 = 1 << 1;
    /// A word that opens a clause.
    pub const CLAUSE: u64 = 1 << 2;
    /// A finite verb form.
    pub const FINITE: u64 = 1 << 3;
    /// A reporting verb.
    pub const REPORTING: u64 = 1 << 4;
    /// A participle that opens an aside.
    pub const ASIDE: u64 = 1 << 5;
    /// A site's name, or the first word of a site's name of two words.
    pub const SITE: u64 = 1 << 6;
    /// A currency word.
    pub const CURRENCY: u64 = 1 << 7;
    /// A capitalised word that is never a person's name.
    pub const NOT_NAME: u64 = 1 << 8;
    /// A determiner.
    pub const DETERMINER: u64 = 1 << 9;
    /// A verb of impact ([`super::Rules::impact_verbs`]).
    pub const IMPACT: u64 = 1 << 10;
}

static DEFAULT_RULES: LazyLock<Arc<Rules>> = LazyLock::new(|| {
    let mut b = RulesBuilder::new();
    b.add_defaults();
    Arc::new(b.build().expect("embedded rules parse"))
});

impl Rules {
    /// Whether `word` (lowercase) is a preposition of place or of motion (`prep`).
    pub fn is_prep(&self, word: &str) -> bool {
        self.location_preps.contains(word) || self.motion_preps.contains(word)
    }

    /// The embedded default rules (parsed once, shared).
    ///
    /// ```
    /// let rules = crosscheck::Rules::defaults();
    /// assert!(rules.titles.get("foreign minister").is_some());
    /// ```
    pub fn defaults() -> Arc<Rules> {
        DEFAULT_RULES.clone()
    }

    /// The word classes ([`wc`]) of a lowercase word: 0 for a word no class lists.
    #[inline]
    pub fn word_class(&self, lower: &str) -> u64 {
        self.word_classes.get(lower).copied().unwrap_or(0)
    }

    /// Defaults with the `*.rules` files of `dir` replacing same-named defaults and adding the
    /// others: what `--rules DIR` loads.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when the folder or a file cannot be read, [`ErrorKind::Input`] when
    /// it holds no `*.rules` file, and [`ErrorKind::Rule`] (one error) or
    /// [`ErrorKind::Partial`] (several) naming `file:line:col` for a bad rule.
    ///
    /// ```no_run
    /// let pipeline = crosscheck::Pipeline::with_rules(crosscheck::Rules::from_dir("my-rules")?);
    /// # Ok::<(), crosscheck::Error>(())
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Rules> {
        let mut b = RulesBuilder::new();
        b.add_defaults();
        b.add_dir(dir)?;
        b.build()
    }

    /// Defaults with the rules of one string added, `name` naming it in error messages (a
    /// name like a default file's, such as `titles.rules`, replaces that file). For several
    /// strings or files, use a [`RulesBuilder`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Rule`] or [`ErrorKind::Partial`], as `name:line:col: message`.
    ///
    /// ```
    /// let err = crosscheck::Rules::from_str_with_defaults("mine.rules", "frobnicate a b").unwrap_err();
    /// assert_eq!(err.to_string(), "mine.rules:1:1: unknown keyword `frobnicate`");
    /// ```
    pub fn from_str_with_defaults(name: &str, text: &str) -> Result<Rules> {
        RulesBuilder::new()
            .add_defaults()
            .add_str(name, text)
            .build()
    }

    /// Whether two predicate classes are opposite outcomes of one event.
    pub fn opposed(&self, a: usize, b: usize) -> bool {
        self.opposites.contains(&(a.min(b), a.max(b)))
    }

    /// The class a claim is blocked and clustered under: opposite outcomes share one.
    pub fn outcome_group(&self, class: usize) -> usize {
        self.opposites
            .iter()
            .filter(|&&(a, b)| a == class || b == class)
            .map(|&(a, _)| a)
            .min()
            .unwrap_or(class)
            .min(class)
    }

    /// Class index of a predicate class name.
    pub fn predicate_index(&self, name: &str) -> Option<usize> {
        self.predicates.iter().position(|p| p.name == name)
    }

    /// Canonical spelling of a lowercase word (defence to defense).
    pub fn fold_word<'a>(&'a self, w: &'a str) -> &'a str {
        self.folds.get(w).map(String::as_str).unwrap_or(w)
    }
}

/// Collects rule sources, then builds [`Rules`].
///
/// Sources are read in the order they are added; a file or string named like a default file
/// (`titles.rules`, `time.rules`, ...) replaces that default. Every error of every source is
/// collected, with `file:line:col`.
///
/// ```
/// use crosscheck::{ErrorKind, RulesBuilder};
///
/// // The defaults plus a lexicon of one's own.
/// let rules = RulesBuilder::new()
///     .add_defaults()
///     .add_str("port.rules", "# format: 1\nclass port exclusive\ntitle \"harbor master\" class=port\n")
///     .build()?;
/// assert!(rules.titles.get("harbor master").is_some());
///
/// // Two bad lines: both reported.
/// let err = RulesBuilder::new()
///     .add_defaults()
///     .add_str("bad.rules", "weekday Funday 9\nmonth Smarch 13\n")
///     .build()
///     .unwrap_err();
/// let ErrorKind::Partial(errors) = err.kind() else { panic!("{err}") };
/// assert_eq!(errors.len(), 2);
/// # Ok::<(), crosscheck::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct RulesBuilder {
    sources: Vec<(RuleOrigin, Cow<'static, str>)>,
}

impl RulesBuilder {
    /// An empty builder (no rules at all).
    pub fn new() -> RulesBuilder {
        RulesBuilder::default()
    }

    /// Add the embedded default files.
    pub fn add_defaults(&mut self) -> &mut Self {
        for (name, text) in DEFAULT_FILES {
            self.sources.push((
                RuleOrigin::Embedded((*name).to_string()),
                Cow::Borrowed(*text),
            ));
        }
        self
    }

    /// Add rules from a string; `name` appears in error messages. A name like a default
    /// file's replaces that default, as [`RulesBuilder::add_file`] does.
    pub fn add_str(&mut self, name: &str, text: &str) -> &mut Self {
        self.replace_default(name);
        self.sources.push((
            RuleOrigin::Str(name.to_string()),
            Cow::Owned(text.to_string()),
        ));
        self
    }

    /// Add one rule file from disk. A file named like a default file replaces it.
    pub fn add_file(&mut self, path: impl AsRef<Path>) -> Result<&mut Self> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            self.replace_default(name);
        }
        self.sources
            .push((RuleOrigin::File(path.to_path_buf()), Cow::Owned(text)));
        Ok(self)
    }

    /// Drop the embedded default file called `name`, if there is one.
    fn replace_default(&mut self, name: &str) {
        self.sources
            .retain(|(o, _)| !matches!(o, RuleOrigin::Embedded(n) if n == name));
    }

    /// Add every `*.rules` file of a directory (sorted by name).
    pub fn add_dir(&mut self, dir: impl AsRef<Path>) -> Result<&mut Self> {
        let dir = dir.as_ref();
        let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut files: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "rules"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(Error::input(dir, "no *.rules file in this directory"));
        }
        for f in files {
            self.add_file(f)?;
        }
        Ok(self)
    }

    /// Parse and compile everything; every error is reported with file:line:col.
    pub fn build(&self) -> Result<Rules> {
        let mut rules = Rules::default();
        let mut errors = Vec::new();
        let mut places_pending: Vec<(RuleOrigin, RuleLine)> = Vec::new();
        // Where each title class is first used, for the error if it is never declared.
        let mut class_uses: HashMap<String, (RuleOrigin, usize, usize)> = HashMap::default();
        // The default gazetteer is compiled at build time; its text is parsed only when other
        // sources add places to it.
        let mut embedded_gazetteer: Option<(usize, &RuleOrigin, &str)> = None;
        for (origin, text) in &self.sources {
            if matches!(origin, RuleOrigin::Embedded(n) if n == GAZETTEER_FILE) {
                embedded_gazetteer = Some((places_pending.len(), origin, text));
                continue;
            }
            let (lines, syntax_errors) = syntax::parse_text(text);
            for e in syntax_errors {
                errors.push(rule_error(origin, e.line, e.col, e.msg));
            }
            for line in lines {
                if line.keyword.text == "place" {
                    places_pending.push((origin.clone(), line));
                    continue;
                }
                let uses = match line.keyword.text.as_str() {
                    "title" => line.attr("class"),
                    "class" => line.attr("excludes"),
                    _ => None,
                };
                let also = match line.keyword.text.as_str() {
                    "class" => line.attr("excludes-unique"),
                    _ => None,
                };
                for v in uses.unwrap_or(&[]).iter().chain(also.unwrap_or(&[])) {
                    class_uses
                        .entry(v.text.clone())
                        .or_insert_with(|| (origin.clone(), line.line, v.col));
                }
                if let Err((col, msg)) = apply(&mut rules, &line) {
                    errors.push(rule_error(origin, line.line, col, msg));
                }
            }
        }
        match embedded_gazetteer {
            Some(_) if places_pending.is_empty() => rules.gazetteer = Gazetteer::embedded(),
            _ => {
                if let Some((at, origin, text)) = embedded_gazetteer {
                    let (lines, _) = syntax::parse_text(text);
                    let lines = lines.into_iter().map(|l| (origin.clone(), l));
                    places_pending.splice(at..at, lines);
                }
                match build_gazetteer(&places_pending) {
                    Ok(g) => rules.gazetteer = g,
                    Err(mut e) => errors.append(&mut e),
                }
            }
        }
        check_title_classes(&rules.titles, &class_uses, &mut errors);
        if !errors.is_empty() {
            return Err(if errors.len() == 1 {
                errors.remove(0)
            } else {
                Error::new(ErrorKind::Partial(errors))
            });
        }
        compile_titles(&mut rules.titles, &rules.folds);
        let mut markers: Vec<(&String, Tense)> = rules
            .future_markers
            .iter()
            .map(|m| (m, Tense::Future))
            .chain(rules.past_markers.iter().map(|m| (m, Tense::Past)))
            .collect();
        markers.sort_by(|a, b| a.0.cmp(b.0));
        rules.cue_matcher = dfa()
            .build(rules.cues.iter().map(|(c, _)| c.as_str()))
            .ok()
            .map(|ac| (ac, rules.cues.iter().map(|&(_, m)| m).collect()));
        rules.tense_markers = dfa()
            .build(markers.iter().map(|(m, _)| m.as_str()))
            .ok()
            .map(|ac| (ac, markers.iter().map(|&(_, t)| t).collect()));
        for p in [
            &mut rules.update_cues,
            &mut rules.figure_update_cues,
            &mut rules.reschedule_cues,
            &mut rules.superseded_cues,
            &mut rules.habitual_cues,
        ] {
            p.compile();
        }
        rules.quantities = Some(QuantityFinder::new(&rules.numbers));
        rules.time.refresh();
        rules.word_classes = word_classes(&rules);
        Ok(rules)
    }
}

/// The word-class table of [`Rules::word_classes`].
fn word_classes(r: &Rules) -> HashMap<String, u64> {
    let mut out: HashMap<String, u64> = HashMap::default();
    let mut add = |w: &str, bit: u64| *out.entry(w.to_string()).or_default() |= bit;
    for w in r.triggers.keys().filter(|w| !w.contains(' ')) {
        add(w, wc::TRIGGER);
    }
    for w in &r.trigger_heads {
        add(w, wc::TRIGGER);
    }
    for w in r.senses.keys() {
        add(w, wc::SENSE);
    }
    for (set, bit) in [
        (&r.clause_words, wc::CLAUSE),
        (&r.finite_verbs, wc::FINITE),
        (&r.reporting_verbs, wc::REPORTING),
        (&r.aside_participles, wc::ASIDE),
        (&r.site_heads, wc::SITE),
        (&r.not_names, wc::NOT_NAME),
        (&r.determiners, wc::DETERMINER),
        (&r.impact_verbs, wc::IMPACT),
    ] {
        for w in set {
            add(w, bit);
        }
    }
    for w in r.sites.keys().filter(|w| !w.contains(' ')) {
        add(w, wc::SITE);
    }
    for w in r.numbers.currencies.keys() {
        add(w, wc::CURRENCY);
    }
    out
}

fn rule_error(origin: &RuleOrigin, line: usize, col: usize, msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::Rule {
        origin: origin.clone(),
        line,
        col,
        msg: msg.into(),
    })
}

type Apply = std::result::Result<(), (usize, String)>;

fn need_args(l: &RuleLine, n: usize, what: &str) -> Apply {
    if l.args.len() < n {
        let col = l
            .args
            .last()
            .map_or(l.keyword.col + l.keyword.text.chars().count(), |a| a.col);
        return Err((col, format!("`{}` needs {what}", l.keyword.text)));
    }
    Ok(())
}

fn parse_num<T: std::str::FromStr>(
    item: &Item,
    what: &str,
) -> std::result::Result<T, (usize, String)> {
    item.text
        .parse()
        .map_err(|_| (item.col, format!("expected {what}, found `{}`", item.text)))
}

fn lower(items: &[Item]) -> impl Iterator<Item = String> + '_ {
    items.iter().map(|i| i.text.to_lowercase())
}

fn apply(r: &mut Rules, l: &RuleLine) -> Apply {
    let kw = l.keyword.text.as_str();
    match kw {
        "weekday" => {
            need_args(l, 2, "a name and a number 1-7 (Monday = 1)")?;
            let n: u8 = parse_num(&l.args[1], "a weekday number 1-7")?;
            let wd = match n {
                1 => jiff::civil::Weekday::Monday,
                2 => jiff::civil::Weekday::Tuesday,
                3 => jiff::civil::Weekday::Wednesday,
                4 => jiff::civil::Weekday::Thursday,
                5 => jiff::civil::Weekday::Friday,
                6 => jiff::civil::Weekday::Saturday,
                7 => jiff::civil::Weekday::Sunday,
                _ => return Err((l.args[1].col, "weekday number must be 1-7".into())),
            };
            r.time.weekdays.insert(l.args[0].text.to_lowercase(), wd);
            for a in lower(l.attr("alias").unwrap_or(&[])) {
                r.time.weekdays.insert(a, wd);
            }
        }
        "month" => {
            need_args(l, 2, "a name and a number 1-12")?;
            let n: i8 = parse_num(&l.args[1], "a month number 1-12")?;
            if !(1..=12).contains(&n) {
                return Err((l.args[1].col, "month number must be 1-12".into()));
            }
            r.time.months.insert(l.args[0].text.to_lowercase(), n);
            for a in lower(l.attr("alias").unwrap_or(&[])) {
                r.time.months.insert(a, n);
            }
        }
        "relative" => {
            need_args(l, 2, "a word and a day offset")?;
            let n: i32 = parse_num(&l.args[1], "a day offset")?;
            r.time
                .relative_days
                .insert(l.args[0].text.to_lowercase(), n);
        }
        "part" => {
            need_args(l, 2, "a word and morning|afternoon|evening|night")?;
            let p = match l.args[1].text.as_str() {
                "morning" => PartOfDay::Morning,
                "afternoon" => PartOfDay::Afternoon,
                "evening" => PartOfDay::Evening,
                "night" => PartOfDay::Night,
                other => return Err((l.args[1].col, format!("unknown part of day `{other}`"))),
            };
            r.time.parts_of_day.insert(l.args[0].text.to_lowercase(), p);
        }
        "vague" => {
            need_args(l, 1, "one or more phrases")?;
            r.time.vague.extend(lower(&l.args));
        }
        "zone" => {
            need_args(l, 2, "a zone name and an offset in minutes")?;
            let n: i32 = parse_num(&l.args[1], "an offset in minutes")?;
            r.time.zones.insert(l.args[0].text.to_lowercase(), n);
        }
        "number" => {
            need_args(l, 2, "a word and its value")?;
            let n: u64 = parse_num(&l.args[1], "a whole number")?;
            r.numbers.units.insert(l.args[0].text.to_lowercase(), n);
        }
        "scale" => {
            need_args(l, 2, "a word and its value")?;
            let n: u64 = parse_num(&l.args[1], "a whole number")?;
            r.numbers.scales.insert(l.args[0].text.to_lowercase(), n);
        }
        "currency" => {
            need_args(l, 2, "an ISO code and one or more symbols or words")?;
            let code = l.args[0].text.clone();
            for a in &l.args[1..] {
                r.numbers
                    .currencies
                    .insert(a.text.to_lowercase(), code.clone());
            }
        }
        "qualifier" => {
            need_args(l, 2, "exact|at_least|at_most|about and phrases")?;
            let (q, strict) = match l.args[0].text.as_str() {
                "exact" => (Qualifier::Exact, false),
                "at_least" => (Qualifier::AtLeast, false),
                "more_than" => (Qualifier::AtLeast, true),
                "at_most" => (Qualifier::AtMost, false),
                "less_than" => (Qualifier::AtMost, true),
                "about" => (Qualifier::About, false),
                other => return Err((l.args[0].col, format!("unknown qualifier `{other}`"))),
            };
            for a in lower(&l.args[1..]) {
                if strict {
                    r.numbers.strict_qualifiers.insert(a.clone());
                }
                r.numbers.qualifiers.insert(a, q);
            }
        }
        "unit" => {
            need_args(l, 2, "a unit class and its nouns")?;
            let class = l.args[0].text.clone();
            for a in lower(&l.args[1..]) {
                r.numbers.unit_classes.insert(a, class.clone());
            }
        }
        "factor" => {
            need_args(l, 2, "a unit noun and its factor to the base unit")?;
            let f: f64 = parse_num(&l.args[1], "a number")?;
            r.numbers
                .unit_factors
                .insert(l.args[0].text.to_lowercase(), f);
        }
        "class" => {
            need_args(l, 1, "a class name")?;
            let c = r.titles.classes.entry(l.args[0].text.clone()).or_default();
            c.exclusive = l.has_flag("exclusive");
            for a in l.args.iter().skip(1) {
                if a.text != "exclusive" {
                    return Err((a.col, format!("unknown class flag `{}`", a.text)));
                }
            }
            c.excludes = l
                .attr("excludes")
                .unwrap_or(&[])
                .iter()
                .map(|i| i.text.clone())
                .collect();
            c.excludes_unique = l
                .attr("excludes-unique")
                .unwrap_or(&[])
                .iter()
                .map(|i| i.text.clone())
                .collect();
        }
        "title" => {
            need_args(l, 1, "a title")?;
            let Some(classes) = l.attr("class") else {
                return Err((l.keyword.col, "`title` needs class=CLASS".into()));
            };
            let canonical = l.args[0].text.to_lowercase();
            let classes: Vec<String> = classes.iter().map(|i| i.text.clone()).collect();
            let mut unique = false;
            for a in &l.args[1..] {
                match a.text.as_str() {
                    "unique" => unique = true,
                    other => return Err((a.col, format!("unknown title flag `{other}`"))),
                }
            }
            let idx = match r.titles.forms.get(&canonical) {
                Some(&i) => {
                    r.titles.titles[i].classes = classes;
                    r.titles.titles[i].unique = unique;
                    i
                }
                None => {
                    r.titles.titles.push(Title {
                        canonical: canonical.clone(),
                        classes,
                        unique,
                    });
                    r.titles.titles.len() - 1
                }
            };
            r.titles.forms.insert(canonical, idx);
            for a in lower(l.attr("alias").unwrap_or(&[])) {
                r.titles.forms.insert(a, idx);
            }
        }
        "portfolio" => {
            need_args(l, 1, "a title")?;
            r.titles.portfolios.extend(lower(&l.args));
        }
        "modifier" => {
            need_args(l, 1, "a word")?;
            let kind = match l.attr1("kind").map(|i| i.text.as_str()) {
                Some("past") => ModifierKind::Past,
                Some("rank") => ModifierKind::Rank,
                Some("acting") => ModifierKind::Acting,
                Some("level") => {
                    let n = r
                        .titles
                        .modifiers
                        .values()
                        .filter_map(|k| match k {
                            ModifierKind::Level(n) => Some(n + 1),
                            _ => None,
                        })
                        .max()
                        .unwrap_or(0);
                    ModifierKind::Level(n)
                }
                _ => {
                    return Err((
                        l.keyword.col,
                        "`modifier` needs kind=past|rank|acting|level".into(),
                    ))
                }
            };
            for a in lower(&l.args) {
                r.titles.modifiers.insert(a, kind);
            }
        }
        "outcome" => {
            need_args(l, 2, "two predicate classes")?;
            let mut pair = [0usize; 2];
            for (k, item) in l.args[..2].iter().enumerate() {
                pair[k] = r.predicate_index(&item.text).ok_or_else(|| {
                    (
                        item.col,
                        format!(
                            "`outcome` names no predicate class `{}` (declare it first)",
                            item.text
                        ),
                    )
                })?;
            }
            if pair[0] == pair[1] {
                return Err((
                    l.args[1].col,
                    "an outcome needs two different classes".into(),
                ));
            }
            r.opposites
                .push((pair[0].min(pair[1]), pair[0].max(pair[1])));
        }
        "predicate" => {
            need_args(l, 1, "a class name")?;
            let name = l.args[0].text.clone();
            let comm = l.has_flag("repeat");
            let place_object = l.has_flag("place-object");
            let impersonal = l.has_flag("impersonal");
            let once = l.has_flag("once");
            let agent = l.has_flag("agent");
            let unit = l.attr1("unit").map(|u| u.text.clone());
            let parties = l.has_flag("parties");
            let durative = l.has_flag("durative");
            let counted = l.has_flag("counted");
            let objects: HashSet<String> = lower(l.attr("object").unwrap_or(&[])).collect();
            for a in &l.args[1..] {
                if !matches!(
                    a.text.as_str(),
                    "repeat"
                        | "place-object"
                        | "impersonal"
                        | "once"
                        | "agent"
                        | "parties"
                        | "durative"
                        | "counted"
                ) {
                    return Err((a.col, format!("unknown predicate flag `{}`", a.text)));
                }
            }
            let idx = match r.predicate_index(&name) {
                Some(i) => i,
                None => {
                    r.predicates.push(PredicateClass {
                        name,
                        repeat: comm,
                        place_object,
                        impersonal,
                        once,
                        agent,
                        unit: unit.clone(),
                        parties,
                        objects: objects.clone(),
                        durative,
                        counted,
                    });
                    r.predicates.len() - 1
                }
            };
            r.predicates[idx].repeat = comm;
            r.predicates[idx].place_object = place_object;
            r.predicates[idx].impersonal = impersonal;
            r.predicates[idx].once = once;
            r.predicates[idx].agent = agent;
            r.predicates[idx].unit = unit;
            r.predicates[idx].parties = parties;
            r.predicates[idx].durative = durative;
            r.predicates[idx].counted = counted;
            r.predicates[idx].objects = objects;
            for (key, tense) in [
                ("verb", WordTense::Present),
                ("past", WordTense::Past),
                ("noun", WordTense::Noun),
            ] {
                for w in lower(l.attr(key).unwrap_or(&[])) {
                    // Two words ("gave way"): one key, found from its first word.
                    let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
                    if let Some((head, _)) = w.split_once(' ') {
                        if !r.trigger_heads.iter().any(|h| h == head) {
                            r.trigger_heads.push(head.to_string());
                        }
                    } else if key == "verb" {
                        // Regular inflections of a base form: "beat" gives "beats", "beating".
                        for form in inflections(&w) {
                            r.triggers.entry(form).or_insert((idx, tense));
                        }
                    }
                    r.triggers.insert(w, (idx, tense));
                }
            }
        }
        "abbrev" => {
            let inner = l.attr1("ends").is_some_and(|i| i.text == "never");
            for a in lower(&l.args) {
                if inner {
                    r.abbrevs_inner.insert(a.clone());
                }
                r.abbrevs.insert(a);
            }
        }
        "honorific" => r.honorifics.extend(lower(&l.args)),
        "group" => r.group_nouns.extend(lower(&l.args)),
        "fold" => {
            need_args(l, 2, "a variant and its canonical spelling")?;
            r.folds
                .insert(l.args[0].text.to_lowercase(), l.args[1].text.to_lowercase());
        }
        "prep" => {
            need_args(l, 2, "location|motion and words")?;
            let set = match l.args[0].text.as_str() {
                "location" => &mut r.location_preps,
                "motion" => &mut r.motion_preps,
                other => {
                    return Err((l.args[0].col, format!("unknown preposition kind `{other}`")))
                }
            };
            set.extend(lower(&l.args[1..]));
        }
        "cue" => {
            need_args(l, 2, "a modality and phrases")?;
            let m = match l.args[0].text.as_str() {
                "expected" => Modality::Expected,
                "reported" => Modality::Reported,
                "negated" => Modality::Negated,
                "hypothetical" => Modality::Hypothetical,
                other => return Err((l.args[0].col, format!("unknown modality `{other}`"))),
            };
            for a in lower(&l.args[1..]) {
                r.cues.push((a, m));
            }
        }
        "tense" => {
            need_args(l, 2, "future|past and words")?;
            let set = match l.args[0].text.as_str() {
                "future" => &mut r.future_markers,
                "past" => &mut r.past_markers,
                other => return Err((l.args[0].col, format!("unknown tense `{other}`"))),
            };
            set.extend(lower(&l.args[1..]));
        }
        "notname" => r.not_names.extend(lower(&l.args)),
        "orgword" => r.org_words.extend(lower(&l.args)),
        "particle" => r.name_particles.extend(lower(&l.args)),
        "reporting" => r.reporting_verbs.extend(lower(&l.args)),
        "pronoun" => r.pronouns.extend(lower(&l.args)),
        "starter" => r.starters.extend(lower(&l.args)),
        "elapsed" => r.elapsed.extend(lower(&l.args)),
        "measure" => r.measure_words.extend(lower(&l.args)),
        "margin" => r.margin_nouns.extend(lower(&l.args)),
        "margin-after" => r.margin_after.extend(lower(&l.args)),
        "person-noun" => r.person_nouns.extend(lower(&l.args)),
        "level-verb" => r.level_verbs.extend(lower(&l.args)),
        "matter-unit" => r.matter_units.extend(lower(&l.args)),
        "matter-word" => r.matter_words.extend(lower(&l.args)),
        "period-word" => r.period_words.extend(lower(&l.args)),
        "value-setter" => r.value_setters.extend(lower(&l.args)),
        "baseline" => r.baseline_cues.extend(lower(&l.args)),
        "aspect" => r.aspect_verbs.extend(lower(&l.args)),
        "onset" => r.onset_verbs.extend(lower(&l.args)),
        "sense" => {
            need_args(l, 2, "a word and a predicate class")?;
            let Some(class) = r.predicate_index(&l.args[1].text) else {
                return Err((
                    l.args[1].col,
                    format!(
                        "unknown predicate class `{}` (declare it first)",
                        l.args[1].text
                    ),
                ));
            };
            let before: HashSet<String> = lower(l.attr("before").unwrap_or(&[])).collect();
            let after: HashSet<String> = lower(l.attr("after").unwrap_or(&[])).collect();
            if before.is_empty() && after.is_empty() {
                return Err((
                    l.keyword.col,
                    "`sense` needs before=WORDS or after=WORDS".into(),
                ));
            }
            r.senses
                .entry(l.args[0].text.to_lowercase())
                .or_default()
                .push(Sense {
                    class,
                    before,
                    after,
                });
        }
        "clause" => r.clause_words.extend(lower(&l.args)),
        "placeword" => r.place_words.extend(lower(&l.args)),
        "feature" => r.feature_words.extend(lower(&l.args)),
        "determiner" => r.determiners.extend(lower(&l.args)),
        "update" => r.update_cues.extend(lower(&l.args)),
        "figure-update" => r.figure_update_cues.extend(lower(&l.args)),
        "changed-from" => r.changed_from.extend(lower(&l.args)),
        "reschedule" => r.reschedule_cues.extend(lower(&l.args)),
        "habitual" => r.habitual_cues.extend(lower(&l.args)),
        "body" => r.bodies.extend(lower(&l.args)),
        "generic" => r.generic_nouns.extend(lower(&l.args)),
        "aside" => r.aside_participles.extend(lower(&l.args)),
        "remaining" => r.remaining_words.extend(lower(&l.args)),
        "participle-verb" => r.participle_verb_followers.extend(lower(&l.args)),
        "finite" => r.finite_verbs.extend(lower(&l.args)),
        "share" => r.share_words.extend(lower(&l.args)),
        "consequence" => r.consequence_verbs.extend(lower(&l.args)),
        "impact" => r.impact_verbs.extend(lower(&l.args)),
        "count-noun" => r.count_nouns.extend(lower(&l.args)),
        "not-portfolio" => r.not_portfolio.extend(lower(&l.args)),
        "value-head" => r.value_heads.extend(lower(&l.args)),
        "adjective" => r.adjectives.extend(lower(&l.args)),
        "particle-over" => r.particle_over.extend(lower(&l.args)),
        "relative-word" => r.relatives.extend(lower(&l.args)),
        "site" => {
            need_args(l, 1, "a site's name, then its other names")?;
            let mut forms = lower(&l.args);
            let canonical = forms.next().unwrap_or_default();
            for f in std::iter::once(canonical.clone()).chain(forms) {
                if let Some((head, _)) = f.split_once(' ') {
                    r.site_heads.insert(head.to_string());
                }
                r.sites.insert(f, canonical.clone());
            }
        }
        "compound-head" => r.compound_heads.extend(lower(&l.args)),
        "end" => r.end_words.extend(lower(&l.args)),
        "value-stop" => r.value_phrase_stop.extend(lower(&l.args)),
        "step" => {
            need_args(l, 2, "after|before and words")?;
            match l.args[0].text.as_str() {
                "after" => r.step_after.extend(lower(&l.args[1..])),
                "before" => r.step_before.extend(lower(&l.args[1..])),
                other => return Err((l.args[0].col, format!("unknown position `{other}`"))),
            }
        }
        "cancel" => r
            .cancel_verbs
            .extend(lower(&l.args).map(|p| p.split_whitespace().map(str::to_string).collect())),
        "companion" => r.companion_words.extend(lower(&l.args)),
        "interim" => r.interim_cues.extend(lower(&l.args)),
        "superseded" => r.superseded_cues.extend(lower(&l.args)),
        other => return Err((l.keyword.col, format!("unknown keyword `{other}`"))),
    }
    Ok(())
}

/// Regular English inflections of a verb's base form: third person and -ing
/// ("win" -> "wins", "winning"; "make" -> "makes", "making"; "die" -> "dies", "dying").
/// Forms already ending like an inflection are left alone.
pub fn inflections(base: &str) -> Vec<String> {
    if base.contains(' ') || base.ends_with("ing") || base.len() < 2 {
        return Vec::new();
    }
    let b = base.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let n = b.len();
    let third = if base.ends_with('s')
        || base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('x')
        || base.ends_with('z')
    {
        format!("{base}es")
    } else if n >= 2 && b[n - 1] == b'y' && !vowel(b[n - 2]) {
        format!("{}ies", &base[..n - 1])
    } else {
        format!("{base}s")
    };
    let ing = if base.ends_with("ie") {
        format!("{}ying", &base[..n - 2])
    } else if base.ends_with('e') && !base.ends_with("ee") && n > 2 {
        format!("{}ing", &base[..n - 1])
    } else if n == 3 && !vowel(b[0]) && vowel(b[1]) && !vowel(b[2]) && !b"wxy".contains(&b[2]) {
        format!("{base}{}ing", b[2] as char)
    } else {
        format!("{base}ing")
    };
    vec![third, ing]
}

fn check_title_classes(
    t: &TitleLexicon,
    uses: &HashMap<String, (RuleOrigin, usize, usize)>,
    errors: &mut Vec<Error>,
) {
    let mut missing: Vec<&str> = t
        .titles
        .iter()
        .flat_map(|x| x.classes.iter())
        .chain(t.classes.values().flat_map(|c| c.excludes.iter()))
        .filter(|c| !t.classes.contains_key(*c))
        .map(String::as_str)
        .collect();
    missing.sort();
    missing.dedup();
    for m in missing {
        let (origin, line, col) = uses
            .get(m)
            .cloned()
            .unwrap_or_else(|| (RuleOrigin::Str("rules".into()), 1, 1));
        errors.push(rule_error(
            &origin,
            line,
            col,
            format!("title class `{m}` is used but never declared with `class {m}`"),
        ));
    }
}

fn compile_titles(t: &mut TitleLexicon, folds: &HashMap<String, String>) {
    // Spelling folds give extra surface forms: "defense minister" also matches "defence minister".
    let reverse: Vec<(&String, &String)> = folds.iter().collect();
    let mut forms: Vec<(String, usize)> = t.forms.iter().map(|(k, &v)| (k.clone(), v)).collect();
    let mut extra = Vec::new();
    for (form, idx) in &forms {
        for (variant, canonical) in &reverse {
            if form.split(' ').any(|w| w == canonical.as_str()) {
                let alt: Vec<&str> = form
                    .split(' ')
                    .map(|w| {
                        if w == canonical.as_str() {
                            variant.as_str()
                        } else {
                            w
                        }
                    })
                    .collect();
                extra.push((alt.join(" "), *idx));
            }
        }
    }
    forms.extend(extra);
    forms.sort();
    forms.dedup();
    t.pattern_title = forms.iter().map(|(_, i)| *i).collect();
    let pats: Vec<&str> = forms.iter().map(|(f, _)| f.as_str()).collect();
    t.matcher = dfa()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&pats)
        .ok();
}

/// A builder of the rules' automata: a full DFA, compiled once per rule set, is the fastest to
/// search, and every sentence is searched several times.
fn dfa() -> AhoCorasickBuilder {
    let mut b = AhoCorasickBuilder::new();
    b.kind(Some(AhoCorasickKind::DFA));
    b
}

fn build_gazetteer(lines: &[(RuleOrigin, RuleLine)]) -> std::result::Result<Gazetteer, Vec<Error>> {
    let refs: Vec<&RuleLine> = lines.iter().map(|(_, l)| l).collect();
    gazdata::compile(&refs)
        .map(Gazetteer::from_tables)
        .map_err(|errors| {
            errors
                .into_iter()
                .map(|e| {
                    let (origin, l) = &lines[e.rule];
                    rule_error(origin, l.line, e.col, e.msg)
                })
                .collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load() {
        let r = Rules::defaults();
        assert!(r.time.weekdays.len() >= 7);
        assert!(!r.titles.titles.is_empty());
        assert!(r.gazetteer.places.len() > 100);
        assert!(r.predicate_index("meet").is_some());
    }

    #[test]
    fn bad_rule_reports_line_and_column() {
        let mut b = RulesBuilder::new();
        b.add_str("mine.rules", "weekday Monday 1\nweekday Funday 9\n");
        let e = b.build().unwrap_err();
        assert_eq!(e.to_string(), "mine.rules:2:16: weekday number must be 1-7");
        let mut b = RulesBuilder::new();
        b.add_str("x.rules", "\n\nfrobnicate a b\n");
        assert_eq!(
            b.build().unwrap_err().to_string(),
            "x.rules:3:1: unknown keyword `frobnicate`"
        );
    }

    #[test]
    fn verb_inflections() {
        assert_eq!(inflections("beat"), ["beats", "beating"]);
        assert_eq!(inflections("win"), ["wins", "winning"]);
        assert_eq!(inflections("make"), ["makes", "making"]);
        assert_eq!(inflections("die"), ["dies", "dying"]);
        assert_eq!(inflections("rally"), ["rallies", "rallying"]);
        assert_eq!(inflections("approve"), ["approves", "approving"]);
        assert!(inflections("meeting").is_empty());
    }

    #[test]
    fn title_exclusion() {
        let r = Rules::defaults();
        assert!(r.titles.excludes("senator", "secretary of state"));
        assert!(!r
            .titles
            .excludes("member of parliament", "foreign minister"));
        assert!(r.titles.excludes("foreign minister", "defense minister"));
        assert!(!r.titles.excludes("special envoy", "lieutenant general"));
        assert!(!r.titles.excludes("chief executive", "founder"));
        assert!(r
            .titles
            .excludes("chief executive", "chief financial officer"));
    }

    #[test]
    fn user_places_join_the_embedded_gazetteer() {
        let mut b = RulesBuilder::new();
        b.add_defaults();
        b.add_str("towns.rules", "place X1 city Khalnaru in=NP pop=9000\n");
        let r = b.build().unwrap();
        let g = &r.gazetteer;
        let m = g.find("A plane crashed near Khalnaru in Nepal.");
        assert_eq!(m.len(), 2);
        assert_eq!(g.places[m[0].candidates[0]].id, "X1");
        assert!(g.within(m[0].candidates[0], g.index_of("NP").unwrap()));
        assert_eq!(g.places.len(), Rules::defaults().gazetteer.places.len() + 1);
        // A bad parent is reported at its file, line and column.
        let mut b = RulesBuilder::new();
        b.add_defaults();
        b.add_str("towns.rules", "\nplace X1 city Khalnaru in=ZZZ\n");
        assert_eq!(
            b.build().unwrap_err().to_string(),
            "towns.rules:2:24: in=ZZZ names no place"
        );
    }

    #[test]
    fn gazetteer_tables_round_trip() {
        let text = "place C country Testland alias=TL demonym=Testish\n\
                    place C.1 region North in=C\nplace G1 city Alpha in=C.1 pop=5\n";
        let (lines, errors) = syntax::parse_text(text);
        assert!(errors.is_empty());
        let refs: Vec<&RuleLine> = lines.iter().collect();
        let t = gazdata::compile(&refs).unwrap();
        let bytes: &'static [u8] = Box::leak(gazdata::encode(&t).into_boxed_slice());
        let g = Gazetteer::from_tables(gazdata::decode(bytes).unwrap());
        assert_eq!(g.places.len(), 3);
        let m = g.find("Alpha is a Testish town in TL.");
        assert_eq!(m.len(), 3);
        assert!(m[1].demonym);
        assert!(g.within(m[0].candidates[0], g.index_of("C").unwrap()));
        assert!(gazdata::decode(&bytes[..bytes.len() - 3]).is_err());
        // A parent cycle is an error, not an endless walk.
        let (lines, _) = syntax::parse_text("place A region A in=B\nplace B region B in=A\n");
        let refs: Vec<&RuleLine> = lines.iter().collect();
        assert!(gazdata::compile(&refs).is_err());
    }

    #[test]
    fn containment() {
        let r = Rules::defaults();
        let g = &r.gazetteer;
        let fr = g.index_of("FR").unwrap();
        let m = g.find("They met in Paris on Monday.");
        assert!(m.iter().any(|m| g.within(m.candidates[0], fr)));
    }
}
