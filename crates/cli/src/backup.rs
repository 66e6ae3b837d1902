//! `accord backup`, `accord restore` and `accord copy`: a whole installation
//! (every table's rows with their ids, the audit chain, the uploaded files)
//! in one portable file, or moved from one store to another.
//!
//! The file is a tar (gzip'd when its name ends in `.gz` or `.tgz`; a
//! restore knows gzip by its magic bytes) holding, in this order:
//! `manifest.json` (format and version, Accord's version, the migrations
//! applied, each table's columns and row count, each file's SHA-256 and
//! size), `blobs/<sha256>` (the files), then `tables/NNN-<table>.jsonl`
//! (one JSON array per row, in the store's dependency order; see
//! `accord_store::portable`). Files come before tables so that a restore
//! writes them first and commits the rows last: a failure before the
//! commit leaves the target's database empty and removes the files it
//! wrote. A backup spools the tables to a temporary directory beside the
//! file (the manifest, written first, needs their counts) and writes the
//! file under a temporary name, renamed into place once whole.
//!
//! A backup reads the store in one snapshot (SQLite: one read transaction;
//! PostgreSQL: `REPEATABLE READ READ ONLY`) and lists the files after it,
//! so every file a row names is there (a file is stored before the row
//! that names it is committed). `copy` streams the source's dump into the
//! target's load directly (no file), copying the files after the rows have
//! been read and before the target commits.

use crate::exit;
use accord_store::portable::{Cell, DumpSink, Item, LoadSource, TableCounts, TableHeader};
use accord_store::{Store, StoreError};
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const FORMAT: &str = "accord-backup";
pub const FORMAT_VERSION: u32 = 1;
/// The largest manifest a restore reads (a hostile file could claim more).
const MANIFEST_LIMIT: u64 = 256 * 1024 * 1024;

