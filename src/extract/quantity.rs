//! Quantity mentions in English news sentences (nom 8 grammar) and a
//! compatibility test between two mentions.
//!
//! The lexical layer (numerals, whitespace, words, keywords, hyphens) is made
//! of nom parsers over `&str`; the dictionary-driven layer (number words,
//! scales, currencies, qualifiers, unit nouns) looks words up in
//! [`NumberWords`], longest multi-word key first.  A scanner tries the mention
//! grammar at every word start and keeps the results sorted and
//! non-overlapping.
//!
//! ```text
//! mention   := [qualifier] ( "between" amount "and" amount unit?
//!                          | [currency] amount [range | modifier | "+" | "-plus" | "-odd"] unit? )
//! amount    := numeral [glued-scale | "-"scale | scale]     "12,000"  "2.5 million"  "$4.1bn"
//!            | spelled                                       "twenty-five"  "a dozen"  "half a million"
//! range     := ("-" | "–") [currency] numeral  |  "to" [currency] amount
//! modifier  := "-" noun ["-old" | "-long" | "-strong" ...]   "30-day"  "55-year-old"
//! unit      := "%" | currency word | [adj [adj]] class noun | raw noun
//! ```
//!
//! Never panics: every slice boundary comes from a nom parser or from
//! `char_indices`, numbers are parsed as `f64` (no integer overflow) and
//! non-finite values are dropped.  nom's own `tag_no_case` is not used because
//! on `&str` it compares by `char` but splits at the tag's *byte* length, which
//! can cut a multi-byte character (e.g. KELVIN SIGN vs "k").

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use nom::branch::alt;
use nom::bytes::complete::{take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::{not, opt, recognize};
use nom::error::{Error, ErrorKind};
use nom::multi::{many0_count, many1_count};
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// How the stated number relates to the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    AtLeast,
    AtMost,
    About,
}

/// Vocabulary of the grammar.  All keys are lowercase; multi-word keys use
/// single spaces ("at least", "per cent").  Keys that contain a character
/// other than letters and spaces ("$", "us$", "%", "km/h") are matched as
/// symbols (they may be glued to the number).
///
/// The vocabulary comes from the rule files (`rules/numbers.rules`).
#[derive(Debug, Clone)]
pub struct NumberWords {
    /// "zero".."nineteen", "twenty".."ninety".
    pub units: HashMap<String, u64>,
    /// "hundred", "thousand", "million", "billion", "trillion", "dozen" (12), "lakh", "crore";
    /// keys of at most 3 characters ("bn", "m", "mn", "tn", "k") are only used after a
    /// currency ("$3bn", "€300m", "300m euros").
    pub scales: HashMap<String, u64>,
    /// Symbol or word -> ISO code.  Symbol keys and keys of at most 3 letters written
    /// with a capital ("USD", "Rs") may precede the number; word keys may follow it.
    pub currencies: HashMap<String, String>,
    /// Words placed before the number.
    pub qualifiers: HashMap<String, Qualifier>,
    /// Head noun (or symbol) -> unit class.
    pub unit_classes: HashMap<String, String>,
    /// Head noun -> factor to the base unit of its class ("miles" -> 1.609344 for "km").
    /// Missing means 1.
    pub unit_factors: HashMap<String, f64>,
    /// Qualifier keys whose bound is exclusive ("more than", "over", "fewer than", "under").
    pub strict_qualifiers: HashSet<String>,
}

/// One quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    /// Byte offsets of the whole expression (qualifier, currency, number, scale, unit noun).
    pub start: usize,
    pub end: usize,
    /// Value in base units ("$1.2 billion" -> 1.2e9, "5 miles" -> 8.04672 km).
    /// For a range: the midpoint.
    pub value: f64,
    pub qualifier: Qualifier,
    /// Unit class ("people", "percent", "USD", "km", ...) or the raw lowercase head noun.
    pub unit: Option<String>,
    /// Raw lowercase head noun ("passengers", "dollars", "day" for "30-day").
    pub noun: Option<String>,
    /// Compound modifier: "a 30-day ceasefire", "a 55-year-old woman", "a four-hour meeting".
    pub modifier: bool,
    /// "between 10 and 12 people", "10 to 12 people", "10-12 people" (in base units).
    pub range: Option<(f64, f64)>,
    /// The qualifier bound is exclusive ("more than 12" excludes 12).
    pub strict: bool,
    /// The value was converted from another unit (miles -> km): `compatible` allows 5 %
    /// rounding slack.
    pub converted: bool,
}

impl NumberWords {
    /// Whether `unit` is a currency's ISO code ("EUR"), the unit of a sum of money.
    pub fn is_currency_code(&self, unit: &str) -> bool {
        self.currencies.values().any(|c| c == unit)
    }
}

impl Default for NumberWords {
    /// An empty vocabulary: the rule files (`rules/numbers.rules`) fill it.
    fn default() -> Self {
        NumberWords {
            units: HashMap::new(),
            scales: HashMap::new(),
            currencies: HashMap::new(),
            qualifiers: HashMap::new(),
            unit_classes: HashMap::new(),
            unit_factors: HashMap::new(),
            strict_qualifiers: HashSet::new(),
        }
    }
}

// ---------------------------------------------------------------------------
// Fixed grammar words (structure of English, not vocabulary)
// ---------------------------------------------------------------------------

/// Function words and common verbs: never a head noun, never a name part.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "into",
    "onto",
    "as",
    "than",
    "that",
    "this",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "while",
    "why",
    "how",
    "if",
    "so",
    "then",
    "there",
    "here",
    "it",
    "its",
    "they",
    "them",
    "their",
    "he",
    "him",
    "his",
    "she",
    "her",
    "we",
    "us",
    "our",
    "you",
    "your",
    "i",
    "me",
    "my",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "not",
    "no",
    "also",
    "only",
    "just",
    "all",
    "both",
    "each",
    "every",
    "either",
    "neither",
    "any",
    "some",
    "more",
    "most",
    "less",
    "least",
    "fewer",
    "other",
    "others",
    "another",
    "such",
    "same",
    "own",
    "over",
    "under",
    "up",
    "down",
    "out",
    "off",
    "about",
    "above",
    "below",
    "after",
    "before",
    "since",
    "until",
    "till",
    "during",
    "per",
    "via",
    "versus",
    "vs",
    "against",
    "among",
    "between",
    "through",
    "across",
    "around",
    "near",
    "ago",
    "later",
    "earlier",
    "apiece",
    "total",
    "overall",
    "altogether",
    "alone",
    "again",
    "too",
    "very",
    "said",
    "say",
    "says",
    "told",
    "according",
    "remain",
    "remains",
    "left",
    "fled",
    "went",
    "came",
    "got",
    "took",
    "made",
    "rose",
    "fell",
    "won",
    "lost",
    "beat",
    "face",
    "faces",
    "hold",
    "holds",
    "held",
    "include",
    "includes",
    "including",
    "ahead",
    "behind",
    "away",
    "apart",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "now",
    "still",
    "already",
    "yet",
    "even",
    "ever",
    "never",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "new",
    "old",
    "one",
    "ones",
    "percent",
    "am",
    "pm",
    "far",
    "what",
    "whereas",
    "because",
    "though",
    "although",
    "however",
    "instead",
    "like",
    "unlike",
    "within",
    "without",
    "toward",
    "towards",
    "upon",
    "onwards",
    "ones",
];
/// Stop words that may still stand as adjectives before a unit noun ("12 more people").
const ADJ_OK: &[&str] = &[
    "more",
    "other",
    "additional",
    "further",
    "new",
    "extra",
    "old",
    "young",
];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// A bare 4-digit year after these words is a year even with a unit noun after it.
const YEAR_PREPS: &[&str] = &[
    "in", "since", "until", "till", "by", "during", "before", "after", "from", "circa", "fiscal",
    "early", "late", "mid",
];
const TIME_CLASSES: &[&str] = &[
    "years", "months", "weeks", "days", "hours", "minutes", "seconds",
];
/// Measurement classes: a singular noun of these is a real unit even before
/// another noun ("10 mph winds"), unlike count nouns ("27 member states").
const MEASURE_CLASSES: &[&str] = &[
    "celsius",
    "percent",
    "percentage points",
    "basis points",
    "km",
    "mm",
    "km/h",
    "tonnes",
    "hectares",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
];
/// "from 10 to 12", "rose $2 to $85", "cut by 5 to 10 percent": two values, not a range.
const CHANGE_WORDS: &[&str] = &[
    "from",
    "by",
    "rose",
    "rise",
    "rises",
    "risen",
    "fell",
    "fall",
    "falls",
    "fallen",
    "up",
    "down",
    "climbed",
    "climbs",
    "jumped",
    "jumps",
    "dropped",
    "drops",
    "slipped",
    "gained",
    "gains",
    "lost",
    "increased",
    "increases",
    "decreased",
    "declined",
    "surged",
    "soared",
    "plunged",
    "tumbled",
    "slumped",
    "grew",
    "shrank",
    "cut",
    "raised",
    "lowered",
    "added",
    "shed",
    "edged",
    "widened",
    "narrowed",
    "higher",
    "lower",
];
/// "invest $2bn over five years" spreads over a period; "for over five years" is a bound.
const OVER_BOUND_BEFORE: &[&str] = &[
    "for", "of", "after", "in", "lasting", "lasted", "took", "taking", "spent", "served", "than",
    "within", "aged", "age",
];
/// "at one point", "on one side": idioms where "one" is not a count.
const ONE_IDIOMS: &[&str] = &["point", "side", "way", "hand", "time"];
/// Lowercase nouns that label a number ("junction 4", "page 12", "category 5").
const LABEL_NOUNS: &[&str] = &[
    "junction",
    "platform",
    "gate",
    "room",
    "page",
    "pages",
    "chapter",
    "section",
    "article",
    "clause",
    "paragraph",
    "exit",
    "route",
    "flight",
    "terminal",
    "number",
    "level",
    "grade",
    "category",
    "phase",
    "stage",
    "pier",
    "lane",
    "row",
    "line",
    "track",
    "item",
    "ward",
    "district",
    "zone",
    "block",
    "floor",
    "apartment",
    "flat",
    "highway",
    "interstate",
    "channel",
    "bay",
    "box",
    "version",
    "season",
    "episode",
    "volume",
    "act",
    "amendment",
    "proposition",
    "resolution",
    "bill",
    "code",
    "model",
    "type",
    "class",
    "division",
    "group",
    "hangar",
    "runway",
    "unit",
    "bus",
    "tier",
    "week",
    "day",
    "match",
    "game",
    "round",
    "race",
    "stand",
    "hole",
    "lot",
    "cell",
    "bed",
];
/// Suffixes after a compound modifier: "55-year-old", "a 5,000-strong crowd".
const MODIFIER_TAILS: &[&str] = &["old", "long", "strong", "high", "wide", "deep", "tall"];

// ---------------------------------------------------------------------------
// Lexical layer (nom)
// ---------------------------------------------------------------------------

type Res<'a, O> = IResult<&'a str, O>;

fn err(i: &str) -> nom::Err<Error<&str>> {
    nom::Err::Error(Error::new(i, ErrorKind::Tag))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

fn ws(i: &str) -> Res<'_, &str> {
    take_while1(char::is_whitespace).parse(i)
}

fn ws0(i: &str) -> Res<'_, &str> {
    take_while(char::is_whitespace).parse(i)
}

fn word(i: &str) -> Res<'_, &str> {
    take_while1(char::is_alphabetic).parse(i)
}

fn hyphen(i: &str) -> Res<'_, char> {
    char('-').parse(i)
}

fn dash(i: &str) -> Res<'_, char> {
    alt((char('-'), char('–'))).parse(i)
}

/// "12", "12,000", "1,234,567.89", "0.3" (a trailing "." is left alone).
fn numeral(i: &str) -> Res<'_, &str> {
    let group = preceded(
        char(','),
        terminated(take_while_m_n(3, 3, is_digit), not(satisfy(is_digit))),
    );
    recognize(pair(
        alt((
            recognize(pair(take_while_m_n(1, 3, is_digit), many1_count(group))),
            digit1,
        )),
        opt(pair(char('.'), digit1)),
    ))
    .parse(i)
}

/// "pro-Russian", "Ukrainian": a word with optional hyphenated parts.
fn adj_word(i: &str) -> Res<'_, &str> {
    recognize(pair(word, many0_count(pair(hyphen, word)))).parse(i)
}

/// Case-insensitive prefix match of a lowercase key; returns the byte length
/// consumed in `input` (char-accurate, so it never splits a character).
fn ci_prefix(input: &str, key: &str) -> Option<usize> {
    let mut it = input.char_indices();
    let mut end = 0;
    for kc in key.chars() {
        let (idx, ic) = it.next()?;
        let same = ic == kc
            || if ic.is_ascii() {
                ic.to_ascii_lowercase() == kc
            } else {
                let mut l = ic.to_lowercase();
                matches!((l.next(), l.next()), (Some(x), None) if x == kc)
            };
        if !same {
            return None;
        }
        end = idx + ic.len_utf8();
    }
    Some(end)
}

/// Case-insensitive tag (safe replacement for nom's `tag_no_case` on `&str`).
fn tag_ci<'a>(key: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| match ci_prefix(i, key) {
        Some(n) => Ok((&i[n..], &i[..n])),
        None => Err(err(i)),
    }
}

