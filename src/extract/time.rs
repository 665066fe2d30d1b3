//! English time expressions for crosscheck: a nom 8 grammar that finds them in
//! a sentence ([`find_times`]), their resolution to calendar values against an
//! article's publication date ([`resolve`]), and comparison / display of the
//! resolved values ([`compare`], [`describe`], [`normalized`]).
//!
//! This file is self-contained: it depends only on `nom = "8"` and `jiff = "1"`.
//!
//! # Surface conventions
//!
//! A [`TimeMention`] covers the whole expression, byte offsets into the input:
//!
//! * Plain prepositions `on`, `at`, `in`, `since`, `by`, ... are **not** included
//!   ("on Friday" -> `Friday`, "in 2022" -> `2022`), **except** where the
//!   preposition is what licenses a bare month name: "in March", "since May",
//!   "until June" are returned with the preposition, because "March" or "May"
//!   alone is not accepted as a date (verb / modal ambiguity).
//! * Words that change the meaning are included: `last Friday`, `early May`,
//!   `earlier this week`, `the day before`, `between Monday and Wednesday`,
//!   `from May 1 to May 3`, `the 16th`.
//! * An `at` *between* a day and a time is included ("Friday at 10 a.m."), a
//!   leading one is not. A possessive `'s` is not included ("Thursday's talks"
//!   -> `Thursday`).
//!
//! # Things deliberately not matched
//!
//! Bare numbers with thousands separators ("2,022", "12,000"), numbers glued to a
//! unit with a hyphen ("30-day", "3-year-old"), durations ("in over three years",
//! "for two weeks", "in three years"), the modal "may", the verb "march" (the
//! month names May/March need a capital letter unless licensed by a
//! preposition), and weekday abbreviations not followed by "." or "," and a date.
//!
//! # Performance
//!
//! The grammar is only started at candidate word starts: a digit, or a word whose
//! lowercase form is in a merged word index (built once per [`TimeWords`] and
//! cached inside it). Word look-ups pack up to 16 ASCII bytes into a `u128`, so
//! no allocation happens per word.
//!
//! # Resolution rules (see [`resolve`])
//!
//! * Bare weekday: Past -> most recent on/before the anchor; Future -> next
//!   on/after; Present/Unknown -> nearest within -3..=+3 days. `last X` is
//!   strictly before, `next X` strictly after, `this X` is on/after (on/before
//!   with Past tense). "early X" = morning, "late X" = night.
//! * Year-less dates ("Dec. 30"): the candidate in anchor year -1/0/+1 closest to
//!   the anchor, except that with Past/Future tense the nearest candidate in that
//!   direction wins if it is within 270 days. A weekday written with the date
//!   may move it to another candidate year only within 183 days of the anchor.
//!   Without an anchor the context date is used as reference.
//! * "the 16th": the context month if there is a context date, else the month
//!   (anchor month -1/0/+1) giving the closest date, tense-nudged within 20 days.
//! * Bare months ("in March"): Past -> most recent on/before the anchor month,
//!   Future -> next on/after, else the nearest (within 6 months).
//! * Portions: early = days 1-10 / Jan-Apr / Mon-Wed, mid = 11-20 / May-Aug /
//!   Tue-Thu, late (and "the end of") = 21-end / Sep-Dec / Thu-Sun; a portion
//!   keeps its parent's granularity. "earlier this week" = Monday..anchor.
//! * Weeks are ISO weeks (Monday-Sunday); weekends are Saturday-Sunday ranges
//!   with Day granularity.
//! * Ranges resolve their second end on/after the first (or the first on/before
//!   the second when only the second is absolute); granularity is the coarser
//!   end's, at most Day.
//!
//! Requires Rust 1.82+; compiles on editions 2021 and 2024.

// Nested `if let` instead of let-chains keeps this file compiling on edition 2021.
#![allow(clippy::collapsible_if)]

use jiff::civil::{Date, Weekday};
use jiff::SignedDuration;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char as nchar, digit1, satisfy};
use nom::combinator::{opt, value};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// A part of the day. Rough clock ranges used by [`compare`]: morning 05:00-11:59,
/// afternoon 12:00-16:59, evening 17:00-20:59, night 21:00-04:59.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// Grammatical tense of the clause, decided by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tense {
    Past,
    Present,
    Future,
    #[default]
    Unknown,
}

/// How to read an all-numeric date such as `05/06/2025`.
///
/// The default is [`DayOrder::DayFirst`]: wire copy in AP/Reuters style never
/// writes numeric dates in prose, so numeric dates in news text come mostly from
/// day-first locales (UK, EU, India, Australia, Africa). Whatever the order, an
/// unambiguous date wins: `16/05/2025` is always 16 May and `05/16/2025` is
/// always 16 May; `2025/05/16` is always year-month-day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DayOrder {
    /// `05/06/2025` is May 6 (US style; `--month-first`).
    MonthFirst,
    /// `05/06/2025` is 5 June (the default).
    #[default]
    DayFirst,
}

/// Precision of a resolved value, ordered coarse -> fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    Year,
    Month,
    Week,
    Day,
    PartOfDay,
    Minute,
}

/// What a value was resolved against. Not used by this module's functions;
/// provided for callers that record the provenance of their anchor date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    Manifest,
    FrontMatter,
    Dateline,
    Context,
    None,
}

/// `last` / `next` / `this` in front of a weekday, month or period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modifier {
    Last,
    Next,
    This,
}

/// A sub-part of a year, month or week: "early May", "mid-2022", "late last
/// week", "earlier this week" (start .. anchor), "later this year" (anchor .. end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Portion {
    Early,
    Mid,
    Late,
    Earlier,
    Later,
}

/// Unit of a counted or calendar shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Unit of a deictic period ("this week", "last weekend", "next month").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PeriodUnit {
    Week,
    Weekend,
    Month,
    Year,
}

/// What a [`TimeExpr::Shift`] counts from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ShiftBase {
    /// The previous explicit date (falls back to the anchor): "two days later".
    Context,
    /// The publication date: "three weeks ago".
    Anchor,
    /// An expression in the same mention: "the day before May 16".
    Expr(Box<TimeExpr>),
}

/// A clock time: minute of the day (0..1440) and the zone offset in minutes if given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClockTime {
    pub minutes: u16,
    pub zone: Option<i32>,
}

/// The parsed form of a time expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimeExpr {
    /// An explicit calendar date; `year: None` is inferred from the anchor.
    /// Word forms are kept even if impossible (Feb 30) and resolve to Unresolved.
    Date {
        year: Option<i32>,
        month: i8,
        day: i8,
        weekday: Option<Weekday>,
    },
    /// "the 16th": a day of the context month (or of the month nearest the anchor).
    DayOfMonth { day: i8 },
    /// "Friday", "last Friday", "next Friday", "this Friday".
    Weekday {
        weekday: Weekday,
        modifier: Option<Modifier>,
    },
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    RelativeDay { offset: i32 },
    /// "two days later", "a week ago", "the day before", "the following week".
    /// `calendar` = a calendar unit ("the following week" -> that ISO week)
    /// rather than an exact count of days ("a week later" -> one day).
    Shift {
        amount: i32,
        unit: Unit,
        base: ShiftBase,
        calendar: bool,
    },
    /// "in March", "March 2022", "last March", "early May".
    Month {
        month: i8,
        year: Option<i32>,
        modifier: Option<Modifier>,
        portion: Option<Portion>,
    },
    /// "2022", "early 2022".
    Year { year: i32, portion: Option<Portion> },
    /// "this week", "last month", "earlier this week", "the weekend" (modifier None).
    Period {
        unit: PeriodUnit,
        modifier: Option<Modifier>,
        portion: Option<Portion>,
    },
    /// A day refined by a part of day and/or a clock time.
    At {
        day: Box<TimeExpr>,
        part: Option<PartOfDay>,
        time: Option<ClockTime>,
    },
    /// A clock time not attached to any day ("at 10 a.m."); resolves to Unresolved.
    Clock(ClockTime),
    /// "May 15-16", "between Monday and Wednesday", "2019-2022".
    Range {
        from: Box<TimeExpr>,
        to: Box<TimeExpr>,
    },
    /// "recently", "in the coming days".
    Vague,
}

/// One time expression found in a text. `start..end` are byte offsets (always on
/// char boundaries) of the whole expression; see the module docs for what is included.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TimeMention {
    pub start: usize,
    pub end: usize,
    pub expr: TimeExpr,
}

/// A resolved value: an inclusive date interval plus optional time-of-day refinement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeValue {
    pub start: Date,
    pub end: Date,
    pub granularity: Granularity,
    pub part: Option<PartOfDay>,
    /// Minute of the day and zone offset (minutes east of UTC) if given.
    pub minutes: Option<(u16, Option<i32>)>,
}

/// The result of [`resolve`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Resolved {
    Value(TimeValue),
    Unresolved { text: String, vague: bool },
}

/// Relation of `a` to `b` in [`compare`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Equal,
    /// `a` is finer than `b` and inside it.
    Refines,
    /// `a` is coarser than `b` and contains it.
    Contains,
    Overlaps,
    Disjoint,
    Incomparable,
}

/// Word lists (keys lowercase). A trailing "." on a key ("jan.", "tues.") is
/// accepted; it means the abbreviation may be written with a dot.
///
/// Weekday keys that do not end in "day" ("mon", "sat.", "sun") are treated as
/// abbreviations: they only match when immediately followed by "." or "," and a
/// date ("Sat., May 17"). Zone keys only match when written in upper case in the
/// text ("GMT"). The first word of each vague phrase must be alphabetic.
///
/// The struct caches a merged index on first use. If you mutate the maps after
/// the first [`find_times`] call, call [`TimeWords::refresh`] (a stale cache is
/// detected by map sizes and then rebuilt per call, which is slow but correct).
#[derive(Debug, Clone, Default)]
pub struct TimeWords {
    pub weekdays: HashMap<String, Weekday>,
    pub months: HashMap<String, i8>,
    pub relative_days: HashMap<String, i32>,
    pub parts_of_day: HashMap<String, PartOfDay>,
    pub vague: Vec<String>,
    pub zones: HashMap<String, i32>,
    cache: OnceLock<Index>,
}

impl TimeWords {
    /// Build from the six word tables.
    pub fn new(
        weekdays: HashMap<String, Weekday>,
        months: HashMap<String, i8>,
        relative_days: HashMap<String, i32>,
        parts_of_day: HashMap<String, PartOfDay>,
        vague: Vec<String>,
        zones: HashMap<String, i32>,
    ) -> Self {
        TimeWords {
            weekdays,
            months,
            relative_days,
            parts_of_day,
            vague,
            zones,
            cache: OnceLock::new(),
        }
    }

    /// Drop the cached index after mutating the public maps.
    pub fn refresh(&mut self) {
        self.cache = OnceLock::new();
    }

    fn fingerprint(&self) -> [usize; 6] {
        [
            self.weekdays.len(),
            self.months.len(),
            self.relative_days.len(),
            self.parts_of_day.len(),
            self.vague.len(),
            self.zones.len(),
        ]
    }
}

// ---------------------------------------------------------------------------
// Word index (merged, allocation-free look-up)
// ---------------------------------------------------------------------------

#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u128(&mut self, k: u128) {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29) ^ self.0;
        let x = (x ^ (x >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 29);
    }
}

/// Pack up to 16 bytes, ASCII-lowercased, into a key. Letters are never 0, so
/// different words give different keys.
fn pack(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    let mut k = 0u128;
    for &b in word {
        k = (k << 8) | u128::from(b.to_ascii_lowercase());
    }
    Some(k)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Trig {
    #[default]
    None,
    The,
    Modifier,
    EarlyLate,
    Mid,
    EarlierLater,
    Between,
    From,
    Licensor,
    ClockWord,
    Count,
}

#[derive(Debug, Clone, Default)]
struct Info {
    weekday: Option<Weekday>,
    wd_abbr: bool,
    month: Option<i8>,
    month_dot: bool,
    month_cap: bool,
    rel_day: Option<i32>,
    night: bool,
    part: Option<PartOfDay>,
    zone: Option<i32>,
    trig: Trig,
    vague: Vec<u32>,
    cand: bool,
}

#[derive(Debug, Clone, Default)]
struct Index {
    map: HashMap<u128, Info, BuildHasherDefault<KeyHasher>>,
    vague: Vec<Vec<String>>,
    fp: [usize; 6],
}

impl Index {
    #[inline]
    fn get(&self, w: &[u8]) -> Option<&Info> {
        self.map.get(&pack(w)?)
    }
}

const TRIGGERS: &[(&str, Trig)] = &[
    ("the", Trig::The),
    ("last", Trig::Modifier),
    ("next", Trig::Modifier),
    ("this", Trig::Modifier),
    ("early", Trig::EarlyLate),
    ("late", Trig::EarlyLate),
    ("mid", Trig::Mid),
    ("earlier", Trig::EarlierLater),
    ("later", Trig::EarlierLater),
    ("between", Trig::Between),
    ("from", Trig::From),
    ("in", Trig::Licensor),
    ("since", Trig::Licensor),
    ("until", Trig::Licensor),
    ("till", Trig::Licensor),
    ("by", Trig::Licensor),
    ("through", Trig::Licensor),
    ("during", Trig::Licensor),
    ("noon", Trig::ClockWord),
    ("midday", Trig::ClockWord),
    ("midnight", Trig::ClockWord),
];

const COUNTS: &[(&str, i32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
];

/// Normalise a table key: lowercase, strip one trailing dot; only ASCII letters.
fn base_key(word: &str) -> Option<(String, bool)> {
    let lw = word.trim().to_ascii_lowercase();
    let (base, dot) = match lw.strip_suffix('.') {
        Some(b) => (b.to_string(), true),
        None => (lw, false),
    };
    if base.is_empty() || base.len() > 16 || !base.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some((base, dot))
}

fn build_index(w: &TimeWords) -> Index {
    let mut ix = Index {
        fp: w.fingerprint(),
        ..Index::default()
    };
    fn entry<'m>(
        map: &'m mut HashMap<u128, Info, BuildHasherDefault<KeyHasher>>,
        base: &str,
    ) -> Option<&'m mut Info> {
        Some(map.entry(pack(base.as_bytes())?).or_default())
    }
    for (k, &d) in &w.weekdays {
        if let Some((base, _)) = base_key(k) {
            let abbr = !base.ends_with("day");
            if let Some(e) = entry(&mut ix.map, &base) {
                e.weekday = Some(d);
                e.wd_abbr = abbr;
            }
        }
    }
    for (k, &m) in &w.months {
        if !(1..=12).contains(&m) {
            continue;
        }
        if let Some((base, dot)) = base_key(k) {
            let cap = base == "may" || base == "march";
            if let Some(e) = entry(&mut ix.map, &base) {
                e.month = Some(m);
                e.month_dot |= dot;
                e.month_cap = cap;
            }
        }
    }
    for (k, &o) in &w.relative_days {
        if let Some((base, _)) = base_key(k) {
            let night = base.ends_with("night");
            if let Some(e) = entry(&mut ix.map, &base) {
                e.rel_day = Some(o);
                e.night = night;
            }
        }
    }
    for (k, &p) in &w.parts_of_day {
        if let Some((base, _)) = base_key(k) {
            if let Some(e) = entry(&mut ix.map, &base) {
                e.part = Some(p);
            }
        }
    }
    for (k, &z) in &w.zones {
        if let Some((base, _)) = base_key(k) {
            if let Some(e) = entry(&mut ix.map, &base) {
                e.zone = Some(z);
            }
        }
    }
    for phrase in &w.vague {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|s| s.to_ascii_lowercase())
            .collect();
        let Some(first) = words.first() else { continue };
        if !first.bytes().all(|b| b.is_ascii_alphabetic()) {
            continue;
        }
        let id = ix.vague.len() as u32;
        if let Some(e) = entry(&mut ix.map, first) {
            e.vague.push(id);
        }
        ix.vague.push(words);
    }
    for &(t, trig) in TRIGGERS {
        if let Some(e) = entry(&mut ix.map, t) {
            e.trig = trig;
        }
    }
    for &(t, _) in COUNTS {
        if let Some(e) = entry(&mut ix.map, t) {
            e.trig = Trig::Count;
        }
    }
    for info in ix.map.values_mut() {
        info.cand = info.weekday.is_some()
            || info.month.is_some()
            || info.rel_day.is_some()
            || info.trig != Trig::None
            || info.part.is_some()
            || !info.vague.is_empty();
    }
    ix
}

// ---------------------------------------------------------------------------
// Lexical primitives (nom parsers over &str with unit errors)
// ---------------------------------------------------------------------------

type R<'a, T> = IResult<&'a str, T, ()>;

#[inline]
fn fail<'a, T>() -> R<'a, T> {
    Err(nom::Err::Error(()))
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{2009}' | '\u{202f}'
    )
}

fn ws1(i: &str) -> R<'_, &str> {
    take_while1(is_space)(i)
}

fn ws0(i: &str) -> R<'_, &str> {
    take_while(is_space)(i)
}

fn comma(i: &str) -> R<'_, char> {
    nchar(',')(i)
}

fn dash(i: &str) -> R<'_, char> {
    satisfy(|c| matches!(c, '-' | '\u{2013}' | '\u{2014}'))(i)
}

fn digits(i: &str) -> R<'_, &str> {
    digit1(i)
}

/// Word boundary: succeeds, consuming nothing, unless a letter or digit follows.
fn wb(i: &str) -> R<'_, ()> {
    match i.chars().next() {
        Some(c) if c.is_alphanumeric() => fail(),
        _ => Ok((i, ())),
    }
}

