//! `accord import inputs FILE`: written inputs from a CSV or JSON Lines file
//! (gzip accepted), streamed in batches so memory stays flat whatever the
//! file's size. A bad row is reported with its line and the import goes on;
//! rows whose external id was imported before change nothing.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use accord_app::import::{read_rows, ImportSummary, InputFormat};
use accord_app::{App, AppError, Principal};
use accord_domain::Slug;
use indicatif::{ProgressBar, ProgressStyle};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Jsonl,
}

impl From<Format> for InputFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Csv => InputFormat::Csv,
            Format::Jsonl => InputFormat::Jsonl,
        }
    }
}

/// Counts bytes read from the file (compressed bytes for a gzip file), for
/// the progress bar.
struct Counting<R> {
    inner: R,
    bar: ProgressBar,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}

pub struct ImportArgs<'a> {
    pub path: &'a Path,
    pub process: &'a str,
    pub consultation: &'a str,
    pub format: Option<Format>,
    pub synthetic: bool,
}

/// Rows whose refusal is printed one by one (the rest are counted).
const SHOWN_REJECTIONS: usize = accord_app::import::KEPT_REJECTIONS;

/// Imports the file; `Err` only when the file cannot be read at all (or the
/// store fails): bad rows are in the summary.
pub async fn import_inputs(app: &App, a: ImportArgs<'_>) -> Result<ImportSummary, String> {
    let format: InputFormat = a
        .format
        .map(InputFormat::from)
        .or_else(|| InputFormat::of_name(a.path.file_name()?.to_str()?))
        .ok_or_else(|| {
            format!(
                "cannot tell the format of {}: name it .csv or .jsonl (.gz accepted), or give --format",
                a.path.display()
            )
        })?;
    let process: Slug = a.process.parse().map_err(|e| format!("--process: {e}"))?;
    let consultation: Slug = a
        .consultation
        .parse()
        .map_err(|e| format!("--consultation: {e}"))?;
    let file = File::open(a.path).map_err(|e| format!("cannot open {}: {e}", a.path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = ProgressBar::new(size);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} · {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let counted = Counting {
        inner: file,
        bar: bar.clone(),
    };
    let rows = read_rows(counted, format, (process, consultation), a.synthetic)?;
    let started = Instant::now();
    let mut shown = 0usize;
    let summary = app
        .import_input_rows(
            &Principal::System("import"),
            a.process,
            a.consultation,
            rows,
            |so_far, refused| {
                for (line, why) in refused {
                    if shown < SHOWN_REJECTIONS {
                        bar.suspend(|| eprintln!("line {line}: {why}"));
                        shown += 1;
                    }
                }
                bar.set_message(format!(
                    "{} rows, {} imported",
                    so_far.rows, so_far.imported
                ));
            },
        )
        .await
        .map_err(|e: AppError| e.to_string())?;
    bar.finish_and_clear();
    if summary.refused > SHOWN_REJECTIONS {
        eprintln!(
            "… and {} more rows refused",
            summary.refused - SHOWN_REJECTIONS
        );
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} rows read in {secs:.1} s ({:.0} rows/s): {} imported, {} unchanged (imported before), {} refused",
        summary.rows,
        summary.rows as f64 / secs.max(1e-9),
        summary.imported,
        summary.unchanged,
        summary.refused
    );
    Ok(summary)
}
