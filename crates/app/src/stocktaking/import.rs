//! Written inputs from a CSV or JSON Lines file (gzip accepted), read row by
//! row and imported in batches of [`BATCH`] rows, so memory stays flat
//! whatever the file's size. A bad row is reported with its line and the
//! import goes on; rows whose external id was imported before change
//! nothing. The CLI (`accord import inputs`) and the API's import job both
//! go through here.

use std::io::{BufRead, BufReader, Read};

use accord_domain::{ActorCode, Language, NewInput, Slug};
use serde::Deserialize;

use crate::policy::Principal;
use crate::{App, AppError, Result};

/// Rows per unit of work.
pub const BATCH: usize = 5_000;
/// Imported inputs are put in the search index this many at a time (one
/// commit each), so a long import is searchable as it goes. The index
/// catches up beside the batches that follow: storing rows and indexing
/// them run at once, one catch-up at a time.
pub const INDEX_EVERY: usize = 50_000;
/// Refused rows kept one by one in a summary (the rest are counted).
pub const KEPT_REJECTIONS: usize = 50;

/// The two formats a file of inputs comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Csv,
    Jsonl,
}

impl InputFormat {
    /// From a file name: `.csv`, `.jsonl`/`.ndjson`/`.json`, each maybe `.gz`.
    pub fn of_name(name: &str) -> Option<InputFormat> {
        let name = name.to_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        if name.ends_with(".csv") {
            Some(InputFormat::Csv)
        } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") || name.ends_with(".json") {
            Some(InputFormat::Jsonl)
        } else {
            None
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "csv" => Ok(InputFormat::Csv),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            other => Err(format!("unknown format '{other}': csv or jsonl")),
        }
    }
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
    fn into_input(self, to: &(Slug, Slug), synthetic: bool) -> Result<NewInput, String> {
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
            process: to.0.clone(),
            consultation: to.1.clone(),
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

/// The longest line of a JSON Lines file (bytes): far above the longest
/// input a form takes, far below what would exhaust memory.
pub const MAX_LINE: usize = 4 << 20;

enum Line {
    Read,
    TooLong,
    End,
}

/// Reads one line into `buf` (without its end), at most [`MAX_LINE`] bytes;
/// the rest of a longer line is skipped.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<Line> {
    buf.clear();
    let n = reader
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(Line::End);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        return Ok(Line::Read);
    }
    if buf.len() > MAX_LINE {
        // Skip to the end of the line.
        loop {
            buf.clear();
            let n = reader
                .by_ref()
                .take(MAX_LINE as u64)
                .read_until(b'\n', buf)?;
            if n == 0 || buf.last() == Some(&b'\n') {
                return Ok(Line::TooLong);
            }
        }
    }
    Ok(Line::Read)
}

/// A row read: its line, and the input or why it cannot be one.
pub type ReadRow = (usize, Result<NewInput, String>);

/// Reads rows for the call for inputs `to` (process, consultation) from a
/// file's bytes (decompressed if they start with gzip's magic bytes). Each
/// item is a row, or `Err` when the file cannot be read any further (the
/// import stops there).
pub fn read_rows<'r>(
    reader: impl Read + Send + 'r,
    format: InputFormat,
    to: (Slug, Slug),
    synthetic: bool,
) -> Result<Box<dyn Iterator<Item = Result<ReadRow, String>> + Send + 'r>, String> {
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let gzip = reader
        .fill_buf()
        .map(|b| b.starts_with(&[0x1f, 0x8b]))
        .map_err(|e| format!("the file could not be read: {e}"))?;
    let reader: Box<dyn BufRead + Send + 'r> = if gzip {
        Box::new(BufReader::with_capacity(
            1 << 20,
            flate2::read::MultiGzDecoder::new(reader),
        ))
    } else {
        Box::new(reader)
    };
    Ok(match format {
        InputFormat::Jsonl => {
            let mut reader = reader;
            let mut n = 0usize;
            let mut buf: Vec<u8> = Vec::new();
            let mut failed = false;
            Box::new(std::iter::from_fn(move || loop {
                if failed {
                    return None;
                }
                n += 1;
                match read_line(&mut reader, &mut buf) {
                    Err(e) => {
                        // A read error ends the file: what follows cannot be trusted.
                        failed = true;
                        return Some(Err(format!("line {n}: the file could not be read: {e}")));
                    }
                    Ok(Line::End) => return None,
                    Ok(Line::TooLong) => {
                        return Some(Ok((
                            n,
                            Err(format!("the line is longer than {MAX_LINE} bytes")),
                        )))
                    }
                    Ok(Line::Read) => {}
                }
                let Ok(line) = std::str::from_utf8(&buf) else {
                    return Some(Ok((n, Err("the line is not UTF-8 text".into()))));
                };
                if line.trim().is_empty() {
                    continue;
                }
                return Some(Ok((
                    n,
                    serde_json::from_str::<Row>(line)
                        .map_err(|e| format!("not a JSON object with a \"text\": {e}"))
                        .and_then(|row| row.into_input(&to, synthetic)),
                )));
            }))
        }
        InputFormat::Csv => {
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
            let mut failed = false;
            Box::new(std::iter::from_fn(move || {
                if failed {
                    return None;
                }
                match csv.read_record(&mut record) {
                    Ok(false) => None,
                    Ok(true) => {
                        let n = record.position().map_or(0, |p| p.line() as usize);
                        Some(Ok((
                            n,
                            record
                                .deserialize::<Row>(Some(&headers))
                                .map_err(|e| format!("the row does not fit the header: {e}"))
                                .and_then(|row| row.into_input(&to, synthetic)),
                        )))
                    }
                    Err(e) => {
                        let n = e.position().map_or(0, |p| p.line() as usize);
                        if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                            failed = true;
                            return Some(Err(format!("line {n}: the file could not be read: {e}")));
                        }
                        Some(Ok((n, Err(format!("the row could not be read: {e}")))))
                    }
                }
            }))
        }
    })
}