type Failure = (u8, String);

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub accord_version: String,
    /// The store the backup was made from: `sqlite` or `postgres`.
    pub backend: String,
    pub created_at: String,
    pub migrations: Vec<i64>,
    pub tables: Vec<TableEntry>,
    pub blobs: Vec<BlobEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TableEntry {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: u64,
    pub file: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BlobEntry {
    pub sha256: String,
    pub size: u64,
}

/// What a backup, restore or copy did.
pub struct Summary {
    pub rows: u64,
    pub tables: usize,
    pub blobs: usize,
}

fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn blob_path(blobs: &Path, sha: &str) -> PathBuf {
    blobs.join(&sha[..2]).join(&sha[2..4]).join(sha)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn failed(what: impl std::fmt::Display) -> Failure {
    (exit::FAILED, what.to_string())
}

fn store_failure(e: StoreError) -> Failure {
    match e {
        StoreError::Unavailable(m) => (exit::DATABASE_UNAVAILABLE, m),
        StoreError::Conflict(m) if m.starts_with("the target store is not empty") => {
            (exit::NOT_EMPTY, m)
        }
        StoreError::Conflict(m) | StoreError::Other(m) | StoreError::NotFound(m) => {
            (exit::INVALID, m)
        }
    }
}

/// A progress bar on standard error, only when it is a terminal.
pub fn progress(total: u64, what: &str) -> ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} rows {per_sec} · {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(what.to_owned());
    bar
}

/// The files under a blob directory (`ab/cd/abcd…`), by SHA-256, each
/// hashed again: a file whose bytes no longer match its name is an error.
pub fn list_blobs(blobs: &Path) -> Result<Vec<BlobEntry>, Failure> {
    let mut out = Vec::new();
    let read = |dir: &Path| -> Result<Vec<PathBuf>, Failure> {
        match std::fs::read_dir(dir) {
            Ok(entries) => {
                let mut v = entries
                    .map(|e| e.map(|e| e.path()))
                    .collect::<std::io::Result<Vec<_>>>()
                    .map_err(|e| failed(format!("cannot read {}: {e}", dir.display())))?;
                v.sort();
                Ok(v)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(vec![]),
            Err(e) => Err(failed(format!("cannot read {}: {e}", dir.display()))),
        }
    };
    for a in read(blobs)? {
        if !a.is_dir() {
            continue;
        }
        for b in read(&a)? {
            if !b.is_dir() {
                continue;
            }
            for f in read(&b)? {
                let Some(name) = f.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                // Half-written uploads (`.upload-…`) are not files yet.
                if !is_sha256(name) || f != blob_path(blobs, name) {
                    continue;
                }
                let (sha, size) = hash_file(&f)?;
                if sha != name {
                    return Err(failed(format!(
                        "the file {} does not hash to its name (it has {sha}): the files are damaged",
                        f.display()
                    )));
                }
                out.push(BlobEntry { sha256: sha, size });
            }
        }
    }
    Ok(out)
}

fn hash_file(path: &Path) -> Result<(String, u64), Failure> {
    let mut f = std::fs::File::open(path)
        .map_err(|e| failed(format!("cannot read {}: {e}", path.display())))?;
    let mut h = Sha256::new();
    let mut buf = vec![0; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = f
            .read(&mut buf)
            .map_err(|e| failed(format!("cannot read {}: {e}", path.display())))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex(&h.finalize()), size))
}

/// Copies `reader`'s bytes to the blob store at `blobs` under `sha`, unless
/// it holds them already, checking they hash to `sha`. Returns the path
/// when it wrote one.
fn put_blob(blobs: &Path, sha: &str, reader: &mut dyn Read) -> Result<Option<PathBuf>, String> {
    let path = blob_path(blobs, sha);
    let exists = path.exists();
    let dir = path.parent().expect("a blob path has a parent");
    let tmp = dir.join(format!(".restore-{sha}"));
    let mut out = if exists {
        None
    } else {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Some(
            std::fs::File::create(&tmp)
                .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?,
        )
    };
    let mut h = Sha256::new();
    let mut buf = vec![0; 64 * 1024];
    let result = (|| -> Result<(), String> {
        loop {
            let n = reader
                .read(&mut buf)
                .map_err(|e| format!("cannot read the file {sha}: {e}"))?;
            if n == 0 {
                break;
            }
            h.update(&buf[..n]);
            if let Some(out) = &mut out {
                out.write_all(&buf[..n])
                    .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
            }
        }
        let got = hex(&h.finalize());
        if got != sha {
            return Err(format!(
                "the file {sha} hashes to {got}: the backup is damaged"
            ));
        }
        if let Some(out) = &out {
            out.sync_all()
                .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        }
        Ok(())
    })();
    match (result, out) {
        (Err(e), Some(_)) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
        (Err(e), None) => Err(e),
        (Ok(()), None) => Ok(None),
        (Ok(()), Some(_)) => {
            std::fs::rename(&tmp, &path)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(Some(path))
        }
    }
}

fn remove_blobs(written: &[PathBuf]) {
    for p in written {
        let _ = std::fs::remove_file(p);
    }
}

// ---- backup -----------------------------------------------------------------

/// Writes each table's rows to a file of its own in a spool directory.
struct SpoolSink {
    dir: PathBuf,
    migrations: Option<Vec<i64>>,
    tables: Vec<TableEntry>,
    out: Option<BufWriter<std::fs::File>>,
    bar: ProgressBar,
}

impl SpoolSink {
    fn finish_table(&mut self) -> Result<(), StoreError> {
        if let Some(mut out) = self.out.take() {
            out.flush().map_err(io)?;
        }
        Ok(())
    }
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Other(format!("cannot write the backup: {e}"))
}

#[async_trait::async_trait]
impl DumpSink for SpoolSink {
    async fn put(&mut self, item: Item) -> Result<(), StoreError> {
        match item {
            Item::Schema { migrations } => self.migrations = Some(migrations),
            Item::Table(TableHeader { name, columns }) => {
                self.finish_table()?;
                let file = format!("tables/{:03}-{name}.jsonl", self.tables.len() + 1);
                let path = self.dir.join(format!("{:03}.jsonl", self.tables.len() + 1));
                self.out = Some(BufWriter::new(std::fs::File::create(path).map_err(io)?));
                self.bar.set_message(name.clone());
                self.tables.push(TableEntry {
                    name,
                    columns,
                    rows: 0,
                    file,
                });
            }
            Item::Row(cells) => {
                let (Some(out), Some(t)) = (&mut self.out, self.tables.last_mut()) else {
                    return Err(StoreError::Other("a row before any table".into()));
                };
                serde_json::to_writer(&mut *out, &cells)
                    .map_err(|e| StoreError::Other(e.to_string()))?;
                out.write_all(b"\n").map_err(io)?;
                t.rows += 1;
                self.bar.inc(1);
            }
        }
        Ok(())
    }
}

/// `accord backup`: the store and its files into `to`.
pub async fn backup(store: Arc<dyn Store>, data_dir: &Path, to: &Path) -> Result<Summary, Failure> {
    let parent = to
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let spool = tempfile::Builder::new()
        .prefix(".accord-backup-")
        .tempdir_in(parent)
        .map_err(|e| failed(format!("cannot write in {}: {e}", parent.display())))?;
    let estimate: u64 = store
        .table_counts()
        .await
        .map_err(store_failure)?
        .values()
        .sum();
    let mut sink = SpoolSink {
        dir: spool.path().to_path_buf(),
        migrations: None,
        tables: vec![],
        out: None,
        bar: progress(estimate, "reading"),
    };
    store.dump(&mut sink).await.map_err(store_failure)?;
    sink.finish_table().map_err(store_failure)?;
    sink.bar.finish_and_clear();
    // After the snapshot: every file its rows name is stored by now.
    let blobs_dir = data_dir.join("blobs");
    let blobs = list_blobs(&blobs_dir)?;
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        accord_version: env!("CARGO_PKG_VERSION").into(),
        backend: store.backend().into(),
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        migrations: sink.migrations.clone().unwrap_or_default(),
        tables: sink.tables.clone(),
        blobs: blobs.clone(),
    };
    let partial = spool.path().join("backup.partial");
    let gzip = to
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".gz") || n.ends_with(".tgz"));
    let write = || -> std::io::Result<()> {
        let file = BufWriter::new(std::fs::File::create(&partial)?);
        let out: Box<dyn Write> = if gzip {
            Box::new(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::default(),
            ))
        } else {
            Box::new(file)
        };
        let mut tar = tar::Builder::new(out);
        let json = serde_json::to_vec_pretty(&manifest).map_err(std::io::Error::other)?;
        append(&mut tar, "manifest.json", json.len() as u64, &json[..])?;
        for b in &manifest.blobs {
            let f = std::fs::File::open(blob_path(&blobs_dir, &b.sha256))?;
            append(
                &mut tar,
                &format!("blobs/{}", b.sha256),
                b.size,
                f.take(b.size),
            )?;
        }
        for (i, t) in manifest.tables.iter().enumerate() {
            let path = spool.path().join(format!("{:03}.jsonl", i + 1));
            let f = std::fs::File::open(&path)?;
            let size = f.metadata()?.len();
            append(&mut tar, &t.file, size, f)?;
        }
        let mut out = tar.into_inner()?;
        out.flush()?;
        drop(out);
        std::fs::File::open(&partial)?.sync_all()
    };
    write().map_err(|e| failed(format!("cannot write {}: {e}", to.display())))?;
    std::fs::rename(&partial, to)
        .map_err(|e| failed(format!("cannot write {}: {e}", to.display())))?;
    Ok(Summary {
        rows: manifest.tables.iter().map(|t| t.rows).sum(),
        tables: manifest.tables.len(),
        blobs: manifest.blobs.len(),
    })
}