/// Case-insensitive keyword followed by a word boundary.
fn kw<'a>(key: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        let (r, m) = tag_ci(key)(i)?;
        if r.starts_with(char::is_alphanumeric) {
            Err(err(i))
        } else {
            Ok((r, m))
        }
    }
}

/// `-word` follows (a hyphenated compound continues).
fn hyphen_word(r: &str) -> bool {
    preceded(hyphen, word).parse(r).is_ok()
}

/// Consume the rest of a code/date/ordinal token ("16th", "05/2025", "19", "3-1").
fn skip_junk(i: &str) -> &str {
    let n = i
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_alphanumeric()
                || matches!(
                    c,
                    '.' | ',' | ':' | '/' | '-' | '–' | '_' | '\'' | '’' | '+' | '%'
                ))
        })
        .map_or(i.len(), |(p, _)| p);
    let mut s = &i[..n];
    while let Some(c) = s.chars().next_back() {
        if matches!(c, '.' | ',' | ':' | '\'' | '’') {
            s = &s[..s.len() - c.len_utf8()];
        } else {
            break;
        }
    }
    &i[s.len()..]
}

// ---------------------------------------------------------------------------
// Dictionaries
// ---------------------------------------------------------------------------

fn norm_key(k: &str) -> String {
    k.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_short(key: &str) -> bool {
    key.chars().count() <= 3
}

struct Dict<V> {
    words: HashMap<String, V>,
    maxw: usize,
    syms: Vec<(String, V)>,
    /// The first characters of the symbol keys: most positions of a text start none of them.
    sym_first: HashSet<char>,
}

impl<V: Clone> Dict<V> {
    fn new(src: &HashMap<String, V>) -> Self {
        let mut words = HashMap::new();
        let mut syms = Vec::new();
        let mut maxw = 0;
        for (k, v) in src {
            let k = norm_key(k);
            if k.is_empty() {
                continue;
            }
            if k.chars().all(|c| c.is_alphabetic() || c == ' ') {
                maxw = maxw.max(k.split(' ').count());
                words.insert(k, v.clone());
            } else {
                syms.push((k, v.clone()));
            }
        }
        syms.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then_with(|| a.0.cmp(&b.0))
        });
        let sym_first = syms.iter().filter_map(|(k, _)| k.chars().next()).collect();
        Dict {
            words,
            maxw,
            syms,
            sym_first,
        }
    }

    /// The most whitespace-separated chunks a key spans.
    fn span(&self) -> usize {
        let syms = self.syms.iter().map(|(k, _)| k.split(' ').count());
        syms.max().unwrap_or(0).max(self.maxw)
    }

    fn has(&self, k: &str) -> bool {
        self.words.contains_key(k)
    }

    /// Longest multi-word key at the start of `i` (whole words only).
    fn word<'a>(&self, i: &'a str) -> Option<(&'a str, String, &V)> {
        let mut rest = i;
        let mut key = String::new();
        let mut found = None;
        for n in 0..self.maxw {
            if n > 0 {
                match ws(rest) {
                    Ok((r, _)) => rest = r,
                    Err(_) => break,
                }
                key.push(' ');
            }
            let Ok((r, w)) = word(rest) else { break };
            if r.starts_with(is_digit) {
                break;
            }
            if w.is_ascii() {
                key.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                key.push_str(&w.to_lowercase());
            }
            rest = r;
            if let Some(v) = self.words.get(&key) {
                found = Some((rest, key.clone(), v));
            }
        }
        found
    }

    /// Longest symbol key at the start of `i`.
    /// Whether a symbol key can start `i`: only if its first character is the input's, or its
    /// lowercase (as in `ci_prefix`).
    fn may_start_sym(&self, i: &str) -> bool {
        let Some(c) = i.chars().next() else {
            return false;
        };
        let mut l = c.to_lowercase();
        let lower = match (l.next(), l.next()) {
            (Some(x), None) => Some(x),
            _ => None,
        };
        self.sym_first.contains(&c) || lower.is_some_and(|x| self.sym_first.contains(&x))
    }

    fn sym<'a>(&self, i: &'a str) -> Option<(&'a str, &str, &V)> {
        if !self.may_start_sym(i) {
            return None;
        }
        for (k, v) in &self.syms {
            if let Some(n) = ci_prefix(i, k) {
                let r = &i[n..];
                if k.ends_with(char::is_alphabetic) && r.starts_with(char::is_alphanumeric) {
                    continue;
                }
                return Some((r, k.as_str(), v));
            }
        }
        None
    }
}

struct Lex {
    units: Dict<u64>,
    scales: Dict<u64>,
    cur: Dict<String>,
    quals: Dict<Qualifier>,
    classes: Dict<String>,
    strict: HashSet<String>,
    factors: HashMap<String, f64>,
}

impl Lex {
    fn new(w: &NumberWords) -> Self {
        Lex {
            units: Dict::new(&w.units),
            scales: Dict::new(&w.scales),
            cur: Dict::new(&w.currencies),
            quals: Dict::new(&w.qualifiers),
            classes: Dict::new(&w.unit_classes),
            strict: w.strict_qualifiers.iter().map(|k| norm_key(k)).collect(),
            factors: w
                .unit_factors
                .iter()
                .filter(|(_, f)| f.is_finite() && **f > 0.0)
                .map(|(k, f)| (norm_key(k), *f))
                .collect(),
        }
    }

    fn is_number_word(&self, l: &str) -> bool {
        self.units.has(l) || self.scales.has(l)
    }

    fn factor(&self, key: &str) -> f64 {
        self.factors.get(key).copied().unwrap_or(1.0)
    }
}

// ---------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
struct Amount<'a> {
    rest: &'a str,
    value: f64,
    /// Value before the scale word ("2.5" in "2.5 million").
    raw: f64,
    scale: f64,
    scaled: bool,
    /// Plain 4-digit number in 1900..=2100.
    year_like: bool,
    /// The single word "one".
    bare_one: bool,
    dozen: bool,
    /// Letters glued to the digits form a unit ("5km", "300mm").
    glued: bool,
    digits: bool,
}

/// A race time at the start of `r`: minutes, seconds and a fraction ("2:03.84"), or hours,
/// minutes and seconds ("2:16:42", "1:02:33.5"); its length in bytes and its value in seconds.
/// A clock time ("10:30", "10:30 a.m.") is none: without a fraction or a third part, or before a
/// clock word.
pub(crate) fn race_time(r: &str) -> Option<(usize, f64)> {
    let b = r.as_bytes();
    let digits = |at: usize| {
        b[at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let num = |at: usize, n: usize| r[at..at + n].parse::<f64>().ok();
    let n1 = digits(0);
    if !(1..=2).contains(&n1) || b.get(n1) != Some(&b':') || digits(n1 + 1) != 2 {
        return None;
    }
    let (first, second) = (num(0, n1)?, num(n1 + 1, 2)?);
    let mut at = n1 + 3;
    let value = if b.get(at) == Some(&b':') && digits(at + 1) == 2 {
        // h:mm:ss
        let third = num(at + 1, 2)?;
        at += 3;
        if second >= 60.0 || third >= 60.0 {
            return None;
        }
        first * 3600.0 + second * 60.0 + third
    } else if b.get(at) == Some(&b'.') && (1..=3).contains(&digits(at + 1)) {
        // m:ss.hh
        if second >= 60.0 {
            return None;
        }
        first * 60.0 + second
    } else {
        return None;
    };
    if b.get(at) == Some(&b'.') && (1..=3).contains(&digits(at + 1)) {
        let n = digits(at + 1);
        let frac: f64 = r[at..at + 1 + n].parse().ok()?;
        at += 1 + n;
        return finish_race_time(r, at, value + frac);
    }
    finish_race_time(r, at, value)
}

fn finish_race_time(r: &str, at: usize, value: f64) -> Option<(usize, f64)> {
    let rest = &r[at..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // "10:30:15 GMT", "4:52:10 a.m.", "at 1800 hours": a clock.
    let next = rest.trim_start().split(' ').next().unwrap_or("");
    let clock = time_after(rest).is_some()
        || matches!(
            next.to_ascii_lowercase().as_str(),
            "local" | "hours" | "hrs"
        );
    (!clock).then_some((at, value))
}

/// A race time ([`race_time`]) at byte `at` of `text`, unless what stands before it makes it a
/// clock: "at 10:30:15", "from 03:12:45" (a clock's leading zero).
pub(crate) fn race_time_at(text: &str, at: usize) -> Option<(usize, f64)> {
    let r = &text[at..];
    if r.starts_with('0') {
        return None;
    }
    let before = text[..at].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(
        word.as_str(),
        "at" | "from" | "until" | "till" | "by" | "after" | "before"
    ) {
        return None;
    }
    race_time(r)
}

fn amount<'a>(lex: &Lex, i: &'a str, cur_ctx: bool) -> Result<Option<Amount<'a>>, &'a str> {
    if i.starts_with(is_digit) {
        digit_amount(lex, i, cur_ctx)
    } else if cur_ctx {
        Ok(None)
    } else {
        Ok(spelled(lex, i))
    }
}

fn currency_follows(lex: &Lex, r: &str) -> bool {
    ws(r).ok().and_then(|(r2, _)| lex.cur.word(r2)).is_some()
}

fn apply_scale(a: &mut Amount<'_>, scale: u64, key: &str) -> bool {
    let v = a.raw * scale as f64;
    if !v.is_finite() {
        return false;
    }
    a.scale = scale as f64;
    a.value = v;
    a.scaled = true;
    a.year_like = false;
    a.dozen = key == "dozen";
    true
}

/// Digits, optional glued/hyphenated/spaced scale.  `Err(rest)` = a code, date,
/// time or ordinal that must be skipped up to `rest`.
fn digit_amount<'a>(lex: &Lex, i: &'a str, cur_ctx: bool) -> Result<Option<Amount<'a>>, &'a str> {
    let Ok((mut r, s)) = numeral(i) else {
        return Ok(None);
    };
    let plain: String = s.chars().filter(|&c| c != ',').collect();
    let value = plain.parse::<f64>().unwrap_or(f64::INFINITY);
    if !value.is_finite() {
        return Err(skip_junk(r));
    }
    let mut a = Amount {
        rest: r,
        value,
        raw: value,
        scale: 1.0,
        scaled: false,
        year_like: s.len() == 4
            && s.bytes().all(|b| b.is_ascii_digit())
            && (1900.0..=2100.0).contains(&value),
        bare_one: false,
        dozen: false,
        glued: false,
        digits: true,
    };
    let mut chars = r.chars();
    let (c0, c1) = (chars.next(), chars.next());
    match c0 {
        Some(c) if c.is_alphabetic() => {
            // "16th", "3bn", "5km", "10am", "1990s", "4G"
            let Ok((r2, g)) = word(r) else {
                return Err(skip_junk(r));
            };
            if r2.starts_with(is_digit) {
                return Err(skip_junk(r2));
            }
            let gl = g.to_lowercase();
            let scale = lex
                .scales
                .words
                .get(&gl)
                .copied()
                .filter(|_| !is_short(&gl) || cur_ctx || currency_follows(lex, r2));
            if let Some(sc) = scale {
                if !apply_scale(&mut a, sc, &gl) {
                    return Err(skip_junk(r2));
                }
                r = r2;
            } else if lex.classes.sym(r).is_some() || lex.classes.has(&gl) {
                a.glued = true;
            } else {
                return Err(skip_junk(r));
            }
        }
        Some(':' | '/' | '.' | ',') if c1.is_some_and(is_digit) => return Err(skip_junk(r)),
        Some('-') => {
            // "$1.5-billion"
            if let Ok((r2, g)) = preceded(hyphen, word).parse(r) {
                let gl = g.to_lowercase();
                let scale = lex.scales.words.get(&gl).copied();
                if let Some(sc) = scale.filter(|_| !is_short(&gl)) {
                    if apply_scale(&mut a, sc, &gl) {
                        r = r2;
                    }
                }
            }
        }
        _ => {}
    }
    if !a.scaled && !a.glued {
        let found = ws(r).ok().and_then(|(r1, _)| lex.scales.word(r1));
        if let Some((r2, key, &sc)) = found {
            if (!is_short(&key) || cur_ctx) && apply_scale(&mut a, sc, &key) {
                r = r2;
            }
        }
    }
    a.rest = r;
    Ok(Some(a))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum St {
    Start,
    AfterA,
    Unit,
    Teen,
    Tens,
    Hundred,
    Dozen,
    Scale,
    Half,
}

fn classify(v: u64) -> St {
    match v {
        0..=9 => St::Unit,
        20..=90 if v % 10 == 0 => St::Tens,
        _ => St::Teen,
    }
}

/// Spelled-out numbers: "three", "twenty-five", "one hundred and twenty",
/// "a dozen", "half a million", "two and a half million", "a thousand".
fn spelled<'a>(lex: &Lex, i: &'a str) -> Option<Amount<'a>> {
    use St::*;
    let a_or_an = |x: &'a str| alt((kw("an"), kw("a"))).parse(x);
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut st = Start;
    let mut last_big = f64::INFINITY;
    let mut bigs = 0;
    let mut words = 0usize;
    let mut first_one = false;
    let mut dozen = false;
    let mut rest = i;
    if let Ok((r, _)) = (kw("half"), ws, a_or_an, ws).parse(i) {
        cur = 0.5;
        st = AfterA;
        rest = r;
    } else if let Ok((r, _)) = (a_or_an, ws).parse(i) {
        cur = 1.0;
        st = AfterA;
        rest = r;
    }
    // state before an "and"-joined group, restored if a larger scale follows it
    // ("three million and four million" stops after "three million")
    type Cp<'x> = (&'x str, f64, f64, St, usize);
    let mut checkpoint: Option<Cp<'a>> = None;
    loop {
        let (mut cand, hy) = if matches!(st, Start | AfterA) {
            (rest, false)
        } else if let Ok((r, _)) = hyphen(rest) {
            (r, true)
        } else if let Ok((r, _)) = ws(rest) {
            (r, false)
        } else {
            break;
        };
        let half = if !hy && matches!(st, Unit | Teen | Tens) {
            (kw("and"), ws, kw("a"), ws, kw("half")).parse(cand).ok()
        } else {
            None
        };
        if let Some((r, _)) = half {
            cur += 0.5;
            st = Half;
            rest = r;
            words += 1;
            checkpoint = None;
            continue;
        }
        let mut used_and = false;
        if !hy && matches!(st, Hundred | Scale) {
            if let Ok((r, _)) = (kw("and"), ws).parse(cand) {
                cand = r;
                used_and = true;
            }
        }
        if let Some((r, _, &v)) = lex.units.word(cand) {
            let kind = classify(v);
            let ok = if hy {
                st == Tens && kind == Unit && v > 0
            } else {
                match st {
                    Start | Hundred | Scale => true,
                    Tens => kind == Unit && v > 0,
                    _ => false,
                }
            };
            if !ok {
                break;
            }
            checkpoint = used_and.then_some((rest, total, cur, st, words));
            if st == Start {
                first_one = v == 1;
            }
            cur += v as f64;
            st = kind;
            rest = r;
            words += 1;
            continue;
        }
        if hy || used_and {
            break;
        }
        let Some((r, key, &s)) = lex.scales.word(cand) else {
            break;
        };
        let accepted = if is_short(&key) {
            false
        } else if s == 100 {
            let ok = matches!(st, Unit | Teen | Tens | AfterA) && cur > 0.0 && cur < 100.0;
            if ok {
                cur *= 100.0;
                st = Hundred;
            }
            ok
        } else if (2..100).contains(&s) {
            let ok = matches!(st, Unit | Teen | Tens | AfterA);
            if ok {
                cur *= s as f64;
                st = Dozen;
                dozen = true;
            }
            ok
        } else if s >= 1000 {
            let sf = s as f64;
            let ok = matches!(st, Unit | Teen | Tens | Hundred | AfterA | Dozen | Half)
                && sf < last_big
                && cur > 0.0;
            if ok {
                total += cur * sf;
                cur = 0.0;
                last_big = sf;
                bigs += 1;
                st = Scale;
            }
            ok
        } else {
            false
        };
        if !accepted {
            if let Some((r0, t0, c0, s0, w0)) = checkpoint {
                rest = r0;
                total = t0;
                cur = c0;
                st = s0;
                words = w0;
            }
            break;
        }
        checkpoint = None;
        rest = r;
        words += 1;
    }
    if matches!(st, Start | AfterA) {
        return None;
    }
    let value = total + cur;
    if !value.is_finite() {
        return None;
    }
    let (raw, scale, scaled) = if st == Scale && bigs == 1 {
        (total / last_big, last_big, true)
    } else {
        (value, 1.0, false)
    };
    Some(Amount {
        rest,
        value,
        raw,
        scale,
        scaled,
        year_like: false,
        bare_one: words == 1 && first_one && st == Unit,
        dozen,
        glued: false,
        digits: false,
    })
}