/// What a whole import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub rows: usize,
    pub imported: usize,
    pub unchanged: usize,
    pub refused: usize,
    /// The first [`KEPT_REJECTIONS`] refused rows: line, and why.
    pub rejections: Vec<(usize, String)>,
}

impl ImportSummary {
    /// One line for people.
    pub fn describe(&self) -> String {
        format!(
            "{} rows read: {} imported, {} unchanged (imported before), {} refused",
            self.rows, self.imported, self.unchanged, self.refused
        )
    }
}

impl App {
    /// Imports every row into the call for inputs, [`BATCH`] rows per unit
    /// of work; `after_batch` sees the summary so far and the rows refused
    /// in that batch. `Err` only when the file cannot be read any further
    /// or the store fails: what was imported before that stays.
    pub async fn import_input_rows(
        &self,
        p: &Principal,
        process: &str,
        consultation: &str,
        rows: impl Iterator<Item = Result<ReadRow, String>>,
        mut after_batch: impl FnMut(&ImportSummary, &[(usize, String)]),
    ) -> Result<ImportSummary> {
        let mut summary = ImportSummary::default();
        let mut batch: Vec<(usize, NewInput)> = Vec::with_capacity(BATCH);
        let mut refused: Vec<(usize, String)> = Vec::new();
        let mut rows = rows.peekable();
        // Inputs imported since the index last caught up.
        let mut unindexed = 0;
        let mut states = Default::default();
        // The catch-up under way, beside this import's next batches.
        let mut catching_up: Option<tokio::task::JoinHandle<()>> = None;
        loop {
            let row = rows.next();
            match row {
                Some(Err(unreadable)) => {
                    // What was stored before stays, and is found.
                    self.caught_up(catching_up.take()).await;
                    return Err(AppError::Unreadable {
                        kind: "unreadable_file",
                        message: format!("{unreadable} ({})", summary.describe()),
                    });
                }
                Some(Ok((line, Ok(input)))) => {
                    summary.rows += 1;
                    batch.push((line, input));
                }
                Some(Ok((line, Err(why)))) => {
                    summary.rows += 1;
                    refused.push((line, why));
                }
                None => {}
            }
            let end = rows.peek().is_none();
            if batch.len() + refused.len() >= BATCH
                || (end && (!batch.is_empty() || !refused.is_empty()))
            {
                let stored = self
                    .store_inputs(
                        p,
                        process,
                        consultation,
                        std::mem::take(&mut batch),
                        &mut states,
                    )
                    .await;
                let done = match stored {
                    Ok(stored) => stored,
                    Err(e) => {
                        self.caught_up(catching_up.take()).await;
                        return Err(e);
                    }
                };
                unindexed += done.imported;
                if unindexed >= INDEX_EVERY {
                    finished(catching_up.take()).await;
                    let app = self.clone();
                    catching_up = Some(tokio::spawn(async move { app.catch_up_index().await }));
                    unindexed = 0;
                }
                summary.imported += done.imported;
                summary.unchanged += done.unchanged;
                refused.extend(done.rejected);
                refused.sort_by_key(|(line, _)| *line);
                summary.refused += refused.len();
                let room = KEPT_REJECTIONS.saturating_sub(summary.rejections.len());
                summary
                    .rejections
                    .extend(refused.iter().take(room).cloned());
                after_batch(&summary, &refused);
                refused.clear();
            }
            if end {
                self.caught_up(catching_up.take()).await;
                return Ok(summary);
            }
        }
    }