fn append<W: Write>(
    tar: &mut tar::Builder<W>,
    path: &str,
    size: u64,
    data: impl Read,
) -> std::io::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o644);
    header.set_mtime(0);
    header.set_entry_type(tar::EntryType::Regular);
    tar.append_data(&mut header, path, data)
}

// ---- restore ----------------------------------------------------------------

enum Msg {
    Manifest(Box<Manifest>),
    Item(Item),
    Failed(String),
    End,
}

/// Reads a backup file on a thread of its own: checks the manifest, writes
/// the files into `blobs`, and sends the manifest and then the rows.
/// Returns the files it wrote (removed again if the restore fails).
fn read_backup(
    file: PathBuf,
    blobs: PathBuf,
    tx: tokio::sync::mpsc::Sender<Msg>,
    bar: ProgressBar,
) -> Vec<PathBuf> {
    let mut written = vec![];
    if let Err(e) = read_backup_into(&file, &blobs, &tx, &mut written, &bar) {
        let _ = tx.blocking_send(Msg::Failed(e));
    }
    written
}

fn read_backup_into(
    file: &Path,
    blobs: &Path,
    tx: &tokio::sync::mpsc::Sender<Msg>,
    written: &mut Vec<PathBuf>,
    bar: &ProgressBar,
) -> Result<(), String> {
    let not_a_backup = || format!("{} is not an Accord backup", file.display());
    let damaged = |e: std::io::Error| format!("{} is damaged or cut short: {e}", file.display());
    let mut f = BufReader::new(
        std::fs::File::open(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?,
    );
    let gzip = f.fill_buf().map_err(damaged)?.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn Read> = if gzip {
        Box::new(flate2::read::GzDecoder::new(f))
    } else {
        Box::new(f)
    };
    let mut archive = tar::Archive::new(reader);
    let mut entries = archive.entries().map_err(|_| not_a_backup())?;
    let send = |m: Msg| {
        tx.blocking_send(m)
            .map_err(|_| "the restore stopped".to_owned())
    };

    let first = entries
        .next()
        .ok_or_else(not_a_backup)?
        .map_err(|_| not_a_backup())?;
    if first.path_bytes().as_ref() != b"manifest.json" || first.size() > MANIFEST_LIMIT {
        return Err(not_a_backup());
    }
    let mut text = Vec::new();
    first
        .take(MANIFEST_LIMIT)
        .read_to_end(&mut text)
        .map_err(damaged)?;
    let manifest: Manifest = serde_json::from_slice(&text)
        .map_err(|e| format!("{}: its manifest cannot be read: {e}", not_a_backup()))?;
    if manifest.format != FORMAT {
        return Err(not_a_backup());
    }
    if manifest.format_version != FORMAT_VERSION {
        return Err(format!(
            "{} is a backup of format version {}; this Accord reads version {FORMAT_VERSION}",
            file.display(),
            manifest.format_version
        ));
    }
    let mut files: BTreeMap<&str, &TableEntry> = BTreeMap::new();
    for t in &manifest.tables {
        if files.insert(t.file.as_str(), t).is_some() || !t.file.starts_with("tables/") {
            return Err(format!(
                "{}: its manifest names a table file twice",
                not_a_backup()
            ));
        }
    }
    let mut blobs_left: BTreeMap<&str, u64> = BTreeMap::new();
    for b in &manifest.blobs {
        if !is_sha256(&b.sha256) || blobs_left.insert(&b.sha256, b.size).is_some() {
            return Err(format!(
                "{}: its manifest lists a file wrongly",
                not_a_backup()
            ));
        }
    }
    send(Msg::Manifest(Box::new(manifest.clone())))?;
    send(Msg::Item(Item::Schema {
        migrations: manifest.migrations.clone(),
    }))?;
    let mut tables_seen = BTreeSet::new();
    for entry in entries {
        let entry = entry.map_err(damaged)?;
        let path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        if let Some(sha) = path.strip_prefix("blobs/") {
            let Some(size) = blobs_left.remove(sha) else {
                return Err(format!(
                    "{}: a file the manifest does not list: {path}",
                    file.display()
                ));
            };
            if !tables_seen.is_empty() {
                return Err(format!("{}: a file after the tables", not_a_backup()));
            }
            if entry.size() != size {
                return Err(format!(
                    "{}: the file {sha} has {} bytes, the manifest says {size}",
                    file.display(),
                    entry.size()
                ));
            }
            let mut entry = entry;
            if let Some(p) = put_blob(blobs, sha, &mut entry)? {
                written.push(p);
            }
            continue;
        }
        let Some(table) = files.remove(path.as_str()) else {
            return Err(format!(
                "{}: an entry the manifest does not list: {path}",
                file.display()
            ));
        };
        tables_seen.insert(path.clone());
        send(Msg::Item(Item::Table(TableHeader {
            name: table.name.clone(),
            columns: table.columns.clone(),
        })))?;
        let mut rows = 0u64;
        for line in BufReader::new(entry).lines() {
            let line = line.map_err(damaged)?;
            let cells: Vec<Cell> = serde_json::from_str(&line).map_err(|e| {
                format!(
                    "{}: row {} of {} cannot be read: {e}",
                    file.display(),
                    rows + 1,
                    table.name
                )
            })?;
            rows += 1;
            if rows > table.rows {
                break;
            }
            send(Msg::Item(Item::Row(cells)))?;
            bar.inc(1);
        }
        if rows != table.rows {
            return Err(format!(
                "{}: the table {} has {rows} rows, the manifest says {}",
                file.display(),
                table.name,
                table.rows
            ));
        }
    }
    if let Some(sha) = blobs_left.keys().next() {
        return Err(format!(
            "{} is cut short: the file {sha} is missing",
            file.display()
        ));
    }
    if let Some(t) = files.values().next() {
        return Err(format!(
            "{} is cut short: the table {} is missing",
            file.display(),
            t.name
        ));
    }
    send(Msg::End)
}

struct ChannelSource {
    rx: tokio::sync::mpsc::Receiver<Msg>,
    manifest: Option<Manifest>,
}

#[async_trait::async_trait]
impl LoadSource for ChannelSource {
    async fn next(&mut self) -> Result<Option<Item>, StoreError> {
        loop {
            return match self.rx.recv().await {
                Some(Msg::Manifest(m)) => {
                    self.manifest = Some(*m);
                    continue;
                }
                Some(Msg::Item(item)) => Ok(Some(item)),
                Some(Msg::End) => Ok(None),
                Some(Msg::Failed(e)) => Err(StoreError::Other(e)),
                None => Err(StoreError::Other("the backup's reader stopped".into())),
            };
        }
    }
}

/// `accord restore`: a backup file into an empty store and its data
/// directory.
pub async fn restore(
    store: Arc<dyn Store>,
    data_dir: &Path,
    from: &Path,
) -> Result<(Summary, Manifest), Failure> {
    let before = store.table_counts().await.map_err(store_failure)?;
    refuse_non_empty(&before)?;
    if !from.is_file() {
        return Err((exit::INVALID, format!("{} is not a file", from.display())));
    }
    let (tx, rx) = tokio::sync::mpsc::channel(4096);
    let bar = progress(0, "restoring");
    let reader = {
        let (file, blobs, bar) = (from.to_path_buf(), data_dir.join("blobs"), bar.clone());
        std::thread::spawn(move || read_backup(file, blobs, tx, bar))
    };
    let mut source = ChannelSource { rx, manifest: None };
    // The manifest first: its total sizes the progress bar.
    let loaded = match source.rx.recv().await {
        Some(Msg::Manifest(m)) => {
            bar.set_length(m.tables.iter().map(|t| t.rows).sum());
            source.manifest = Some(*m);
            store.load(&mut source).await
        }
        Some(Msg::Failed(e)) => Err(StoreError::Other(e)),
        _ => Err(StoreError::Other(format!(
            "{} is not an Accord backup",
            from.display()
        ))),
    };
    drop(source.rx);
    let written = reader.join().unwrap_or_default();
    bar.finish_and_clear();
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            remove_blobs(&written);
            return Err(store_failure(e));
        }
    };
    let manifest = source.manifest.expect("a manifest was read");
    let expected: TableCounts = manifest
        .tables
        .iter()
        .map(|t| (t.name.clone(), t.rows))
        .collect();
    check_counts(
        &expected,
        &loaded,
        &store.table_counts().await.map_err(store_failure)?,
    )?;
    check_blobs(&data_dir.join("blobs"), &manifest.blobs)?;
    Ok((
        Summary {
            rows: expected.values().sum(),
            tables: expected.len(),
            blobs: manifest.blobs.len(),
        },
        manifest,
    ))
}

