//! The `crosscheck` command: a thin layer over the library.

mod args;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use crosscheck::{Corpus, DayOrder, Error, Format, Pipeline, ReadOptions, RenderOptions, Rules};

use args::{Args, BatchArgs, ColorArg, FormatArg};

/// mimalloc: extraction allocates many small strings and vectors, and glibc's allocator spent
/// a sixth of a batch run's time on them.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    if std::env::args_os().nth(1).is_some_and(|a| a == "batch") {
        let args = BatchArgs::parse_from(
            std::iter::once(std::ffi::OsString::from("crosscheck batch"))
                .chain(std::env::args_os().skip(2)),
        );
        return exit(batch(&args));
    }
    let args = Args::parse();
    exit(run(&args))
}

fn exit(result: Result<bool, Error>) -> ExitCode {
    match result {
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

/// The pipeline with the rules and the reading of numeric dates the flags ask for.
fn make_pipeline(rules: Option<&std::path::Path>, month_first: bool) -> Result<Pipeline, Error> {
    let pipeline = match rules {
        Some(dir) => Pipeline::with_rules(Rules::from_dir(dir)?),
        None => Pipeline::new(),
    };
    Ok(pipeline.day_order(if month_first {
        DayOrder::MonthFirst
    } else {
        DayOrder::DayFirst
    }))
}

/// `crosscheck batch [--group] DIR`: every story folder (or every story found in a pile) in
/// parallel, one JSON line each, in order.
fn batch(args: &BatchArgs) -> Result<bool, Error> {
    let pipeline = make_pipeline(args.rules.as_deref(), args.month_first)?.lean(args.lean);
    let dirs = if args.group {
        Vec::new()
    } else {
        crosscheck::batch::story_dirs(&args.dir)?
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(path).map_err(|e| {
                Error::from(std::io::Error::new(
                    e.kind(),
                    format!("{}: {e}", path.display()),
                ))
            })?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let bar = if !args.quiet && std::io::stderr().is_terminal() {
        let (len, template) = if args.group {
            (0, "{spinner} {pos} stories  {per_sec}")
        } else {
            (
                dirs.len() as u64,
                "{bar:40} {pos}/{len} stories  {per_sec}  eta {eta}",
            )
        };
        let bar = indicatif::ProgressBar::new(len);
        bar.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    // Each story's line is serialised in the pool, beside the checking; only the writing is
    // in order, here.
    let line = |line: &crosscheck::batch::Line<'_>, result: &Result<crosscheck::Report, Error>| {
        let outcome = result.as_ref().map(|r| r.has_discrepancies()).ok();
        let mut bytes = serde_json::to_vec(line).map_err(|e| Error::from(std::io::Error::other(e)));
        if let Ok(b) = &mut bytes {
            b.push(b'\n');
        }
        (bytes, outcome)
    };
    let (mut found, mut failed, mut stories) = (false, 0usize, 0usize);
    let mut emit = |(bytes, outcome): (Result<Vec<u8>, Error>, Option<bool>)| {
        match outcome {
            Some(f) => found |= f,
            None => failed += 1,
        }
        stories += 1;
        out.write_all(&bytes?)?;
        if let Some(b) = &bar {
            b.inc(1);
        }
        Ok(())
    };
    if args.group {
        let opts = crosscheck::group::GroupOptions::default();
        crosscheck::batch::run_grouped_map(
            &pipeline,
            &args.dir,
            &opts,
            |story, result| line(&crosscheck::batch::Line::grouped(story, &result), &result),
            |_, l| emit(l),
        )?;
    } else {
        crosscheck::batch::run_map(
            &pipeline,
            &dirs,
            |dir, result| line(&crosscheck::batch::Line::new(dir, &result), &result),
            |_, _, l| emit(l),
        )?;
    }
    out.flush()?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if !args.quiet && failed > 0 {
        let what = if args.group {
            "inputs or stories"
        } else {
            "stories"
        };
        eprintln!("crosscheck: {failed} of {stories} {what} could not be checked");
    }
    Ok(found)
}

fn run(args: &Args) -> Result<bool, Error> {
    let pipeline = make_pipeline(args.rules.as_deref(), args.month_first)?;
    let read = ReadOptions::default().max_bytes(args.max_bytes);
    let corpus = Corpus::read(&args.paths, args.manifest.as_deref(), &read)?;
    if let Some(msg) = corpus.nothing_to_check() {
        return Err(Error::from(std::io::Error::other(msg)));
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