/// Case-insensitive ASCII word (or fixed string) followed by a word boundary.
fn ci_word<'a>(i: &'a str, w: &str) -> Option<&'a str> {
    let b = i.as_bytes().get(..w.len())?;
    if !b.eq_ignore_ascii_case(w.as_bytes()) {
        return None;
    }
    let r = i.get(w.len()..)?;
    wb(r).ok()?;
    Some(r)
}

/// Keyword parser: case-insensitive, must end on a word boundary.
fn kw<'a>(w: &'static str) -> impl Fn(&'a str) -> R<'a, &'a str> {
    move |i: &'a str| match ci_word(i, w) {
        Some(r) => Ok((r, &i[..w.len()])),
        None => fail(),
    }
}

fn kw_any<'a, T: Copy>(i: &'a str, list: &[(&'static str, T)]) -> R<'a, T> {
    for &(w, v) in list {
        if let Some(r) = ci_word(i, w) {
            return Ok((r, v));
        }
    }
    fail()
}

/// A run of ASCII letters ending on a word boundary.
fn alpha_word(i: &str) -> R<'_, &str> {
    let (r, w) = take_while1(|c: char| c.is_ascii_alphabetic())(i)?;
    let (r, _) = wb(r)?;
    Ok((r, w))
}

/// An unsigned number of `min..=max` digits (max <= 4, so no overflow).
fn num(i: &str, min: usize, max: usize) -> R<'_, u32> {
    let (r, d) = digits(i)?;
    if d.len() < min || d.len() > max {
        return fail();
    }
    Ok((r, d.bytes().fold(0u32, |a, b| a * 10 + u32::from(b - b'0'))))
}

/// What may follow a number that stands alone: not a decimal / thousands /
/// ratio continuation, not a percentage, not a hyphenated unit ("30-day").
fn num_tail(r: &str) -> R<'_, ()> {
    let b = r.as_bytes();
    let next_digit = b.get(1).is_some_and(u8::is_ascii_digit);
    match b.first() {
        Some(b'%') => fail(),
        Some(b',' | b'.' | b':' | b'/') if next_digit => fail(),
        Some(b'-') if b.get(1).is_some_and(u8::is_ascii_lowercase) => fail(),
        _ => wb(r),
    }
}

fn ordinal(i: &str) -> R<'_, ()> {
    let (r, _) = kw_any(i, &[("st", ()), ("nd", ()), ("rd", ()), ("th", ())])?;
    Ok((r, ()))
}

/// A day of the month 1..=31, optionally with an ordinal suffix.
fn day_num(i: &str, need_ord: bool) -> R<'_, i8> {
    let (r, v) = num(i, 1, 2)?;
    if !(1..=31).contains(&v) {
        return fail();
    }
    let (r, o) = opt(ordinal).parse(r)?;
    if need_ord && o.is_none() {
        return fail();
    }
    let (r, _) = num_tail(r)?;
    Ok((r, v as i8))
}

fn year4(i: &str, lo: u32, hi: u32) -> R<'_, i32> {
    let (r, v) = num(i, 4, 4)?;
    if v < lo || v > hi {
        return fail();
    }
    let (r, _) = num_tail(r)?;
    Ok((r, v as i32))
}

fn ampm(i: &str) -> R<'_, bool> {
    alt((
        value(false, kw("a.m.")),
        value(true, kw("p.m.")),
        value(false, kw("a.m")),
        value(true, kw("p.m")),
        value(false, kw("am")),
        value(true, kw("pm")),
    ))
    .parse(i)
}

/// After "the day before" etc. without an explicit base: the clause must end or
/// continue with a conjunction / preposition, not with a noun phrase ("the day
/// after the election" is relative to an event, not to a date).
fn clause_end(r: &str) -> R<'_, ()> {
    let (r2, sp) = ws0(r)?;
    match r2.chars().next() {
        None => Ok((r, ())),
        Some(c) if !c.is_alphanumeric() => Ok((r, ())),
        _ if !sp.is_empty() => {
            const OK: &[(&str, ())] = &[
                ("and", ()),
                ("or", ()),
                ("but", ()),
                ("when", ()),
                ("while", ()),
                ("as", ()),
                ("at", ()),
                ("in", ()),
                ("on", ()),
                ("with", ()),
            ];
            kw_any(r2, OK)?;
            Ok((r, ()))
        }
        _ => fail(),
    }
}

fn not_followed_by_number(r: &str) -> R<'_, ()> {
    if let Ok((r2, _)) = ws1(r) {
        if r2.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return fail();
        }
    }
    Ok((r, ()))
}

/// Nouns after which a bare four-digit number is a count, not a year.
const COUNT_NOUNS: &[(&str, ())] = &[
    ("people", ()),
    ("persons", ()),
    ("troops", ()),
    ("soldiers", ()),
    ("residents", ()),
    ("deaths", ()),
    ("cases", ()),
    ("km", ()),
    ("kilometres", ()),
    ("kilometers", ()),
    ("miles", ()),
    ("metres", ()),
    ("meters", ()),
    ("feet", ()),
    ("tonnes", ()),
    ("tons", ()),
    ("barrels", ()),
    ("dollars", ()),
    ("euros", ()),
    ("votes", ()),
    ("homes", ()),
    ("houses", ()),
    ("jobs", ()),
    ("workers", ()),
    ("employees", ()),
    ("students", ()),
    ("children", ()),
    ("refugees", ()),
    ("migrants", ()),
    ("members", ()),
    ("users", ()),
    ("units", ()),
    ("vehicles", ()),
    ("cars", ()),
    ("hectares", ()),
    ("acres", ()),
    ("points", ()),
    ("years", ()),
    ("days", ()),
    ("hours", ()),
    ("minutes", ()),
    ("times", ()),
    ("percent", ()),
    ("per", ()),
    ("of", ()),
];

const LICENSORS: &[(&str, ())] = &[
    ("in", ()),
    ("since", ()),
    ("until", ()),
    ("till", ()),
    ("by", ()),
    ("from", ()),
    ("through", ()),
    ("during", ()),
];

fn portion_eml(i: &str) -> R<'_, Portion> {
    kw_any(
        i,
        &[
            ("early", Portion::Early),
            ("late", Portion::Late),
            ("mid", Portion::Mid),
        ],
    )
}

fn modifier(i: &str) -> R<'_, Modifier> {
    if let Ok((r, _)) = (kw("this"), ws1, kw("past")).parse(i) {
        return Ok((r, Modifier::Last));
    }
    if let Ok((r, _)) = (kw("this"), ws1, kw("coming")).parse(i) {
        return Ok((r, Modifier::Next));
    }
    kw_any(
        i,
        &[
            ("last", Modifier::Last),
            ("next", Modifier::Next),
            ("this", Modifier::This),
        ],
    )
}

fn period_unit(i: &str) -> R<'_, PeriodUnit> {
    kw_any(
        i,
        &[
            ("week", PeriodUnit::Week),
            ("weekend", PeriodUnit::Weekend),
            ("month", PeriodUnit::Month),
            ("year", PeriodUnit::Year),
        ],
    )
}

fn cal_unit(i: &str) -> R<'_, Unit> {
    kw_any(
        i,
        &[
            ("week", Unit::Week),
            ("month", Unit::Month),
            ("year", Unit::Year),
        ],
    )
}

fn count_unit(i: &str) -> R<'_, Unit> {
    kw_any(
        i,
        &[
            ("days", Unit::Day),
            ("day", Unit::Day),
            ("weeks", Unit::Week),
            ("week", Unit::Week),
            ("months", Unit::Month),
            ("month", Unit::Month),
            ("years", Unit::Year),
            ("year", Unit::Year),
        ],
    )
}

fn count(i: &str) -> R<'_, i32> {
    if let Ok(x) = kw_any(i, COUNTS) {
        return Ok(x);
    }
    let (r, n) = num(i, 1, 3)?;
    if n == 0 {
        return fail();
    }
    let (r, _) = num_tail(r)?;
    Ok((r, n as i32))
}

fn is_day_level(e: &TimeExpr) -> bool {
    match e {
        TimeExpr::Date { .. }
        | TimeExpr::DayOfMonth { .. }
        | TimeExpr::Weekday { .. }
        | TimeExpr::RelativeDay { .. } => true,
        TimeExpr::Shift { unit, calendar, .. } => {
            *unit == Unit::Day || (*unit == Unit::Week && !*calendar)
        }
        TimeExpr::At { time, .. } => time.is_none(),
        _ => false,
    }
}

fn rangeable(e: &TimeExpr) -> bool {
    matches!(
        e,
        TimeExpr::Date { .. }
            | TimeExpr::DayOfMonth { .. }
            | TimeExpr::Weekday { .. }
            | TimeExpr::RelativeDay { .. }
            | TimeExpr::Month {
                modifier: None,
                portion: None,
                ..
            }
            | TimeExpr::Year { portion: None, .. }
    )
}

/// Keeps the alternative that consumed the most input.
struct Best<'a> {
    best: Option<(&'a str, TimeExpr)>,
}