fn refuse_non_empty(counts: &TableCounts) -> Result<(), Failure> {
    if accord_store::portable::is_empty(counts) {
        return Ok(());
    }
    let full: Vec<String> = counts
        .iter()
        .filter(|(t, n)| {
            **n > 0 && !accord_store::portable::SEEDED_BY_MIGRATIONS.contains(&t.as_str())
        })
        .map(|(t, n)| format!("{t} ({n})"))
        .take(5)
        .collect();
    Err((
        exit::NOT_EMPTY,
        format!(
            "the target store is not empty (rows in {}…): restore and copy only fill an empty store",
            full.join(", ")
        ),
    ))
}

/// Every table's count as read from the source, as loaded, and as the
/// target now holds.
fn check_counts(
    expected: &TableCounts,
    loaded: &TableCounts,
    now: &TableCounts,
) -> Result<(), Failure> {
    for (t, n) in expected {
        let l = loaded.get(t).copied().unwrap_or_default();
        let h = now.get(t).copied().unwrap_or_default();
        if l != *n || h != *n {
            return Err(failed(format!(
                "verification failed: {t} has {h} rows in the target, the source had {n}"
            )));
        }
    }
    if let Some((t, _)) = now
        .iter()
        .find(|(t, n)| **n > 0 && !expected.contains_key(*t))
    {
        return Err(failed(format!(
            "verification failed: {t} has rows the source did not"
        )));
    }
    Ok(())
}

