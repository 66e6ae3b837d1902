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
//! that names it is committed). The files are read from, and restored or
//! copied into, whichever blob store is named (`--blobs`: a directory or
//! object storage), streamed through and hashed on the way. `copy` streams the source's dump into the
//! target's load directly (no file), copying the files after the rows have
//! been read and before the target commits.

use crate::exit;
use accord_app::files::{is_sha256, BlobStore, ByteStream, Bytes};
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

/// Every blob the store holds, by SHA-256 and size.
async fn list_blobs(blobs: &dyn BlobStore) -> Result<Vec<BlobEntry>, Failure> {
    let listed = blobs.list().await.map_err(|e| {
        failed(format!(
            "cannot list the files in {}: {e}",
            blobs.location()
        ))
    })?;
    Ok(listed
        .into_iter()
        .map(|b| BlobEntry {
            sha256: b.sha256,
            size: b.size,
        })
        .collect())
}

/// A blob's stream read synchronously (on a blocking thread: the tar
/// writer's), hashed as it goes: its end is an error unless the bytes had
/// the size and SHA-256 the blob is listed with.
struct BlobReader {
    rt: tokio::runtime::Handle,
    stream: ByteStream,
    chunk: Bytes,
    hash: Sha256,
    read: u64,
    sha256: String,
    size: u64,
}

impl BlobReader {
    fn new(rt: tokio::runtime::Handle, stream: ByteStream, b: &BlobEntry) -> Self {
        BlobReader {
            rt,
            stream,
            chunk: Bytes::new(),
            hash: Sha256::new(),
            read: 0,
            sha256: b.sha256.clone(),
            size: b.size,
        }
    }
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use futures_util::StreamExt;
        while self.chunk.is_empty() {
            match self.rt.block_on(self.stream.next()) {
                Some(chunk) => {
                    let chunk = chunk?;
                    self.hash.update(&chunk);
                    self.read += chunk.len() as u64;
                    self.chunk = chunk;
                }
                None => {
                    let got = hex(&self.hash.clone().finalize());
                    if got != self.sha256 || self.read != self.size {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            format!(
                                "the file {} does not hash to its name (it has {got}, {} bytes): the files are damaged",
                                self.sha256, self.read
                            ),
                        ));
                    }
                    return Ok(0);
                }
            }
            if self.read > self.size {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "the file {} is longer than the {} bytes listed: the files are damaged",
                        self.sha256, self.size
                    ),
                ));
            }
        }
        let n = buf.len().min(self.chunk.len());
        buf[..n].copy_from_slice(&self.chunk.split_to(n));
        Ok(n)
    }
}

/// Stores what `reader` yields under `sha` in `blobs` (from a blocking
/// thread: the restore's reader), unless it holds it already; the store
/// checks the bytes hash to `sha`. Returns whether it wrote.
fn put_blob(
    rt: &tokio::runtime::Handle,
    blobs: &Arc<dyn BlobStore>,
    sha: &str,
    reader: &mut dyn Read,
) -> Result<bool, String> {
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(4);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let task = {
        let (blobs, sha) = (blobs.clone(), sha.to_owned());
        rt.spawn(async move { blobs.put_stream(&sha, Box::pin(stream)).await })
    };
    let mut buf = vec![0; 256 * 1024];
    loop {
        let item = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => Ok(Bytes::copy_from_slice(&buf[..n])),
            Err(e) => Err(std::io::Error::new(
                e.kind(),
                format!("cannot read the file {sha}: {e}"),
            )),
        };
        let failed = item.is_err();
        // The store stops reading when it holds the file already (or failed).
        if tx.blocking_send(item).is_err() || failed {
            break;
        }
    }
    drop(tx);
    match rt.block_on(task) {
        Ok(Ok(wrote)) => Ok(wrote),
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
            Err(format!("{e}: the backup is damaged"))
        }
        Ok(Err(e)) => Err(format!("cannot store the file {sha}: {e}")),
        Err(e) => Err(format!("cannot store the file {sha}: {e}")),
    }
}