impl<'a> Best<'a> {
    fn new() -> Self {
        Best { best: None }
    }
    fn offer(&mut self, res: R<'a, TimeExpr>) {
        if let Ok((r, e)) = res {
            if self.best.as_ref().is_none_or(|(b, _)| r.len() < b.len()) {
                self.best = Some((r, e));
            }
        }
    }
    fn done(self) -> R<'a, TimeExpr> {
        match self.best {
            Some(x) => Ok(x),
            None => fail(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    To,
    And,
}

// ---------------------------------------------------------------------------
// The grammar
// ---------------------------------------------------------------------------

struct G<'w> {
    ix: &'w Index,
    order: DayOrder,
}

/// Longest of several grammar alternatives at the same input.
macro_rules! longest {
    ($g:expr, $i:expr, [$($f:path),+ $(,)?]) => {{
        let mut b = Best::new();
        $( b.offer($f($g, $i)); )+
        b.done()
    }};
}

impl<'w> G<'w> {
    fn info<'a>(&self, i: &'a str) -> R<'a, (&'a str, &'w Info)> {
        let (r, w) = alpha_word(i)?;
        match self.ix.get(w.as_bytes()) {
            Some(inf) => Ok((r, (w, inf))),
            None => fail(),
        }
    }

    /// A month name. `strict`: "May"/"March" must be capitalised.
    fn month<'a>(&self, i: &'a str, strict: bool) -> R<'a, i8> {
        let (r, (w, inf)) = self.info(i)?;
        let Some(m) = inf.month else { return fail() };
        if strict && inf.month_cap && !w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return fail();
        }
        let r = if inf.month_dot {
            r.strip_prefix('.').unwrap_or(r)
        } else {
            r
        };
        Ok((r, m))
    }

    /// A weekday name; abbreviations only with `allow_abbr` and a following "." or ",".
    fn weekday<'a>(&self, i: &'a str, allow_abbr: bool) -> R<'a, Weekday> {
        let (r, (_, inf)) = self.info(i)?;
        let Some(wd) = inf.weekday else { return fail() };
        if inf.wd_abbr {
            if !allow_abbr {
                return fail();
            }
            return match r.strip_prefix('.') {
                Some(r2) => Ok((r2, wd)),
                None if r.starts_with(',') => Ok((r, wd)),
                None => fail(),
            };
        }
        Ok((r, wd))
    }

    fn part_word<'a>(&self, i: &'a str) -> R<'a, PartOfDay> {
        let (r, (_, inf)) = self.info(i)?;
        match inf.part {
            Some(p) => Ok((r, p)),
            None => fail(),
        }
    }

    fn zone<'a>(&self, i: &'a str) -> R<'a, i32> {
        let (r, w) = alpha_word(i)?;
        if !w.bytes().all(|b| b.is_ascii_uppercase()) {
            return fail();
        }
        match self.ix.get(w.as_bytes()).and_then(|x| x.zone) {
            Some(z) => Ok((r, z)),
            None => fail(),
        }
    }

    // ----- clock times -----

    fn clock_word<'a>(&self, i: &'a str) -> R<'a, u16> {
        kw_any(i, &[("noon", 720u16), ("midday", 720), ("midnight", 0)])
    }

    /// "10 a.m.", "10:30pm", "10.30am", "22:15", "noon", "12 noon".
    fn clock_base<'a>(&self, i: &'a str) -> R<'a, u16> {
        if let Ok(x) = self.clock_word(i) {
            return Ok(x);
        }
        if let Ok((r, _)) = terminated(tag("12"), ws1).parse(i) {
            if let Ok(x) = self.clock_word(r) {
                return Ok(x);
            }
        }
        let (r, h) = num(i, 1, 2)?;
        let (mut r, mm) = match r.as_bytes() {
            [s @ (b':' | b'.'), d1, d2, ..] if d1.is_ascii_digit() && d2.is_ascii_digit() => (
                &r[3..],
                Some((*s, u32::from(d1 - b'0') * 10 + u32::from(d2 - b'0'))),
            ),
            _ => (r, None),
        };
        if mm.is_some_and(|(_, m)| m > 59) {
            return fail();
        }
        if let Some((b':', _)) = mm {
            // optional seconds
            if let [b':', d1, d2, ..] = r.as_bytes() {
                if d1.is_ascii_digit() && d2.is_ascii_digit() {
                    r = &r[3..];
                }
            }
        }
        let m = mm.map_or(0, |(_, m)| m);
        if let Ok((r2, pm)) = preceded(ws0, ampm).parse(r) {
            if h == 0 || h > 12 {
                return fail();
            }
            let hh = h % 12 + if pm { 12 } else { 0 };
            return Ok((r2, (hh * 60 + m) as u16));
        }
        match mm {
            Some((b':', _)) if h <= 23 => {
                let (r, _) = num_tail(r)?;
                Ok((r, (h * 60 + m) as u16))
            }
            _ => fail(),
        }
    }

    /// A clock time with optional zone ("10:30 p.m. GMT", "1400 GMT").
    fn clock_inner<'a>(&self, i: &'a str) -> R<'a, ClockTime> {
        if let Ok((r, m)) = self.clock_base(i) {
            let (r, zone) = opt(preceded(ws1, |x| self.zone(x))).parse(r)?;
            return Ok((r, ClockTime { minutes: m, zone }));
        }
        // "1400 GMT": four digits only with a zone
        let (r, v) = num(i, 4, 4)?;
        let (h, m) = (v / 100, v % 100);
        if h > 23 || m > 59 {
            return fail();
        }
        let (r, _) = ws1(r)?;
        let (r, z) = self.zone(r)?;
        Ok((
            r,
            ClockTime {
                minutes: (h * 60 + m) as u16,
                zone: Some(z),
            },
        ))
    }

    /// Clock time plus optional "local time" and a parenthesised equivalent
    /// "(1400 GMT)"; the zoned equivalent is kept when the main time has no zone.
    fn clock<'a>(&self, i: &'a str) -> R<'a, ClockTime> {
        let (r, mut t) = self.clock_inner(i)?;
        let (r, _) = opt((ws1, kw("local"), ws1, kw("time"))).parse(r)?;
        let paren = |x: &'a str| -> R<'a, ClockTime> {
            let (x, _) = ws0(x)?;
            let (x, _) = nchar('(')(x)?;
            let (x, _) = ws0(x)?;
            let (x, t2) = self.clock_inner(x)?;
            let (x, _) = ws0(x)?;
            let (x, _) = nchar(')')(x)?;
            Ok((x, t2))
        };
        let (r, alt_t) = opt(paren).parse(r)?;
        if let Some(t2) = alt_t {
            if t.zone.is_none() && t2.zone.is_some() {
                t = t2;
            }
        }
        Ok((r, t))
    }

    /// ", at 10 a.m." / " 10 a.m." after a day.
    fn time_suffix<'a>(&self, i: &'a str) -> R<'a, ClockTime> {
        let (r, _) = opt(comma).parse(i)?;
        let (r, _) = ws1(r)?;
        let (r, _) = opt((kw("at"), ws1)).parse(r)?;
        let (r, _) = opt((
            |x| kw_any(x, &[("around", ()), ("about", ()), ("approximately", ())]),
            ws1,
        ))
        .parse(r)?;
        self.clock(r)
    }

    /// Attach a following part of day and/or clock time to a day-level expression.
    fn refine<'a>(&self, res: R<'a, TimeExpr>) -> R<'a, TimeExpr> {
        let (r, e) = res?;
        if !is_day_level(&e) {
            return Ok((r, e));
        }
        let (day, mut part, mut time) = match e {
            TimeExpr::At { day, part, time } => (*day, part, time),
            other => (other, None, None),
        };
        let mut r = r;
        if let Ok((r2, p)) = preceded(ws1, |x| self.part_word(x)).parse(r) {
            part = Some(p);
            r = r2;
        }
        if time.is_none() {
            if let Ok((r2, t)) = self.time_suffix(r) {
                time = Some(t);
                r = r2;
            }
        }
        if part.is_none() && time.is_none() {
            Ok((r, day))
        } else {
            Ok((
                r,
                TimeExpr::At {
                    day: Box::new(day),
                    part,
                    time,
                },
            ))
        }
    }

    /// "10 a.m. Friday", "10:30 p.m. GMT on Thursday", or a bare clock time.
    fn time_first<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, t) = self.clock(i)?;
        let day = (opt(comma), ws1, opt((kw("on"), ws1)), |x| {
            self.day_for_time(x)
        })
            .parse(r);
        match day {
            Ok((r2, (_, _, _, d))) => {
                let (d, part) = match d {
                    TimeExpr::At { day, part, .. } => (*day, part),
                    other => (other, None),
                };
                let (r3, part2) = opt(preceded(ws1, |x| self.part_word(x))).parse(r2)?;
                Ok((
                    r3,
                    TimeExpr::At {
                        day: Box::new(d),
                        part: part2.or(part),
                        time: Some(t),
                    },
                ))
            }
            Err(_) => Ok((r, TimeExpr::Clock(t))),
        }
    }

    fn day_for_time<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        longest!(
            self,
            i,
            [
                G::date_md,
                G::date_dm,
                G::iso,
                G::numeric,
                G::weekday_expr,
                G::relday_expr,
            ]
        )
    }

    // ----- dates -----

    fn wd_prefix<'a>(&self, i: &'a str) -> R<'a, Weekday> {
        let (r, wd) = self.weekday(i, true)?;
        let (r, _) = opt(comma).parse(r)?;
        let (r, _) = ws1(r)?;
        Ok((r, wd))
    }

    fn opt_year<'a>(&self, i: &'a str) -> (&'a str, Option<i32>) {
        match (opt(comma), ws1, |x| year4(x, 1000, 2999)).parse(i) {
            Ok((r, (_, _, y))) => (r, Some(y)),
            Err(_) => (i, None),
        }
    }

    /// "[Tuesday, ]May 16[, 2025]", "May 16th".
    fn date_md<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, wd) = opt(|x| self.wd_prefix(x)).parse(i)?;
        let (r, m) = self.month(r, true)?;
        let (r, _) = ws1(r)?;
        let (r, d) = day_num(r, false)?;
        let (r, y) = self.opt_year(r);
        Ok((
            r,
            TimeExpr::Date {
                year: y,
                month: m,
                day: d,
                weekday: wd,
            },
        ))
    }

    /// "[Tuesday ]16 May[ 2025]", "the 16th of May".
    fn date_dm<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, wd) = opt(|x| self.wd_prefix(x)).parse(i)?;
        let (r, the) = opt((kw("the"), ws1)).parse(r)?;
        let (r, d) = day_num(r, the.is_some())?;
        let (r, _) = ws1(r)?;
        let (r, _) = opt((kw("of"), ws1)).parse(r)?;
        let (r, m) = self.month(r, true)?;
        let (r, y) = self.opt_year(r);
        Ok((
            r,
            TimeExpr::Date {
                year: y,
                month: m,
                day: d,
                weekday: wd,
            },
        ))
    }

    /// "2025-05-16", optionally with "T10:00[:00][Z|+01:00]". Must be a valid date.
    fn iso<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, y) = num(i, 4, 4)?;
        let (r, _) = nchar('-')(r)?;
        let (r, m) = num(r, 2, 2)?;
        let (r, _) = nchar('-')(r)?;
        let (r, d) = num(r, 2, 2)?;
        if mk(y as i32, m as i8, d as i8).is_none() {
            return fail();
        }
        let date = TimeExpr::Date {
            year: Some(y as i32),
            month: m as i8,
            day: d as i8,
            weekday: None,
        };
        if let Ok((r2, t)) = self.iso_time(r) {
            return Ok((
                r2,
                TimeExpr::At {
                    day: Box::new(date),
                    part: None,
                    time: Some(t),
                },
            ));
        }
        let (r, _) = num_tail(r)?;
        Ok((r, date))
    }

    fn iso_time<'a>(&self, i: &'a str) -> R<'a, ClockTime> {
        let (r, _) = alt((nchar('T'), nchar('t'))).parse(i)?;
        let (r, h) = num(r, 2, 2)?;
        let (r, _) = nchar(':')(r)?;
        let (r, m) = num(r, 2, 2)?;
        let (r, _) = opt((nchar(':'), |x| num(x, 2, 2))).parse(r)?;
        let (r, _) = opt((nchar('.'), digits)).parse(r)?;
        if h > 23 || m > 59 {
            return fail();
        }
        let (r, zone) = if let Ok((r2, _)) = alt((nchar::<&str, ()>('Z'), nchar('z'))).parse(r) {
            (r2, Some(0))
        } else if let Ok((r2, (sign, zh, _, zm))) = (
            alt((nchar('+'), nchar('-'))),
            |x| num(x, 2, 2),
            opt(nchar(':')),
            |x| num(x, 2, 2),
        )
            .parse(r)
        {
            let z = (zh * 60 + zm) as i32;
            (r2, Some(if sign == '-' { -z } else { z }))
        } else {
            (r, None)
        };
        let (r, _) = wb(r)?;
        Ok((
            r,
            ClockTime {
                minutes: (h * 60 + m) as u16,
                zone,
            },
        ))
    }

    /// "16/05/2025", "5/16/25", "16.05.2025", "2025/05/16". Must be a valid date.
    fn numeric<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, a) = digits(i)?;
        let sep = match r.as_bytes().first() {
            Some(&s @ (b'/' | b'.')) => s,
            _ => return fail(),
        };
        let r = &r[1..];
        let num_val = |s: &str| s.bytes().fold(0u32, |x, b| x * 10 + u32::from(b - b'0'));
        let (y, m, d, r) = if a.len() == 4 {
            let (r, m) = num(r, 1, 2)?;
            let (r, _) = nchar(sep as char)(r)?;
            let (r, d) = num(r, 1, 2)?;
            (num_val(a) as i32, m, d, r)
        } else if a.len() <= 2 {
            let a = num_val(a);
            let (r, b) = num(r, 1, 2)?;
            let (r, _) = nchar(sep as char)(r)?;
            let (r, ys) = digits(r)?;
            let y = match ys.len() {
                4 => num_val(ys) as i32,
                2 if sep == b'/' => 2000 + num_val(ys) as i32,
                _ => return fail(),
            };
            let (m, d) = if a > 12 && b <= 12 {
                (b, a)
            } else if b > 12 && a <= 12 {
                (a, b)
            } else {
                match self.order {
                    DayOrder::DayFirst => (b, a),
                    DayOrder::MonthFirst => (a, b),
                }
            };
            (y, m, d, r)
        } else {
            return fail();
        };
        if m > 12 || d > 31 || mk(y, m as i8, d as i8).is_none() {
            return fail();
        }
        let (r, _) = num_tail(r)?;
        Ok((
            r,
            TimeExpr::Date {
                year: Some(y),
                month: m as i8,
                day: d as i8,
                weekday: None,
            },
        ))
    }

    /// "15-16 May 2025", "15 to 16 May".
    fn day_range_dm<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, d1) = day_num(i, false)?;
        let (r, _) = self.range_sep(r)?;
        let (r, d2) = day_num(r, false)?;
        let (r, _) = ws1(r)?;
        let (r, _) = opt((kw("of"), ws1)).parse(r)?;
        let (r, m) = self.month(r, true)?;
        let (r, y) = self.opt_year(r);
        if d2 <= d1 {
            return fail();
        }
        let mkd = |d| TimeExpr::Date {
            year: y,
            month: m,
            day: d,
            weekday: None,
        };
        Ok((
            r,
            TimeExpr::Range {
                from: Box::new(mkd(d1)),
                to: Box::new(mkd(d2)),
            },
        ))
    }

    /// "the 16th" (with a plausible follower), "the 16th of this month".
    fn the_nth<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, _) = kw("the")(i)?;
        let (r, _) = ws1(r)?;
        let (r, d) = day_num(r, true)?;
        let e = TimeExpr::DayOfMonth { day: d };
        if let Ok((r2, _)) = (
            ws1,
            kw("of"),
            ws1,
            alt((kw("this"), kw("the"))),
            ws1,
            kw("month"),
        )
            .parse(r)
        {
            return Ok((r2, e));
        }
        match r.chars().next() {
            None => Ok((r, e)),
            Some(c) if !c.is_alphanumeric() && !is_space(c) => Ok((r, e)),
            Some(_) => {
                let (r2, _) = ws1(r)?;
                const FOLLOW: &[(&str, ())] = &[
                    ("and", ()),
                    ("or", ()),
                    ("to", ()),
                    ("through", ()),
                    ("until", ()),
                    ("till", ()),
                    ("when", ()),
                    ("at", ()),
                ];
                kw_any(r2, FOLLOW)?;
                Ok((r, e))
            }
        }
    }

    // ----- weekdays and relative days -----

    /// "[last|next|this|this past|this coming|early|late] Friday".
    fn weekday_expr<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        #[derive(Clone, Copy)]
        enum Pre {
            M(Modifier),
            Early,
            Late,
        }
        let pre = |x: &'a str| -> R<'a, Pre> {
            if let Ok((r, m)) = modifier(x) {
                return Ok((r, Pre::M(m)));
            }
            kw_any(
                x,
                &[
                    ("early", Pre::Early),
                    ("late", Pre::Late),
                    ("coming", Pre::M(Modifier::Next)),
                ],
            )
        };
        let (r, p) = opt(terminated(pre, ws1)).parse(i)?;
        // "late on Thursday", "early on Friday"
        let r = match p {
            Some(Pre::Early | Pre::Late) => opt((kw("on"), ws1)).parse(r)?.0,
            _ => r,
        };
        let (r, wd) = self.weekday(r, false)?;
        let base = TimeExpr::Weekday {
            weekday: wd,
            modifier: match p {
                Some(Pre::M(m)) => Some(m),
                _ => None,
            },
        };
        let part = match p {
            Some(Pre::Early) => Some(PartOfDay::Morning),
            Some(Pre::Late) => Some(PartOfDay::Night),
            _ => None,
        };
        Ok((
            r,
            match part {
                Some(_) => TimeExpr::At {
                    day: Box::new(base),
                    part,
                    time: None,
                },
                None => base,
            },
        ))
    }

    /// "today", "tonight", "yesterday", "this morning", "last night".
    fn relday_expr<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let at = |offset, p| TimeExpr::At {
            day: Box::new(TimeExpr::RelativeDay { offset }),
            part: Some(p),
            time: None,
        };
        if let Ok((r, (_, _, p))) = (kw("this"), ws1, |x| self.part_word(x)).parse(i) {
            return Ok((r, at(0, p)));
        }
        if let Ok((r, (_, _, p))) = (kw("last"), ws1, |x| self.part_word(x)).parse(i) {
            if matches!(p, PartOfDay::Night | PartOfDay::Evening) {
                return Ok((r, at(-1, p)));
            }
        }
        let (r, (_, inf)) = self.info(i)?;
        let Some(offset) = inf.rel_day else {
            return fail();
        };
        if inf.night {
            return Ok((r, at(offset, PartOfDay::Night)));
        }
        Ok((r, TimeExpr::RelativeDay { offset }))
    }

    // ----- shifts -----

    /// After "before"/"after": an explicit base ("the day before May 16") or the end of the clause.
    fn shift_base<'a>(&self, r: &'a str) -> R<'a, ShiftBase> {
        if let Ok((r2, (_, e))) = (ws1, |x| {
            longest!(
                self,
                x,
                [G::date_md, G::date_dm, G::weekday_expr, G::relday_expr]
            )
        })
            .parse(r)
        {
            return Ok((r2, ShiftBase::Expr(Box::new(e))));
        }
        let (r, _) = clause_end(r)?;
        Ok((r, ShiftBase::Context))
    }

    /// "two days later", "a week ago", "3 years earlier", "two days before May 16".
    fn shift_count<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        #[derive(Clone, Copy)]
        enum Dir {
            Later,
            Earlier,
            Ago,
            Before,
            After,
        }
        let (r, n) = count(i)?;
        let (r, _) = ws1(r)?;
        let (r, unit) = count_unit(r)?;
        let (r, _) = ws1(r)?;
        let (r, dir) = kw_any(
            r,
            &[
                ("later", Dir::Later),
                ("earlier", Dir::Earlier),
                ("ago", Dir::Ago),
                ("before", Dir::Before),
                ("after", Dir::After),
            ],
        )?;
        let (r, amount, base) = match dir {
            Dir::Later => (r, n, ShiftBase::Context),
            Dir::Earlier => (r, -n, ShiftBase::Context),
            Dir::Ago => (r, -n, ShiftBase::Anchor),
            Dir::Before => {
                let (r, b) = self.shift_base(r)?;
                (r, -n, b)
            }
            Dir::After => {
                let (r, b) = self.shift_base(r)?;
                (r, n, b)
            }
        };
        Ok((
            r,
            TimeExpr::Shift {
                amount,
                unit,
                base,
                calendar: false,
            },
        ))
    }

    /// Forms starting with "the": shifts, "the weekend", "the end of ...", "the morning of ...".
    fn the_forms<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, _) = kw("the")(i)?;
        let (r, _) = ws1(r)?;
        let mut b = Best::new();
        b.offer(self.the_shift(r));
        b.offer(self.the_period(r));
        b.offer(self.the_part_of(r));
        b.done()
    }

    fn the_shift<'a>(&self, r: &'a str) -> R<'a, TimeExpr> {
        let shift = |amount, unit, base, calendar| TimeExpr::Shift {
            amount,
            unit,
            base,
            calendar,
        };
        let with_part = |e, p: Option<PartOfDay>| match p {
            Some(_) => TimeExpr::At {
                day: Box::new(e),
                part: p,
                time: None,
            },
            None => e,
        };
        let dir = |x| kw_any(x, &[("before", -1), ("after", 1)]);
        // "the day before", "the night before", "the morning after"
        let day_or_part = |x: &'a str| -> R<'a, Option<PartOfDay>> {
            if let Ok((r, _)) = kw("day")(x) {
                return Ok((r, None));
            }
            let (r, p) = self.part_word(x)?;
            Ok((r, Some(p)))
        };
        if let Ok((r2, (p, _, d))) = (day_or_part, ws1, dir).parse(r) {
            let (r3, base) = self.shift_base(r2)?;
            return Ok((r3, with_part(shift(d, Unit::Day, base, false), p)));
        }
        // "the next day", "the following morning", "the previous night"
        let nfp = |x| {
            kw_any(
                x,
                &[
                    ("next", 1),
                    ("following", 1),
                    ("previous", -1),
                    ("preceding", -1),
                ],
            )
        };
        if let Ok((r2, (d, _, p))) = (nfp, ws1, day_or_part).parse(r) {
            return Ok((
                r2,
                with_part(shift(d, Unit::Day, ShiftBase::Context, false), p),
            ));
        }
        if let Ok((r2, _)) = (kw("same"), ws1, kw("day")).parse(r) {
            return Ok((r2, shift(0, Unit::Day, ShiftBase::Context, false)));
        }
        // "the following week", "the previous month"
        let fp = |x| kw_any(x, &[("following", 1), ("previous", -1), ("preceding", -1)]);
        if let Ok((r2, (d, _, u))) = (fp, ws1, cal_unit).parse(r) {
            return Ok((r2, shift(d, u, ShiftBase::Context, true)));
        }
        // "the week before", "the year after"
        let (r2, (u, _, d)) = (cal_unit, ws1, dir).parse(r)?;
        let (r3, base) = self.shift_base(r2)?;
        Ok((r3, shift(d, u, base, true)))
    }

    fn the_period<'a>(&self, r: &'a str) -> R<'a, TimeExpr> {
        if let Ok((r2, _)) = kw("weekend")(r) {
            return Ok((
                r2,
                TimeExpr::Period {
                    unit: PeriodUnit::Weekend,
                    modifier: None,
                    portion: None,
                },
            ));
        }
        // "the end of March", "the beginning of 2022", "the end of next week"
        let (r, p) = kw_any(
            r,
            &[
                ("end", Portion::Late),
                ("beginning", Portion::Early),
                ("start", Portion::Early),
                ("middle", Portion::Mid),
            ],
        )?;
        let (r, _) = (ws1, kw("of"), ws1).parse(r)?;
        if let Ok((r2, m)) = self.month(r, false) {
            let (r3, y) = opt(preceded(ws1, |x| year4(x, 1000, 2999))).parse(r2)?;
            return Ok((
                r3,
                TimeExpr::Month {
                    month: m,
                    year: y,
                    modifier: None,
                    portion: Some(p),
                },
            ));
        }
        if let Ok((r2, y)) = year4(r, 1000, 2999) {
            return Ok((
                r2,
                TimeExpr::Year {
                    year: y,
                    portion: Some(p),
                },
            ));
        }
        let m = |x| {
            if let Ok((r, _)) = kw("the")(x) {
                return Ok((r, Modifier::This));
            }
            modifier(x)
        };
        let (r, (m, _, u)) = (m, ws1, period_unit).parse(r)?;
        Ok((
            r,
            TimeExpr::Period {
                unit: u,
                modifier: Some(m),
                portion: Some(p),
            },
        ))
    }

    /// "dawn on Monday", "morning on May 16": a part of the day, then its day.
    fn part_on<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        self.part_then_day(i, "on")
    }

    /// "the morning of May 16".
    fn the_part_of<'a>(&self, r: &'a str) -> R<'a, TimeExpr> {
        self.part_then_day(r, "of")
    }

    /// A part of the day, `link` ("on", "of"), then its day.
    fn part_then_day<'a>(&self, r: &'a str, link: &'static str) -> R<'a, TimeExpr> {
        let (r, p) = self.part_word(r)?;
        let (r, _) = (ws1, kw(link), ws1).parse(r)?;
        let (r, d) = longest!(self, r, [G::date_md, G::date_dm, G::weekday_expr])?;
        Ok((
            r,
            TimeExpr::At {
                day: Box::new(d),
                part: Some(p),
                time: None,
            },
        ))
    }

    // ----- periods, months, years -----

    /// "this week", "last month", "earlier this week", "later in the year", "late last year".
    fn period<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let el = |x| {
            kw_any(
                x,
                &[("earlier", Portion::Earlier), ("later", Portion::Later)],
            )
        };
        if let Ok((r, (p, _, _, _, _, _, u))) =
            (el, ws1, kw("in"), ws1, kw("the"), ws1, period_unit).parse(i)
        {
            return Ok((
                r,
                TimeExpr::Period {
                    unit: u,
                    modifier: Some(Modifier::This),
                    portion: Some(p),
                },
            ));
        }
        let any_portion = |x| {
            if let Ok(v) = el(x) {
                return Ok(v);
            }
            portion_eml(x)
        };
        let (r, p) = opt(terminated(any_portion, ws1)).parse(i)?;
        let (r, m) = modifier(r)?;
        let (r, _) = ws1(r)?;
        let (r, u) = period_unit(r)?;
        Ok((
            r,
            TimeExpr::Period {
                unit: u,
                modifier: Some(m),
                portion: p,
            },
        ))
    }

    /// "March 2022", "May of 2021".
    fn month_year<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, m) = self.month(i, true)?;
        let (r, _) = ws1(r)?;
        let (r, _) = opt((kw("of"), ws1)).parse(r)?;
        let (r, y) = year4(r, 1000, 2999)?;
        Ok((
            r,
            TimeExpr::Month {
                month: m,
                year: Some(y),
                modifier: None,
                portion: None,
            },
        ))
    }

    /// "in March", "since May", "until June" (preposition included in the surface).
    fn month_licensed<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, _) = kw_any(i, LICENSORS)?;
        let (r, _) = ws1(r)?;
        let (r, m) = self.month(r, false)?;
        let (r, _) = not_followed_by_number(r)?;
        Ok((
            r,
            TimeExpr::Month {
                month: m,
                year: None,
                modifier: None,
                portion: None,
            },
        ))
    }

    /// "last March", "next May", "early March", "mid-May 2024", "late June".
    fn month_mod<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        if let Ok((r, (m, _, mo))) = (modifier, ws1, |x| self.month(x, false)).parse(i) {
            let (r, _) = not_followed_by_number(r)?;
            return Ok((
                r,
                TimeExpr::Month {
                    month: mo,
                    year: None,
                    modifier: Some(m),
                    portion: None,
                },
            ));
        }
        let (r, p) = portion_eml(i)?;
        let (r, _) = alt((ws1, tag("-"))).parse(r)?;
        let (r, mo) = self.month(r, false)?;
        let (r, y) = opt(preceded(ws1, |x| year4(x, 1000, 2999))).parse(r)?;
        let r = if y.is_none() {
            not_followed_by_number(r)?.0
        } else {
            r
        };
        Ok((
            r,
            TimeExpr::Month {
                month: mo,
                year: y,
                modifier: None,
                portion: Some(p),
            },
        ))
    }

    /// A bare year 1800..=2199 (not a count: "2000 people").
    fn year_bare<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, y) = year4(i, 1800, 2199)?;
        if let Ok((r2, _)) = ws1(r) {
            if kw_any(r2, COUNT_NOUNS).is_ok() {
                return fail();
            }
        }
        Ok((
            r,
            TimeExpr::Year {
                year: y,
                portion: None,
            },
        ))
    }

    /// "early 2022", "mid-2022", "late 2021".
    fn year_portion<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, p) = portion_eml(i)?;
        let (r, _) = alt((ws1, tag("-"))).parse(r)?;
        let (r, y) = year4(r, 1000, 2999)?;
        Ok((
            r,
            TimeExpr::Year {
                year: y,
                portion: Some(p),
            },
        ))
    }

    // ----- ranges -----

    fn range_sep<'a>(&self, i: &'a str) -> R<'a, ()> {
        if let Ok((r, _)) = (ws0, dash, ws0).parse(i) {
            return Ok((r, ()));
        }
        let (r, _) = (
            ws1,
            |x| {
                kw_any(
                    x,
                    &[
                        ("to", ()),
                        ("through", ()),
                        ("thru", ()),
                        ("until", ()),
                        ("till", ()),
                    ],
                )
            },
            ws1,
        )
            .parse(i)?;
        Ok((r, ()))
    }

    fn bare_month<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, m) = self.month(i, true)?;
        Ok((
            r,
            TimeExpr::Month {
                month: m,
                year: None,
                modifier: None,
                portion: None,
            },
        ))
    }

    fn the_nth_or_date<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        self.the_nth(i)
    }

    /// "March to May 2025": a bare month is licensed by a following range.
    fn month_range<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, from) = self.bare_month(i)?;
        self.range_rest(&from, r, Sep::To)
    }

    /// A range end point.
    fn endpoint<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, e) = longest!(
            self,
            i,
            [
                G::date_md,
                G::date_dm,
                G::iso,
                G::numeric,
                G::weekday_expr,
                G::relday_expr,
                G::month_year,
                G::bare_month,
                G::year_bare,
                G::the_nth_or_date,
            ]
        )?;
        if !rangeable(&e) {
            return fail();
        }
        Ok((r, e))
    }

    /// The rest of a range after its first end point.
    fn range_rest<'a>(&self, from: &TimeExpr, r: &'a str, sep: Sep) -> R<'a, TimeExpr> {
        if !rangeable(from) {
            return fail();
        }
        let (r, dashed) = match sep {
            Sep::And => {
                let (r, _) = (ws1, kw("and"), ws1).parse(r)?;
                (r, false)
            }
            Sep::To => {
                let dashed = (ws0, dash).parse(r).is_ok();
                let (r, _) = self.range_sep(r)?;
                (r, dashed)
            }
        };
        let mut best: Option<(&'a str, TimeExpr)> = None;
        let mut offer = |res: Option<(&'a str, TimeExpr)>| {
            if let Some((r2, e)) = res {
                if best.as_ref().is_none_or(|(b, _)| r2.len() < b.len()) {
                    best = Some((r2, e));
                }
            }
        };
        offer(
            self.endpoint(r)
                .ok()
                .and_then(|(r2, to)| Some((r2, combine(from, to)?))),
        );
        if let TimeExpr::Date {
            year, month, day, ..
        } = *from
        {
            if let Ok((r2, d2)) = day_num(r, false) {
                let (r3, y2) = self.opt_year(r2);
                if d2 > day {
                    let y = y2.or(year);
                    let mk_d = |d, w| TimeExpr::Date {
                        year: y,
                        month,
                        day: d,
                        weekday: w,
                    };
                    let wd = match from {
                        TimeExpr::Date { weekday, .. } => *weekday,
                        _ => None,
                    };
                    offer(Some((
                        r3,
                        TimeExpr::Range {
                            from: Box::new(mk_d(day, wd)),
                            to: Box::new(mk_d(d2, None)),
                        },
                    )));
                }
            }
        }
        if let TimeExpr::DayOfMonth { day } = *from {
            if let Ok((r2, d2)) = day_num(r, false) {
                if d2 > day {
                    offer(Some((
                        r2,
                        TimeExpr::Range {
                            from: Box::new(from.clone()),
                            to: Box::new(TimeExpr::DayOfMonth { day: d2 }),
                        },
                    )));
                }
            }
        }
        if let TimeExpr::Year {
            year,
            portion: None,
        } = *from
        {
            if dashed {
                if let Ok((r2, yy)) = num(r, 2, 2) {
                    if let Ok((r2, _)) = num_tail(r2) {
                        let y2 = year - year % 100 + yy as i32;
                        if y2 > year {
                            offer(Some((
                                r2,
                                TimeExpr::Range {
                                    from: Box::new(from.clone()),
                                    to: Box::new(TimeExpr::Year {
                                        year: y2,
                                        portion: None,
                                    }),
                                },
                            )));
                        }
                    }
                }
            }
        }
        match best {
            Some(x) => Ok(x),
            None => fail(),
        }
    }

    /// "between Monday and Wednesday", "between 2019 and 2022".
    fn between<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, _) = kw("between")(i)?;
        let (r, _) = ws1(r)?;
        let (r, from) = self.endpoint(r)?;
        self.range_rest(&from, r, Sep::And)
    }

    /// "from May 1 to May 3", "from Monday until Wednesday".
    fn range_from_to<'a>(&self, i: &'a str) -> R<'a, TimeExpr> {
        let (r, _) = kw("from")(i)?;
        let (r, _) = ws1(r)?;
        let (r, from) = self.endpoint(r)?;
        self.range_rest(&from, r, Sep::To)
    }

    fn vague<'a>(&self, i: &'a str, inf: &Info) -> R<'a, TimeExpr> {
        let mut best: Option<&'a str> = None;
        for &id in &inf.vague {
            let Some(words) = self.ix.vague.get(id as usize) else {
                continue;
            };
            let mut r = i;
            let mut ok = true;
            for (k, w) in words.iter().enumerate() {
                if k > 0 {
                    match ws1(r) {
                        Ok((r2, _)) => r = r2,
                        Err(_) => {
                            ok = false;
                            break;
                        }
                    }
                }
                match ci_word(r, w) {
                    Some(r2) => r = r2,
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok && best.is_none_or(|b| r.len() < b.len()) {
                best = Some(r);
            }
        }
        match best {
            Some(r) => Ok((r, TimeExpr::Vague)),
            None => fail(),
        }
    }

    // ----- top level -----

    /// Run the grammar at a candidate word start; longest alternative wins.
    fn at(&self, text: &str, start: usize, info: Option<&Info>) -> Option<(usize, TimeExpr)> {
        let i = text.get(start..)?;
        let mut b = Best::new();
        match info {
            None => {
                // digit start
                b.offer(self.iso(i));
                b.offer(self.numeric(i));
                b.offer(self.refine(self.date_dm(i)));
                b.offer(self.day_range_dm(i));
                b.offer(self.time_first(i));
                b.offer(self.year_bare(i));
                b.offer(self.refine(self.shift_count(i)));
            }
            Some(inf) => {
                if inf.weekday.is_some() {
                    b.offer(self.refine(self.date_md(i)));
                    b.offer(self.refine(self.date_dm(i)));
                    b.offer(self.refine(self.weekday_expr(i)));
                }
                if inf.month.is_some() {
                    b.offer(self.refine(self.date_md(i)));
                    b.offer(self.month_year(i));
                    b.offer(self.month_range(i));
                }
                if inf.rel_day.is_some() {
                    b.offer(self.refine(self.relday_expr(i)));
                }
                match inf.trig {
                    Trig::None => {}
                    Trig::The => {
                        b.offer(self.refine(self.the_forms(i)));
                        b.offer(self.refine(self.the_nth(i)));
                        b.offer(self.refine(self.date_dm(i)));
                    }
                    Trig::Modifier => {
                        b.offer(self.refine(self.weekday_expr(i)));
                        b.offer(self.period(i));
                        b.offer(self.month_mod(i));
                        b.offer(self.refine(self.relday_expr(i)));
                    }
                    Trig::EarlyLate => {
                        b.offer(self.refine(self.weekday_expr(i)));
                        b.offer(self.period(i));
                        b.offer(self.month_mod(i));
                        b.offer(self.year_portion(i));
                    }
                    Trig::Mid => {
                        b.offer(self.month_mod(i));
                        b.offer(self.year_portion(i));
                    }
                    Trig::EarlierLater => b.offer(self.period(i)),
                    Trig::Between => b.offer(self.between(i)),
                    Trig::From => {
                        b.offer(self.range_from_to(i));
                        b.offer(self.month_licensed(i));
                    }
                    Trig::Licensor => b.offer(self.month_licensed(i)),
                    Trig::ClockWord => b.offer(self.time_first(i)),
                    Trig::Count => b.offer(self.refine(self.shift_count(i))),
                }
                if inf.part.is_some() {
                    b.offer(self.refine(self.part_on(i)));
                }
                if !inf.vague.is_empty() {
                    b.offer(self.vague(i, inf));
                }
            }
        }
        let (mut rest, mut expr) = b.best?;
        if rangeable(&expr) {
            if let Ok((r2, e2)) = self.range_rest(&expr, rest, Sep::To) {
                rest = r2;
                expr = e2;
            }
        }
        if let TimeExpr::Year { .. } = expr {
            // "2025-02-30", "2025-13": part of something that is not a date.
            if let Ok((r2, _)) = dash(rest) {
                if r2.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                    return None;
                }
            }
        }
        Some((text.len() - rest.len(), expr))
    }
}