/// Every file is in the target's blob directory and hashes to its name.
fn check_blobs(blobs: &Path, expected: &[BlobEntry]) -> Result<(), Failure> {
    for b in expected {
        let (sha, size) = hash_file(&blob_path(blobs, &b.sha256))?;
        if sha != b.sha256 || size != b.size {
            return Err(failed(format!(
                "verification failed: the file {} hashes to {sha} in the target",
                b.sha256
            )));
        }
    }
    Ok(())
}

// ---- copy -------------------------------------------------------------------

struct SendSink {
    tx: tokio::sync::mpsc::Sender<Option<Item>>,
    bar: ProgressBar,
}

#[async_trait::async_trait]
impl DumpSink for SendSink {
    async fn put(&mut self, item: Item) -> Result<(), StoreError> {
        if matches!(item, Item::Row(_)) {
            self.bar.inc(1);
        } else if let Item::Table(t) = &item {
            self.bar.set_message(t.name.clone());
        }
        self.tx
            .send(Some(item))
            .await
            .map_err(|_| StoreError::Other("the target stopped taking rows".into()))
    }
}

/// Passes the source's rows on, counting them; once the dump is over
/// (`None` sent), copies the files before the target commits.
struct CopySource {
    rx: tokio::sync::mpsc::Receiver<Option<Item>>,
    counts: TableCounts,
    table: Option<String>,
    from_blobs: PathBuf,
    to_blobs: PathBuf,
    blobs: Vec<BlobEntry>,
    written: Vec<PathBuf>,
}

