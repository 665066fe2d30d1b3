//! The `crosscheck` command: a thin layer over the library.

mod args;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use crosscheck::{Corpus, DayOrder, Error, Format, Pipeline, RenderOptions, Rules};

use args::{Args, ColorArg, FormatArg};

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(found) => ExitCode::from(if found { 1 } else { 0 }),
        Err(e) => {
            if let crosscheck::ErrorKind::Write(io) = e.kind() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::from(0);
                }
            }
            eprintln!("crosscheck: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<bool, Error> {
    let pipeline = match &args.rules {
        Some(dir) => Pipeline::with_rules(Rules::from_dir(dir)?),
        None => Pipeline::new(),
    };
    let pipeline = pipeline.day_order(if args.month_first {
        DayOrder::MonthFirst
    } else {
        DayOrder::DayFirst
    });
    let corpus = Corpus::from_paths(&args.paths, args.manifest.as_deref())?;
    if corpus.articles.is_empty() {
        let why: Vec<String> = corpus
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.path, s.reason))
            .collect();
        return Err(Error::from(std::io::Error::other(format!(
            "no article to check{}",
            if why.is_empty() {
                String::new()
            } else {
                format!(" ({})", why.join("; "))
            }
        ))));
    }
    let report = pipeline.run(&corpus);
    if !args.quiet {
        for s in &report.skipped {
            eprintln!("crosscheck: skipped {}: {}", s.path, s.reason);
        }
        for w in &report.warnings {
            eprintln!("crosscheck: warning: {w}");
        }
    }
    let format = match args.format() {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Csv => Format::Csv,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
        FormatArg::Dot => Format::Dot,
    };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let opts = RenderOptions {
        color: match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => to_terminal && !no_color,
        },
        csv_bom: args.csv_bom,
    };
    match &args.output {
        Some(path) => {
            let mut buf = Vec::new();
            report.render_with(format, &opts, &mut buf)?;
            std::fs::write(path, buf).map_err(|e| {
                Error::from(std::io::Error::new(
                    e.kind(),
                    format!("{}: {e}", path.display()),
                ))
            })?;
        }
        None => {
            if !(args.quiet && format == Format::Text) {
                let stdout = std::io::stdout();
                let mut lock = stdout.lock();
                report.render_with(format, &opts, &mut lock)?;
                lock.flush()?;
            }
        }
    }
    Ok(report.has_discrepancies())
}