/// Currency before the number: "$", "US$", "€", "Rs", "USD".
fn currency_prefix<'a>(lex: &Lex, i: &'a str) -> Option<(&'a str, String)> {
    let code = || {
        if !i.starts_with(char::is_uppercase) {
            return None;
        }
        lex.cur
            .word(i)
            .filter(|(_, key, _)| is_short(key))
            .map(|(r, _, iso)| (r, iso.clone()))
    };
    let (r, iso) = lex
        .cur
        .sym(i)
        .map(|(r, _, iso)| (r, iso.clone()))
        .or_else(code)?;
    let r = match ws(r) {
        Ok((r2, _)) => r2,
        Err(_) => r,
    };
    r.starts_with(is_digit).then_some((r, iso))
}

// ---------------------------------------------------------------------------
// Context: times, dates, ratios, names
// ---------------------------------------------------------------------------

/// "10 a.m.", "8pm", "10 o'clock", "1400 GMT".
fn time_after(r: &str) -> Option<&str> {
    let (r, _) = ws0(r).ok()?;
    alt((
        tag_ci("a.m."),
        tag_ci("p.m."),
        tag_ci("a.m"),
        tag_ci("p.m"),
        kw("am"),
        kw("pm"),
        tag_ci("o'clock"),
        tag_ci("o’clock"),
        kw("gmt"),
        kw("utc"),
        kw("bst"),
        kw("cet"),
        kw("est"),
        kw("edt"),
        kw("pst"),
        kw("pdt"),
        kw("noon"),
        kw("midnight"),
    ))
    .parse(r)
    .ok()
    .map(|(r, _)| r)
}

fn is_month(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && MONTHS.contains(&w.to_lowercase().as_str())
}

/// "16 May".
fn month_after(r: &str) -> Option<&str> {
    let (r, _) = ws(r).ok()?;
    let (r, w) = word(r).ok()?;
    if !is_month(w) {
        return None;
    }
    Some(r.strip_prefix('.').unwrap_or(r))
}

/// "one in five", "3 out of 10" (not "12 in 24 hours", not "12 in 2019").
fn ratio_after<'a>(lex: &Lex, r: &'a str) -> Option<&'a str> {
    let (r2, _) = (
        ws,
        alt((kw("in"), recognize((kw("out"), ws, kw("of"))))),
        ws,
    )
        .parse(r)
        .ok()?;
    let b = amount(lex, r2, false).ok()??;
    if b.year_like {
        return None;
    }
    let duration =
        unit_stage(lex, b.rest, b.glued).is_some_and(|h| TIME_CLASSES.contains(&h.unit.as_str()));
    (!duration).then_some(b.rest)
}

/// The whitespace-separated token just before `before`'s end.
fn prev_token(before: &str) -> Option<&str> {
    let t = before.trim_end_matches(char::is_whitespace);
    if t.len() == before.len() || t.is_empty() {
        return None;
    }
    let start = t
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(p, c)| p + c.len_utf8());
    Some(&t[start..])
}

fn prev_lower(before: &str) -> Option<String> {
    prev_token(before).map(str::to_lowercase)
}

fn prev_is_month(before: &str) -> bool {
    prev_token(before).is_some_and(|t| is_month(t.strip_suffix('.').unwrap_or(t)))
}

fn prev_is_no(before: &str) -> bool {
    prev_lower(before).is_some_and(|t| t == "no." || t == "nos.")
}

fn prev_is_label(before: &str) -> bool {
    prev_lower(before).is_some_and(|t| LABEL_NOUNS.contains(&t.as_str()))
}

/// "Boeing 737", "Route 9", "Section 230": a capitalised word right before the number.
fn prev_is_name(lex: &Lex, before: &str) -> bool {
    let Some(t) = prev_token(before) else {
        return false;
    };
    if !t.starts_with(char::is_uppercase) || !t.chars().all(char::is_alphabetic) {
        return false;
    }
    let l = t.to_lowercase();
    !(STOP.contains(&l.as_str())
        || WEEKDAYS.contains(&l.as_str())
        || MONTHS.contains(&l.as_str())
        || lex.quals.has(&l)
        || lex.is_number_word(&l))
}

// ---------------------------------------------------------------------------
// Unit nouns
// ---------------------------------------------------------------------------

struct UnitHit<'a> {
    rest: &'a str,
    unit: String,
    noun: Option<String>,
    /// Found in `unit_classes` or `currencies`.
    known: bool,
    factor: f64,
    currency: bool,
    /// "55 year old"
    year_old: bool,
}

fn class_hit<'a>(lex: &Lex, rest: &'a str, class: &str, key: &str, noun: bool) -> UnitHit<'a> {
    UnitHit {
        rest,
        unit: class.to_string(),
        noun: noun.then(|| key.to_string()),
        known: true,
        factor: lex.factor(key),
        currency: false,
        year_old: false,
    }
}

fn noun_ok(lex: &Lex, w: &str) -> bool {
    let l = w.to_lowercase();
    let n = l.chars().count();
    let rejected = n < 2
        || STOP.contains(&l.as_str())
        || lex.is_number_word(&l)
        || l.ends_with("ly")
        || (l.ends_with("ed") && n > 4)
        || MONTHS.contains(&l.as_str())
        || WEEKDAYS.contains(&l.as_str())
        || lex.quals.has(&l);
    !rejected
}

fn adj_ok(lex: &Lex, w: &str) -> bool {
    let l = w.to_lowercase();
    ADJ_OK.contains(&l.as_str())
        || !(STOP.contains(&l.as_str())
            || lex.is_number_word(&l)
            || MONTHS.contains(&l.as_str())
            || lex.quals.has(&l))
}

/// A unit_classes noun at `p` (plus "home games" -> games, "55 year old").
fn class_noun<'a>(lex: &Lex, p: &'a str) -> Option<UnitHit<'a>> {
    let (mut r, mut key, mut class) = lex
        .classes
        .word(p)
        .filter(|(r, _, _)| !hyphen_word(r))
        .map(|(r, k, c)| (r, k, c.clone()))?;
    let compound = ws(r)
        .ok()
        .and_then(|(r1, _)| lex.classes.word(r1))
        .filter(|(r2, _, _)| !hyphen_word(r2));
    if let Some((r2, k2, c2)) = compound {
        r = r2;
        key = k2;
        class = c2.clone();
    } else if !key.ends_with('s') && !MEASURE_CLASSES.contains(&class.as_str()) {
        // "27 member states": the count noun is an adjunct of a plural head noun
        let head = ws(r).and_then(|(r1, _)| word(r1)).ok().filter(|&(r2, w)| {
            w.ends_with('s')
                && !w.starts_with(char::is_uppercase)
                && noun_ok(lex, w)
                && !hyphen_word(r2)
        });
        if let Some((r2, w)) = head {
            return Some(raw_hit(r2, w));
        }
    }
    let mut h = class_hit(lex, r, &class, &key, true);
    if key == "year" {
        if let Ok((r2, _)) = (ws, kw("old")).parse(h.rest) {
            h.rest = r2;
            h.year_old = true;
        }
    }
    Some(h)
}

fn raw_hit<'a>(rest: &'a str, w: &str) -> UnitHit<'a> {
    let l = w.to_lowercase();
    UnitHit {
        rest,
        unit: l.clone(),
        noun: Some(l),
        known: false,
        factor: 1.0,
        currency: false,
        year_old: false,
    }
}

/// A head noun not in unit_classes: "12 ballots", "12 Ukrainian conscripts", "12 Democrats".
fn raw_noun<'a>(lex: &Lex, r1: &'a str) -> Option<UnitHit<'a>> {
    let mut r1 = r1;
    for _ in 0..2 {
        // "14 new factories", "12 other firms", "seven 17th-century paintings"
        let run = r1
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(r1.len());
        let (w, r2) = r1.split_at(run);
        let compound = w.contains('-')
            && !w.starts_with('-')
            && !w.ends_with(['-', 's'])
            && w.starts_with(char::is_alphanumeric);
        let skip = (ADJ_OK.contains(&w.to_lowercase().as_str()) || compound)
            .then(|| ws(r2).ok())
            .flatten();
        match skip {
            Some((r3, _)) => r1 = r3,
            None => break,
        }
    }
    let (r2, w1) = word(r1).ok()?;
    if hyphen_word(r2) || r2.starts_with(is_digit) {
        return None;
    }
    if !w1.starts_with(char::is_uppercase) {
        return noun_ok(lex, w1).then(|| raw_hit(r2, w1));
    }
    let l1 = w1.to_lowercase();
    if !noun_ok(lex, &l1) {
        return None;
    }
    let second = ws(r2)
        .and_then(|(r3, _)| word(r3))
        .ok()
        .filter(|&(r4, w2)| {
            !w2.starts_with(char::is_uppercase)
                && w2.ends_with('s')
                && noun_ok(lex, w2)
                && !hyphen_word(r4)
        });
    if let Some((r4, w2)) = second {
        return Some(raw_hit(r4, w2));
    }
    let plural_name = w1.ends_with('s') && w1.chars().count() >= 4;
    let all_caps = w1.chars().all(char::is_uppercase);
    (plural_name && !all_caps).then(|| raw_hit(r2, w1))
}

