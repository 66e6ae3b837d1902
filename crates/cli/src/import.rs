//! `accord import inputs FILE`: written inputs from a CSV or JSON Lines file
//! (gzip accepted), streamed in batches so memory stays flat whatever the
//! file's size. A bad row is reported with its line and the import goes on;
//! rows whose external id was imported before change nothing.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::time::Instant;

use accord_app::{App, ImportBatch, Principal};
use accord_domain::{ActorCode, Language, NewInput, Slug};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Deserialize;

/// Rows per unit of work.
const BATCH: usize = 1_000;
/// Rows whose refusal is printed one by one (the rest are counted).
const SHOWN_REJECTIONS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Jsonl,
}

/// One row, in either format. Unknown columns are ignored.
#[derive(Debug, Deserialize)]
struct Row {
    #[serde(default)]
    external_id: Option<String>,
    text: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    organisation: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    synthetic: Option<bool>,
}

fn empty_to_none(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

impl Row {
    fn into_input(
        self,
        process: &Slug,
        consultation: &Slug,
        synthetic: bool,
    ) -> Result<NewInput, String> {
        let language = empty_to_none(self.language)
            .map(|l| l.parse::<Language>().map_err(|e| format!("language: {e}")))
            .transpose()?;
        let country = empty_to_none(self.country)
            .map(|c| {
                c.to_uppercase()
                    .parse::<ActorCode>()
                    .map_err(|e| format!("country: {e}"))
            })
            .transpose()?;
        Ok(NewInput {
            process: process.clone(),
            consultation: consultation.clone(),
            author: empty_to_none(self.author),
            organisation: empty_to_none(self.organisation),
            country,
            language,
            text: self.text,
            external_id: empty_to_none(self.external_id),
            synthetic: synthetic || self.synthetic.unwrap_or(false),
        })
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

/// What the whole import did.
#[derive(Debug, Default)]
pub struct Summary {
    pub rows: usize,
    pub imported: usize,
    pub unchanged: usize,
    pub rejected: usize,
}

pub struct ImportArgs<'a> {
    pub path: &'a Path,
    pub process: &'a str,
    pub consultation: &'a str,
    pub format: Option<Format>,
    pub synthetic: bool,
}

fn format_of(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".csv") {
        Some(Format::Csv)
    } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") || name.ends_with(".json") {
        Some(Format::Jsonl)
    } else {
        None
    }
}

/// Imports the file; `Err` only when the file cannot be read at all (or the
/// store fails): bad rows are in the summary.
pub async fn import_inputs(app: &App, a: ImportArgs<'_>) -> Result<Summary, String> {
    let format = a.format.or_else(|| format_of(a.path)).ok_or_else(|| {
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
    let mut file =
        File::open(a.path).map_err(|e| format!("cannot open {}: {e}", a.path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut magic = [0u8; 2];
    let gzip = file
        .read(&mut magic)
        .map(|n| n == 2 && magic == [0x1f, 0x8b])
        .unwrap_or(false);
    let file = File::open(a.path).map_err(|e| format!("cannot open {}: {e}", a.path.display()))?;
    let bar = ProgressBar::new(size);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} · {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let counted = Counting {
        inner: file,
        bar: bar.clone(),
    };
    let reader: Box<dyn Read> = if gzip {
        Box::new(flate2::read::MultiGzDecoder::new(counted))
    } else {
        Box::new(counted)
    };
    let reader = BufReader::with_capacity(1 << 20, reader);
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut batch: Vec<(usize, NewInput)> = Vec::with_capacity(BATCH);
    let mut shown = 0usize;
    let mut reject = |summary: &mut Summary, line: usize, why: &str| {
        summary.rejected += 1;
        if shown < SHOWN_REJECTIONS {
            bar.suspend(|| eprintln!("line {line}: {why}"));
            shown += 1;
        }
    };

    async fn flush(
        app: &App,
        process: &str,
        consultation: &str,
        batch: &mut Vec<(usize, NewInput)>,
    ) -> Result<ImportBatch, String> {
        let rows = std::mem::take(batch);
        app.import_inputs(&Principal::System("import"), process, consultation, rows)
            .await
            .map_err(|e| e.to_string())
    }

    fn handle(
        summary: &mut Summary,
        done: ImportBatch,
        reject: &mut dyn FnMut(&mut Summary, usize, &str),
    ) {
        summary.imported += done.imported;
        summary.unchanged += done.unchanged;
        for (line, why) in &done.rejected {
            reject(summary, *line, why);
        }
    }

    match format {
        Format::Jsonl => {
            for (i, line) in reader.lines().enumerate() {
                let n = i + 1;
                let line =
                    line.map_err(|e| format!("line {n}: the file could not be read: {e}"))?;
                if line.trim().is_empty() {
                    continue;
                }
                summary.rows += 1;
                match serde_json::from_str::<Row>(&line)
                    .map_err(|e| format!("not a JSON object with a \"text\": {e}"))
                    .and_then(|row| row.into_input(&process, &consultation, a.synthetic))
                {
                    Ok(input) => batch.push((n, input)),
                    Err(why) => reject(&mut summary, n, &why),
                }
                if batch.len() >= BATCH {
                    let done = flush(app, a.process, a.consultation, &mut batch).await?;
                    handle(&mut summary, done, &mut reject);
                    bar.set_message(format!(
                        "{} rows, {} imported",
                        summary.rows, summary.imported
                    ));
                }
            }
        }
        Format::Csv => {
            let mut csv = csv::ReaderBuilder::new()
                .flexible(false)
                .from_reader(reader);
            let headers = csv
                .headers()
                .map_err(|e| format!("the CSV header could not be read: {e}"))?
                .clone();
            if !headers.iter().any(|h| h == "text") {
                return Err("the CSV has no \"text\" column".into());
            }
            let mut record = csv::StringRecord::new();
            loop {
                match csv.read_record(&mut record) {
                    Ok(false) => break,
                    Ok(true) => {
                        let n = record.position().map_or(0, |p| p.line() as usize);
                        summary.rows += 1;
                        match record
                            .deserialize::<Row>(Some(&headers))
                            .map_err(|e| format!("the row does not fit the header: {e}"))
                            .and_then(|row| row.into_input(&process, &consultation, a.synthetic))
                        {
                            Ok(input) => batch.push((n, input)),
                            Err(why) => reject(&mut summary, n, &why),
                        }
                    }
                    Err(e) => {
                        let n = e.position().map_or(0, |p| p.line() as usize);
                        summary.rows += 1;
                        reject(&mut summary, n, &format!("the row could not be read: {e}"));
                        if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                            return Err(format!("line {n}: the file could not be read: {e}"));
                        }
                    }
                }
                if batch.len() >= BATCH {
                    let done = flush(app, a.process, a.consultation, &mut batch).await?;
                    handle(&mut summary, done, &mut reject);
                    bar.set_message(format!(
                        "{} rows, {} imported",
                        summary.rows, summary.imported
                    ));
                }
            }
        }
    }
    if !batch.is_empty() {
        let done = flush(app, a.process, a.consultation, &mut batch).await?;
        handle(&mut summary, done, &mut reject);
    }
    bar.finish_and_clear();
    if summary.rejected > SHOWN_REJECTIONS {
        eprintln!(
            "… and {} more rows refused",
            summary.rejected - SHOWN_REJECTIONS
        );
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} rows read in {secs:.1} s ({:.0} rows/s): {} imported, {} unchanged (imported before), {} refused",
        summary.rows,
        summary.rows as f64 / secs.max(1e-9),
        summary.imported,
        summary.unchanged,
        summary.rejected
    );
    Ok(summary)
}
