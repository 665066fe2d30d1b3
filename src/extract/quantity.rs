//! PLACEHOLDER until the real grammar lands.
use std::collections::HashMap;
#[derive(Debug, Default, Clone)]
pub struct NumberWords {
    pub units: HashMap<String, u64>,
    pub scales: HashMap<String, u64>,
    pub currencies: HashMap<String, String>,
    pub qualifiers: HashMap<String, Qualifier>,
    pub unit_classes: HashMap<String, String>,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    AtLeast,
    AtMost,
    About,
}
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub qualifier: Qualifier,
    pub unit: Option<String>,
    pub noun: Option<String>,
    pub modifier: bool,
    pub range: Option<(f64, f64)>,
}
pub fn find_quantities(_text: &str, _words: &NumberWords) -> Vec<QuantityMention> {
    Vec::new()
}
pub fn compatible(a: &QuantityMention, b: &QuantityMention) -> bool {
    a.unit != b.unit || a.value == b.value
}
pub fn describe(q: &QuantityMention) -> String {
    format!("{}", q.value)
}