/// What follows a number: "%", "per cent", "dollars", "people",
/// "Ukrainian soldiers", "ballots".
fn unit_stage<'a>(lex: &Lex, r: &'a str, glued: bool) -> Option<UnitHit<'a>> {
    if glued {
        if let Some((r2, key, class)) = lex.classes.sym(r) {
            return Some(class_hit(lex, r2, class, key, false));
        }
        let (r2, g) = word(r).ok()?;
        let gl = g.to_lowercase();
        let class = lex.classes.words.get(&gl)?;
        return Some(class_hit(lex, r2, class, &gl, true));
    }
    let after_ws = ws(r).ok().map(|(x, _)| x);
    for cand in [Some(r), after_ws].into_iter().flatten() {
        if let Some((r2, key, class)) = lex.classes.sym(cand) {
            return Some(class_hit(lex, r2, class, key, false));
        }
    }
    let r1 = after_ws?;
    if let Some((r2, key, iso)) = lex.cur.word(r1).filter(|(r2, _, _)| !hyphen_word(r2)) {
        return Some(UnitHit {
            rest: r2,
            unit: iso.clone(),
            noun: Some(key),
            known: true,
            factor: 1.0,
            currency: true,
            year_old: false,
        });
    }
    if let Some(h) = class_noun(lex, r1) {
        return Some(h);
    }
    let mut p = r1;
    for _ in 0..2 {
        let Ok((p2, adj)) = adj_word(p) else { break };
        if !adj_ok(lex, adj) {
            break;
        }
        let Ok((p3, _)) = ws(p2) else { break };
        if let Some(h) = class_noun(lex, p3) {
            return Some(h);
        }
        p = p3;
    }
    raw_noun(lex, r1)
}

// ---------------------------------------------------------------------------
// Mentions
// ---------------------------------------------------------------------------

struct Ctx<'t> {
    lex: &'t Lex,
    text: &'t str,
}

impl Ctx<'_> {
    /// Byte offset of a suffix of `text`.
    fn off(&self, rest: &str) -> usize {
        self.text.len() - rest.len()
    }
}

/// What precedes the amount.
struct Base<'t> {
    start: usize,
    before: &'t str,
    qual: Option<Qualifier>,
    strict: bool,
    /// No qualifier, no currency prefix, not "between".
    bare: bool,
}

enum Attempt {
    Found(QuantityMention),
    /// Not a quantity (date, code, score, ...): resume scanning at this offset.
    Skip(usize),
    Nothing,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Conn {
    Hyphen,
    To,
    Between,
}

fn not_one(f: f64) -> bool {
    (f - 1.0).abs() > f64::EPSILON
}

fn try_at(cx: &Ctx<'_>, start: usize) -> Attempt {
    let lex = cx.lex;
    let text = cx.text;
    let before = &text[..start];
    let mut r = &text[start..];
    let mut qual = None;
    let mut strict = false;
    let mut qual_key = String::new();
    let q = match lex.quals.sym(r) {
        Some((r2, key, q)) => Some((r2, key.to_string(), *q, true)),
        None => lex.quals.word(r).map(|(r2, key, q)| (r2, key, *q, false)),
    };
    if let Some((r2, key, q, is_sym)) = q {
        r = match ws(r2) {
            Ok((r3, _)) => r3,
            Err(_) if is_sym => r2,
            Err(_) => return Attempt::Nothing,
        };
        qual = Some(q);
        strict = lex.strict.contains(&key);
        qual_key = key;
    }
    let after_qual = cx.off(r);
    let between = match (kw("between"), ws).parse(r) {
        Ok((r2, _)) => {
            r = r2;
            true
        }
        Err(_) => false,
    };
    let mut iso_a = None;
    if let Some((r2, iso)) = currency_prefix(lex, r) {
        r = r2;
        iso_a = Some(iso);
    }
    // A race time ("2:03.84", "2:16:42"): seconds.
    if iso_a.is_none() && !between {
        if let Some((len, secs)) = race_time_at(text, cx.off(r)) {
            return Attempt::Found(QuantityMention {
                start,
                end: cx.off(&r[len..]),
                value: secs,
                qualifier: qual.unwrap_or(Qualifier::Exact),
                unit: Some("seconds".into()),
                noun: None,
                modifier: false,
                range: None,
                strict,
                converted: false,
            });
        }
    }
    let a = match amount(lex, r, iso_a.is_some()) {
        Ok(Some(a)) => a,
        Ok(None) => return Attempt::Nothing,
        Err(rest) => return Attempt::Skip(cx.off(rest)),
    };
    let base = Base {
        start,
        before,
        qual,
        strict,
        bare: qual.is_none() && iso_a.is_none() && !between,
    };
    if between {
        let Ok((r, _)) = (ws, kw("and"), ws).parse(a.rest) else {
            return Attempt::Nothing;
        };
        let (r, iso_b) = match currency_prefix(lex, r) {
            Some((r2, iso)) => (r2, Some(iso)),
            None => (r, None),
        };
        return match amount(lex, r, iso_a.is_some() || iso_b.is_some()) {
            Ok(Some(b)) => finish_range(cx, &base, a, b, iso_a, iso_b, Conn::Between),
            _ => Attempt::Nothing,
        };
    }

    // dates, times, ratios
    if base.bare && (prev_is_month(before) || prev_is_no(before)) {
        return Attempt::Skip(cx.off(a.rest));
    }
    if iso_a.is_none() && !a.scaled && !a.glued {
        if let Some(r2) = time_after(a.rest).or_else(|| month_after(a.rest)) {
            return Attempt::Skip(cx.off(r2));
        }
        if let Some(r2) = ratio_after(lex, a.rest) {
            return Attempt::Skip(cx.off(r2));
        }
    }

    // ranges
    match try_range(lex, &a, iso_a.is_some()) {
        Err(rest) => return Attempt::Skip(cx.off(rest)),
        Ok(Some((b, iso_b, conn))) => return finish_range(cx, &base, a, b, iso_a, iso_b, conn),
        Ok(None) => {}
    }

    // "+", "-plus", "-odd", compound modifiers
    let mut qual = base.qual;
    let mut rr = a.rest;
    if let Ok((r2, _)) = char::<&str, Error<&str>>('+').parse(rr) {
        qual.get_or_insert(Qualifier::AtLeast);
        rr = r2;
    } else if let Some((r2, w)) = preceded(hyphen, word).parse(rr).ok().filter(|_| !a.glued) {
        match w.to_lowercase().as_str() {
            "plus" => {
                qual.get_or_insert(Qualifier::AtLeast);
                rr = r2;
            }
            "odd" => {
                qual.get_or_insert(Qualifier::About);
                rr = r2;
            }
            _ if iso_a.is_some() => {}
            _ => return modifier(cx, &base, &a, w, r2),
        }
    }

    // unit
    let (iso, hit) = match iso_a {
        Some(iso) => (Some(iso), None),
        None => match unit_stage(lex, rr, a.glued) {
            Some(h) if h.currency => (Some(h.unit.clone()), Some(h)),
            h => (None, h),
        },
    };
    let known = iso.is_some() || hit.as_ref().is_some_and(|h| h.known);
    let end = hit.as_ref().map_or(rr, |h| h.rest);
    if a.year_like
        && iso.is_none()
        && (!known
            || prev_is_month(before)
            || prev_lower(before).is_some_and(|p| YEAR_PREPS.contains(&p.as_str())))
    {
        return Attempt::Skip(cx.off(a.rest));
    }
    if base.bare && !known && (prev_is_name(lex, before) || prev_is_label(before)) {
        return Attempt::Skip(cx.off(a.rest));
    }
    if a.bare_one && base.bare {
        let counted = iso.is_some()
            || hit.as_ref().is_some_and(|h| {
                h.known
                    && !TIME_CLASSES.contains(&h.unit.as_str())
                    && !h.noun.as_deref().is_some_and(|n| ONE_IDIOMS.contains(&n))
            });
        if !counted {
            return Attempt::Skip(cx.off(a.rest));
        }
    }
    let factor = hit.as_ref().map_or(1.0, |h| h.factor);
    let value = a.value * factor;
    if !value.is_finite() {
        return Attempt::Skip(cx.off(end));
    }
    let (mut start, mut strict) = (start, base.strict);
    if qual_key == "over"
        && iso.is_none()
        && hit
            .as_ref()
            .is_some_and(|h| TIME_CLASSES.contains(&h.unit.as_str()))
        && !prev_lower(before).is_some_and(|p| OVER_BOUND_BEFORE.contains(&p.as_str()))
    {
        // a period, not a bound: the mention starts at the number
        start = after_qual;
        strict = false;
        qual = None;
    }
    Attempt::Found(QuantityMention {
        start,
        end: cx.off(end),
        value,
        qualifier: qual.unwrap_or(if a.dozen {
            Qualifier::About
        } else {
            Qualifier::Exact
        }),
        unit: iso.or_else(|| hit.as_ref().map(|h| h.unit.clone())),
        noun: hit.as_ref().and_then(|h| h.noun.clone()),
        modifier: hit.as_ref().is_some_and(|h| h.year_old),
        range: None,
        strict,
        converted: not_one(factor),
    })
}

type RangeHit<'a> = (Amount<'a>, Option<String>, Conn);

/// "10-12", "10–12", "$10-$12", "10 to 12", "two to three".
fn try_range<'a>(
    lex: &Lex,
    a: &Amount<'a>,
    cur_ctx: bool,
) -> Result<Option<RangeHit<'a>>, &'a str> {
    if a.glued {
        return Ok(None);
    }
    if let Some((r, _)) = dash(a.rest).ok().filter(|_| a.digits) {
        let (r, iso_b) = match currency_prefix(lex, r) {
            Some((r2, iso)) => (r2, Some(iso)),
            None => (r, None),
        };
        if r.starts_with(is_digit) {
            return match digit_amount(lex, r, cur_ctx || iso_b.is_some())? {
                Some(b) => Ok(Some((b, iso_b, Conn::Hyphen))),
                None => Ok(None),
            };
        }
    }
    if let Ok((r, _)) = (ws, kw("to"), ws).parse(a.rest) {
        let (r, iso_b) = match currency_prefix(lex, r) {
            Some((r2, iso)) => (r2, Some(iso)),
            None => (r, None),
        };
        if let Ok(Some(b)) = amount(lex, r, cur_ctx || iso_b.is_some()) {
            return Ok(Some((b, iso_b, Conn::To)));
        }
    }
    Ok(None)
}

fn finish_range<'t>(
    cx: &Ctx<'t>,
    base: &Base<'t>,
    mut a: Amount<'t>,
    b: Amount<'t>,
    iso_a: Option<String>,
    iso_b: Option<String>,
    conn: Conn,
) -> Attempt {
    let lex = cx.lex;
    if iso_a.is_none() && iso_b.is_none() && !b.scaled && !b.glued {
        if let Some(r) = time_after(b.rest).or_else(|| month_after(b.rest)) {
            return Attempt::Skip(cx.off(r));
        }
    }
    // "10 to 12 million" -> 10 million
    if !a.scaled && b.scaled && a.raw < b.raw {
        a.value = a.raw * b.scale;
        a.scaled = true;
        a.year_like = false;
    }
    let iso = iso_a.or(iso_b);
    let hit = if iso.is_none() {
        unit_stage(lex, b.rest, b.glued)
    } else {
        None
    };
    let (iso, hit) = match hit {
        Some(h) if h.currency => (Some(h.unit.clone()), Some(h)),
        h => (iso, h),
    };
    let known = iso.is_some() || hit.as_ref().is_some_and(|h| h.known);
    let end = hit.as_ref().map_or(b.rest, |h| h.rest);
    let factor = hit.as_ref().map_or(1.0, |h| h.factor);
    let unit = iso.or_else(|| hit.as_ref().map(|h| h.unit.clone()));
    let noun = hit.as_ref().and_then(|h| h.noun.clone());
    let qualifier = base.qual.unwrap_or(Qualifier::Exact);

    // "rose from 10 to 12 percent": two values, not a range; report the first here
    if conn == Conn::To
        && base.qual.is_none()
        && prev_lower(base.before).is_some_and(|p| CHANGE_WORDS.contains(&p.as_str()))
    {
        if a.year_like && !known {
            return Attempt::Skip(cx.off(a.rest));
        }
        let value = a.value * factor;
        if !value.is_finite() {
            return Attempt::Skip(cx.off(a.rest));
        }
        return Attempt::Found(QuantityMention {
            start: base.start,
            end: cx.off(a.rest),
            value,
            qualifier,
            unit,
            noun,
            modifier: false,
            range: None,
            strict: false,
            converted: not_one(factor),
        });
    }
    let skip = Attempt::Skip(cx.off(end));
    // scores and tallies: "3-1", "218 to 214"
    if conn != Conn::Between && a.value >= b.value {
        return skip;
    }
    if conn == Conn::Hyphen && !known {
        return skip;
    }
    if (a.year_like || b.year_like) && !known {
        return skip;
    }
    if base.bare && !known && (prev_is_name(lex, base.before) || prev_is_label(base.before)) {
        return skip;
    }
    let lo = a.value.min(b.value) * factor;
    let hi = a.value.max(b.value) * factor;
    if !(lo.is_finite() && hi.is_finite()) {
        return skip;
    }
    Attempt::Found(QuantityMention {
        start: base.start,
        end: cx.off(end),
        value: lo / 2.0 + hi / 2.0,
        qualifier,
        unit,
        noun,
        modifier: false,
        range: Some((lo, hi)),
        strict: base.strict,
        converted: not_one(factor),
    })
}