    /// Waits for a catch-up under way, then brings the index up to date
    /// with everything stored.
    async fn caught_up(&self, under_way: Option<tokio::task::JoinHandle<()>>) {
        finished(under_way).await;
        self.catch_up_index().await;
    }
}

/// Waits for a catch-up under way, if any. A panic there is the index's
/// (logged by tokio): the import goes on, and its last catch-up repairs.
async fn finished(under_way: Option<tokio::task::JoinHandle<()>>) {
    if let Some(under_way) = under_way {
        let _ = under_way.await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn to() -> (Slug, Slug) {
        ("gcm".parse().unwrap(), "online".parse().unwrap())
    }

    /// Each row: its line and its text, or why it was refused.
    type Rows = Vec<Result<(usize, Result<String, String>), String>>;

    fn read(bytes: &[u8], format: InputFormat) -> Rows {
        read_rows(bytes, format, to(), false)
            .unwrap()
            .map(|r| r.map(|(line, row)| (line, row.map(|i| i.text))))
            .collect()
    }

    #[test]
    fn rows_are_numbered_by_their_line_and_bad_ones_say_why() {
        let file = b"{\"text\": \"One.\", \"language\": \"en\"}\n\n{\"text\": 5}\nnot json\n{\"text\": \"Two.\", \"country\": \"not a code!\"}\n{\"text\": \"Three.\", \"external_id\": \"x\"}\n";
        let rows = read(file, InputFormat::Jsonl);
        assert_eq!(rows.len(), 5, "the blank line is skipped");
        assert_eq!(rows[0], Ok((1, Ok("One.".into()))));
        assert!(matches!(&rows[1], Ok((3, Err(why))) if why.contains("not a JSON object")));
        assert!(matches!(&rows[2], Ok((4, Err(_)))));
        assert!(matches!(&rows[3], Ok((5, Err(why))) if why.starts_with("country:")));
        assert_eq!(rows[4], Ok((6, Ok("Three.".into()))));
    }

    #[test]
    fn csv_needs_a_text_column_and_rows_that_fit_the_header() {
        assert!(
            read_rows(&b"id,body\n1,x\n"[..], InputFormat::Csv, to(), false)
                .err()
                .unwrap()
                .contains("no \"text\" column")
        );
        let rows = read(
            b"text,language\n\"Quoted, with a comma\",en\nshort\nthree,en,extra\n",
            InputFormat::Csv,
        );
        assert_eq!(rows[0], Ok((2, Ok("Quoted, with a comma".into()))));
        assert!(matches!(&rows[1], Ok((3, Err(_)))));
        assert!(matches!(&rows[2], Ok((4, Err(_)))));
    }

    #[test]
    fn gzip_is_recognised_by_its_bytes_and_a_cut_file_stops_with_an_error() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        for i in 0..2_000 {
            writeln!(gz, "{{\"text\": \"Input number {i} about remittances.\"}}").unwrap();
        }
        let bytes = gz.finish().unwrap();
        let rows = read(&bytes, InputFormat::Jsonl);
        assert_eq!(rows.len(), 2_000);
        assert!(rows.iter().all(|r| matches!(r, Ok((_, Ok(_))))));
        let cut = read(&bytes[..bytes.len() / 2], InputFormat::Jsonl);
        assert!(cut.len() < 2_000);
        assert!(
            cut.last().unwrap().is_err(),
            "the cut is reported, not ignored"
        );
        // Garbage that starts like gzip is unreadable, not a panic.
        let junk = read(&[0x1f, 0x8b, 0, 1, 2, 3, 4, 5], InputFormat::Jsonl);
        assert!(junk.iter().any(std::result::Result::is_err));
    }

    #[test]
    fn a_line_that_is_not_utf8_or_too_long_is_refused_and_the_rest_read() {
        let mut file = b"{\"text\": \"One.\"}\n".to_vec();
        file.extend_from_slice(b"{\"text\": \"\xff\xfe\"}\n");
        file.extend(std::iter::repeat_n(b'x', MAX_LINE + 10));
        file.extend_from_slice(b"\n{\"text\": \"Two.\"}");
        let rows = read(&file, InputFormat::Jsonl);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(rows[0], Ok((1, Ok("One.".into()))));
        assert!(matches!(&rows[1], Ok((2, Err(why))) if why.contains("not UTF-8")));
        assert!(matches!(&rows[2], Ok((3, Err(why))) if why.contains("longer than")));
        assert_eq!(
            rows[3],
            Ok((4, Ok("Two.".into()))),
            "the last line needs no end"
        );
    }

    #[test]
    fn formats_by_name() {
        assert_eq!(InputFormat::of_name("a.CSV.gz"), Some(InputFormat::Csv));
        assert_eq!(InputFormat::of_name("a.ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(InputFormat::of_name("a.xml"), None);
        assert!("xml".parse::<InputFormat>().is_err());
    }
}
