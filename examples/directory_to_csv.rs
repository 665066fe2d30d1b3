//! A folder of articles to CSV: one row per side of each discrepancy, for a spreadsheet.
//!
//! ```sh
//! cargo run --example directory_to_csv -- examples/corpus/bus-crash           # to standard output
//! cargo run --example directory_to_csv -- examples/corpus/bus-crash flags.csv # to a file
//! ```
//!
//! The folder holds `.txt`/`.md` articles and, optionally, a `manifest.csv` with each file's
//! outlet and publication date. Without arguments the bundled `bus-crash` story is used.

use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

use crosscheck::{Format, Pipeline, RenderOptions};

/// Check the story in `dir` and write its CSV report into `out`, with a byte-order mark if
/// `bom` (Excel then reads the file as UTF-8). Returns how many discrepancies were written.
fn directory_to_csv(dir: &Path, bom: bool, out: &mut dyn Write) -> Result<usize, Box<dyn Error>> {
    let report = Pipeline::new().check_dir(dir)?;
    for s in &report.skipped {
        eprintln!("skipped {}: {}", s.path, s.reason);
    }
    let opts = RenderOptions {
        csv_bom: bom,
        ..RenderOptions::default()
    };
    report.render_with(Format::Csv, &opts, out)?;
    Ok(report.discrepancies.len())
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args_os().skip(1);
    let dir = args.next().map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/bus-crash"),
        PathBuf::from,
    );
    let n = match args.next() {
        Some(path) => {
            let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
            let n = directory_to_csv(&dir, true, &mut file)?;
            file.flush()?;
            eprintln!(
                "{n} discrepancies written to {}",
                Path::new(&path).display()
            );
            n
        }
        None => directory_to_csv(&dir, false, &mut std::io::stdout().lock())?,
    };
    if n == 0 {
        eprintln!("no discrepancy in {}", dir.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn one_row_per_side() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/bus-crash");
        let mut out = Vec::new();
        let n = super::directory_to_csv(&dir, false, &mut out).unwrap();
        assert!(n > 0);
        let mut rdr = csv::Reader::from_reader(out.as_slice());
        let headers = rdr.headers().unwrap().clone();
        assert_eq!(&headers[0], "id");
        assert_eq!(&headers[1], "kind");
        let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
        let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
        assert_eq!(ids.len(), n);
        assert!(rows.len() >= 2 * n);
    }

    #[test]
    fn a_bom_for_excel() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/bus-crash");
        let mut out = Vec::new();
        super::directory_to_csv(&dir, true, &mut out).unwrap();
        assert!(out.starts_with("\u{feff}id,".as_bytes()));
    }
}