/// "30-day", "55-year-old", "four-hour", "a 12-member jury".
fn modifier<'t>(
    cx: &Ctx<'t>,
    base: &Base<'t>,
    a: &Amount<'t>,
    w: &'t str,
    after: &'t str,
) -> Attempt {
    let lex = cx.lex;
    let wl = w.to_lowercase();
    let junk = Attempt::Skip(cx.off(skip_junk(after)));
    if lex.is_number_word(&wl) || w.chars().count() < 2 || w.chars().all(char::is_uppercase) {
        return junk; // "fifty-fifty", "3-D", "737-MAX"
    }
    let class = lex.classes.words.get(&wl).cloned();
    if class.is_none() && (a.bare_one || wl.ends_with('s') || a.year_like) {
        return junk; // "one-off", "two-thirds"
    }
    if base.bare && class.is_none() && prev_is_name(lex, base.before) {
        return junk;
    }
    let mut end = after;
    if let Ok((r, t)) = preceded(hyphen, word).parse(after) {
        if MODIFIER_TAILS.contains(&t.to_lowercase().as_str()) {
            end = r;
        }
    }
    let factor = lex.factor(&wl);
    let value = a.value * factor;
    if !value.is_finite() {
        return junk;
    }
    Attempt::Found(QuantityMention {
        start: base.start,
        end: cx.off(end),
        value,
        qualifier: base.qual.unwrap_or(if a.dozen {
            Qualifier::About
        } else {
            Qualifier::Exact
        }),
        unit: Some(class.unwrap_or_else(|| wl.clone())),
        noun: Some(wl),
        modifier: true,
        range: None,
        strict: base.strict,
        converted: not_one(factor),
    })
}

/// A mention may start after whitespace or opening punctuation, never inside a
/// word or a code ("G7", "COVID-19", "16/05").
fn start_allowed(text: &str, i: usize) -> bool {
    match text[..i].chars().next_back() {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '—')
        }
    }
}

/// A compiled vocabulary: build once, call [`QuantityFinder::find`] many times
/// (`find_quantities` rebuilds it on every call).
pub struct QuantityFinder {
    lex: Lex,
    /// The first words of the spelled numbers and scales ("twenty", "dozen", "million"): with
    /// digits, the anchors without which no quantity can start.
    anchor_words: WordSet,
    /// The words that can start a quantity before its amount (the first words of qualifiers
    /// and currencies, "between", "a", "an", "half"), lowercase: a chunk without an amount
    /// that starts with none of them (nor with a symbol) starts no quantity.
    lead_words: WordSet,
    /// How many whitespace-separated chunks a quantity can run before its amount: a qualifier,
    /// "between", a currency, as words or symbols.
    lead: usize,
    /// The unit classes ("people", "money"): the values of `unit_classes`.
    classes: HashSet<String>,
}

impl std::fmt::Debug for QuantityFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("QuantityFinder")
    }
}

/// A set of lowercase words, looked up with a word as written: its words' lengths and ASCII
/// first letters turn most words away before they are lowercased and hashed.
#[derive(Debug, Clone)]
struct WordSet {
    words: HashSet<String>,
    min_len: usize,
    max_len: usize,
    /// Bit `c` for a word starting with ASCII `c` (lowercase).
    first: u128,
}

impl WordSet {
    fn new(words: HashSet<String>) -> WordSet {
        let mut f = WordSet {
            words: HashSet::new(),
            min_len: usize::MAX,
            max_len: 0,
            first: 0,
        };
        for w in &words {
            f.min_len = f.min_len.min(w.len());
            f.max_len = f.max_len.max(w.len());
            if let Some(b) = w.bytes().next().filter(u8::is_ascii) {
                f.first |= 1 << b;
            }
        }
        f.words = words;
        f
    }

    /// Whether `w` (as written, any case) can be in the set. Lowercasing changes the length
    /// only outside ASCII, so the length test is for ASCII words.
    fn may_hold(&self, w: &str) -> bool {
        match w.bytes().next() {
            Some(b) if b.is_ascii() && w.is_ascii() => {
                (self.min_len..=self.max_len).contains(&w.len())
                    && self.first & (1 << b.to_ascii_lowercase()) != 0
            }
            Some(b) if b.is_ascii() => self.first & (1 << b.to_ascii_lowercase()) != 0,
            // A letter that lowercases to ASCII (the Kelvin sign): the full test decides.
            _ => true,
        }
    }

    /// Whether `w`, lowercased, is in the set.
    fn contains(&self, w: &str) -> bool {
        if !self.may_hold(w) {
            false
        } else if w.chars().all(char::is_lowercase) {
            self.words.contains(w)
        } else {
            self.words.contains(&w.to_lowercase())
        }
    }
}

impl QuantityFinder {
    pub fn new(words: &NumberWords) -> Self {
        let lex = Lex::new(words);
        let anchor_words = lex
            .units
            .words
            .keys()
            .chain(lex.scales.words.keys())
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        let lead = lex.quals.span() + 1 + lex.cur.span();
        let lead_words = lex
            .quals
            .words
            .keys()
            .chain(lex.cur.words.keys())
            .map(|k| k.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
            .chain(["between", "a", "an", "half"])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        QuantityFinder {
            lex,
            anchor_words: WordSet::new(anchor_words),
            lead_words: WordSet::new(lead_words),
            lead,
            classes: words.unit_classes.values().cloned().collect(),
        }
    }

    /// Whether a quantity can start at `r` (in a chunk without an amount): with a symbol that
    /// starts a qualifier or currency, with a character that is not a letter, or with a word
    /// of [`QuantityFinder::lead_words`].
    fn may_lead(&self, r: &str) -> bool {
        let Some(c) = r.chars().next() else {
            return false;
        };
        if !c.is_alphabetic() || self.lex.quals.may_start_sym(r) || self.lex.cur.may_start_sym(r) {
            return true;
        }
        let end = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
        self.lead_words.contains(&r[..end])
    }

    /// Whether `unit` is one of the unit classes a count is given in ("people", "money").
    pub fn is_unit_class(&self, unit: &str) -> bool {
        self.classes.contains(unit)
    }

    /// Whether a whitespace-separated chunk can hold a quantity's amount: a digit or a number
    /// word in it.
    fn is_anchor(&self, chunk: &str) -> bool {
        chunk.bytes().any(|b| b.is_ascii_digit())
            || chunk
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .any(|w| self.anchor_words.contains(w))
    }

    /// All quantity mentions in `text`, sorted by position and non-overlapping.
    ///
    /// A quantity needs an amount (digits or a number word), so the grammar is tried only at
    /// positions at most [`QuantityFinder::lead`] chunks before one: most of a text has none.
    pub fn find(&self, text: &str) -> Vec<QuantityMention> {
        self.find_with(text, true)
    }

    /// [`QuantityFinder::find`], with or without the test of [`QuantityFinder::may_lead`]
    /// (without it, only to check that the test changes nothing).
    fn find_with(&self, text: &str, prefilter: bool) -> Vec<QuantityMention> {
        let cx = Ctx {
            lex: &self.lex,
            text,
        };
        // The whitespace-separated chunks (start offsets) and which of them are anchors.
        let mut starts = Vec::new();
        let mut anchors = Vec::new();
        let mut at = 0;
        for chunk in text.split(char::is_whitespace) {
            if !chunk.is_empty() {
                if self.is_anchor(chunk) {
                    anchors.push(starts.len());
                }
                starts.push(at);
            }
            at += chunk.len();
            // the separator: one whitespace character
            if let Some(c) = text[at..].chars().next() {
                at += c.len_utf8();
            }
        }
        let mut out = Vec::new();
        let (mut chunk, mut anchor) = (0usize, 0usize);
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            let next = i + c.len_utf8();
            if c.is_whitespace() || !start_allowed(text, i) {
                i = next;
                continue;
            }
            while chunk + 1 < starts.len() && starts[chunk + 1] <= i {
                chunk += 1;
            }
            while anchor < anchors.len() && anchors[anchor] < chunk {
                anchor += 1;
            }
            let Some(&a) = anchors.get(anchor) else { break };
            if a - chunk > self.lead {
                i = starts[a - self.lead];
                continue;
            }
            if prefilter && a > chunk && !self.may_lead(&text[i..]) {
                // No amount in this chunk, and nothing that can stand before one.
                i = next;
                continue;
            }
            match try_at(&cx, i) {
                Attempt::Found(m) => {
                    i = m.end.max(next);
                    out.push(m);
                }
                Attempt::Skip(e) => i = e.max(next),
                Attempt::Nothing => i = next,
            }
        }
        join_durations(text, out)
    }
}

/// "two minutes 3.84 seconds", "2 hours, 16 minutes and 42 seconds": one duration, in its
/// smallest unit.
fn join_durations(text: &str, found: Vec<QuantityMention>) -> Vec<QuantityMention> {
    const UNITS: [(&str, f64); 3] = [("hours", 3600.0), ("minutes", 60.0), ("seconds", 1.0)];
    let size = |q: &QuantityMention| {
        let u = q.unit.as_deref()?;
        UNITS.iter().find(|(n, _)| *n == u).map(|&(_, f)| f)
    };
    let mut out: Vec<QuantityMention> = Vec::with_capacity(found.len());
    for q in found {
        if let Some(last) = out.last_mut() {
            // One separator ("," or "and", not both: "for 5 hours, and 40 minutes later the
            // roof fell" is two figures), and no word after that counts from the first.
            let between = text.get(last.end..q.start).unwrap_or("x");
            let words: Vec<&str> = between.split_whitespace().collect();
            let joined = match words.as_slice() {
                [] | [","] => true,
                [w] => w.eq_ignore_ascii_case("and") || *w == ",",
                _ => false,
            };
            let next = text[q.end..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            let joined = joined
                && !matches!(
                    next.as_str(),
                    "later" | "earlier" | "ago" | "after" | "before"
                );
            if let (Some(a), Some(b)) = (size(last), size(&q)) {
                if joined
                    && a > b
                    && last.range.is_none()
                    && q.range.is_none()
                    && q.qualifier == Qualifier::Exact
                    && !last.modifier
                    && !q.modifier
                {
                    last.value = last.value * a / b + q.value;
                    last.unit = q.unit;
                    last.noun = q.noun;
                    last.end = q.end;
                    continue;
                }
            }
        }
        out.push(q);
    }
    out
}

/// All quantity mentions in `text`, sorted by position and non-overlapping.
pub fn find_quantities(text: &str, words: &NumberWords) -> Vec<QuantityMention> {
    QuantityFinder::new(words).find(text)
}

// ---------------------------------------------------------------------------
// Comparison and description
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Interval {
    lo: f64,
    lo_open: bool,
    hi: f64,
    hi_open: bool,
}

fn interval(q: &QuantityMention, slack: f64) -> Interval {
    let (a, b) = q.range.unwrap_or((q.value, q.value));
    let (lo, hi) = (a.min(b) * (1.0 - slack), a.max(b) * (1.0 + slack));
    match q.qualifier {
        Qualifier::Exact => Interval {
            lo,
            lo_open: false,
            hi,
            hi_open: false,
        },
        Qualifier::About => Interval {
            lo: lo * 0.9,
            lo_open: false,
            hi: hi * 1.1,
            hi_open: false,
        },
        Qualifier::AtLeast => Interval {
            lo,
            lo_open: q.strict,
            hi: f64::INFINITY,
            hi_open: true,
        },
        Qualifier::AtMost => Interval {
            lo: if hi < 0.0 { f64::NEG_INFINITY } else { 0.0 },
            lo_open: false,
            hi,
            hi_open: q.strict,
        },
    }
}

/// True when both mentions can be right at the same time.
///
/// Different units (including one with a unit and one without) are not
/// comparable and count as compatible.  Otherwise the value sets implied by the
/// qualifiers must intersect: Exact x -> `[x, x]`; About x -> `[0.9x, 1.1x]`;
/// AtLeast x -> `[x, inf)` (`(x, inf)` when strict: "more than"); AtMost x -> `[0, x]`
/// (`[0, x)` when strict); ranges -> `[a, b]` (widened the same way by a qualifier).
/// Values converted between units (miles -> km) get 5 % slack for rounding.
pub fn compatible(a: &QuantityMention, b: &QuantityMention) -> bool {
    if a.unit != b.unit {
        return true;
    }
    let finite = |q: &QuantityMention| {
        q.value.is_finite() && q.range.is_none_or(|(x, y)| x.is_finite() && y.is_finite())
    };
    if !finite(a) || !finite(b) {
        return true;
    }
    let slack = if a.converted || b.converted {
        0.05
    } else {
        0.0
    };
    let (x, y) = (interval(a, slack), interval(b, slack));
    let (lo, lo_open) = if x.lo > y.lo {
        (x.lo, x.lo_open)
    } else if y.lo > x.lo {
        (y.lo, y.lo_open)
    } else {
        (x.lo, x.lo_open || y.lo_open)
    };
    let (hi, hi_open) = if x.hi < y.hi {
        (x.hi, x.hi_open)
    } else if y.hi < x.hi {
        (y.hi, y.hi_open)
    } else {
        (x.hi, x.hi_open || y.hi_open)
    };
    if hi.is_infinite() && hi > 0.0 {
        return true;
    }
    let eps = 1e-9 * lo.abs().max(hi.abs()).max(1.0);
    if lo > hi + eps {
        false
    } else if (lo - hi).abs() <= eps {
        !(lo_open || hi_open)
    } else {
        true
    }
}

fn currency_symbol(iso: &str) -> Option<&'static str> {
    match iso {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        "INR" => Some("₹"),
        _ => None,
    }
}

