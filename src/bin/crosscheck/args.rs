//! Command-line flags (clap) and their validation; no I/O here.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Output formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Plain text for the terminal.
    Text,
    /// The JSON report (schema 1).
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

/// When to colour the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

const EXAMPLES: &str = "\
Examples:
  crosscheck examples/corpus/bus-crash
      Check a folder of articles (its manifest.csv is read) and print the discrepancies.
  crosscheck stories/talks --format json -o report.json
      Write the JSON report.
  crosscheck a.txt b.txt --manifest meta.csv --format csv -o flags.csv
      Check two files, with publication dates from a manifest, into a spreadsheet.
  cat article.txt | crosscheck - other.txt
      Read one article from standard input.
  crosscheck stories/talks --rules my-rules/
      Use rule files from my-rules/ (same-named files replace the defaults, others add).

Exit status: 0 no discrepancy, 1 discrepancies found, 2 error.";

/// Find where news articles about one story disagree.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, after_help = EXAMPLES)]
pub struct Args {
    /// Articles: files, directories of .txt/.md files, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format (default: from the -o extension, else text).
    #[arg(short = 'f', long, value_enum)]
    pub format: Option<FormatArg>,

    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// A manifest CSV (columns file,outlet,published) for all the paths.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,

    /// A directory of *.rules files: same-named files replace the defaults, others add to them.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// Read numeric dates like 05/06/2025 month first (default: day first).
    #[arg(long)]
    pub month_first: bool,

    /// Skip (and list in the report) an article larger than N bytes [default: 10485760, 10 MiB].
    #[arg(long, value_name = "N", default_value_t = crosscheck::DEFAULT_MAX_BYTES, hide_default_value = true)]
    pub max_bytes: u64,

    /// CSV: start with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub csv_bom: bool,

    /// Colour the text report: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,

    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

impl Args {
    /// The format to write, inferring it from the output extension.
    pub fn format(&self) -> FormatArg {
        if let Some(f) = self.format {
            return f;
        }
        match self
            .output
            .as_deref()
            .and_then(crosscheck::Format::from_path)
        {
            Some(crosscheck::Format::Json) => FormatArg::Json,
            Some(crosscheck::Format::Csv) => FormatArg::Csv,
            Some(crosscheck::Format::Markdown) => FormatArg::Markdown,
            Some(crosscheck::Format::Html) => FormatArg::Html,
            Some(crosscheck::Format::Dot) => FormatArg::Dot,
            Some(crosscheck::Format::Text) | None => FormatArg::Text,
        }
    }
}

/// `crosscheck batch`: many stories, one folder each.
#[derive(Debug, Parser)]
#[command(
    name = "crosscheck batch",
    about = "Check every story folder of DIR in parallel, one JSON line per story",
    after_help = "Examples:\n  crosscheck batch day/ -o day.jsonl\n      One line per story folder of day/: {\"story\": NAME, \"report\": {...}} or {\"story\": NAME, \"error\": \"...\"}.\n\nExit status: 0 no discrepancy, 1 discrepancies found in some story, 2 error."
)]
pub struct BatchArgs {
    /// A directory holding one folder per story (each with its articles and manifest.csv);
    /// with --group, a flat pile of articles with one manifest.csv.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// DIR is a flat pile of articles: group them into stories (by the names they share and
    /// their publication dates) before checking each story.
    #[arg(long)]
    pub group: bool,

    /// Output format: jsonl, one JSON object per story.
    #[arg(short = 'f', long, value_enum, default_value_t = BatchFormat::Jsonl)]
    pub format: BatchFormat,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// A directory of *.rules files: same-named files replace the defaults, others add to them.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// Read numeric dates like 05/06/2025 month first (default: day first).
    #[arg(long)]
    pub month_first: bool,

    /// Lean reports: discrepancies, facts and updates, with empty `claims` and `entities`
    /// (a quarter of the output, and faster).
    #[arg(long)]
    pub lean: bool,

    /// No progress bar, no summary.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Batch output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One JSON object per line, one line per story.
    Jsonl,
}