#[async_trait::async_trait]
impl LoadSource for CopySource {
    async fn next(&mut self) -> Result<Option<Item>, StoreError> {
        match self.rx.recv().await {
            Some(Some(item)) => {
                match &item {
                    Item::Table(t) => {
                        self.counts.insert(t.name.clone(), 0);
                        self.table = Some(t.name.clone());
                    }
                    Item::Row(_) => {
                        if let Some(n) = self.table.as_ref().and_then(|t| self.counts.get_mut(t)) {
                            *n += 1;
                        }
                    }
                    Item::Schema { .. } => {}
                }
                Ok(Some(item))
            }
            Some(None) => {
                let (from, to) = (self.from_blobs.clone(), self.to_blobs.clone());
                let copied = tokio::task::spawn_blocking(move || copy_blobs(&from, &to))
                    .await
                    .map_err(|e| StoreError::Other(e.to_string()))?;
                let (blobs, written) = copied.map_err(StoreError::Other)?;
                self.blobs = blobs;
                self.written = written;
                Ok(None)
            }
            None => Err(StoreError::Other("the source's dump stopped".into())),
        }
    }
}

type Copied = (Vec<BlobEntry>, Vec<PathBuf>);

fn copy_blobs(from: &Path, to: &Path) -> Result<Copied, String> {
    let blobs = list_blobs(from).map_err(|(_, m)| m)?;
    let mut written = vec![];
    for b in &blobs {
        let mut f = std::fs::File::open(blob_path(from, &b.sha256))
            .map_err(|e| format!("cannot read the file {}: {e}", b.sha256));
        let r = f
            .as_mut()
            .map_err(|e| e.clone())
            .and_then(|f| put_blob(to, &b.sha256, f));
        match r {
            Ok(Some(p)) => written.push(p),
            Ok(None) => {}
            Err(e) => {
                remove_blobs(&written);
                return Err(e);
            }
        }
    }
    Ok((blobs, written))
}