fn is_iso(u: &str) -> bool {
    u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())
}

fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (k, ch) in s.chars().enumerate() {
        if k > 0 && (s.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn trim_decimals(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn plain_number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    if a.fract() == 0.0 && a < 1e15 {
        return format!("{sign}{}", group_thousands(a as u64));
    }
    if a >= 1e15 {
        return format!("{v}");
    }
    // six significant digits
    let mag = if a > 0.0 { a.log10().floor() as i32 } else { 0 };
    let decimals = (5 - mag).clamp(0, 12) as usize;
    format!("{sign}{}", trim_decimals(format!("{a:.decimals$}")))
}

fn fmt_number(v: f64) -> String {
    let a = v.abs();
    for (s, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if a >= s && a.is_finite() {
            let x = v / s;
            let r = (x * 1000.0).round() / 1000.0;
            if (r - x).abs() <= 1e-9 * x.abs() && x.abs() < 1e6 {
                return format!("{} {name}", plain_number(r));
            }
            break;
        }
    }
    plain_number(v)
}

/// Canonical short text: "at least 12 people", "$1.2 billion", "about 30%",
/// "between 10 and 12 people", "more than 12,000 civilians".
pub fn describe(q: &QuantityMention) -> String {
    let qual = match (q.qualifier, q.strict) {
        (Qualifier::Exact, _) => "",
        (Qualifier::About, _) => "about ",
        (Qualifier::AtLeast, false) => "at least ",
        (Qualifier::AtLeast, true) => "more than ",
        (Qualifier::AtMost, false) => "up to ",
        (Qualifier::AtMost, true) => "fewer than ",
    };
    let unit = q.unit.as_deref();
    let amount = |v: f64| -> String {
        match unit {
            Some("percent") => format!("{}%", fmt_number(v)),
            Some(u) if is_iso(u) => match currency_symbol(u) {
                Some(sym) => format!("{sym}{}", fmt_number(v)),
                None => format!("{u} {}", fmt_number(v)),
            },
            _ => fmt_number(v),
        }
    };
    let label = match unit {
        None | Some("percent") => None,
        Some(u) if is_iso(u) => None,
        Some(u) if q.converted || q.modifier => Some(u),
        Some(u) => Some(q.noun.as_deref().unwrap_or(u)),
    };
    let body = match q.range {
        Some((lo, hi)) if q.qualifier == Qualifier::Exact => {
            format!("between {} and {}", amount(lo), amount(hi))
        }
        Some((lo, hi)) => format!("{} to {}", amount(lo), amount(hi)),
        None => amount(q.value),
    };
    match label {
        Some(l) => format!("{qual}{body} {l}"),
        None => format!("{qual}{body}"),
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::Qualifier::{About, AtLeast, AtMost, Exact};
    use super::*;

    /// Skipping the chunks that can start no quantity finds the same quantities, on every
    /// example story and hostile input, whole and line by line, and on made-up lead-ins.
    #[test]
    fn the_lead_word_test_changes_nothing() {
        let f = QuantityFinder::new(&crate::Rules::defaults().numbers);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts: Vec<String> = vec![
            "It cost US$ 4 million, or about a hundred and twenty thousand euros each.".into(),
            "Between 30 and 40 people, nearly half a million in all; A dozen, AN eighth.".into(),
            "(roughly €5bn) — «more than 12» and up to ~3 km away, c. 40 or >50%.".into(),
        ];
        let mut stack = vec![root.join("examples/corpus"), root.join("tests/hostile")];
        while let Some(d) = stack.pop() {
            // (a packaged crate has two of the stories and no hostile inputs)
            let Ok(rd) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in rd {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    texts.push(String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into());
                }
            }
        }
        let mut found = 0;
        for t in &texts {
            for piece in std::iter::once(t.as_str()).chain(t.lines()) {
                let fast = f.find_with(piece, true);
                assert_eq!(fast, f.find_with(piece, false), "{piece}");
                found += fast.len();
            }
        }
        assert!(found > 20, "{found}");
    }

    type Exp = (&'static str, f64, Qualifier, Option<&'static str>);

    const PEOPLE: Option<&str> = Some("people");
    const PCT: Option<&str> = Some("percent");
    const USD: Option<&str> = Some("USD");

    /// (sentence, expected mentions: surface, value, qualifier, unit)
    const CASES: &[(&str, &[Exp])] = &[
        // --- accidents
        (
            "At least 12 people were killed when a bus overturned.",
            &[("At least 12 people", 12.0, AtLeast, PEOPLE)],
        ),
        (
            "The plane was carrying 189 passengers and crew.",
            &[("189 passengers", 189.0, Exact, PEOPLE)],
        ),
        (
            "A Boeing 737 crashed shortly after take-off, killing all 132 on board.",
            &[("132", 132.0, Exact, None)],
        ),
        (
            "Nearly 50 passengers were injured in the collision on May 16.",
            &[("Nearly 50 passengers", 50.0, About, PEOPLE)],
        ),
        (
            "The train was travelling at 80 mph, about 129 km/h.",
            &[
                ("80 mph", 128.74752, Exact, Some("km/h")),
                ("about 129 km/h", 129.0, About, Some("km/h")),
            ],
        ),
        (
            "The fire on the 12th floor spread within 10 minutes.",
            &[("10 minutes", 10.0, Exact, Some("minutes"))],
        ),
        (
            "Two people died and one was injured.",
            &[("Two people", 2.0, Exact, PEOPLE)],
        ),
        (
            "One person died after the 10 a.m. crash.",
            &[("One person", 1.0, Exact, PEOPLE)],
        ),
        (
            "Rescuers pulled three survivors from the rubble.",
            &[("three survivors", 3.0, Exact, PEOPLE)],
        ),
        (
            "The ferry sank about 5 miles off the coast.",
            &[("about 5 miles", 8.04672, About, Some("km"))],
        ),
        (
            "The 55-year-old driver was arrested at the scene.",
            &[("55-year-old", 55.0, Exact, Some("years"))],
        ),
        (
            "Flight MH17 was shot down in 2014, killing 298 people.",
            &[("298 people", 298.0, Exact, PEOPLE)],
        ),
        (
            "One day, the river rose by 3 metres.",
            &[("3 metres", 0.003, Exact, Some("km"))],
        ),
        // --- courts
        (
            "The jury deliberated for four hours before convicting him on 12 counts.",
            &[
                ("four hours", 4.0, Exact, Some("hours")),
                ("12 counts", 12.0, Exact, Some("counts")),
            ],
        ),
        (
            "He was sentenced to 15 years in prison.",
            &[("15 years", 15.0, Exact, Some("years"))],
        ),
        (
            "He has been jailed for over five years.",
            &[("over five years", 5.0, AtLeast, Some("years"))],
        ),
        (
            "The jury of seven women and five men deliberated.",
            &[
                ("seven women", 7.0, Exact, PEOPLE),
                ("five men", 5.0, Exact, PEOPLE),
            ],
        ),
        ("The Supreme Court ruled 6-3 in favour of the state.", &[]),
        (
            "The court ordered him to pay $1.2 million in damages.",
            &[("$1.2 million", 1.2e6, Exact, USD)],
        ),
        ("Under Section 230, platforms are not liable.", &[]),
        (
            "The trial lasted 30 days and heard from 45 witnesses.",
            &[
                ("30 days", 30.0, Exact, Some("days")),
                ("45 witnesses", 45.0, Exact, Some("witnesses")),
            ],
        ),
        (
            "A 12-member jury returned its verdict after a four-hour meeting.",
            &[
                ("12-member", 12.0, Exact, PEOPLE),
                ("four-hour", 4.0, Exact, Some("hours")),
            ],
        ),
        (
            "She faces up to 20 years in prison and a fine of up to £250,000.",
            &[
                ("up to 20 years", 20.0, AtMost, Some("years")),
                ("up to £250,000", 250_000.0, AtMost, Some("GBP")),
            ],
        ),
        (
            "The defendant, 34, pleaded not guilty.",
            &[("34", 34.0, Exact, None)],
        ),
        (
            "Prosecutors said the fraud involved more than 2,000 victims.",
            &[("more than 2,000 victims", 2000.0, AtLeast, PEOPLE)],
        ),
        ("The case was filed on 16/05/2025 in Delhi.", &[]),
        (
            "The judge adjourned the hearing until 10:30 on Monday.",
            &[],
        ),
        (
            "The 12 jurors deliberated for 2 days.",
            &[
                ("12 jurors", 12.0, Exact, PEOPLE),
                ("2 days", 2.0, Exact, Some("days")),
            ],
        ),
        (
            "The hearing lasted 90 minutes, said Judge Smith, 61.",
            &[
                ("90 minutes", 90.0, Exact, Some("minutes")),
                ("61", 61.0, Exact, None),
            ],
        ),
        (
            "Police arrested 14 men and 3 women.",
            &[
                ("14 men", 14.0, Exact, PEOPLE),
                ("3 women", 3.0, Exact, PEOPLE),
            ],
        ),
        (
            "Exactly 100 days after the vote, he resigned.",
            &[("Exactly 100 days", 100.0, Exact, Some("days"))],
        ),
        // --- business
        (
            "Apple reported revenue of $94.8 billion for the quarter.",
            &[("$94.8 billion", 94.8e9, Exact, USD)],
        ),
        (
            "The company will cut 12,000 jobs, or about 8% of its workforce.",
            &[
                ("12,000 jobs", 12000.0, Exact, Some("jobs")),
                ("about 8%", 8.0, About, PCT),
            ],
        ),
        (
            "Shares fell 3.5 per cent to 212 pence.",
            &[
                ("3.5 per cent", 3.5, Exact, PCT),
                ("212 pence", 212.0, Exact, Some("pence")),
            ],
        ),
        (
            "The deal is worth €300m, according to the statement.",
            &[("€300m", 3e8, Exact, Some("EUR"))],
        ),
        (
            "The firm raised US$5 million in a funding round.",
            &[("US$5 million", 5e6, Exact, USD)],
        ),
        (
            "Oil prices rose to $85 a barrel.",
            &[("$85", 85.0, Exact, USD)],
        ),
        (
            "Tesla delivered 435,059 vehicles in the third quarter.",
            &[("435,059 vehicles", 435_059.0, Exact, Some("vehicles"))],
        ),
        (
            "The takeover valued the group at £4.1bn.",
            &[("£4.1bn", 4.1e9, Exact, Some("GBP"))],
        ),
        (
            "Inflation fell to 2.4 percent in 2019, its lowest since 2016.",
            &[("2.4 percent", 2.4, Exact, PCT)],
        ),
        (
            "The company employs roughly 1,500 workers in 3 countries.",
            &[
                ("roughly 1,500 workers", 1500.0, About, PEOPLE),
                ("3 countries", 3.0, Exact, Some("countries")),
            ],
        ),
        (
            "The merger created a $1.5-billion company.",
            &[("$1.5-billion", 1.5e9, Exact, USD)],
        ),
        (
            "Profits rose from 10 to 12 million dollars.",
            &[
                ("10", 1e7, Exact, USD),
                ("12 million dollars", 1.2e7, Exact, USD),
            ],
        ),
        (
            "The airline operates 300 flights a day.",
            &[("300 flights", 300.0, Exact, Some("flights"))],
        ),
        (
            "The bank lent 5 billion euros to the government.",
            &[("5 billion euros", 5e9, Exact, Some("EUR"))],
        ),
        (
            "The budget deficit reached ¥1.2 trillion.",
            &[("¥1.2 trillion", 1.2e12, Exact, Some("JPY"))],
        ),
        (
            "The startup is valued at Rs 500 crore.",
            &[("Rs 500 crore", 5e9, Exact, Some("INR"))],
        ),
        (
            "The fund raised $3bn last year.",
            &[("$3bn", 3e9, Exact, USD)],
        ),
        (
            "He paid 1.2 billion dollars for the club.",
            &[("1.2 billion dollars", 1.2e9, Exact, USD)],
        ),
        (
            "The plant produces 200,000 barrels per day.",
            &[("200,000 barrels", 200_000.0, Exact, Some("barrels"))],
        ),
        (
            "The rate was cut from 5.25% to 5%.",
            &[("5.25%", 5.25, Exact, PCT), ("5%", 5.0, Exact, PCT)],
        ),
        (
            "Ticket prices range from $10 to $12.",
            &[("$10", 10.0, Exact, USD), ("$12", 12.0, Exact, USD)],
        ),
        (
            "The price of a barrel rose $2 to $85.",
            &[("$2", 2.0, Exact, USD), ("$85", 85.0, Exact, USD)],
        ),
        (
            "The company will invest $2bn over five years in 14 new factories.",
            &[
                ("$2bn", 2e9, Exact, USD),
                ("five years", 5.0, Exact, Some("years")),
                ("14 new factories", 14.0, Exact, Some("factories")),
            ],
        ),
        (
            "The Fed raised rates by 25 basis points, or 25bps.",
            &[
                ("25 basis points", 25.0, Exact, Some("basis points")),
                ("25bps", 25.0, Exact, Some("basis points")),
            ],
        ),
        (
            "The budget is 12 billion.",
            &[("12 billion", 1.2e10, Exact, None)],
        ),
        (
            "In 2022, the company hired 500 staff.",
            &[("500 staff", 500.0, Exact, PEOPLE)],
        ),
        // --- sport
        ("Liverpool won 3-1 at Anfield.", &[]),
        (
            "The striker has scored 25 goals this season.",
            &[("25 goals", 25.0, Exact, Some("goals"))],
        ),
        (
            "Chelsea drew 2–2 with Arsenal in front of 40,000 fans.",
            &[("40,000 fans", 40000.0, Exact, PEOPLE)],
        ),
        ("Spain beat Italy 2–0 in the final.", &[]),
        (
            "The marathon is 42.195 km long.",
            &[("42.195 km", 42.195, Exact, Some("km"))],
        ),
        ("He won his first title in 2019 and his 16th in 2024.", &[]),
        (
            "The team has won 12 of its last 15 games.",
            &[
                ("12", 12.0, Exact, None),
                ("15 games", 15.0, Exact, Some("games")),
            ],
        ),
        (
            "A crowd of 2000 people watched the final.",
            &[("2000 people", 2000.0, Exact, PEOPLE)],
        ),
        (
            "Serena Williams won 23 Grand Slam titles.",
            &[("23 Grand Slam titles", 23.0, Exact, Some("titles"))],
        ),
        (
            "The 10-point lead evaporated in the final 5 minutes.",
            &[
                ("10-point", 10.0, Exact, Some("points")),
                ("5 minutes", 5.0, Exact, Some("minutes")),
            ],
        ),
        (
            "Bolt ran the 100 metres in 9.58 seconds.",
            &[
                ("100 metres", 0.1, Exact, Some("km")),
                ("9.58 seconds", 9.58, Exact, Some("seconds")),
            ],
        ),
        ("Their G7 summit coincided with the Route 9 closure.", &[]),
        (
            "Sweden beat Norway 4-0 with one goal in the first half.",
            &[("one goal", 1.0, Exact, Some("goals"))],
        ),
        (
            "The festival drew 50,000-plus visitors.",
            &[("50,000-plus visitors", 50000.0, AtLeast, PEOPLE)],
        ),
        // --- elections
        (
            "The party won 52% of the vote.",
            &[("52%", 52.0, Exact, PCT)],
        ),
        (
            "Turnout was around 67 per cent, down from 72 per cent in 2019.",
            &[
                ("around 67 per cent", 67.0, About, PCT),
                ("72 per cent", 72.0, Exact, PCT),
            ],
        ),
        (
            "The incumbent received 1,234,567 votes, more than 100,000 ahead.",
            &[
                ("1,234,567 votes", 1_234_567.0, Exact, Some("votes")),
                ("more than 100,000", 100_000.0, AtLeast, None),
            ],
        ),
        (
            "Labour gained 12 seats while the Conservatives lost 48.",
            &[
                ("12 seats", 12.0, Exact, Some("seats")),
                ("48", 48.0, Exact, None),
            ],
        ),
        (
            "Between 10 and 12 percent of voters remain undecided.",
            &[("Between 10 and 12 percent", 11.0, Exact, PCT)],
        ),
        (
            "The senator, who was first elected in 1998, won by 5 percentage points.",
            &[("5 percentage points", 5.0, Exact, Some("percentage points"))],
        ),
        ("Polls opened at 7 a.m. and closed at 8 p.m.", &[]),
        (
            "Almost 3 million people voted early.",
            &[("Almost 3 million people", 3e6, About, PEOPLE)],
        ),
        ("In 2020 voters rejected the measure.", &[]),
        (
            "One in five voters said the economy was their top issue.",
            &[],
        ),
        ("The bill passed 218 to 214 in the House.", &[]),
        (
            "The coalition needs 326 seats for a majority.",
            &[("326 seats", 326.0, Exact, Some("seats"))],
        ),
        (
            "Some 4.5 million ballots were cast.",
            &[("Some 4.5 million ballots", 4.5e6, About, Some("ballots"))],
        ),
        (
            "The 2024 election drew 150 million voters.",
            &[("150 million voters", 1.5e8, Exact, PEOPLE)],
        ),
        (
            "Between 2019 and 2022 the population grew by 2 percent.",
            &[("2 percent", 2.0, Exact, PCT)],
        ),
        (
            "No more than 30 people may attend.",
            &[("No more than 30 people", 30.0, AtMost, PEOPLE)],
        ),
        (
            "Fewer than 500 residents returned.",
            &[("Fewer than 500 residents", 500.0, AtMost, PEOPLE)],
        ),
        (
            "Officials said 10 to 12 people were hurt.",
            &[("10 to 12 people", 11.0, Exact, PEOPLE)],
        ),
        (
            "The 12 Democrats voted against it.",
            &[("12 Democrats", 12.0, Exact, Some("democrats"))],
        ),
        (
            "The EU's 27 member states agreed.",
            &[("27 member states", 27.0, Exact, Some("states"))],
        ),
        ("The bill passed 51-49 in the Senate.", &[]),
        (
            "Lopez won 306 electoral votes to Martin's 232.",
            &[
                ("306 electoral votes", 306.0, Exact, Some("votes")),
                ("232", 232.0, Exact, None),
            ],
        ),
        // --- disasters
        (
            "The 7.8-magnitude earthquake killed more than 50,000 people.",
            &[
                ("7.8-magnitude", 7.8, Exact, Some("magnitude")),
                ("more than 50,000 people", 50000.0, AtLeast, PEOPLE),
            ],
        ),
        (
            "Floods displaced an estimated 2.5 million residents.",
            &[("an estimated 2.5 million residents", 2.5e6, About, PEOPLE)],
        ),
        (
            "The storm brought winds of up to 150 km/h.",
            &[("up to 150 km/h", 150.0, AtMost, Some("km/h"))],
        ),
        (
            "Hundreds of homes were destroyed and dozens of people are missing.",
            &[],
        ),
        ("Tens of thousands of residents fled the area.", &[]),
        (
            "The wildfire has burned 40,000 hectares since Friday.",
            &[("40,000 hectares", 40000.0, Exact, Some("hectares"))],
        ),
        (
            "A dozen villages were cut off by the landslide.",
            &[("A dozen villages", 12.0, About, Some("villages"))],
        ),
        (
            "Half a million people are without power.",
            &[("Half a million people", 5e5, Exact, PEOPLE)],
        ),
        (
            "The quake struck at a depth of 10 km, 30 miles from the city.",
            &[
                ("10 km", 10.0, Exact, Some("km")),
                ("30 miles", 48.28032, Exact, Some("km")),
            ],
        ),
        (
            "Between 200 and 300 homes were damaged.",
            &[("Between 200 and 300 homes", 250.0, Exact, Some("homes"))],
        ),
        (
            "Aid agencies say 10-12 people remain trapped.",
            &[("10-12 people", 11.0, Exact, PEOPLE)],
        ),
        (
            "Rainfall totalled 300mm in 24 hours.",
            &[
                ("300mm", 300.0, Exact, Some("mm")),
                ("24 hours", 24.0, Exact, Some("hours")),
            ],
        ),
        ("The cyclone left 1 in 4 homes without water.", &[]),
        ("Temperatures reached 45C in the capital.", &[]),
        (
            "Warming of 1.5°C is likely by 2040.",
            &[("1.5°C", 1.5, Exact, Some("celsius"))],
        ),
        (
            "Over 1,000 firefighters battled the blaze for three days.",
            &[
                ("Over 1,000 firefighters", 1000.0, AtLeast, PEOPLE),
                ("three days", 3.0, Exact, Some("days")),
            ],
        ),
        (
            "The ship was 300 metres long and carried 2,300 tonnes of cargo.",
            &[
                ("300 metres", 0.3, Exact, Some("km")),
                ("2,300 tonnes", 2300.0, Exact, Some("tonnes")),
            ],
        ),
        (
            "A magnitude 6.1 quake hit at 04:35 local time.",
            &[("6.1 quake", 6.1, Exact, Some("quake"))],
        ),
        (
            "Up to 40 mm of rain fell.",
            &[("Up to 40 mm", 40.0, AtMost, Some("mm"))],
        ),
        (
            "The hurricane, a Category 4 storm, made landfall with 120 mph winds.",
            &[("120 mph", 193.12128, Exact, Some("km/h"))],
        ),
        (
            "Nine in 10 residents lost power for 3 days.",
            &[("3 days", 3.0, Exact, Some("days"))],
        ),
        ("He was born on 4 July 1976.", &[]),
        (
            "At 3 p.m. on Friday, about 1,200 protesters gathered.",
            &[("about 1,200 protesters", 1200.0, About, PEOPLE)],
        ),
        // --- names, codes, spelled numbers
        (
            "COVID-19 cases rose by 30 percent.",
            &[("30 percent", 30.0, Exact, PCT)],
        ),
        ("The F-16 fighter jets were delivered to Ukraine.", &[]),
        ("The G7 leaders met for the 49th time.", &[]),
        (
            "Boeing 737 Max jets were grounded for 20 months.",
            &[("20 months", 20.0, Exact, Some("months"))],
        ),
        ("One of the suspects fled to France.", &[]),
        (
            "The 3-year-old invasion has displaced 6 million Ukrainians.",
            &[
                ("3-year-old", 3.0, Exact, Some("years")),
                ("6 million Ukrainians", 6e6, Exact, Some("ukrainians")),
            ],
        ),
        (
            "The ceasefire began on 16 May and a 30-day truce followed.",
            &[("30-day", 30.0, Exact, Some("days"))],
        ),
        (
            "The 1990s saw growth of about 3% a year.",
            &[("about 3%", 3.0, About, PCT)],
        ),
        ("Version 2.0.1 was released on March 3.", &[]),
        ("Two-thirds of respondents agreed.", &[]),
        ("The team played a one-off match on 12 March.", &[]),
        ("Windows 11 was released in October.", &[]),
        ("Apollo 11 landed in 1969.", &[]),
        (
            "Twenty-five people were hurt.",
            &[("Twenty-five people", 25.0, Exact, PEOPLE)],
        ),
        (
            "The hospital treated one hundred and twenty patients.",
            &[("one hundred and twenty patients", 120.0, Exact, PEOPLE)],
        ),
        (
            "The siege lasted two and a half years.",
            &[("two and a half years", 2.5, Exact, Some("years"))],
        ),
        (
            "An additional 12 Ukrainian soldiers were captured.",
            &[("12 Ukrainian soldiers", 12.0, Exact, PEOPLE)],
        ),
        ("Police arrested three.", &[("three", 3.0, Exact, None)]),
        (
            "The dispute has lasted twenty-one years.",
            &[("twenty-one years", 21.0, Exact, Some("years"))],
        ),
        (
            "The city has a population of two million three hundred thousand.",
            &[("two million three hundred thousand", 2.3e6, Exact, None)],
        ),
        ("The crash happened at 10am near junction 4.", &[]),
        (
            "More than a dozen homes burned.",
            &[("More than a dozen homes", 12.0, AtLeast, Some("homes"))],
        ),
        (
            "No. 10 said the 5,000-strong crowd was peaceful.",
            &[("5,000-strong", 5000.0, Exact, Some("strong"))],
        ),
    ];

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn table() {
        assert!(CASES.len() >= 80, "only {} cases", CASES.len());
        let w = crate::rules::Rules::defaults().numbers.clone();
        let mut failures = Vec::new();
        for (text, expected) in CASES {
            let got = find_quantities(text, &w);
            let got_v: Vec<_> = got
                .iter()
                .map(|m| {
                    (
                        &text[m.start..m.end],
                        m.value,
                        m.qualifier,
                        m.unit.as_deref(),
                    )
                })
                .collect();
            let ok = got_v.len() == expected.len()
                && got_v
                    .iter()
                    .zip(expected.iter())
                    .all(|(g, e)| g.0 == e.0 && close(g.1, e.1) && g.2 == e.2 && g.3 == e.3);
            if !ok {
                failures.push(format!("{text}\n   got: {got_v:?}\n  want: {expected:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    fn one(text: &str) -> QuantityMention {
        let v = find_quantities(text, &crate::rules::Rules::defaults().numbers);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn a_hyphened_adjective_before_the_counted_noun() {
        let v = find_quantities(
            "escaped with seven 17th-century Flemish paintings",
            &crate::rules::Rules::defaults().numbers,
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].noun.as_deref(), Some("paintings"));
    }

    #[test]
    fn modifiers_ranges_nouns() {
        let m = one("a 55-year-old woman");
        assert!(m.modifier);
        assert_eq!(m.noun.as_deref(), Some("year"));
        let m = one("a 30-day ceasefire");
        assert!(m.modifier);
        assert_eq!(m.unit.as_deref(), Some("days"));
        let m = one("a four-hour meeting");
        assert!(m.modifier);
        assert!(close(m.value, 4.0));
        let m = one("the woman, a 55 year old mother,");
        assert!(m.modifier);
        assert!(!one("12 people").modifier);

        let m = one("between 10 and 12 people");
        assert_eq!(m.range, Some((10.0, 12.0)));
        assert_eq!(m.noun.as_deref(), Some("people"));
        let m = one("10 to 12 people");
        assert_eq!(m.range, Some((10.0, 12.0)));
        let m = one("10-12 people");
        assert_eq!(m.range, Some((10.0, 12.0)));
        let m = one("$10-12 million");
        assert_eq!(m.range, Some((1e7, 1.2e7)));
        assert_eq!(m.unit.as_deref(), Some("USD"));
        let m = one("2.5 to 3 billion dollars");
        assert_eq!(m.range, Some((2.5e9, 3e9)));
        let m = one("two to three days");
        assert_eq!(m.range, Some((2.0, 3.0)));

        let m = one("more than 12,000 civilians");
        assert!(m.strict);
        assert_eq!(m.noun.as_deref(), Some("civilians"));
        assert!(!one("at least 12 people").strict);
        let m = one("12 Ukrainian soldiers");
        assert_eq!(m.noun.as_deref(), Some("soldiers"));
        assert_eq!(one("12 ballots").unit.as_deref(), Some("ballots"));
        assert_eq!(one("12 home games").unit.as_deref(), Some("games"));
        assert!(one("5 miles").converted);
        assert!(!one("5 km").converted);
        assert!(close(one("a million people").value, 1e6));
        assert!(close(one("half a dozen eggs").value, 6.0));
        assert!(close(one("one and a half million people").value, 1.5e6));
        assert!(close(one("a hundred people").value, 100.0));
        assert!(close(one("3,000 people").value, 3000.0));
        assert!(close(one("0.3 percent").value, 0.3));
    }

    #[test]
    fn race_times_and_compound_durations_are_seconds() {
        for (text, secs) in [
            ("she won in 2:03.84", 123.84),
            ("a course record of 2:16:42", 8202.0),
            ("finished in 1:02:33.5 on Sunday", 3753.5),
            ("a European record of two minutes 3.84 seconds", 123.84),
            ("2 hours 16 minutes 42 seconds", 8202.0),
            ("seven minutes and 40 seconds", 460.0),
        ] {
            let q = one(text);
            assert_eq!(q.unit.as_deref(), Some("seconds"), "{text}");
            assert!(close(q.value, secs), "{text}: {}", q.value);
        }
        // An area at sea is no distance.
        let q = one("more than 600 square nautical miles");
        assert_eq!(q.unit.as_deref(), Some("hectares"));
        let q = one("about 12 nautical miles");
        assert_eq!(q.unit.as_deref(), Some("km"));
        assert!(close(q.value, 22.224));
        let q = one("the match lasted two hours and 41 minutes");
        assert_eq!(q.unit.as_deref(), Some("minutes"));
        assert!(close(q.value, 161.0));
        // Two figures across a clause are two figures.
        let w = crate::rules::Rules::defaults().numbers.clone();
        let v = find_quantities(
            "The fire burned for 5 hours, and 40 minutes later the roof fell",
            &w,
        );
        assert_eq!(v.len(), 2, "{v:?}");
        // Clock times are no durations.
        for t in [
            "at 10:30 a.m. on Monday",
            "at 10:30 on Monday",
            "at 10:30:15 GMT",
        ] {
            assert!(find_quantities(t, &w).is_empty(), "{t}");
        }
    }

    #[test]
    fn vague_and_idioms() {
        let w = crate::rules::Rules::defaults().numbers.clone();
        for t in [
            "dozens of people",
            "hundreds of protesters",
            "thousands of homes",
            "millions of dollars",
            "tens of thousands of fans",
            "one of the victims",
            "at one point",
            "one day later",
            "someone said",
            "in 2019",
            "the 2022 election",
            "May 16",
            "16 May 2025",
            "16/05/2025",
            "2025-05-16",
            "10 a.m.",
            "10:30",
            "the 16th",
            "first",
            "Boeing 737",
            "COVID-19",
            "G7",
            "Route 9",
            "Section 230",
            "F-16",
            "3-1",
            "2–0",
            "a 3bn deal",
            "the 1990s",
            "three-quarters",
            "No. 10",
            "24/7",
        ] {
            let v = find_quantities(t, &w);
            assert!(v.is_empty(), "{t}: {v:?}");
        }
    }

    fn q(value: f64, qualifier: Qualifier, strict: bool) -> QuantityMention {
        QuantityMention {
            start: 0,
            end: 0,
            value,
            qualifier,
            unit: Some("people".into()),
            noun: None,
            modifier: false,
            range: None,
            strict,
            converted: false,
        }
    }

    #[test]
    fn compatibility() {
        assert!(compatible(&q(12.0, AtLeast, false), &q(14.0, Exact, false)));
        assert!(!compatible(
            &q(12.0, AtLeast, false),
            &q(10.0, Exact, false)
        ));
        assert!(compatible(&q(12.0, AtLeast, false), &q(12.0, Exact, false)));
        assert!(compatible(&q(100.0, About, false), &q(105.0, Exact, false)));
        assert!(!compatible(
            &q(100.0, About, false),
            &q(120.0, Exact, false)
        ));
        assert!(!compatible(&q(12.0, Exact, false), &q(14.0, Exact, false)));
        assert!(compatible(&q(12.0, Exact, false), &q(12.0, Exact, false)));
        assert!(compatible(&q(50.0, About, false), &q(48.0, Exact, false)));
        assert!(!compatible(
            &q(12000.0, AtLeast, true),
            &q(12000.0, Exact, false)
        ));
        assert!(compatible(
            &q(12000.0, AtLeast, true),
            &q(12001.0, Exact, false)
        ));
        assert!(!compatible(&q(10.0, AtMost, true), &q(10.0, Exact, false)));
        assert!(compatible(&q(10.0, AtMost, false), &q(10.0, Exact, false)));
        assert!(!compatible(
            &q(10.0, AtMost, false),
            &q(12.0, AtLeast, false)
        ));
        assert!(compatible(
            &q(10.0, AtLeast, false),
            &q(12.0, AtLeast, false)
        ));
        let mut usd = q(12.0, Exact, false);
        usd.unit = Some("USD".into());
        assert!(compatible(&usd, &q(14.0, Exact, false)));
        let mut r = q(11.0, Exact, false);
        r.range = Some((10.0, 12.0));
        assert!(compatible(&r, &q(12.0, Exact, false)));
        assert!(!compatible(&r, &q(13.0, Exact, false)));

        // the same through the parser
        let w = crate::rules::Rules::defaults().numbers.clone();
        let p = |t: &str| find_quantities(t, &w).remove(0);
        assert!(compatible(&p("at least 12 people"), &p("14 people")));
        assert!(!compatible(&p("at least 12 people"), &p("10 people")));
        assert!(compatible(&p("about 100 people"), &p("105 people")));
        assert!(!compatible(&p("12 people"), &p("14 people")));
        assert!(compatible(&p("nearly 50 people"), &p("48 people")));
        assert!(!compatible(
            &p("more than 12,000 civilians"),
            &p("12,000 civilians")
        ));
        assert!(compatible(&p("12 people"), &p("$14")));
        assert!(compatible(&p("12%"), &p("14 people")));
        assert!(compatible(&p("5 miles"), &p("8 km")));
        assert!(!compatible(&p("5 miles"), &p("10 km")));
        assert!(compatible(&p("between 10 and 12 people"), &p("11 people")));
        assert!(compatible(&p("$1.2 billion"), &p("1.2 billion dollars")));
        assert!(compatible(&p("$1.2 billion"), &p("$1,200 million")));
    }

    #[test]
    fn describing() {
        let w = crate::rules::Rules::defaults().numbers.clone();
        let d = |t: &str| describe(&find_quantities(t, &w)[0]);
        assert_eq!(d("At least 12 people died"), "at least 12 people");
        assert_eq!(d("$1.2 billion"), "$1.2 billion");
        assert_eq!(d("1.2 billion dollars"), "$1.2 billion");
        assert_eq!(d("about 30%"), "about 30%");
        assert_eq!(d("around 30 per cent"), "about 30%");
        assert_eq!(
            d("more than 12,000 civilians"),
            "more than 12,000 civilians"
        );
        assert_eq!(d("between 10 and 12 people"), "between 10 and 12 people");
        assert_eq!(d("£4.1bn"), "£4.1 billion");
        assert_eq!(d("2.5 million residents"), "2.5 million residents");
        assert_eq!(d("up to 20 years"), "up to 20 years");
        assert_eq!(d("fewer than 500 residents"), "fewer than 500 residents");
        assert_eq!(d("CHF 300"), "CHF 300");
        assert_eq!(d("5 miles"), "8.04672 km");
        assert_eq!(d("a 30-day ceasefire"), "30 days");
        assert_eq!(d("12,345,678 votes"), "12,345,678 votes");
        assert_eq!(d("about 10 to 12 people"), "about 10 to 12 people");
        assert_eq!(d("$10-12 million"), "between $10 million and $12 million");
    }

    #[test]
    fn offsets_are_bytes() {
        let w = crate::rules::Rules::defaults().numbers.clone();
        let t = "Ça coûte €300m — près de 12 000 personnes, at least 12 people in Zürich.";
        let v = find_quantities(t, &w);
        for m in &v {
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
        let surf: Vec<_> = v.iter().map(|m| &t[m.start..m.end]).collect();
        assert!(surf.contains(&"€300m"), "{surf:?}");
        assert!(surf.contains(&"at least 12 people"), "{surf:?}");
    }

    /// Deterministic pseudo-random strings made of tricky pieces.
    fn fuzz_strings() -> Vec<String> {
        const PIECES: &[&str] = &[
            "1",
            "9",
            "0",
            "12",
            ",",
            ".",
            ",000",
            "-",
            "–",
            "—",
            "$",
            "US$",
            "€",
            "£",
            "%",
            "%%",
            " ",
            "  ",
            "\n",
            "\u{a0}",
            "a",
            "A",
            "an",
            "half",
            "one",
            "One",
            "twenty",
            "-five",
            "hundred",
            "and",
            "a half",
            "million",
            "bn",
            "m",
            "k",
            "dozen",
            "between",
            "to",
            "from",
            "in",
            "out of",
            "at least",
            "more than",
            "up to",
            "people",
            "per cent",
            "km/h",
            "year",
            "-year-old",
            "-day",
            "plus",
            "odd",
            "+",
            "May",
            "Boeing",
            "No.",
            "a.m.",
            ":",
            "/",
            "th",
            "s",
            "e999",
            "\u{212A}m",
            "\u{212A}",
            "İ",
            "ß",
            "ǅ",
            "😀",
            "ﬁ",
            "\u{301}",
            "ΣΑΣ",
            "٣",
            "¥",
            "₹",
            "~",
            "(",
            "\"",
            "'",
            "’",
            "o’clock",
        ];
        let mut out = Vec::new();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..4000 {
            let mut s = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let n = (state % 14) as usize + 1;
            for _ in 0..n {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
                if state & 0x100 != 0 {
                    s.push(' ');
                }
            }
            out.push(s);
        }
        out
    }

    fn check_invariants(t: &str, f: &QuantityFinder) {
        let v = f.find(t);
        let mut last = 0;
        for m in &v {
            assert!(
                m.start >= last && m.start < m.end && m.end <= t.len(),
                "{t:?}: {m:?}"
            );
            assert!(
                t.is_char_boundary(m.start) && t.is_char_boundary(m.end),
                "{t:?}: {m:?}"
            );
            assert!(m.value.is_finite(), "{t:?}: {m:?}");
            last = m.end;
            let _ = describe(m);
        }
        for a in &v {
            for b in &v {
                let _ = compatible(a, b);
            }
        }
    }

    #[test]
    fn never_panics() {
        let w = QuantityFinder::new(&crate::rules::Rules::defaults().numbers);
        let long_digits = "9".repeat(5000);
        let long_commas = format!("1{}", ",000".repeat(2000));
        let long_words = "one hundred and ".repeat(500);
        let fixed = [
            "",
            "9999999999999999999999999",
            "9999999999999999999999999 people",
            "$9999999999999999999999999 trillion",
            "1e999",
            "1e999 people",
            "$",
            "$ ",
            "US$",
            "%%%",
            "%",
            "-",
            "–1",
            "12-",
            "12–",
            "between",
            "between 1 and",
            "from 1 to",
            "a",
            "half a",
            "one and a",
            "\u{212A}m 5\u{212A}m 5 \u{212A}m",
            "5 İİİ people",
            "ǅ 12 ǅ",
            "😀12😀 people 😀",
            "12\u{301} people",
            "١٢ people",
            "Ⅻ people",
            "12 km/h/h/h",
            "a.m. 10 a.m",
            "0.0000000000000000000000000000001 km",
            "999999999999999999999999999999 trillion trillion",
            "one trillion trillion trillion trillion",
            &long_digits,
            &long_commas,
            &long_words,
        ];
        for t in fixed {
            check_invariants(t, &w);
        }
        for t in fuzz_strings() {
            check_invariants(&t, &w);
        }
        // every suffix of a mixed sentence (starts at all char boundaries)
        let s = "Ça: at least 12,000.5 people—$4.1bn (€300m), 10–12% & 55-year-old İ😀 one-in-five";
        for (i, _) in s.char_indices() {
            check_invariants(&s[i..], &w);
        }
        // an empty vocabulary works too
        let empty = NumberWords {
            units: HashMap::new(),
            scales: HashMap::new(),
            currencies: HashMap::new(),
            qualifiers: HashMap::new(),
            unit_classes: HashMap::new(),
            unit_factors: HashMap::new(),
            strict_qualifiers: HashSet::new(),
        };
        let empty = QuantityFinder::new(&empty);
        check_invariants(s, &empty);
        check_invariants("12 people and 2.5", &empty);
    }
}