/// Removes the blobs a failed restore or copy wrote.
async fn remove_blobs(blobs: &dyn BlobStore, written: &[String]) {
    for sha in written {
        if let Err(e) = blobs.remove(sha).await {
            tracing::warn!(file = %sha, error = %e, "a file written before the failure stays");
        }
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
pub async fn backup(
    store: Arc<dyn Store>,
    blobs: Arc<dyn BlobStore>,
    to: &Path,
) -> Result<Summary, Failure> {
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
    let listed = list_blobs(blobs.as_ref()).await?;
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        accord_version: env!("CARGO_PKG_VERSION").into(),
        backend: store.backend().into(),
        created_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        migrations: sink.migrations.clone().unwrap_or_default(),
        tables: sink.tables.clone(),
        blobs: listed,
    };
    let partial = spool.path().join("backup.partial");
    let gzip = to
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".gz") || n.ends_with(".tgz"));
    let rt = tokio::runtime::Handle::current();
    let spooled = spool.path().to_path_buf();
    let (manifest, partial) = (Arc::new(manifest), Arc::new(partial));
    let (m, p) = (manifest.clone(), partial.clone());
    // On a blocking thread: the tar is written synchronously, and the files
    // are read from the blob store as they go into it.
    let write = move || -> std::io::Result<()> {
        let (manifest, partial) = (m, p);
        let file = BufWriter::new(std::fs::File::create(&*partial)?);
        let out: Box<dyn Write> = if gzip {
            Box::new(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::default(),
            ))
        } else {
            Box::new(file)
        };
        let mut tar = tar::Builder::new(out);
        let json = serde_json::to_vec_pretty(&*manifest).map_err(std::io::Error::other)?;
        append(&mut tar, "manifest.json", json.len() as u64, &json[..])?;
        for b in &manifest.blobs {
            let blob = rt.block_on(blobs.open(&b.sha256))?.ok_or_else(|| {
                std::io::Error::other(format!(
                    "the file {} is no longer in {}",
                    b.sha256,
                    blobs.location()
                ))
            })?;
            let reader = BlobReader::new(rt.clone(), blob.bytes, b);
            append(&mut tar, &format!("blobs/{}", b.sha256), b.size, reader)?;
        }
        for (i, t) in manifest.tables.iter().enumerate() {
            let path = spooled.join(format!("{:03}.jsonl", i + 1));
            let f = std::fs::File::open(&path)?;
            let size = f.metadata()?.len();
            append(&mut tar, &t.file, size, f)?;
        }
        let mut out = tar.into_inner()?;
        out.flush()?;
        drop(out);
        std::fs::File::open(&*partial)?.sync_all()
    };
    tokio::task::spawn_blocking(write)
        .await
        .map_err(|e| failed(format!("cannot write {}: {e}", to.display())))?
        .map_err(|e| failed(format!("cannot write {}: {e}", to.display())))?;
    std::fs::rename(&*partial, to)
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
    (rt, blobs): (tokio::runtime::Handle, Arc<dyn BlobStore>),
    tx: tokio::sync::mpsc::Sender<Msg>,
    bar: ProgressBar,
) -> Vec<String> {
    let mut written = vec![];
    if let Err(e) = read_backup_into(&file, (&rt, &blobs), &tx, &mut written, &bar) {
        let _ = tx.blocking_send(Msg::Failed(e));
    }
    written
}