/// `accord copy`: one store and its files into another, empty one.
pub async fn copy(
    from: Arc<dyn Store>,
    from_data: &Path,
    to: Arc<dyn Store>,
    to_data: &Path,
) -> Result<Summary, Failure> {
    refuse_non_empty(&to.table_counts().await.map_err(store_failure)?)?;
    let estimate: u64 = from
        .table_counts()
        .await
        .map_err(store_failure)?
        .values()
        .sum();
    let (tx, rx) = tokio::sync::mpsc::channel(4096);
    let mut sink = SendSink {
        tx,
        bar: progress(estimate, "copying"),
    };
    let mut source = CopySource {
        rx,
        counts: TableCounts::new(),
        table: None,
        from_blobs: from_data.join("blobs"),
        to_blobs: to_data.join("blobs"),
        blobs: vec![],
        written: vec![],
    };
    let dump = async {
        let r = from.dump(&mut sink).await;
        if r.is_ok() {
            let _ = sink.tx.send(None).await;
        }
        drop(sink.tx);
        sink.bar.finish_and_clear();
        r
    };
    let (dumped, loaded) = tokio::join!(dump, to.load(&mut source));
    let loaded = match (dumped, loaded) {
        (Ok(()), Ok(l)) => l,
        (Err(e), _) | (Ok(()), Err(e)) => {
            remove_blobs(&source.written);
            return Err(store_failure(e));
        }
    };
    check_counts(
        &source.counts,
        &loaded,
        &to.table_counts().await.map_err(store_failure)?,
    )?;
    check_blobs(&source.to_blobs, &source.blobs)?;
    Ok(Summary {
        rows: source.counts.values().sum(),
        tables: source.counts.len(),
        blobs: source.blobs.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_are_listed_by_their_hash_and_damage_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = dir.path().join("blobs");
        let sha = hex(&Sha256::digest(b"hello"));
        let wrote = put_blob(&blobs, &sha, &mut &b"hello"[..]).unwrap();
        assert_eq!(wrote, Some(blob_path(&blobs, &sha)));
        assert_eq!(put_blob(&blobs, &sha, &mut &b"hello"[..]).unwrap(), None);
        // A half-written upload is not a file.
        std::fs::write(blob_path(&blobs, &sha).with_file_name(".upload-x"), b"x").unwrap();
        assert_eq!(
            list_blobs(&blobs).unwrap(),
            vec![BlobEntry {
                sha256: sha.clone(),
                size: 5
            }]
        );
        // Bytes that do not hash to the name are refused and not kept.
        let other = hex(&Sha256::digest(b"other"));
        assert!(put_blob(&blobs, &other, &mut &b"not other"[..]).is_err());
        assert!(!blob_path(&blobs, &other).exists());
        std::fs::write(blob_path(&blobs, &sha), b"changed").unwrap();
        assert!(list_blobs(&blobs).is_err());
    }
}