/// Build a range from two end points, sharing years where only one is given.
fn combine(from: &TimeExpr, to: TimeExpr) -> Option<TimeExpr> {
    use TimeExpr as T;
    let day_level = |e: &TimeExpr| {
        matches!(
            e,
            T::Date { .. } | T::DayOfMonth { .. } | T::Weekday { .. } | T::RelativeDay { .. }
        )
    };
    let (f, t) = match (from, &to) {
        (
            T::Date {
                year: y1,
                month: m1,
                day: d1,
                weekday: w1,
            },
            T::Date {
                year: y2,
                month: m2,
                day: d2,
                weekday: w2,
            },
        ) => {
            let before = (*m1, *d1) <= (*m2, *d2);
            let (ny1, ny2) = match (y1, y2) {
                (None, Some(y)) => (Some(if before { *y } else { y - 1 }), Some(*y)),
                (Some(y), None) => (Some(*y), Some(if before { *y } else { y + 1 })),
                _ => (*y1, *y2),
            };
            (
                T::Date {
                    year: ny1,
                    month: *m1,
                    day: *d1,
                    weekday: *w1,
                },
                T::Date {
                    year: ny2,
                    month: *m2,
                    day: *d2,
                    weekday: *w2,
                },
            )
        }
        (
            T::Month {
                month: m1,
                year: y1,
                ..
            },
            T::Month {
                month: m2,
                year: y2,
                ..
            },
        ) => {
            let before = m1 <= m2;
            let (ny1, ny2) = match (y1, y2) {
                (None, Some(y)) => (Some(if before { *y } else { y - 1 }), Some(*y)),
                (Some(y), None) => (Some(*y), Some(if before { *y } else { y + 1 })),
                _ => (*y1, *y2),
            };
            let mk_m = |month, year| T::Month {
                month,
                year,
                modifier: None,
                portion: None,
            };
            (mk_m(*m1, ny1), mk_m(*m2, ny2))
        }
        (T::Year { year: y1, .. }, T::Year { year: y2, .. }) => {
            if y2 <= y1 {
                return None;
            }
            (from.clone(), to)
        }
        (a, b) if day_level(a) && day_level(b) => (from.clone(), to),
        _ => return None,
    };
    Some(T::Range {
        from: Box::new(f),
        to: Box::new(t),
    })
}

fn prev_word_is(text: &str, start: usize, w: &str) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let before = before.trim_end_matches(is_space);
    let b = before.as_bytes();
    let mut k = b.len();
    while k > 0 && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    b[k..].eq_ignore_ascii_case(w.as_bytes())
        && (k == 0
            || !before[..k]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric))
}

fn prev_is_alnum(text: &str, i: usize) -> bool {
    text.get(..i)
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

/// A number may start an expression unless it continues another number
/// ("2,022", "3.2022", "10/2025") or follows a currency sign.
fn digit_start_ok(text: &str, i: usize) -> bool {
    let Some(before) = text.get(..i) else {
        return false;
    };
    let mut it = before.chars().rev();
    match it.next() {
        None => true,
        Some('$' | '#' | '€' | '£' | '¥') => false,
        Some('.' | ',' | ':' | '/' | '-') => !it.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Find all time expressions in `text`: non-overlapping, sorted, leftmost and
/// then longest match wins.
pub fn find_times(text: &str, words: &TimeWords, order: DayOrder) -> Vec<TimeMention> {
    let cached = words.cache.get_or_init(|| build_index(words));
    let owned;
    let ix = if cached.fp == words.fingerprint() {
        cached
    } else {
        owned = build_index(words);
        &owned
    };
    let g = G { ix, order };
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && bytes[j].is_ascii_alphanumeric() {
            j += 1;
        }
        if !prev_is_alnum(text, i) {
            let word = &text[i..j];
            if (word.eq_ignore_ascii_case("last") || word.eq_ignore_ascii_case("next"))
                && prev_word_is(text, i, "the")
            {
                // "the last week", "the next few days", "the last Friday of the
                // month": durations / ordinals, not dates; skip the next word too.
                let rest = text.get(j..).unwrap_or("");
                let after_ws = rest.trim_start_matches(is_space);
                let skip = after_ws
                    .bytes()
                    .take_while(u8::is_ascii_alphanumeric)
                    .count();
                i = j + (rest.len() - after_ws.len()) + skip;
                continue;
            }
            let found = if b.is_ascii_digit() {
                if digit_start_ok(text, i) {
                    g.at(text, i, None)
                } else {
                    None
                }
            } else {
                match ix.get(word.as_bytes()) {
                    Some(inf) if inf.cand => g.at(text, i, Some(inf)),
                    _ => None,
                }
            };
            if let Some((end, expr)) = found {
                if end > i {
                    out.push(TimeMention {
                        start: i,
                        end,
                        expr,
                    });
                    i = end;
                    continue;
                }
            }
        }
        i = j;
    }
    out
}

// ---------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------

fn mk(y: i32, m: i8, d: i8) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, m, d).ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    if n.abs() > 5_000_000 {
        return None;
    }
    d.checked_add(SignedDuration::from_hours(n * 24)).ok()
}

fn days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_secs().div_euclid(86_400)
}

fn wd_idx(w: Weekday) -> i64 {
    i64::from(w.to_monday_zero_offset())
}

fn week_start(d: Date) -> Option<Date> {
    add_days(d, -wd_idx(d.weekday()))
}

fn add_months(y: i32, m: i8, n: i32) -> Option<(i32, i8)> {
    let t = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(n);
    Some((
        i32::try_from(t.div_euclid(12)).ok()?,
        (t.rem_euclid(12) + 1) as i8,
    ))
}

fn span(start: Date, end: Date, granularity: Granularity) -> TimeValue {
    TimeValue {
        start,
        end,
        granularity,
        part: None,
        minutes: None,
    }
}

fn day_v(d: Date) -> TimeValue {
    span(d, d, Granularity::Day)
}

fn month_v(y: i32, m: i8) -> Option<TimeValue> {
    let s = mk(y, m, 1)?;
    Some(span(s, s.last_of_month(), Granularity::Month))
}

fn year_v(y: i32) -> Option<TimeValue> {
    Some(span(mk(y, 1, 1)?, mk(y, 12, 31)?, Granularity::Year))
}

