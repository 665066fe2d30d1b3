//! PLACEHOLDER until the real grammar lands.
use jiff::civil::{Date, Weekday};
use std::collections::HashMap;
#[derive(Debug, Default, Clone)]
pub struct TimeWords {
    pub weekdays: HashMap<String, Weekday>,
    pub months: HashMap<String, i8>,
    pub relative_days: HashMap<String, i32>,
    pub parts_of_day: HashMap<String, PartOfDay>,
    pub vague: Vec<String>,
    pub zones: HashMap<String, i32>,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DayOrder {
    MonthFirst,
    #[default]
    DayFirst,
}
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMention {
    pub start: usize,
    pub end: usize,
    pub expr: TimeExpr,
}
#[derive(Debug, Clone, PartialEq)]
pub enum TimeExpr {
    Weekday(Weekday),
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Granularity {
    Year,
    Month,
    Week,
    Day,
    PartOfDay,
    Minute,
}
#[derive(Debug, Clone, PartialEq)]
pub struct TimeValue {
    pub start: Date,
    pub end: Date,
    pub granularity: Granularity,
    pub part: Option<PartOfDay>,
    pub minutes: Option<(u16, Option<i32>)>,
}
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    Value(TimeValue),
    Unresolved { text: String, vague: bool },
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Equal,
    Refines,
    Contains,
    Overlaps,
    Disjoint,
    Incomparable,
}
pub fn find_times(text: &str, words: &TimeWords, _order: DayOrder) -> Vec<TimeMention> {
    let mut out = Vec::new();
    for (i, w) in text.split_word_bound_indices_simple() {
        if let Some(wd) = words.weekdays.get(&w.to_lowercase()) {
            if w.len() > 4 {
                out.push(TimeMention {
                    start: i,
                    end: i + w.len(),
                    expr: TimeExpr::Weekday(*wd),
                });
            }
        }
    }
    out
}
trait Simple {
    fn split_word_bound_indices_simple(&self) -> Vec<(usize, &str)>;
}
impl Simple for str {
    fn split_word_bound_indices_simple(&self) -> Vec<(usize, &str)> {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices() {
            if c.is_alphabetic() {
                if start.is_none() {
                    start = Some(i)
                }
            } else if let Some(s) = start.take() {
                v.push((s, &self[s..i]))
            }
        }
        if let Some(s) = start {
            v.push((s, &self[s..]))
        }
        v
    }
}
pub fn resolve(
    expr: &TimeExpr,
    surface: &str,
    anchor: Option<Date>,
    _context: Option<Date>,
    tense: Tense,
) -> Resolved {
    let TimeExpr::Weekday(wd) = expr;
    let Some(a) = anchor else {
        return Resolved::Unresolved {
            text: surface.to_lowercase(),
            vague: false,
        };
    };
    let mut d = a;
    let step = if tense == Tense::Future { 1 } else { -1 };
    for _ in 0..7 {
        if d.weekday() == *wd {
            break;
        }
        d = if step > 0 {
            d.tomorrow().unwrap()
        } else {
            d.yesterday().unwrap()
        }
    }
    Resolved::Value(TimeValue {
        start: d,
        end: d,
        granularity: Granularity::Day,
        part: None,
        minutes: None,
    })
}
pub fn compare(a: &Resolved, b: &Resolved) -> Relation {
    match (a, b) {
        (Resolved::Value(x), Resolved::Value(y)) => {
            if x.start == y.start && x.end == y.end {
                Relation::Equal
            } else if x.end < y.start || y.end < x.start {
                Relation::Disjoint
            } else {
                Relation::Overlaps
            }
        }
        (
            Resolved::Unresolved {
                text: t1,
                vague: false,
            },
            Resolved::Unresolved {
                text: t2,
                vague: false,
            },
        ) if t1 == t2 => Relation::Equal,
        _ => Relation::Incomparable,
    }
}
pub fn describe(v: &TimeValue) -> String {
    format!("{} {}", v.start.weekday_name(), v.start)
}
trait WN {
    fn weekday_name(&self) -> &'static str;
}
impl WN for Date {
    fn weekday_name(&self) -> &'static str {
        match self.weekday() {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}
pub fn normalized(v: &TimeValue) -> String {
    v.start.to_string()
}
