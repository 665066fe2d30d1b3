//! The conflict graph in Graphviz DOT (petgraph's `Dot`): a node per side of each discrepancy
//! and update (its value and articles), an edge between the sides that conflict, labelled with
//! the kind, and an arrow from a marked change's earlier date to its later one.
//! `dot -Tsvg report.dot -o report.svg` draws it.

use std::io::Write;

use petgraph::dot::Dot;
use petgraph::graph::DiGraph;

use super::{Report, Side};
use crate::error::Result;

fn label(id: &str, kind: &str, s: &Side) -> String {
    let value: String = s.value.chars().take(60).collect();
    let more = if s.value.chars().count() > 60 {
        "…"
    } else {
        ""
    };
    format!(
        "{id} {kind}: {value}{more}\n{} ({} independent)",
        s.articles.join(", "),
        s.independent_sources
    )
}

pub(crate) fn write(report: &Report, out: &mut dyn Write) -> Result<()> {
    let mut g: DiGraph<String, String> = DiGraph::new();
    for d in &report.discrepancies {
        let kind = d.kind.as_str();
        let nodes: Vec<_> = d
            .sides
            .iter()
            .map(|s| g.add_node(label(&d.id, kind, s)))
            .collect();
        for w in nodes.windows(2) {
            g.add_edge(w[0], w[1], format!("{kind} conflict ({:.2})", d.confidence));
        }
    }
    for u in &report.updates {
        let kind = u.kind.as_str();
        let nodes: Vec<_> = u
            .sides
            .iter()
            .map(|s| g.add_node(label(&u.id, kind, s)))
            .collect();
        for w in nodes.windows(2) {
            g.add_edge(w[0], w[1], "changed to".to_string());
        }
    }
    let dot = Dot::with_attr_getters(
        &g,
        &[],
        &|_, e| {
            if e.weight() == "changed to" {
                "style=dashed".to_string()
            } else {
                "dir=none color=red".to_string()
            }
        },
        &|_, _| "shape=box".to_string(),
    );
    writeln!(out, "{dot}")?;
    Ok(())
}
