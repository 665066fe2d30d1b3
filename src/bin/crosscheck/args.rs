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
        let ext = self
            .output
            .as_ref()
            .and_then(|o| o.extension())
            .and_then(|e| e.to_str())
            .unwrap_or("");
        match ext.to_ascii_lowercase().as_str() {
            "json" => FormatArg::Json,
            "csv" => FormatArg::Csv,
            "md" | "markdown" => FormatArg::Markdown,
            _ => FormatArg::Text,
        }
    }
}