fn week_v(d: Date) -> Option<TimeValue> {
    let s = week_start(d)?;
    Some(span(s, add_days(s, 6)?, Granularity::Week))
}

struct Env {
    anchor: Option<Date>,
    context: Option<Date>,
    tense: Tense,
}

/// Choose among candidate dates: the closest to `r`, unless the tense points
/// one way and a candidate in that direction lies within `window` days.
fn pick(cands: &[Option<Date>], r: Date, tense: Tense, window: i64) -> Option<Date> {
    let cs = cands.iter().flatten().copied();
    let dist = |c: Date| days_between(r, c);
    let dir = match tense {
        Tense::Past => cs
            .clone()
            .filter(|&c| dist(c) <= 0)
            .max_by_key(|&c| dist(c)),
        Tense::Future => cs
            .clone()
            .filter(|&c| dist(c) >= 0)
            .min_by_key(|&c| dist(c)),
        _ => None,
    };
    if let Some(c) = dir {
        if dist(c).abs() <= window {
            return Some(c);
        }
    }
    cs.min_by_key(|&c| (dist(c).abs(), dist(c)))
}

fn weekday_near(a: Date, wd: Weekday, modifier: Option<Modifier>, tense: Tense) -> Option<Date> {
    let fwd = (wd_idx(wd) - wd_idx(a.weekday())).rem_euclid(7);
    let back = (7 - fwd) % 7;
    let off = match modifier {
        Some(Modifier::Last) => -(if back == 0 { 7 } else { back }),
        Some(Modifier::Next) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Some(Modifier::This) => {
            if tense == Tense::Past {
                -back
            } else {
                fwd
            }
        }
        None => match tense {
            Tense::Past => -back,
            Tense::Future => fwd,
            _ => {
                if fwd <= 3 {
                    fwd
                } else {
                    -back
                }
            }
        },
    };
    add_days(a, off)
}

fn with_portion(v: TimeValue, portion: Option<Portion>, anchor: Option<Date>) -> Option<TimeValue> {
    let Some(p) = portion else { return Some(v) };
    let inside = anchor.filter(|a| v.start <= *a && *a <= v.end);
    let p = match (p, inside) {
        (Portion::Earlier, Some(a)) => return Some(TimeValue { end: a, ..v }),
        (Portion::Later, Some(a)) => return Some(TimeValue { start: a, ..v }),
        (Portion::Earlier, None) => Portion::Early,
        (Portion::Later, None) => Portion::Late,
        (p, _) => p,
    };
    let (y, m) = (i32::from(v.start.year()), v.start.month());
    let (s, e) = match v.granularity {
        Granularity::Year => match p {
            Portion::Early => (mk(y, 1, 1)?, mk(y, 4, 30)?),
            Portion::Mid => (mk(y, 5, 1)?, mk(y, 8, 31)?),
            _ => (mk(y, 9, 1)?, mk(y, 12, 31)?),
        },
        Granularity::Month => match p {
            Portion::Early => (mk(y, m, 1)?, mk(y, m, 10)?),
            Portion::Mid => (mk(y, m, 11)?, mk(y, m, 20)?),
            _ => (mk(y, m, 21)?, v.end),
        },
        Granularity::Week => match p {
            Portion::Early => (v.start, add_days(v.start, 2)?),
            Portion::Mid => (add_days(v.start, 1)?, add_days(v.start, 3)?),
            _ => (add_days(v.start, 3)?, v.end),
        },
        _ => (v.start, v.end),
    };
    Some(TimeValue {
        start: s,
        end: e,
        ..v
    })
}

fn month_pick(m: i32, modifier: Option<Modifier>, r: Date, tense: Tense) -> i32 {
    let (ry, rm) = (i32::from(r.year()), i32::from(r.month()));
    match modifier {
        Some(Modifier::Last) => {
            if m < rm {
                ry
            } else {
                ry - 1
            }
        }
        Some(Modifier::Next) => {
            if m > rm {
                ry
            } else {
                ry + 1
            }
        }
        Some(Modifier::This) => ry,
        None => match tense {
            Tense::Past => {
                if m <= rm {
                    ry
                } else {
                    ry - 1
                }
            }
            Tense::Future => {
                if m >= rm {
                    ry
                } else {
                    ry + 1
                }
            }
            _ => {
                let d = m - rm;
                if d > 6 {
                    ry - 1
                } else if d < -6 {
                    ry + 1
                } else {
                    ry
                }
            }
        },
    }
}

fn weekend(a: Date, modifier: Option<Modifier>, tense: Tense) -> Option<TimeValue> {
    let wd = wd_idx(a.weekday());
    let sat = add_days(week_start(a)?, 5)?;
    let in_weekend = wd >= 5;
    let prev = add_days(sat, -7)?;
    let s = match modifier {
        Some(Modifier::This) => {
            if tense == Tense::Past && !in_weekend {
                prev
            } else {
                sat
            }
        }
        Some(Modifier::Last) => prev,
        Some(Modifier::Next) => {
            if in_weekend {
                add_days(sat, 7)?
            } else {
                sat
            }
        }
        None => {
            if in_weekend {
                sat
            } else {
                match tense {
                    Tense::Past => prev,
                    Tense::Future => sat,
                    _ => {
                        if wd <= 2 {
                            prev
                        } else {
                            sat
                        }
                    }
                }
            }
        }
    };
    Some(span(s, add_days(s, 1)?, Granularity::Day))
}

fn is_dependent(e: &TimeExpr) -> bool {
    matches!(
        e,
        TimeExpr::DayOfMonth { .. }
            | TimeExpr::Date { year: None, .. }
            | TimeExpr::Weekday { modifier: None, .. }
            | TimeExpr::Month {
                year: None,
                modifier: None,
                portion: None,
                ..
            }
    )
}

/// Resolve a dependent range end point as the first occurrence on/after
/// (`forward`) or the last on/before `pivot`.
fn resolve_from_pivot(e: &TimeExpr, pivot: Date, forward: bool) -> Option<TimeValue> {
    let (py, pm) = (i32::from(pivot.year()), pivot.month());
    let ok = |d: Date| if forward { d >= pivot } else { d <= pivot };
    match e {
        TimeExpr::DayOfMonth { day } => {
            let step = if forward { 1 } else { -1 };
            (0..3)
                .filter_map(|k| {
                    let (y, m) = add_months(py, pm, k * step)?;
                    mk(y, m, *day)
                })
                .find(|d| ok(*d))
                .map(day_v)
        }
        TimeExpr::Date {
            year: None,
            month,
            day,
            ..
        } => {
            let step = if forward { 1 } else { -1 };
            (0..5)
                .filter_map(|k| mk(py + k * step, *month, *day))
                .find(|d| ok(*d))
                .map(day_v)
        }
        TimeExpr::Weekday { weekday, .. } => {
            let fwd = (wd_idx(*weekday) - wd_idx(pivot.weekday())).rem_euclid(7);
            let off = if forward { fwd } else { -((7 - fwd) % 7) };
            add_days(pivot, off).map(day_v)
        }
        TimeExpr::Month { month, .. } => {
            let y = if forward {
                if *month >= pm {
                    py
                } else {
                    py + 1
                }
            } else if *month <= pm {
                py
            } else {
                py - 1
            };
            month_v(y, *month)
        }
        _ => None,
    }
}

fn resolve_value(e: &TimeExpr, env: &Env) -> Option<TimeValue> {
    use TimeExpr as T;
    match e {
        T::Date {
            year: Some(y),
            month,
            day,
            ..
        } => Some(day_v(mk(*y, *month, *day)?)),
        T::Date {
            year: None,
            month,
            day,
            weekday,
        } => {
            let r = env.anchor.or(env.context)?;
            let y0 = i32::from(r.year());
            let all = [
                mk(y0 - 1, *month, *day),
                mk(y0, *month, *day),
                mk(y0 + 1, *month, *day),
            ];
            let plain = pick(&all, r, env.tense, 270)?;
            // A weekday that contradicts the chosen year may pick another year,
            // but only one within half a year of the reference (else: a typo).
            if let Some(w) = weekday {
                if plain.weekday() != *w {
                    let matching = all.map(|c| {
                        c.filter(|c| c.weekday() == *w && days_between(r, *c).abs() <= 183)
                    });
                    if let Some(c) = pick(&matching, r, env.tense, 183) {
                        return Some(day_v(c));
                    }
                }
            }
            Some(day_v(plain))
        }
        T::DayOfMonth { day } => {
            if let Some(c) = env.context {
                return Some(day_v(mk(i32::from(c.year()), c.month(), *day)?));
            }
            let a = env.anchor?;
            let (y, m) = (i32::from(a.year()), a.month());
            let cands = [-1, 0, 1].map(|k| {
                let (y2, m2) = add_months(y, m, k)?;
                mk(y2, m2, *day)
            });
            Some(day_v(pick(&cands, a, env.tense, 20)?))
        }
        T::Weekday { weekday, modifier } => Some(day_v(weekday_near(
            env.anchor?,
            *weekday,
            *modifier,
            env.tense,
        )?)),
        T::RelativeDay { offset } => Some(day_v(add_days(env.anchor?, i64::from(*offset))?)),
        T::Shift {
            amount,
            unit,
            base,
            calendar,
        } => {
            let b = match base {
                ShiftBase::Context => env.context.or(env.anchor)?,
                ShiftBase::Anchor => env.anchor?,
                ShiftBase::Expr(x) => {
                    let v = resolve_value(x, env)?;
                    if *amount < 0 {
                        v.start
                    } else {
                        v.end
                    }
                }
            };
            let n = i64::from(*amount);
            match unit {
                Unit::Day => Some(day_v(add_days(b, n)?)),
                Unit::Week if *calendar => week_v(add_days(b, 7 * n)?),
                Unit::Week => Some(day_v(add_days(b, 7 * n)?)),
                Unit::Month => {
                    let (y, m) = add_months(i32::from(b.year()), b.month(), *amount)?;
                    month_v(y, m)
                }
                Unit::Year => year_v(i32::from(b.year()).checked_add(*amount)?),
            }
        }
        T::Month {
            month,
            year: Some(y),
            portion,
            ..
        } => with_portion(month_v(*y, *month)?, *portion, env.anchor),
        T::Month {
            month,
            year: None,
            modifier,
            portion,
        } => {
            let r = env.anchor.or(env.context)?;
            let y = month_pick(i32::from(*month), *modifier, r, env.tense);
            with_portion(month_v(y, *month)?, *portion, env.anchor)
        }
        T::Year { year, portion } => with_portion(year_v(*year)?, *portion, env.anchor),
        T::Period {
            unit,
            modifier,
            portion,
        } => {
            let a = env.anchor?;
            let shift = match modifier {
                Some(Modifier::Last) => -1,
                Some(Modifier::Next) => 1,
                _ => 0,
            };
            let v = match unit {
                PeriodUnit::Week => week_v(add_days(a, 7 * i64::from(shift))?)?,
                PeriodUnit::Month => {
                    let (y, m) = add_months(i32::from(a.year()), a.month(), shift)?;
                    month_v(y, m)?
                }
                PeriodUnit::Year => year_v(i32::from(a.year()) + shift)?,
                PeriodUnit::Weekend => return weekend(a, *modifier, env.tense),
            };
            with_portion(v, *portion, Some(a))
        }
        T::At { day, part, time } => {
            let mut v = resolve_value(day, env)?;
            if v.start != v.end {
                return None;
            }
            v.part = *part;
            v.minutes = time.map(|t| (t.minutes, t.zone));
            if time.is_some() {
                v.granularity = Granularity::Minute;
            } else if part.is_some() {
                v.granularity = Granularity::PartOfDay;
            }
            Some(v)
        }
        T::Range { from, to } => {
            let (f, t) = if is_dependent(from) && !is_dependent(to) {
                let t = resolve_value(to, env)?;
                (resolve_from_pivot(from, t.start, false)?, t)
            } else {
                let f = resolve_value(from, env)?;
                let t = if is_dependent(to) {
                    resolve_from_pivot(to, f.start, true)?
                } else {
                    resolve_value(to, env)?
                };
                (f, t)
            };
            if t.end < f.start {
                return None;
            }
            let g = f.granularity.min(t.granularity).min(Granularity::Day);
            Some(span(f.start, t.end, g))
        }
        T::Clock(_) | T::Vague => None,
    }
}

/// Resolve an expression. `anchor` = the article's publication date; `context`
/// = the most recent explicit date resolved earlier (for "the day before",
/// "two days later", "the 16th"); `tense` decides the direction of bare
/// weekdays, months and year-less dates. Impossible dates, relative
/// expressions without an anchor, and unattached clock times are
/// `Unresolved { vague: false }`; vague phrases are `Unresolved { vague: true }`.
pub fn resolve(
    expr: &TimeExpr,
    surface: &str,
    anchor: Option<Date>,
    context: Option<Date>,
    tense: Tense,
) -> Resolved {
    if *expr == TimeExpr::Vague {
        return Resolved::Unresolved {
            text: surface.to_string(),
            vague: true,
        };
    }
    let env = Env {
        anchor,
        context,
        tense,
    };
    match resolve_value(expr, &env) {
        Some(v) => Resolved::Value(v),
        None => Resolved::Unresolved {
            text: surface.to_string(),
            vague: false,
        },
    }
}

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

fn in_part(m: u16, p: PartOfDay) -> bool {
    match p {
        PartOfDay::Morning => (300..720).contains(&m),
        PartOfDay::Afternoon => (720..1020).contains(&m),
        PartOfDay::Evening => (1020..1260).contains(&m),
        PartOfDay::Night => !(300..1260).contains(&m),
    }
}

fn gran_rel(a: &TimeValue, b: &TimeValue) -> Relation {
    use std::cmp::Ordering::*;
    match a.granularity.cmp(&b.granularity) {
        Equal => Relation::Equal,
        Greater => Relation::Refines,
        Less => Relation::Contains,
    }
}

fn same_span_rel(a: &TimeValue, b: &TimeValue) -> Relation {
    match (a.minutes, b.minutes) {
        (Some((ma, za)), Some((mb, zb))) => match (za, zb) {
            (Some(za), Some(zb)) => {
                let ua = (i64::from(ma) - i64::from(za)).rem_euclid(1440);
                let ub = (i64::from(mb) - i64::from(zb)).rem_euclid(1440);
                if ua == ub {
                    Relation::Equal
                } else {
                    Relation::Disjoint
                }
            }
            (None, None) => {
                if ma == mb {
                    Relation::Equal
                } else {
                    Relation::Disjoint
                }
            }
            (Some(_), None) => {
                if ma == mb {
                    Relation::Refines
                } else {
                    Relation::Incomparable
                }
            }
            (None, Some(_)) => {
                if ma == mb {
                    Relation::Contains
                } else {
                    Relation::Incomparable
                }
            }
        },
        (Some((ma, _)), None) => match b.part {
            Some(p) if !in_part(ma, p) => Relation::Disjoint,
            _ => Relation::Refines,
        },
        (None, Some((mb, _))) => match a.part {
            Some(p) if !in_part(mb, p) => Relation::Disjoint,
            _ => Relation::Contains,
        },
        (None, None) => match (a.part, b.part) {
            (Some(p), Some(q)) if p == q => gran_rel(a, b),
            (Some(p), Some(q)) => {
                use PartOfDay::*;
                if matches!((p, q), (Evening, Night) | (Night, Evening)) {
                    Relation::Overlaps
                } else {
                    Relation::Disjoint
                }
            }
            (Some(_), None) => Relation::Refines,
            (None, Some(_)) => Relation::Contains,
            (None, None) => gran_rel(a, b),
        },
    }
}

fn norm_text(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Relation of `a` to `b`. Same interval and refinement -> Equal; `a` finer and
/// inside `b` -> Refines; `a` coarser and containing `b` -> Contains; partial
/// overlap -> Overlaps; no common day (or different clock times / parts of the
/// same day) -> Disjoint. Anything vague -> Incomparable; two non-vague
/// Unresolved values -> Equal if their lowercased texts are equal, else
/// Incomparable; a value against an Unresolved -> Incomparable.
pub fn compare(a: &Resolved, b: &Resolved) -> Relation {
    match (a, b) {
        (Resolved::Unresolved { vague: true, .. }, _)
        | (_, Resolved::Unresolved { vague: true, .. }) => Relation::Incomparable,
        (Resolved::Unresolved { text: x, .. }, Resolved::Unresolved { text: y, .. }) => {
            if norm_text(x) == norm_text(y) {
                Relation::Equal
            } else {
                Relation::Incomparable
            }
        }
        (Resolved::Value(x), Resolved::Value(y)) => {
            if x.start == y.start && x.end == y.end {
                return same_span_rel(x, y);
            }
            if y.start <= x.start && x.end <= y.end {
                Relation::Refines
            } else if x.start <= y.start && y.end <= x.end {
                Relation::Contains
            } else if x.start <= y.end && y.start <= x.end {
                Relation::Overlaps
            } else {
                Relation::Disjoint
            }
        }
        _ => Relation::Incomparable,
    }
}

// ---------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: i8) -> &'static str {
    MONTH_NAMES
        .get(usize::try_from(i32::from(m) - 1).unwrap_or(usize::MAX))
        .copied()
        .unwrap_or("?")
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn part_name(p: PartOfDay) -> &'static str {
    match p {
        PartOfDay::Morning => "morning",
        PartOfDay::Afternoon => "afternoon",
        PartOfDay::Evening => "evening",
        PartOfDay::Night => "night",
    }
}

fn full_years(v: &TimeValue) -> bool {
    v.start.month() == 1 && v.start.day() == 1 && v.end.month() == 12 && v.end.day() == 31
}

fn full_months(v: &TimeValue) -> bool {
    v.start.day() == 1 && v.end == v.end.last_of_month()
}

fn full_iso_week(v: &TimeValue) -> bool {
    v.start.weekday() == Weekday::Monday && days_between(v.start, v.end) == 6
}