fn read_backup_into(
    file: &Path,
    (rt, blobs): (&tokio::runtime::Handle, &Arc<dyn BlobStore>),
    tx: &tokio::sync::mpsc::Sender<Msg>,
    written: &mut Vec<String>,
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
            if put_blob(rt, blobs, sha, &mut entry)? {
                written.push(sha.to_owned());
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
    blobs: Arc<dyn BlobStore>,
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
        let (file, bar) = (from.to_path_buf(), bar.clone());
        let target = (tokio::runtime::Handle::current(), blobs.clone());
        std::thread::spawn(move || read_backup(file, target, tx, bar))
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
    // The reader blocks on the runtime: wait for it without holding a worker.
    let written = tokio::task::spawn_blocking(move || reader.join().unwrap_or_default())
        .await
        .unwrap_or_default();
    bar.finish_and_clear();
    let loaded = match loaded {
        Ok(l) => l,
        Err(e) => {
            remove_blobs(blobs.as_ref(), &written).await;
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
    check_blobs(blobs.as_ref(), &manifest.blobs).await?;
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

/// Every file is in the target's blob store and hashes to its name (each
/// is read through again).
async fn check_blobs(blobs: &dyn BlobStore, expected: &[BlobEntry]) -> Result<(), Failure> {
    for b in expected {
        let found = blobs.verify(&b.sha256).await.map_err(|e| {
            failed(format!(
                "verification failed: the file {} cannot be read in the target: {e}",
                b.sha256
            ))
        })?;
        let Some(found) = found else {
            return Err(failed(format!(
                "verification failed: the file {} is missing in the target",
                b.sha256
            )));
        };
        if found.sha256 != b.sha256 || found.size != b.size {
            return Err(failed(format!(
                "verification failed: the file {} hashes to {} in the target",
                b.sha256, found.sha256
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
    from_blobs: Arc<dyn BlobStore>,
    to_blobs: Arc<dyn BlobStore>,
    blobs: Vec<BlobEntry>,
    written: Vec<String>,
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
                let (blobs, written) = copy_blobs(self.from_blobs.as_ref(), self.to_blobs.as_ref())
                    .await
                    .map_err(StoreError::Other)?;
                self.blobs = blobs;
                self.written = written;
                Ok(None)
            }
            None => Err(StoreError::Other("the source's dump stopped".into())),
        }
    }
}

type Copied = (Vec<BlobEntry>, Vec<String>);

/// Streams every blob of `from` into `to` (which checks each hashes to its
/// name); on a failure, removes the ones it wrote.
async fn copy_blobs(from: &dyn BlobStore, to: &dyn BlobStore) -> Result<Copied, String> {
    let blobs = list_blobs(from).await.map_err(|(_, m)| m)?;
    let mut written = vec![];
    for b in &blobs {
        let copied = match from.open(&b.sha256).await {
            Ok(Some(blob)) => to.put_stream(&b.sha256, blob.bytes).await.map_err(|e| {
                format!(
                    "cannot copy the file {} from {} to {}: {e}",
                    b.sha256,
                    from.location(),
                    to.location()
                )
            }),
            Ok(None) => Err(format!(
                "the file {} is no longer in {}",
                b.sha256,
                from.location()
            )),
            Err(e) => Err(format!("cannot read the file {}: {e}", b.sha256)),
        };
        match copied {
            Ok(true) => written.push(b.sha256.clone()),
            Ok(false) => {}
            Err(e) => {
                remove_blobs(to, &written).await;
                return Err(e);
            }
        }
    }
    Ok((blobs, written))
}

/// `accord copy`: one store and its files into another, empty one.
pub async fn copy(
    (from, from_blobs): (Arc<dyn Store>, Arc<dyn BlobStore>),
    (to, to_blobs): (Arc<dyn Store>, Arc<dyn BlobStore>),
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
        from_blobs,
        to_blobs,
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
            remove_blobs(source.to_blobs.as_ref(), &source.written).await;
            return Err(store_failure(e));
        }
    };
    check_counts(
        &source.counts,
        &loaded,
        &to.table_counts().await.map_err(store_failure)?,
    )?;
    check_blobs(source.to_blobs.as_ref(), &source.blobs).await?;
    Ok(Summary {
        rows: source.counts.values().sum(),
        tables: source.counts.len(),
        blobs: source.blobs.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_app::files::{sha256_hex, DirBlobStore};

    fn entry(bytes: &[u8]) -> BlobEntry {
        BlobEntry {
            sha256: sha256_hex(bytes),
            size: bytes.len() as u64,
        }
    }

    fn chunks(parts: &[&'static [u8]]) -> ByteStream {
        let parts: Vec<_> = parts.iter().map(|p| Ok(Bytes::from_static(p))).collect();
        Box::pin(futures_util::stream::iter(parts))
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_blob_read_into_a_backup_is_hashed_on_the_way() {
        let rt = tokio::runtime::Handle::current();
        let read = move |stream: ByteStream, listed: BlobEntry| {
            let rt = rt.clone();
            std::thread::spawn(move || {
                let mut out = vec![];
                BlobReader::new(rt, stream, &listed)
                    .read_to_end(&mut out)
                    .map(|_| out)
            })
            .join()
            .unwrap()
        };
        let hello = entry(b"hello");
        assert_eq!(
            read(chunks(&[b"he", b"llo"]), hello.clone()).unwrap(),
            b"hello"
        );
        let e = read(chunks(&[b"jello"]), hello.clone()).unwrap_err();
        assert!(e.to_string().contains("the files are damaged"), "{e}");
        let e = read(chunks(&[b"hello", b" and more"]), hello).unwrap_err();
        assert!(e.to_string().contains("the files are damaged"), "{e}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_restored_blob_is_written_once_and_only_if_it_hashes_to_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let blobs: Arc<dyn BlobStore> = Arc::new(DirBlobStore::new(dir.path()));
        let rt = tokio::runtime::Handle::current();
        let put = move |sha: String, bytes: &'static [u8]| {
            let (rt, blobs) = (rt.clone(), blobs.clone());
            std::thread::spawn(move || put_blob(&rt, &blobs, &sha, &mut &bytes[..]))
                .join()
                .unwrap()
        };
        let hello = sha256_hex(b"hello");
        assert_eq!(put(hello.clone(), b"hello"), Ok(true));
        assert_eq!(put(hello.clone(), b"hello"), Ok(false));
        let other = sha256_hex(b"other");
        let e = put(other.clone(), b"not other").unwrap_err();
        assert!(e.ends_with("the backup is damaged"), "{e}");
        let store = DirBlobStore::new(dir.path());
        assert!(!store.exists(&other).await.unwrap());
        assert_eq!(
            list_blobs(&store).await.unwrap(),
            vec![BlobEntry {
                sha256: hello,
                size: 5
            }]
        );
    }
}