fn zone_str(z: i32, iso: bool) -> String {
    if z == 0 {
        return if iso { "Z".into() } else { "UTC".into() };
    }
    let sign = if z < 0 { '-' } else { '+' };
    let a = z.unsigned_abs();
    if iso {
        format!("{sign}{:02}:{:02}", a / 60, a % 60)
    } else {
        format!("UTC{sign}{:02}:{:02}", a / 60, a % 60)
    }
}

fn dmy(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

/// Human form: "Thursday 15 May 2025", "15-16 May 2025", "May 2025", "2025",
/// "week 20 of 2025 (12-18 May 2025)", "Friday 16 May 2025, 10:00",
/// "Friday 16 May 2025, morning", "Friday 16 May 2025, 14:00 UTC".
pub fn describe(v: &TimeValue) -> String {
    let (s, e) = (v.start, v.end);
    let mut out = if v.granularity == Granularity::Year && full_years(v) {
        if s.year() == e.year() {
            s.year().to_string()
        } else {
            format!("{}-{}", s.year(), e.year())
        }
    } else if v.granularity <= Granularity::Month && full_months(v) {
        if (s.year(), s.month()) == (e.year(), e.month()) {
            format!("{} {}", month_name(s.month()), s.year())
        } else if s.year() == e.year() {
            format!(
                "{}-{} {}",
                month_name(s.month()),
                month_name(e.month()),
                e.year()
            )
        } else {
            format!(
                "{} {}-{} {}",
                month_name(s.month()),
                s.year(),
                month_name(e.month()),
                e.year()
            )
        }
    } else if s == e {
        format!("{} {}", weekday_name(s.weekday()), dmy(s))
    } else {
        let range = if (s.year(), s.month()) == (e.year(), e.month()) {
            format!(
                "{}-{} {} {}",
                s.day(),
                e.day(),
                month_name(s.month()),
                s.year()
            )
        } else if s.year() == e.year() {
            format!(
                "{} {}-{} {} {}",
                s.day(),
                month_name(s.month()),
                e.day(),
                month_name(e.month()),
                e.year()
            )
        } else {
            format!("{}-{}", dmy(s), dmy(e))
        };
        if v.granularity == Granularity::Week && full_iso_week(v) {
            let w = s.iso_week_date();
            format!("week {} of {} ({range})", w.week(), w.year())
        } else {
            range
        }
    };
    if let Some(p) = v.part {
        out.push_str(", ");
        out.push_str(part_name(p));
    }
    if let Some((m, z)) = v.minutes {
        let _ = write!(out, ", {:02}:{:02}", m / 60, m % 60);
        if let Some(z) = z {
            out.push(' ');
            out.push_str(&zone_str(z, false));
        }
    }
    out
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Canonical form: "2025-05-16", "2025-05-16T10:00", "2025-05-16T10:00Z",
/// "2025-05-16T22:30+01:00", "2025-05-16TMO" (TAF, TEV, TNI for parts of day),
/// "2025-05-15/2025-05-16", "2025-05", "2025-03/2025-05", "2025", "2019/2022",
/// "2025-W20".
pub fn normalized(v: &TimeValue) -> String {
    let (s, e) = (v.start, v.end);
    if v.granularity == Granularity::Year && full_years(v) {
        return if s.year() == e.year() {
            format!("{:04}", s.year())
        } else {
            format!("{:04}/{:04}", s.year(), e.year())
        };
    }
    if v.granularity <= Granularity::Month && full_months(v) {
        let a = format!("{:04}-{:02}", s.year(), s.month());
        return if (s.year(), s.month()) == (e.year(), e.month()) {
            a
        } else {
            format!("{a}/{:04}-{:02}", e.year(), e.month())
        };
    }
    if v.granularity == Granularity::Week && full_iso_week(v) {
        let w = s.iso_week_date();
        return format!("{:04}-W{:02}", w.year(), w.week());
    }
    if s != e {
        return format!("{}/{}", ymd(s), ymd(e));
    }
    let mut out = ymd(s);
    if let Some((m, z)) = v.minutes {
        let _ = write!(out, "T{:02}:{:02}", m / 60, m % 60);
        if let Some(z) = z {
            out.push_str(&zone_str(z, true));
        }
    } else if let Some(p) = v.part {
        out.push_str(match p {
            PartOfDay::Morning => "TMO",
            PartOfDay::Afternoon => "TAF",
            PartOfDay::Evening => "TEV",
            PartOfDay::Night => "TNI",
        });
    }
    out
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use Granularity as Gr;
    use Tense::{Future as Fu, Past as Pa, Present as Pr, Unknown as Un};

    type Ymd = Option<(i16, i8, i8)>;
    /// Friday 16 May 2025.
    const F: Ymd = Some((2025, 5, 16));
    /// Monday 30 December 2024.
    const M: Ymd = Some((2024, 12, 30));
    /// Thursday 2 January 2025.
    const J: Ymd = Some((2025, 1, 2));
    /// Sunday 10 March 2024 (leap year).
    const L: Ymd = Some((2024, 3, 10));
    const N: Ymd = None;
    const UNRES: &str = "UNRESOLVED";
    const VAGUE: &str = "VAGUE";

    fn words() -> &'static TimeWords {
        static W: OnceLock<TimeWords> = OnceLock::new();
        // The shipped rule files, so that the table checks the data users get.
        W.get_or_init(|| crate::rules::Rules::defaults().time.clone())
    }

    fn d(x: Ymd) -> Option<Date> {
        x.map(|(y, m, dd)| date(y, m, dd))
    }

    /// Find and resolve every mention, carrying the last single-day value as context.
    fn run(s: &str, anchor: Ymd, tense: Tense, order: DayOrder) -> Vec<(String, Resolved)> {
        let mut ctx = None;
        find_times(s, words(), order)
            .into_iter()
            .map(|m| {
                let surf = &s[m.start..m.end];
                let r = resolve(&m.expr, surf, d(anchor), ctx, tense);
                if let Resolved::Value(v) = &r {
                    if v.start == v.end {
                        ctx = Some(v.start);
                    }
                }
                (surf.to_string(), r)
            })
            .collect()
    }

    fn show(r: &Resolved) -> (String, Option<Granularity>) {
        match r {
            Resolved::Value(v) => (normalized(v), Some(v.granularity)),
            Resolved::Unresolved { vague: true, .. } => (VAGUE.into(), None),
            Resolved::Unresolved { vague: false, .. } => (UNRES.into(), None),
        }
    }

    /// (sentence, anchor, tense, expected surface or "" for no mention, normalized, granularity)
    type Case = (
        &'static str,
        Ymd,
        Tense,
        &'static str,
        &'static str,
        Option<Granularity>,
    );

    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // ----- bare and modified weekdays (anchor Fri 16 May 2025) -----
        ("The talks ended on Friday.", F, Pa, "Friday", "2025-05-16", Some(Gr::Day)),
        ("Talks resume on Friday.", F, Fu, "Friday", "2025-05-16", Some(Gr::Day)),
        ("He spoke on Thursday.", F, Pa, "Thursday", "2025-05-15", Some(Gr::Day)),
        ("He will speak on Thursday.", F, Fu, "Thursday", "2025-05-22", Some(Gr::Day)),
        ("The meeting is on Thursday.", F, Un, "Thursday", "2025-05-15", Some(Gr::Day)),
        ("The meeting is on Monday.", F, Pr, "Monday", "2025-05-19", Some(Gr::Day)),
        ("The meeting is on Tuesday.", F, Un, "Tuesday", "2025-05-13", Some(Gr::Day)),
        ("The meeting is on Friday.", F, Un, "Friday", "2025-05-16", Some(Gr::Day)),
        ("He left last Friday.", F, Pa, "last Friday", "2025-05-09", Some(Gr::Day)),
        ("He arrives next Friday.", F, Fu, "next Friday", "2025-05-23", Some(Gr::Day)),
        ("He arrives this Friday.", F, Fu, "this Friday", "2025-05-16", Some(Gr::Day)),
        ("She met him last Tuesday.", F, Pa, "last Tuesday", "2025-05-13", Some(Gr::Day)),
        ("They meet next Monday.", F, Fu, "next Monday", "2025-05-19", Some(Gr::Day)),
        ("They met this Monday.", F, Pa, "this Monday", "2025-05-12", Some(Gr::Day)),
        ("The vote came late Thursday.", F, Pa, "late Thursday", "2025-05-15TNI", Some(Gr::PartOfDay)),
        ("The vote came late on Thursday.", F, Pa, "late on Thursday", "2025-05-15TNI", Some(Gr::PartOfDay)),
        ("Early Friday, police raided the house.", F, Pa, "Early Friday", "2025-05-16TMO", Some(Gr::PartOfDay)),
        ("Friday morning's blast killed two.", F, Pa, "Friday morning", "2025-05-16TMO", Some(Gr::PartOfDay)),
        ("It happened on Thursday night.", F, Pa, "Thursday night", "2025-05-15TNI", Some(Gr::PartOfDay)),
        ("Thursday's talks collapsed.", F, Pa, "Thursday", "2025-05-15", Some(Gr::Day)),
        ("SATURDAY'S match is sold out.", F, Fu, "SATURDAY", "2025-05-17", Some(Gr::Day)),
        ("They spoke on Wednesday evening.", F, Pa, "Wednesday evening", "2025-05-14TEV", Some(Gr::PartOfDay)),
        ("They will rally on Sunday afternoon.", F, Fu, "Sunday afternoon", "2025-05-18TAF", Some(Gr::PartOfDay)),
        ("It rained this past Sunday.", F, Pa, "this past Sunday", "2025-05-11", Some(Gr::Day)),
        ("Polls open this coming Tuesday.", F, Un, "this coming Tuesday", "2025-05-20", Some(Gr::Day)),
        ("TUESDAY", F, Pa, "TUESDAY", "2025-05-13", Some(Gr::Day)),
        // ----- month / year roll-over (anchor Mon 30 Dec 2024, Thu 2 Jan 2025) -----
        ("It happened on Friday.", M, Pa, "Friday", "2024-12-27", Some(Gr::Day)),
        ("It will happen on Friday.", M, Fu, "Friday", "2025-01-03", Some(Gr::Day)),
        ("They meet on Wednesday.", M, Un, "Wednesday", "2025-01-01", Some(Gr::Day)),
        ("He quit last Monday.", M, Pa, "last Monday", "2024-12-23", Some(Gr::Day)),
        ("He starts next Monday.", M, Fu, "next Monday", "2025-01-06", Some(Gr::Day)),
        ("Markets are closed today.", M, Pr, "today", "2024-12-30", Some(Gr::Day)),
        ("Markets open tomorrow.", M, Fu, "tomorrow", "2024-12-31", Some(Gr::Day)),
        ("Talks continue this week.", M, Pr, "this week", "2025-W01", Some(Gr::Week)),
        ("Talks continue next week.", M, Fu, "next week", "2025-W02", Some(Gr::Week)),
        ("Prices rise next month.", M, Fu, "next month", "2025-01", Some(Gr::Month)),
        ("Elections are due next year.", M, Fu, "next year", "2025", Some(Gr::Year)),
        ("Inflation peaked last year.", M, Pa, "last year", "2023", Some(Gr::Year)),
        ("The deal was signed on Dec. 30.", J, Pa, "Dec. 30", "2024-12-30", Some(Gr::Day)),
        ("The deal is dated Dec. 30.", J, Un, "Dec. 30", "2024-12-30", Some(Gr::Day)),
        ("In December, prices rose.", J, Pa, "In December", "2024-12", Some(Gr::Month)),
        ("Talks resume in March.", J, Fu, "in March", "2025-03", Some(Gr::Month)),
        ("They partied over the weekend.", J, Pa, "the weekend", "2024-12-28/2024-12-29", Some(Gr::Day)),
        ("It snowed yesterday.", J, Pa, "yesterday", "2025-01-01", Some(Gr::Day)),
        ("It snowed last week.", J, Pa, "last week", "2024-W52", Some(Gr::Week)),
        ("It snowed last month.", J, Pa, "last month", "2024-12", Some(Gr::Month)),
        ("The trial opens Jan. 15.", J, Fu, "Jan. 15", "2025-01-15", Some(Gr::Day)),
        ("He was arrested on the 30th.", J, Pa, "the 30th", "2024-12-30", Some(Gr::Day)),
        // ----- leap days and invalid dates -----
        ("It was signed on Feb. 29, 2024.", N, Pa, "Feb. 29, 2024", "2024-02-29", Some(Gr::Day)),
        ("It was signed on Feb. 29, 2025.", N, Pa, "Feb. 29, 2025", UNRES, None),
        ("It was signed on 29 February 2024.", N, Pa, "29 February 2024", "2024-02-29", Some(Gr::Day)),
        ("It was signed on Feb 29.", L, Pa, "Feb 29", "2024-02-29", Some(Gr::Day)),
        ("It was signed on Feb 29.", F, Pa, "Feb 29", "2024-02-29", Some(Gr::Day)),
        ("Deadline is Feb 30.", F, Un, "Feb 30", UNRES, None),
        ("Deadline is 29/02/2025.", F, Un, "", "", None),
        ("Deadline is 31/02/2025.", F, Un, "", "", None),
        ("Deadline is 2025-02-30.", F, Un, "", "", None),
        ("Deadline is 29/02/2024.", F, Un, "29/02/2024", "2024-02-29", Some(Gr::Day)),
        // ----- explicit dates -----
        ("The vote is on May 16.", F, Fu, "May 16", "2025-05-16", Some(Gr::Day)),
        ("The vote was held on May 16, 2025.", N, Pa, "May 16, 2025", "2025-05-16", Some(Gr::Day)),
        ("The vote was held on 16 May 2025.", N, Pa, "16 May 2025", "2025-05-16", Some(Gr::Day)),
        ("The vote was held on 16 May.", F, Pa, "16 May", "2025-05-16", Some(Gr::Day)),
        ("Filed 2025-05-16 in Paris.", N, Pa, "2025-05-16", "2025-05-16", Some(Gr::Day)),
        ("Filed 16/05/2025 in Paris.", N, Pa, "16/05/2025", "2025-05-16", Some(Gr::Day)),
        ("Filed 05/06/2025 in Paris.", N, Pa, "05/06/2025", "2025-06-05", Some(Gr::Day)),
        ("Filed 05/16/2025 in Ohio.", N, Pa, "05/16/2025", "2025-05-16", Some(Gr::Day)),
        ("Filed 5/16/25 in Ohio.", N, Pa, "5/16/25", "2025-05-16", Some(Gr::Day)),
        ("Filed 16.05.2025 in Bern.", N, Pa, "16.05.2025", "2025-05-16", Some(Gr::Day)),
        ("Filed 2025/05/16 in Tokyo.", N, Pa, "2025/05/16", "2025-05-16", Some(Gr::Day)),
        ("Logged at 2025-05-16T10:00:00Z by the server.", N, Pa, "2025-05-16T10:00:00Z", "2025-05-16T10:00Z", Some(Gr::Minute)),
        ("On Tuesday, May 13, the court ruled.", F, Pa, "Tuesday, May 13", "2025-05-13", Some(Gr::Day)),
        ("Friday, May 16, 2025 was chosen.", N, Pa, "Friday, May 16, 2025", "2025-05-16", Some(Gr::Day)),
        ("It ends on Thursday 15 May 2025.", N, Pa, "Thursday 15 May 2025", "2025-05-15", Some(Gr::Day)),
        ("It was due on the 16th.", F, Pa, "the 16th", "2025-05-16", Some(Gr::Day)),
        ("It was due on the 16th of May.", F, Pa, "the 16th of May", "2025-05-16", Some(Gr::Day)),
        ("It was due on the 2nd of this month.", F, Pa, "the 2nd of this month", "2025-05-02", Some(Gr::Day)),
        ("It was due May 16th.", F, Pa, "May 16th", "2025-05-16", Some(Gr::Day)),
        ("It was due Sept. 3, 2024.", N, Pa, "Sept. 3, 2024", "2024-09-03", Some(Gr::Day)),
        ("It happened Sept 3.", F, Pa, "Sept 3", "2024-09-03", Some(Gr::Day)),
        ("It happens Sept 3.", F, Un, "Sept 3", "2025-09-03", Some(Gr::Day)),
        ("JUNE 3 IS THE DATE", F, Fu, "JUNE 3", "2025-06-03", Some(Gr::Day)),
        ("The law passed Jan 5, 2025.", N, Pa, "Jan 5, 2025", "2025-01-05", Some(Gr::Day)),
        ("The summit, set for June 5, was cancelled.", Some((2025, 12, 10)), Pa, "June 5", "2025-06-05", Some(Gr::Day)),
        ("The summit will be held on June 5.", Some((2025, 12, 10)), Fu, "June 5", "2026-06-05", Some(Gr::Day)),
        ("Talks began on June 3 and ended on the 16th.", F, Pa, "the 16th", "2025-06-16", Some(Gr::Day)),
        ("Friday, May 16 at 10 a.m. is the deadline.", F, Fu, "Friday, May 16 at 10 a.m.", "2025-05-16T10:00", Some(Gr::Minute)),
        ("On the morning of May 16 they left.", F, Pa, "the morning of May 16", "2025-05-16TMO", Some(Gr::PartOfDay)),
        ("Sat., May 17 is the date.", F, Fu, "Sat., May 17", "2025-05-17", Some(Gr::Day)),
        ("Wed, May 14 was the date.", F, Pa, "Wed, May 14", "2025-05-14", Some(Gr::Day)),
        // ----- "may", "march" and other false friends -----
        ("He may come back.", F, Fu, "", "", None),
        ("The 16 may face charges.", F, Fu, "", "", None),
        ("May I ask a question?", F, Un, "", "", None),
        ("In May, prices fell.", F, Pa, "In May", "2025-05", Some(Gr::Month)),
        ("They march on Friday.", F, Pa, "Friday", "2025-05-16", Some(Gr::Day)),
        ("Protesters will march in March.", F, Fu, "in March", "2026-03", Some(Gr::Month)),
        ("We met on Sun and left.", F, Pa, "", "", None),
        ("Sat in the sun.", F, Pa, "", "", None),
        ("Mayday, mayday!", F, Pa, "", "", None),
        ("Le 16 mai 2025", F, Pa, "2025", "2025", Some(Gr::Year)),
        // ----- months -----
        ("Prices fell in March 2022.", N, Pa, "March 2022", "2022-03", Some(Gr::Month)),
        ("Prices fell in May 2025.", N, Pa, "May 2025", "2025-05", Some(Gr::Month)),
        ("Prices fell last March.", F, Pa, "last March", "2025-03", Some(Gr::Month)),
        ("Prices rise next March.", F, Fu, "next March", "2026-03", Some(Gr::Month)),
        ("Prices fell since March.", F, Pa, "since March", "2025-03", Some(Gr::Month)),
        ("The freeze lasts until June.", F, Fu, "until June", "2025-06", Some(Gr::Month)),
        ("It snowed in early March.", F, Pa, "early March", "2025-03-01/2025-03-10", Some(Gr::Month)),
        ("It peaked in mid-May.", F, Pa, "mid-May", "2025-05-11/2025-05-20", Some(Gr::Month)),
        ("It peaked in late June 2024.", N, Pa, "late June 2024", "2024-06-21/2024-06-30", Some(Gr::Month)),
        ("It ends by the end of March.", F, Pa, "the end of March", "2025-03-21/2025-03-31", Some(Gr::Month)),
        ("It happened in December.", F, Un, "in December", "2024-12", Some(Gr::Month)),
        ("It happens in December.", F, Fu, "in December", "2025-12", Some(Gr::Month)),
        ("It happens in September.", F, Un, "in September", "2025-09", Some(Gr::Month)),
        ("The law took effect in January.", F, Pa, "in January", "2025-01", Some(Gr::Month)),
        ("The May 2021 floods", N, Pa, "May 2021", "2021-05", Some(Gr::Month)),
        // ----- years -----
        ("Prices rose in 2022.", N, Pa, "2022", "2022", Some(Gr::Year)),
        ("Prices rose since 2022.", N, Pa, "2022", "2022", Some(Gr::Year)),
        ("The 2022 election was close.", N, Pa, "2022", "2022", Some(Gr::Year)),
        ("It was 2022.", N, Pa, "2022", "2022", Some(Gr::Year)),
        ("It grew in early 2022.", N, Pa, "early 2022", "2022-01/2022-04", Some(Gr::Year)),
        ("It grew in mid-2022.", N, Pa, "mid-2022", "2022-05/2022-08", Some(Gr::Year)),
        ("It grew in late 2021.", N, Pa, "late 2021", "2021-09/2021-12", Some(Gr::Year)),
        ("It grew at the end of 2022.", N, Pa, "the end of 2022", "2022-09/2022-12", Some(Gr::Year)),
        ("It grew in 2019-2022.", N, Pa, "2019-2022", "2019/2022", Some(Gr::Year)),
        ("The 2022-23 season ended.", N, Pa, "2022-23", "2022/2023", Some(Gr::Year)),
        ("It grew between 2019 and 2022.", N, Pa, "between 2019 and 2022", "2019/2022", Some(Gr::Year)),
        ("It grew from 2019 to 2022.", N, Pa, "from 2019 to 2022", "2019/2022", Some(Gr::Year)),
        ("It was built in 1945.", N, Pa, "1945", "1945", Some(Gr::Year)),
        // ----- not times -----
        ("There were 2,022 people.", F, Pa, "", "", None),
        ("There were 12,000 people.", F, Pa, "", "", None),
        ("There were 2000 people.", F, Pa, "", "", None),
        ("It cost $2022.", F, Pa, "", "", None),
        ("It was 3.2022 units.", F, Pa, "", "", None),
        ("Both sides agreed to the 30-day ceasefire.", F, Pa, "", "", None),
        ("It was a 3-year-old invasion.", F, Pa, "", "", None),
        ("It was the first rise in over three years.", F, Pa, "", "", None),
        ("Prices rose 10% and 16.5 percent.", F, Pa, "", "", None),
        ("The score was 2:1.", F, Pa, "", "", None),
        ("It dates from the 16th century.", F, Pa, "", "", None),
        ("He won the 5th round.", F, Pa, "", "", None),
        ("He stayed for two weeks.", F, Pa, "", "", None),
        ("He was 16 when he left.", F, Pa, "", "", None),
        ("It was the day after the election.", F, Pa, "", "", None),
        ("Prices fell over the last week.", F, Pa, "", "", None),
        ("It was the last Friday of the month.", F, Pa, "", "", None),
        ("It was dated Wednesday, May 15.", F, Pa, "Wednesday, May 15", "2025-05-15", Some(Gr::Day)),
        ("It was dated Monday, Dec. 30.", J, Pa, "Monday, Dec. 30", "2024-12-30", Some(Gr::Day)),
        ("It is due Friday, Jan. 3.", Some((2024, 7, 4)), Un, "Friday, Jan. 3", "2025-01-03", Some(Gr::Day)),
        ("It was due Wednesday, Jan. 3.", Some((2024, 7, 4)), Un, "Wednesday, Jan. 3", "2024-01-03", Some(Gr::Day)),
        ("In the next month, prices will rise.", F, Fu, "", "", None),
        ("Room 2024 is on floor 3.", F, Pa, "2024", "2024", Some(Gr::Year)),
        // ----- relative days -----
        ("Markets are closed today.", F, Pr, "today", "2025-05-16", Some(Gr::Day)),
        ("Tonight the city celebrates.", F, Fu, "Tonight", "2025-05-16TNI", Some(Gr::PartOfDay)),
        ("He left yesterday.", F, Pa, "yesterday", "2025-05-15", Some(Gr::Day)),
        ("He leaves tomorrow.", F, Fu, "tomorrow", "2025-05-17", Some(Gr::Day)),
        ("He left this morning.", F, Pa, "this morning", "2025-05-16TMO", Some(Gr::PartOfDay)),
        ("He left last night.", F, Pa, "last night", "2025-05-15TNI", Some(Gr::PartOfDay)),
        ("He left yesterday afternoon.", F, Pa, "yesterday afternoon", "2025-05-15TAF", Some(Gr::PartOfDay)),
        ("He leaves tomorrow at 9 a.m.", F, Fu, "tomorrow at 9 a.m.", "2025-05-17T09:00", Some(Gr::Minute)),
        // ----- context-relative shifts -----
        ("On May 16 the vote took place; the day before, protests.", F, Pa, "the day before", "2025-05-15", Some(Gr::Day)),
        ("It started on May 10. The next day, troops arrived.", F, Pa, "The next day", "2025-05-11", Some(Gr::Day)),
        ("It started on May 10 and two days later it ended.", F, Pa, "two days later", "2025-05-12", Some(Gr::Day)),
        ("It ended on May 10; three days earlier it began.", F, Pa, "three days earlier", "2025-05-07", Some(Gr::Day)),
        ("It started on May 10 and 3 days later it ended.", F, Pa, "3 days later", "2025-05-13", Some(Gr::Day)),
        ("It started on May 10; a day later, it ended.", F, Pa, "a day later", "2025-05-11", Some(Gr::Day)),
        ("It started on May 10; the following day it ended.", F, Pa, "the following day", "2025-05-11", Some(Gr::Day)),
        ("It started on May 10; the following week it ended.", F, Pa, "the following week", "2025-W20", Some(Gr::Week)),
        ("It started on May 10; a week later it ended.", F, Pa, "a week later", "2025-05-17", Some(Gr::Day)),
        ("It started on May 10; the same day it ended.", F, Pa, "the same day", "2025-05-10", Some(Gr::Day)),
        ("It started on May 10; the next morning it ended.", F, Pa, "the next morning", "2025-05-11TMO", Some(Gr::PartOfDay)),
        ("It ended on May 10; the night before, it began.", F, Pa, "the night before", "2025-05-09TNI", Some(Gr::PartOfDay)),
        ("He left the day before May 16.", F, Pa, "the day before May 16", "2025-05-15", Some(Gr::Day)),
        ("He left two days after May 16.", F, Pa, "two days after May 16", "2025-05-18", Some(Gr::Day)),
        ("He leaves the day after tomorrow.", F, Fu, "the day after tomorrow", "2025-05-18", Some(Gr::Day)),
        ("He left the day before yesterday.", F, Pa, "the day before yesterday", "2025-05-14", Some(Gr::Day)),
        ("He had left the day before.", F, Pa, "the day before", "2025-05-15", Some(Gr::Day)),
        ("He left a week ago.", F, Pa, "a week ago", "2025-05-09", Some(Gr::Day)),
        ("He left three years ago.", F, Pa, "three years ago", "2022", Some(Gr::Year)),
        ("He left two months ago.", F, Pa, "two months ago", "2025-03", Some(Gr::Month)),
        ("He left 10 days ago.", F, Pa, "10 days ago", "2025-05-06", Some(Gr::Day)),
        // ----- periods -----
        ("Talks continue this week.", F, Pr, "this week", "2025-W20", Some(Gr::Week)),
        ("Talks began earlier this week.", F, Pa, "earlier this week", "2025-05-12/2025-05-16", Some(Gr::Week)),
        ("Talks end later this week.", F, Fu, "later this week", "2025-05-16/2025-05-18", Some(Gr::Week)),
        ("Talks began last week.", F, Pa, "last week", "2025-W19", Some(Gr::Week)),
        ("Talks begin next week.", F, Fu, "next week", "2025-W21", Some(Gr::Week)),
        ("Prices rose this month.", F, Pa, "this month", "2025-05", Some(Gr::Month)),
        ("Prices rose last month.", F, Pa, "last month", "2025-04", Some(Gr::Month)),
        ("Prices rise next month.", F, Fu, "next month", "2025-06", Some(Gr::Month)),
        ("Prices rose this year.", F, Pa, "this year", "2025", Some(Gr::Year)),
        ("Prices rise next year.", F, Fu, "next year", "2026", Some(Gr::Year)),
        ("Prices rose last year.", F, Pa, "last year", "2024", Some(Gr::Year)),
        ("They met last weekend.", F, Pa, "last weekend", "2025-05-10/2025-05-11", Some(Gr::Day)),
        ("They meet this weekend.", F, Fu, "this weekend", "2025-05-17/2025-05-18", Some(Gr::Day)),
        ("They meet next weekend.", F, Fu, "next weekend", "2025-05-17/2025-05-18", Some(Gr::Day)),
        ("It opens later this year.", F, Fu, "later this year", "2025-05-16/2025-12-31", Some(Gr::Year)),
        ("It opened earlier this year.", F, Pa, "earlier this year", "2025-01-01/2025-05-16", Some(Gr::Year)),
        ("It opens early next week.", F, Fu, "early next week", "2025-05-19/2025-05-21", Some(Gr::Week)),
        ("It slumped late last year.", F, Pa, "late last year", "2024-09/2024-12", Some(Gr::Year)),
        ("It slumped earlier in the week.", F, Pa, "earlier in the week", "2025-05-12/2025-05-16", Some(Gr::Week)),
        ("It closes by the end of the year.", F, Fu, "the end of the year", "2025-09/2025-12", Some(Gr::Year)),
        // ----- times of day -----
        ("The vote is at 10 a.m. Friday.", F, Fu, "10 a.m. Friday", "2025-05-16T10:00", Some(Gr::Minute)),
        ("The vote is Friday at 10 a.m.", F, Fu, "Friday at 10 a.m.", "2025-05-16T10:00", Some(Gr::Minute)),
        ("It exploded at 10:30 p.m. GMT on Thursday.", F, Pa, "10:30 p.m. GMT on Thursday", "2025-05-15T22:30Z", Some(Gr::Minute)),
        ("It starts at 10 a.m.", F, Fu, "10 a.m.", UNRES, None),
        ("It starts at noon Friday.", F, Fu, "noon Friday", "2025-05-16T12:00", Some(Gr::Minute)),
        ("It ended at midnight on Thursday.", F, Pa, "midnight on Thursday", "2025-05-15T00:00", Some(Gr::Minute)),
        ("It ended at 1400 GMT on Friday.", F, Pa, "1400 GMT on Friday", "2025-05-16T14:00Z", Some(Gr::Minute)),
        ("It opens at 9:15am EDT on Monday.", F, Fu, "9:15am EDT on Monday", "2025-05-19T09:15-04:00", Some(Gr::Minute)),
        ("It ended Thursday at 7:30 p.m. CET.", F, Pa, "Thursday at 7:30 p.m. CET", "2025-05-15T19:30+01:00", Some(Gr::Minute)),
        ("It opens May 16 at 14:00.", F, Fu, "May 16 at 14:00", "2025-05-16T14:00", Some(Gr::Minute)),
        ("It began at 10 a.m. local time (0800 GMT) on Thursday.", F, Pa, "10 a.m. local time (0800 GMT) on Thursday", "2025-05-15T08:00Z", Some(Gr::Minute)),
        ("It starts at 12 noon.", F, Fu, "12 noon", UNRES, None),
        ("It starts at 10:30.", F, Fu, "10:30", UNRES, None),
        ("It starts at 10am tomorrow.", F, Fu, "10am tomorrow", "2025-05-17T10:00", Some(Gr::Minute)),
        // ----- ranges -----
        ("The summit runs May 15-16.", F, Pr, "May 15-16", "2025-05-15/2025-05-16", Some(Gr::Day)),
        ("The summit runs May 15\u{2013}16.", F, Pr, "May 15\u{2013}16", "2025-05-15/2025-05-16", Some(Gr::Day)),
        ("The summit runs May 15 to 16.", F, Pr, "May 15 to 16", "2025-05-15/2025-05-16", Some(Gr::Day)),
        ("The summit runs May 15 to May 16.", F, Pr, "May 15 to May 16", "2025-05-15/2025-05-16", Some(Gr::Day)),
        ("It happened between Monday and Wednesday.", F, Pa, "between Monday and Wednesday", "2025-05-12/2025-05-14", Some(Gr::Day)),
        ("It runs from Monday to Wednesday.", F, Fu, "from Monday to Wednesday", "2025-05-19/2025-05-21", Some(Gr::Day)),
        ("It ran from May 1 to May 3.", F, Pa, "from May 1 to May 3", "2025-05-01/2025-05-03", Some(Gr::Day)),
        ("It ran 15-16 May 2025.", N, Pa, "15-16 May 2025", "2025-05-15/2025-05-16", Some(Gr::Day)),
        ("It ran May 30 - June 2, 2025.", N, Pa, "May 30 - June 2, 2025", "2025-05-30/2025-06-02", Some(Gr::Day)),
        ("It ran Dec. 30 to Jan. 2.", J, Pa, "Dec. 30 to Jan. 2", "2024-12-30/2025-01-02", Some(Gr::Day)),
        ("It ran March to May 2025.", N, Pa, "March to May 2025", "2025-03/2025-05", Some(Gr::Month)),
        ("It ran between May 15 and 16.", F, Pa, "between May 15 and 16", "2025-05-15/2025-05-16", Some(Gr::Day)),
        ("Open Monday through Friday.", F, Fu, "Monday through Friday", "2025-05-19/2025-05-23", Some(Gr::Day)),
        ("It ran from the 15th to the 17th.", F, Pa, "from the 15th to the 17th", "2025-05-15/2025-05-17", Some(Gr::Day)),
        ("It ran May 15-16, 2024.", N, Pa, "May 15-16, 2024", "2024-05-15/2024-05-16", Some(Gr::Day)),
        // ----- vague -----
        ("He recently resigned.", F, Pa, "recently", VAGUE, None),
        ("He will soon resign.", F, Fu, "soon", VAGUE, None),
        ("Talks are due in the coming days.", F, Fu, "in the coming days", VAGUE, None),
        ("Prices rose in recent weeks.", F, Pa, "in recent weeks", VAGUE, None),
        ("He spoke later.", F, Pa, "later", VAGUE, None),
        ("As he said earlier, no.", F, Pa, "earlier", VAGUE, None),
        ("He will shortly resign.", F, Fu, "shortly", VAGUE, None),
        ("A few days later he resigned.", F, Pa, "A few days later", VAGUE, None),
        // ----- no anchor -----
        ("He left on Friday.", N, Pa, "Friday", UNRES, None),
        ("He left yesterday.", N, Pa, "yesterday", UNRES, None),
        ("He left on May 16.", N, Pa, "May 16", UNRES, None),
        ("He leaves this week.", N, Fu, "this week", UNRES, None),
        ("He left in March 2022.", N, Pa, "March 2022", "2022-03", Some(Gr::Month)),
        ("He left two days later.", N, Pa, "two days later", UNRES, None),
    ];

    #[test]
    fn table() {
        assert!(CASES.len() >= 150, "only {} cases", CASES.len());
        let mut failures = Vec::new();
        for &(s, anchor, tense, surface, norm, gran) in CASES {
            let got = run(s, anchor, tense, DayOrder::DayFirst);
            if surface.is_empty() {
                if !got.is_empty() {
                    failures.push(format!("{s:?}: expected no mention, got {got:?}"));
                }
                continue;
            }
            let Some((_, r)) = got.iter().find(|(x, _)| x == surface) else {
                let surfaces: Vec<&str> = got.iter().map(|(x, _)| x.as_str()).collect();
                failures.push(format!("{s:?}: no mention {surface:?}, got {surfaces:?}"));
                continue;
            };
            let (n, g) = show(r);
            if n != norm || g != gran {
                failures.push(format!(
                    "{s:?} [{surface}]: expected {norm} {gran:?}, got {n} {g:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    /// Exact mention lists, to catch false positives next to true ones.
    #[test]
    fn exact_mentions() {
        let cases: &[(&str, &[&str])] = &[
            ("They march on Friday and may 2 times.", &["Friday"]),
            ("Protesters will march in March.", &["in March"]),
            ("He may return in May.", &["in May"]),
            ("10 a.m. Friday", &["10 a.m. Friday"]),
            ("In 2022, 2,022 people and 12,000 troops", &["2022"]),
            ("the 30-day ceasefire agreed on May 16", &["May 16"]),
            (
                "On Friday, May 16 at 10 a.m. GMT, and then Saturday.",
                &["Friday, May 16 at 10 a.m. GMT", "Saturday"],
            ),
            ("Sun., Sat. and Wed. alone", &[]),
            (
                "from Monday to Wednesday, then recently",
                &["from Monday to Wednesday", "recently"],
            ),
            ("since 2022 and in over three years", &["2022"]),
        ];
        for (s, want) in cases {
            let got: Vec<String> = find_times(s, words(), DayOrder::DayFirst)
                .iter()
                .map(|m| s[m.start..m.end].to_string())
                .collect();
            assert_eq!(&got, want, "{s:?}");
        }
    }

    #[test]
    fn day_order() {
        let w = words();
        let get = |s: &str, o| match find_times(s, w, o).first() {
            Some(m) => show(&resolve(&m.expr, s, None, None, Un)).0,
            None => String::new(),
        };
        assert_eq!(get("05/06/2025", DayOrder::DayFirst), "2025-06-05");
        assert_eq!(get("05/06/2025", DayOrder::MonthFirst), "2025-05-06");
        assert_eq!(get("16/05/2025", DayOrder::MonthFirst), "2025-05-16");
        assert_eq!(get("05/16/2025", DayOrder::DayFirst), "2025-05-16");
        assert_eq!(DayOrder::default(), DayOrder::DayFirst);
    }

    fn res(s: &str, anchor: Ymd, tense: Tense) -> Resolved {
        let m = find_times(s, words(), DayOrder::DayFirst);
        let Some(m) = m.first() else {
            panic!("no mention in {s:?}")
        };
        resolve(&m.expr, &s[m.start..m.end], d(anchor), None, tense)
    }

    #[test]
    fn compare_relations() {
        use Relation::*;
        let c = |a: &str, b: &str| compare(&res(a, F, Pa), &res(b, F, Pa));
        assert_eq!(c("Friday", "10 a.m. Friday"), Contains);
        assert_eq!(c("10 a.m. Friday", "Friday"), Refines);
        assert_eq!(c("Friday", "Thursday"), Disjoint);
        assert_eq!(c("Friday", "May 16"), Equal);
        assert_eq!(c("Friday", "16 May 2025"), Equal);
        assert_eq!(c("this week", "Thursday"), Contains);
        assert_eq!(c("Thursday", "this week"), Refines);
        assert_eq!(c("last week", "this week"), Disjoint);
        assert_eq!(c("May 15-16", "May 16"), Contains);
        assert_eq!(c("May 16", "May 15-16"), Refines);
        assert_eq!(c("May 15-16", "May 16-17"), Overlaps);
        assert_eq!(c("May 15-16", "May 15 to May 16"), Equal);
        assert_eq!(c("Friday at 10 a.m.", "Friday at 2 p.m."), Disjoint);
        assert_eq!(c("Friday at 10 a.m.", "10 a.m. Friday"), Equal);
        assert_eq!(c("Friday at 10 a.m. GMT", "Friday at 11 a.m. CET"), Equal);
        assert_eq!(
            c("Friday at 10 a.m. GMT", "Friday at 10 a.m. CET"),
            Disjoint
        );
        assert_eq!(c("Friday at 10 a.m. GMT", "Friday at 10 a.m."), Refines);
        assert_eq!(c("Friday at 10 a.m. GMT", "Friday at 2 p.m."), Incomparable);
        assert_eq!(c("Friday morning", "Friday at 10 a.m."), Contains);
        assert_eq!(c("Friday morning", "Friday at 3 p.m."), Disjoint);
        assert_eq!(c("Friday morning", "Friday evening"), Disjoint);
        assert_eq!(c("Thursday evening", "late Thursday"), Overlaps);
        assert_eq!(c("May 2025", "May 16"), Contains);
        assert_eq!(c("2025", "May 2025"), Contains);
        assert_eq!(c("May 2025", "2025"), Refines);
        assert_eq!(c("this month", "May 2025"), Equal);
        assert_eq!(c("earlier this week", "Thursday"), Contains);
        assert_eq!(c("earlier this week", "this week"), Refines);
        assert_eq!(c("2019-2022", "2021"), Contains);
        assert_eq!(c("2019-2022", "2022-2024"), Overlaps);
        // vague
        assert_eq!(c("recently", "Friday"), Incomparable);
        assert_eq!(c("Friday", "soon"), Incomparable);
        assert_eq!(c("recently", "recently"), Incomparable);
        // no anchor
        let n = |a: &str, b: &str| compare(&res(a, N, Pa), &res(b, N, Pa));
        assert_eq!(n("Friday", "friday"), Equal);
        assert_eq!(n("Friday", "Thursday"), Incomparable);
        assert_eq!(n("yesterday", "Yesterday"), Equal);
        assert_eq!(n("May 16, 2025", "Friday"), Incomparable);
        assert_eq!(n("May 16, 2025", "16 May 2025"), Equal);
        assert_eq!(n("recently", "recently"), Incomparable);
    }

    #[test]
    fn describe_and_normalize() {
        let v = |s: &str, a: Ymd, t| match res(s, a, t) {
            Resolved::Value(v) => (describe(&v), normalized(&v)),
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(
            v("Thursday", F, Pa),
            ("Thursday 15 May 2025".into(), "2025-05-15".into())
        );
        assert_eq!(
            v("May 15-16", F, Pa),
            ("15-16 May 2025".into(), "2025-05-15/2025-05-16".into())
        );
        assert_eq!(v("May 2025", N, Pa), ("May 2025".into(), "2025-05".into()));
        assert_eq!(v("2025", N, Pa), ("2025".into(), "2025".into()));
        assert_eq!(
            v("Friday at 10 a.m.", F, Pa),
            (
                "Friday 16 May 2025, 10:00".into(),
                "2025-05-16T10:00".into()
            )
        );
        assert_eq!(
            v("this week", F, Pa),
            ("week 20 of 2025 (12-18 May 2025)".into(), "2025-W20".into())
        );
        assert_eq!(
            v("this week", M, Pa),
            (
                "week 1 of 2025 (30 December 2024-5 January 2025)".into(),
                "2025-W01".into()
            )
        );
        assert_eq!(
            v("Friday morning", F, Pa),
            ("Friday 16 May 2025, morning".into(), "2025-05-16TMO".into())
        );
        assert_eq!(
            v("1400 GMT Friday", F, Pa),
            (
                "Friday 16 May 2025, 14:00 UTC".into(),
                "2025-05-16T14:00Z".into()
            )
        );
        assert_eq!(
            v("10 a.m. EST Friday", F, Pa),
            (
                "Friday 16 May 2025, 10:00 UTC-05:00".into(),
                "2025-05-16T10:00-05:00".into()
            )
        );
        assert_eq!(
            v("May 30 to June 2", F, Fu),
            ("30 May-2 June 2025".into(), "2025-05-30/2025-06-02".into())
        );
        assert_eq!(
            v("March to May 2025", N, Pa),
            ("March-May 2025".into(), "2025-03/2025-05".into())
        );
        assert_eq!(
            v("2019-2022", N, Pa),
            ("2019-2022".into(), "2019/2022".into())
        );
        assert_eq!(
            v("Dec. 30 to Jan. 2", J, Pa),
            (
                "30 December 2024-2 January 2025".into(),
                "2024-12-30/2025-01-02".into()
            )
        );
    }

    #[test]
    fn context_and_stale_cache() {
        // "the 16th" uses the context month when given.
        let m = &find_times("on the 16th.", words(), DayOrder::DayFirst)[0];
        let r = resolve(&m.expr, "the 16th", d(F), Some(date(2025, 3, 2)), Un);
        assert_eq!(show(&r).0, "2025-03-16");
        // Mutating the public maps after first use still works (slow path), and refresh() fixes the cache.
        let mut w = crate::rules::Rules::defaults().time.clone();
        assert!(find_times("on Caturday", &w, DayOrder::DayFirst).is_empty());
        w.weekdays.insert("caturday".into(), Weekday::Saturday);
        assert_eq!(find_times("on Caturday", &w, DayOrder::DayFirst).len(), 1);
        w.refresh();
        assert_eq!(find_times("on Caturday", &w, DayOrder::DayFirst).len(), 1);
    }

    /// Deterministic pseudo-random generator for the fuzz-style tests.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize
        }
    }

    #[test]
    fn never_panics() {
        let fixed = [
            "",
            " ",
            "May",
            "may",
            "May 32",
            "May 0",
            "31/02/2025",
            "99:99",
            "25:00",
            "12:60 p.m.",
            "0 a.m.",
            "13 p.m.",
            "2025-13-45",
            "2025-02-29",
            "9999-12-31",
            "0000-01-01",
            "1000-01-01T25:61",
            "99999999999999999999999999999999",
            "123456789012345678901234567890 days later",
            "999 years ago",
            "999 years later",
            "the 99th",
            "the 0th",
            "the 31st",
            "between",
            "from",
            "between Monday and",
            "from May 1 to",
            "May 15-",
            "May 15-14",
            "-",
            "\u{2013}",
            "the day before the day before",
            "élection le 16 mai",
            "日本 2025年5月16日",
            "🙂 Friday 🙂",
            "Friday\u{a0}at\u{a0}10\u{a0}a.m.",
            "naïve Mayday",
            "ﬁ May 16",
            "İstanbul March 2022",
            "\u{0}May 16\u{0}",
            "May\u{301} 16",
            "a.m.",
            "p.m. GMT",
            "(1400 GMT)",
            "10 a.m. (",
            "10 a.m. (1400",
            "Sept.",
            "Sept..",
            "Dec.30",
            "the end of",
            "the end of the",
            "early",
            "mid-",
            "mid-2022-",
            "2022-",
            "2022-2",
            "2019-2018",
            "2,0,2,2",
            "1/1/1",
            "1/1/",
            "/1/1/2025/",
            "00/00/0000",
            "12/12/12",
            "1.1.1999",
            "2025/02/30",
            "last",
            "next",
            "this",
            "this past",
            "the",
            "the next",
            "the following",
            "a",
            "an",
            "Friday, ",
            "Fri.",
            "Fri., ",
            "Fri., May",
            "tonight at",
            "at noon on",
            "on the morning of",
        ];
        let frags = [
            "May", "16", "2025", "Friday", "Fri.", ",", " ", "-", "to", "and", "between", "from",
            "the", "day", "before", "after", "later", "ago", "two", "a", "10", "a.m.", "p.m.", ":",
            "30", "GMT", "(", ")", "last", "next", "this", "week", "weekend", "early", "mid-",
            "March", "in", "é", "日", "🙂", "\u{a0}", "\u{2013}", "99999", "/", ".", "31", "th",
            "of", "morning", "night", "noon", "1400", "since", "until", "recently", "Sept", "0",
            "1", "12", "'s", "T", "Z", "+01:00",
        ];
        let mut rng = Lcg(42);
        let mut inputs: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
        for _ in 0..400 {
            let n = rng.next() % 12;
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(frags[rng.next() % frags.len()]);
                if rng.next() % 3 < 1 {
                    s.push(' ');
                }
            }
            inputs.push(s);
        }
        // every char-boundary prefix / suffix of some multi-byte inputs
        let long = "Le 16 mai, 🙂 Friday, May 16 at 10 a.m. GMT – élection 2025–2026 日本";
        for (k, _) in long.char_indices() {
            inputs.push(long[..k].to_string());
            inputs.push(long[k..].to_string());
        }
        inputs.push("9".repeat(10_000));
        inputs.push("May 16 ".repeat(2_000));
        inputs.push("the day before ".repeat(2_000));
        let anchors = [
            None,
            d(F),
            d(M),
            Some(date(9999, 12, 31)),
            Some(date(-9999, 1, 1)),
        ];
        let tenses = [Pa, Pr, Fu, Un];
        for order in [DayOrder::DayFirst, DayOrder::MonthFirst] {
            for s in &inputs {
                let ms = find_times(s, words(), order);
                let mut last_end = 0;
                let mut vals = Vec::new();
                for m in &ms {
                    assert!(
                        m.start >= last_end && m.start < m.end && m.end <= s.len(),
                        "{s:?}"
                    );
                    assert!(
                        s.is_char_boundary(m.start) && s.is_char_boundary(m.end),
                        "{s:?}"
                    );
                    last_end = m.end;
                    let surf = &s[m.start..m.end];
                    for a in anchors {
                        for t in tenses {
                            let r = resolve(&m.expr, surf, a, a, t);
                            if let Resolved::Value(v) = &r {
                                assert!(v.start <= v.end, "{s:?}");
                                let _ = (describe(v), normalized(v));
                            }
                            vals.push(r);
                        }
                    }
                }
                for a in vals.iter().take(20) {
                    for b in vals.iter().take(20) {
                        let _ = compare(a, b);
                    }
                }
            }
        }
    }

    /// Hand-built expressions with absurd values must not panic either.
    #[test]
    fn absurd_exprs_do_not_panic() {
        let big = [i32::MIN, -100_000, -1, 0, 1, 13, 100_000, i32::MAX];
        let small = [i8::MIN, -1, 0, 1, 12, 13, 31, 32, i8::MAX];
        let mut exprs = Vec::new();
        for &y in &big {
            for &m in &small {
                exprs.push(TimeExpr::Date {
                    year: Some(y),
                    month: m,
                    day: m,
                    weekday: None,
                });
                exprs.push(TimeExpr::Date {
                    year: None,
                    month: m,
                    day: 1,
                    weekday: Some(Weekday::Monday),
                });
                exprs.push(TimeExpr::Month {
                    month: m,
                    year: Some(y),
                    modifier: None,
                    portion: Some(Portion::Late),
                });
                exprs.push(TimeExpr::Month {
                    month: m,
                    year: None,
                    modifier: Some(Modifier::Last),
                    portion: None,
                });
                exprs.push(TimeExpr::DayOfMonth { day: m });
            }
            exprs.push(TimeExpr::Year {
                year: y,
                portion: Some(Portion::Mid),
            });
            exprs.push(TimeExpr::RelativeDay { offset: y });
            for unit in [Unit::Day, Unit::Week, Unit::Month, Unit::Year] {
                for base in [ShiftBase::Context, ShiftBase::Anchor] {
                    exprs.push(TimeExpr::Shift {
                        amount: y,
                        unit,
                        base,
                        calendar: true,
                    });
                }
            }
            let t = ClockTime {
                minutes: u16::MAX,
                zone: Some(y),
            };
            exprs.push(TimeExpr::At {
                day: Box::new(TimeExpr::RelativeDay { offset: 0 }),
                part: None,
                time: Some(t),
            });
        }
        let anchors = [
            None,
            d(F),
            Some(date(9999, 12, 31)),
            Some(date(-9999, 1, 1)),
        ];
        let mut vals = Vec::new();
        for e in &exprs {
            for a in anchors {
                let r = resolve(e, "x", a, a, Pa);
                if let Resolved::Value(v) = &r {
                    let _ = (describe(v), normalized(v));
                }
                vals.push(r);
            }
        }
        for a in vals.iter().step_by(7) {
            for b in vals.iter().step_by(11) {
                let _ = compare(a, b);
            }
        }
    }

    /// Generated news-like text, for the throughput figure.
    pub(crate) fn news_text(bytes: usize) -> String {
        let sentences = [
            "The minister said on Friday that talks would resume next week in Geneva.",
            "Officials confirmed the ceasefire, which took effect at 10 a.m. GMT on Thursday, was holding.",
            "More than 2,000 people were evacuated from the area, according to the United Nations.",
            "The company reported revenue of $12.5 billion for the quarter, up 8% from a year earlier.",
            "Protests began on May 16 and continued for two days, police said in a statement.",
            "Analysts expect the central bank to cut rates in March, although inflation remains above target.",
            "He was arrested in 2022 and released the day before the hearing was due to start.",
            "Speaking to reporters, she said the government had not yet decided on the next steps.",
            "The 30-day ceasefire was agreed between Monday and Wednesday after weeks of negotiations.",
            "Shares in the firm fell 3.4 percent in early trading, their lowest level since last year.",
            "Residents said they had heard explosions late Thursday and again early Friday morning.",
            "The report, published on Tuesday, found that emissions had risen in recent years.",
            "It is the first time in over three years that the two leaders have met in person.",
            "A spokesperson for the ministry declined to comment on the matter when contacted.",
        ];
        let mut s = String::with_capacity(bytes + 200);
        let mut k = 0;
        while s.len() < bytes {
            s.push_str(sentences[k % sentences.len()]);
            s.push(' ');
            k = (k * 7 + 3) % 1_000_003;
        }
        s
    }

    #[test]
    fn throughput_report() {
        let text = news_text(400_000);
        let sentences: Vec<&str> = text.split_inclusive(". ").collect();
        let w = words();
        let t0 = std::time::Instant::now();
        let mut n = 0;
        for s in &sentences {
            n += find_times(s, w, DayOrder::DayFirst).len();
        }
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "find_times: {} bytes, {} sentences, {n} mentions, {:.1} MB/s (this build profile)",
            text.len(),
            sentences.len(),
            text.len() as f64 / secs / 1e6
        );
        assert!(n > 0);
    }
}
