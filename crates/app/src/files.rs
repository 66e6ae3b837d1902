//! Files: kept by the SHA-256 of their bytes behind a blob-store trait (a
//! directory here; S3-compatible object storage in `accord-blobs-s3`), read
//! into text by `accord-ingest` — at once for small files, as a background
//! job for large ones, whose status the uploader sees on the item's page
//! (`pending`).

use crate::policy::{authorize, Action, Principal};
use crate::{App, AppError, Result};
use accord_domain::{
    language_flag, place_text, ItemKind, ItemText, Language, Slug, StoredFile, TextBlock,
    TextPlacement, TextStatus, ValidationError,
};
use accord_ingest::{Block, Extracted, IngestError, Limits};
use accord_store::IndexSubject;
use async_trait::async_trait;
pub use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;

/// The default largest upload: 50 MiB.
pub const DEFAULT_UPLOAD_LIMIT: u64 = 50 * 1024 * 1024;
/// Files up to this size are read while the upload waits; larger ones by a
/// background job.
pub const DEFAULT_INLINE_EXTRACTION: u64 = 2 * 1024 * 1024;

/// A blob's bytes, chunk by chunk, as they are read or arrive.
pub type ByteStream = Pin<Box<dyn Stream<Item = std::io::Result<Bytes>> + Send>>;

/// A blob opened for reading: its size and its bytes as a stream.
pub struct Blob {
    pub size: u64,
    pub bytes: ByteStream,
}

impl Blob {
    /// All of its bytes in memory (for the extractors, which read whole files).
    pub async fn read_all(mut self) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(usize::try_from(self.size).unwrap_or(0));
        while let Some(chunk) = self.bytes.next().await {
            out.extend_from_slice(&chunk?);
        }
        Ok(out)
    }
}

/// A blob as a store lists it: its name (the SHA-256 it is kept under) and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobInfo {
    pub sha256: String,
    pub size: u64,
}

/// Whether `s` is a lower-case hex SHA-256, the only name a blob has.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The error for bytes that do not hash to the name they were given.
pub fn hash_mismatch(expected: &str, got: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("the file {expected} hashes to {got}"),
    )
}

/// Where file bytes live, by the lower-case hex SHA-256 of their content.
/// Every store keeps a blob whole or not at all, and writes a name once.
#[async_trait]
pub trait BlobStore: Send + Sync {
    /// Where the blobs are, for messages and logs (never a secret).
    fn location(&self) -> String;

    /// Stores `bytes` under `sha256` unless the store holds it already
    /// (then nothing is read). The bytes are hashed as they stream: when
    /// they do not hash to `sha256` (or a chunk fails) nothing is kept and
    /// the error says so. Returns whether it wrote.
    async fn put_stream(&self, sha256: &str, bytes: ByteStream) -> std::io::Result<bool>;

    /// Stores bytes already in memory (an upload), as `put_stream` does.
    async fn put(&self, sha256: &str, bytes: Bytes) -> std::io::Result<bool> {
        self.put_stream(sha256, Box::pin(futures_util::stream::iter([Ok(bytes)])))
            .await
    }

    /// The blob kept under `sha256`, opened for reading; `None` when there
    /// is none (or the name is not a SHA-256).
    async fn open(&self, sha256: &str) -> std::io::Result<Option<Blob>>;

    /// Whether a blob is kept under `sha256`.
    async fn exists(&self, sha256: &str) -> std::io::Result<bool>;

    /// Every blob kept, by name (not hashed again: `verify` does that).
    async fn list(&self) -> std::io::Result<Vec<BlobInfo>>;

    /// Removes a blob (a failed restore's own writes); none there is no error.
    async fn remove(&self, sha256: &str) -> std::io::Result<()>;

    /// All of a blob's bytes in memory; `None` when there is none.
    async fn get(&self, sha256: &str) -> std::io::Result<Option<Vec<u8>>> {
        match self.open(sha256).await? {
            Some(blob) => blob.read_all().await.map(Some),
            None => Ok(None),
        }
    }

    /// Reads a blob through and hashes it: its SHA-256 and size as stored,
    /// `None` when there is none.
    async fn verify(&self, sha256: &str) -> std::io::Result<Option<BlobInfo>> {
        let Some(mut blob) = self.open(sha256).await? else {
            return Ok(None);
        };
        let mut h = Sha256::new();
        let mut size = 0u64;
        while let Some(chunk) = blob.bytes.next().await {
            let chunk = chunk?;
            size += chunk.len() as u64;
            h.update(&chunk);
        }
        Ok(Some(BlobInfo {
            sha256: hex(&h.finalize()),
            size,
        }))
    }
}

/// Blobs as files under a directory, `ab/cd/abcd…`, written whole or not at
/// all (a temporary file, synced, then renamed into place).
pub struct DirBlobStore {
    root: PathBuf,
}

impl DirBlobStore {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DirBlobStore { root: root.into() }
    }

    fn path(&self, sha256: &str) -> Option<PathBuf> {
        is_sha256(sha256).then(|| {
            self.root
                .join(&sha256[..2])
                .join(&sha256[2..4])
                .join(sha256)
        })
    }

    fn checked_path(&self, sha256: &str) -> std::io::Result<PathBuf> {
        self.path(sha256)
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a SHA-256"))
    }
}

/// Moves a synced temporary file into its content-addressed place.
fn install(tmp: &Path, path: &Path) -> std::io::Result<()> {
    std::fs::rename(tmp, path)?;
    if let Some(dir) = path.parent() {
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

#[async_trait]
impl BlobStore for DirBlobStore {
    fn location(&self) -> String {
        self.root.display().to_string()
    }

    async fn put_stream(&self, sha256: &str, mut bytes: ByteStream) -> std::io::Result<bool> {
        use tokio::io::AsyncWriteExt;
        let path = self.checked_path(sha256)?;
        if tokio::fs::try_exists(&path).await? {
            return Ok(false);
        }
        let dir = path
            .parent()
            .expect("a blob path has a parent")
            .to_path_buf();
        let (tmp, file) = tokio::task::spawn_blocking(move || {
            std::fs::create_dir_all(&dir)?;
            tempfile_in(&dir)
        })
        .await
        .map_err(std::io::Error::other)??;
        let written = async {
            let mut out = tokio::fs::File::from_std(file);
            let mut h = Sha256::new();
            while let Some(chunk) = bytes.next().await {
                let chunk = chunk?;
                h.update(&chunk);
                out.write_all(&chunk).await?;
            }
            let got = hex(&h.finalize());
            if got != sha256 {
                return Err(hash_mismatch(sha256, &got));
            }
            out.flush().await?;
            out.sync_all().await?;
            Ok(())
        }
        .await;
        let result = match written {
            Ok(()) => {
                let tmp = tmp.clone();
                tokio::task::spawn_blocking(move || install(&tmp, &path))
                    .await
                    .map_err(std::io::Error::other)?
            }
            Err(e) => Err(e),
        };
        if result.is_err() {
            let _ = tokio::fs::remove_file(&tmp).await;
        }
        result.map(|()| true)
    }

    async fn put(&self, sha256: &str, bytes: Bytes) -> std::io::Result<bool> {
        let path = self.checked_path(sha256)?;
        if tokio::fs::try_exists(&path).await? {
            return Ok(false);
        }
        let sha256 = sha256.to_owned();
        // The bytes are shared, not copied, with the blocking thread.
        tokio::task::spawn_blocking(move || -> std::io::Result<bool> {
            use std::io::Write;
            let got = sha256_hex(&bytes);
            if got != sha256 {
                return Err(hash_mismatch(&sha256, &got));
            }
            let dir = path.parent().expect("a blob path has a parent");
            std::fs::create_dir_all(dir)?;
            let (tmp, mut file) = tempfile_in(dir)?;
            let written = file
                .write_all(&bytes)
                .and_then(|()| file.sync_all())
                .and_then(|()| install(&tmp, &path));
            if written.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            written.map(|()| true)
        })
        .await
        .map_err(std::io::Error::other)?
    }

    async fn open(&self, sha256: &str) -> std::io::Result<Option<Blob>> {
        let Some(path) = self.path(sha256) else {
            return Ok(None);
        };
        match tokio::fs::File::open(&path).await {
            Ok(file) => {
                let size = file.metadata().await?.len();
                let bytes = tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024);
                Ok(Some(Blob {
                    size,
                    bytes: Box::pin(bytes),
                }))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn exists(&self, sha256: &str) -> std::io::Result<bool> {
        match self.path(sha256) {
            Some(path) => tokio::fs::try_exists(&path).await,
            None => Ok(false),
        }
    }

    async fn list(&self) -> std::io::Result<Vec<BlobInfo>> {
        let root = self.root.clone();
        tokio::task::spawn_blocking(move || list_dir(&root))
            .await
            .map_err(std::io::Error::other)?
    }

    async fn remove(&self, sha256: &str) -> std::io::Result<()> {
        let Some(path) = self.path(sha256) else {
            return Ok(());
        };
        match tokio::fs::remove_file(&path).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// The files under a blob directory (`ab/cd/abcd…`), by name, sorted;
/// half-written ones (`.upload-…`) and strays are not blobs.
fn list_dir(root: &Path) -> std::io::Result<Vec<BlobInfo>> {
    let read = |dir: &Path| -> std::io::Result<Vec<PathBuf>> {
        match std::fs::read_dir(dir) {
            Ok(entries) => {
                let mut v = entries
                    .map(|e| e.map(|e| e.path()))
                    .collect::<std::io::Result<Vec<_>>>()
                    .map_err(|e| {
                        std::io::Error::new(e.kind(), format!("{}: {e}", dir.display()))
                    })?;
                v.sort();
                Ok(v)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(vec![]),
            Err(e) => Err(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", dir.display()),
            )),
        }
    };
    let mut out = Vec::new();
    for a in read(root)? {
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
                if !is_sha256(name)
                    || f != root.join(&name[..2]).join(&name[2..4]).join(name)
                    || !f.is_file()
                {
                    continue;
                }
                let size = f.metadata()?.len();
                out.push(BlobInfo {
                    sha256: name.to_owned(),
                    size,
                });
            }
        }
    }
    Ok(out)
}

fn tempfile_in(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    for _ in 0..16 {
        let name = dir.join(format!(".upload-{}", crate::access::secret()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&name)
        {
            Ok(f) => return Ok((name, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("could not create a temporary file"))
}

/// A file as uploaded.
pub struct Upload {
    /// The name it was sent with (only its last part is kept).
    pub filename: String,
    pub bytes: Vec<u8>,
    /// The language the uploader says it is in; None: detect it.
    pub language: Option<Language>,
}

/// What happened to an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadOutcome {
    pub language: Language,
    pub status: TextStatus,
    pub file: StoredFile,
    /// Where its text went, with the language it looks like if not the declared one.
    pub stored: TextStored,
}

/// Where a text given for an item went, and what it looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextStored {
    /// `Beside`: typed text (or a file) stands in that language and stays
    /// shown until the secretariat chooses; this one is kept beside it.
    pub placement: TextPlacement,
    /// The language the text looks like, when it is not the declared one
    /// (flagged, not refused); `None` too while a file waits to be read.
    pub looks_like: Option<Language>,
}

/// Flags a text whose words look like another language than the one
/// declared (a detected language is never flagged: it is the detector's).
pub(crate) fn flag_language(text: &mut ItemText) {
    text.looks_like = if text.language_detected {
        None
    } else {
        let detected =
            accord_ingest::detect_language(&text.body).map(|d| (d.language, d.confidence));
        language_flag(text.language, &text.body, detected)
    };
}

/// Stores an item's text in its language where it goes (`place_text`):
/// as the version that stands, or beside the one standing from the other
/// source, with the choice between them open again.
pub(crate) async fn store_text(
    unit: &mut crate::Unit<'_>,
    kind: ItemKind,
    id: i64,
    text: &ItemText,
) -> Result<TextPlacement> {
    let standing = unit.tx.find_text(kind, id, text.language).await?;
    let placement = place_text(standing.as_ref().map(ItemText::source), text.source());
    match placement {
        TextPlacement::Stands => unit.tx.put_text(kind, id, text, unit.at).await?,
        TextPlacement::Beside => {
            unit.tx
                .put_other_version(kind, id, text, None, unit.at)
                .await?;
        }
    }
    Ok(placement)
}

/// A download: what to call the file, and its bytes as they are read from
/// the blob store (never all in memory).
pub struct Download {
    pub file: StoredFile,
    pub bytes: ByteStream,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("file", &self.file)
            .finish_non_exhaustive()
    }
}

impl Download {
    /// All of its bytes in memory (tests and small files).
    pub async fn read_all(self) -> std::io::Result<Vec<u8>> {
        Blob {
            size: self.file.size,
            bytes: self.bytes,
        }
        .read_all()
        .await
    }
}

/// The file name's last part, without control characters, at most 200 chars.
pub fn clean_filename(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*'))
        .take(200)
        .collect();
    let clean = clean.trim().trim_start_matches('.').to_owned();
    if clean.is_empty() {
        "file".into()
    } else {
        clean
    }
}

fn ingest_error(e: IngestError) -> AppError {
    match e {
        IngestError::Empty => ValidationError::Empty("file").into(),
        IngestError::TooLarge { size, limit } => {
            AppError::TooLarge(format!("the file is {size} bytes; the limit is {limit}"))
        }
        IngestError::Unsupported { what } => AppError::UnsupportedMedia(format!(
            "Accord reads PDF, DOCX, ODT, HTML, Markdown and plain text, not {what}"
        )),
        other => AppError::Unreadable {
            kind: other.kind(),
            message: other.to_string(),
        },
    }
}

/// The extraction as a text in `language` (or the detected one).
fn text_from(
    extracted: &Extracted,
    file: StoredFile,
    language: Option<Language>,
) -> std::result::Result<ItemText, AppError> {
    let (language, detected) = match (language, &extracted.language) {
        (Some(l), _) => (l, false),
        (None, Some(d)) => (d.language, true),
        (None, None) => {
            return Err(ValidationError::Invalid {
                what: "file language",
                value: file.filename.clone(),
                reason: "could not be detected: say which language the file is in",
            }
            .into())
        }
    };
    let body = extracted.text();
    // Only a declared language can be wrong.
    let looks_like = if detected {
        None
    } else {
        let found = extracted
            .language
            .as_ref()
            .map(|d| (d.language, d.confidence));
        language_flag(language, &body, found)
    };
    let blocks = extracted
        .blocks
        .iter()
        .map(|b| match b {
            Block::Heading { level, text } => TextBlock::Heading {
                level: *level,
                text: text.clone(),
            },
            Block::Paragraph { text } => TextBlock::Paragraph { text: text.clone() },
        })
        .collect();
    Ok(ItemText {
        language,
        body,
        blocks,
        file: Some(file),
        status: if extracted.complete {
            TextStatus::Ready
        } else {
            TextStatus::Partial
        },
        diagnostics: extracted
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect(),
        language_detected: detected,
        looks_like,
    })
}

/// Reads a file on the app's work pool: an upload's at once (refused as
/// busy when the pool's queue is full), a background job's when a worker is
/// free. The extractors check their deadline themselves; the timeout is the
/// backstop.
async fn extract_on(
    pool: &crate::pool::WorkPool,
    bytes: Bytes,
    filename: String,
    limits: Limits,
    background: bool,
) -> Result<std::result::Result<Extracted, IngestError>> {
    let budget = limits.max_duration;
    let work = move || accord_ingest::extract(&bytes, Some(&filename), &limits);
    let job = async {
        if background {
            pool.run_in_background(work).await
        } else {
            pool.run(work).await
        }
    };
    match tokio::time::timeout(budget + std::time::Duration::from_secs(5), job).await {
        Ok(Ok(result)) => Ok(result),
        Ok(Err(AppError::Busy(m))) => Err(AppError::Busy(m)),
        Ok(Err(_)) => Ok(Err(IngestError::Unreadable {
            format: accord_ingest::Format::Text,
            reason: "the extraction stopped unexpectedly".into(),
        })),
        Err(_) => Ok(Err(IngestError::TimedOut { after: budget })),
    }
}

impl App {
    /// Who may change the texts of an item: the secretariat of its process
    /// for documents; for statements also whoever may deliver them.
    async fn authorize_text(
        &self,
        p: &Principal,
        process: &Slug,
        kind: ItemKind,
        id: i64,
    ) -> Result<()> {
        match kind {
            ItemKind::Document => {
                self.store.get_document(process, id).await?;
                authorize(p, Action::EditProcess(process))
            }
            ItemKind::Statement => {
                let st = self.store.get_statement(process, id).await?;
                if authorize(p, Action::ManageConsultation(process)).is_ok() {
                    return Ok(());
                }
                let actor = self.store.get_actor(&st.actor).await?;
                authorize(
                    p,
                    Action::SpeakFor {
                        process,
                        actor: &actor.code,
                        kind: actor.kind,
                        designated: false,
                    },
                )
            }
            ItemKind::Input => Err(AppError::Forbidden(
                "an input's text is what its sender wrote".into(),
            )),
        }
    }

    /// Refuses, as the upload itself would, a principal who may not change
    /// this item's texts: checked before an upload's bytes are read.
    pub async fn authorize_texts(
        &self,
        p: &Principal,
        process: &str,
        kind: ItemKind,
        id: i64,
    ) -> Result<()> {
        let process = self.existing_process(process).await?;
        self.authorize_text(p, &process, kind, id).await
    }

    /// May `p` add or replace texts and files of this item?
    pub async fn may_change_texts(
        &self,
        p: &Principal,
        process: &str,
        kind: ItemKind,
        id: i64,
    ) -> bool {
        self.authorize_texts(p, process, kind, id).await.is_ok()
    }

    /// Stores a file as the text of a document or statement in a language,
    /// and reads it: at once when small, otherwise in a background job.
    pub async fn upload(
        &self,
        p: &Principal,
        process: &str,
        kind: ItemKind,
        id: i64,
        upload: Upload,
    ) -> Result<UploadOutcome> {
        let process = self.existing_process(process).await?;
        self.authorize_text(p, &process, kind, id).await?;
        let size = upload.bytes.len() as u64;
        if size > self.files.upload_limit {
            return Err(AppError::TooLarge(format!(
                "the file is {size} bytes; the limit is {}",
                self.files.upload_limit
            )));
        }
        let filename = clean_filename(&upload.filename);
        let (format, _) =
            accord_ingest::sniff(&upload.bytes, Some(&filename)).map_err(ingest_error)?;
        let sha256 = sha256_hex(&upload.bytes);
        // Shared from here on (the extraction and the blob store read the
        // same bytes; none is copied).
        let bytes = Bytes::from(upload.bytes);
        let file = StoredFile {
            sha256: sha256.clone(),
            size,
            content_type: format.content_type().to_owned(),
            filename,
        };
        let limits = self.files.limits.clone();
        let text = if size <= self.files.inline_extraction {
            let extracted = extract_on(
                &self.pool,
                bytes.clone(),
                file.filename.clone(),
                limits,
                false,
            )
            .await?
            .map_err(ingest_error)?;
            text_from(&extracted, file.clone(), upload.language)?
        } else {
            let Some(language) = upload.language else {
                return Err(AppError::BadRequest(format!(
                    "a file over {} bytes is read in the background: say which language it is in",
                    self.files.inline_extraction
                )));
            };
            ItemText {
                language,
                body: String::new(),
                blocks: vec![],
                file: Some(file.clone()),
                status: TextStatus::Pending,
                diagnostics: vec![],
                language_detected: false,
                looks_like: None,
            }
        };
        self.files
            .blobs
            .put(&sha256, bytes)
            .await
            .map_err(|e| AppError::Unavailable(format!("the file could not be stored: {e}")))?;
        let mut unit = self.unit(p).await?;
        unit.tx.insert_file(&file, unit.at).await?;
        let placement = store_text(&mut unit, kind, id, &text).await?;
        let mut targets = vec![
            format!("{kind}:{id}"),
            format!("language:{}", text.language),
            format!("file:{sha256}"),
        ];
        if placement == TextPlacement::Beside {
            targets.push("beside:typed".into());
        }
        targets.extend(text.looks_like.map(|l| format!("looks-like:{l}")));
        unit.audit("text.upload", Some(&process), targets).await?;
        if text.status != TextStatus::Pending {
            unit.index_changed(IndexSubject::Item {
                process: process.clone(),
                kind,
                id,
            });
        }
        unit.commit().await?;
        if text.status == TextStatus::Pending {
            self.spawn_extraction(kind, id, text.clone());
        } else {
            self.catch_up_index().await;
        }
        Ok(UploadOutcome {
            language: text.language,
            status: text.status,
            file,
            stored: TextStored {
                placement,
                looks_like: text.looks_like,
            },
        })
    }

    /// Reads a pending text's file in the background, then records what
    /// could be read (or why nothing could).
    fn spawn_extraction(&self, kind: ItemKind, id: i64, pending: ItemText) {
        let app = self.clone();
        let handle = tokio::spawn(async move {
            if let Err(e) = app.extract_pending(kind, id, pending).await {
                tracing::error!(%kind, id, error = %e, "background extraction failed");
            }
        });
        let mut jobs = self
            .files
            .jobs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        jobs.retain(|j| !j.is_finished());
        jobs.push(handle);
    }

    async fn extract_pending(&self, kind: ItemKind, id: i64, pending: ItemText) -> Result<()> {
        let Some(file) = pending.file.clone() else {
            return Ok(());
        };
        let bytes = Bytes::from(self.read_blob(&file).await?);
        let limits = self.files.limits.clone();
        let text = match extract_on(&self.pool, bytes, file.filename.clone(), limits, true).await? {
            Ok(extracted) => {
                let mut t = text_from(&extracted, file, Some(pending.language))?;
                t.language_detected = false;
                t
            }
            Err(e) => ItemText {
                status: TextStatus::Failed,
                diagnostics: vec![e.to_string()],
                ..pending.clone()
            },
        };
        let system = Principal::System("extraction job");
        let mut unit = self.unit(&system).await?;
        // The file's text stands, or is kept beside the typed one; either may
        // have been replaced while the job ran: then keep the newer one.
        let same_file = |t: &ItemText| {
            t.file.as_ref().map(|f| &f.sha256) == pending.file.as_ref().map(|f| &f.sha256)
        };
        let standing = unit.tx.find_text(kind, id, pending.language).await?;
        let other = unit
            .tx
            .find_other_version(kind, id, pending.language)
            .await?;
        if standing.as_ref().is_some_and(same_file) {
            unit.tx.put_text(kind, id, &text, unit.at).await?;
        } else if let Some(other) = other.filter(|o| same_file(&o.text)) {
            unit.tx
                .put_other_version(kind, id, &text, other.chosen.as_ref(), unit.at)
                .await?;
        } else {
            return Ok(());
        }
        unit.audit(
            "text.extract",
            None,
            vec![format!("{kind}:{id}"), format!("status:{}", text.status)],
        )
        .await?;
        if let Some(process) = self.store.item_process(kind, id).await? {
            unit.index_changed(IndexSubject::Item { process, kind, id });
        }
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(())
    }

    async fn read_blob(&self, file: &StoredFile) -> Result<Vec<u8>> {
        self.files
            .blobs
            .get(&file.sha256)
            .await
            .map_err(|e| AppError::Unavailable(e.to_string()))?
            .ok_or_else(|| AppError::Internal(format!("blob {} is missing", file.sha256)))
    }

    /// Starts the jobs for texts left pending (after a restart).
    pub async fn resume_extractions(&self) -> Result<usize> {
        let pending = self.store.list_pending_texts().await?;
        let n = pending.len();
        for (kind, id, text) in pending {
            self.spawn_extraction(kind, id, text);
        }
        Ok(n)
    }

    /// Waits for every background extraction started so far.
    pub async fn finish_extractions(&self) {
        loop {
            let jobs: Vec<_> = {
                let mut jobs = self
                    .files
                    .jobs
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                std::mem::take(&mut *jobs)
            };
            if jobs.is_empty() {
                return;
            }
            for j in jobs {
                let _ = j.await;
            }
        }
    }

    /// The file behind an item's text in a language, if the reader may see
    /// the item.
    pub async fn download(
        &self,
        p: &Principal,
        process: &str,
        kind: ItemKind,
        id: i64,
        language: Language,
    ) -> Result<Download> {
        let process = self.existing_process(process).await?;
        let now = self.now();
        let clearance = crate::policy::clearance(p, &process);
        let visible = match kind {
            ItemKind::Document => {
                let d = self.store.get_document(&process, id).await?;
                clearance.may_see(d.distribution, d.embargo_until, now)
            }
            ItemKind::Statement => {
                let s = self.store.get_statement(&process, id).await?;
                clearance.may_see(s.distribution, s.embargo_until, now)
            }
            ItemKind::Input => false,
        };
        let missing = || AppError::NotFound(format!("no {language} file for {kind} {id}"));
        if !visible {
            return Err(missing());
        }
        // The file in that language: the standing text's, or the version's
        // kept beside typed text (two versions come from two sources, so
        // there is at most one file in a language).
        let standing = self.store.list_texts(kind, id).await?.into_iter();
        let beside = self.store.list_other_versions(kind, id).await?.into_iter();
        let file = standing
            .chain(beside.map(|o| o.text))
            .filter(|t| t.language == language)
            .find_map(|t| t.file)
            .ok_or_else(missing)?;
        let blob = self
            .files
            .blobs
            .open(&file.sha256)
            .await
            .map_err(|e| AppError::Unavailable(e.to_string()))?
            .ok_or_else(|| AppError::Internal(format!("blob {} is missing", file.sha256)))?;
        Ok(Download {
            file,
            bytes: blob.bytes,
        })
    }

    /// The texts of a document, if the reader may see it.
    pub async fn document_texts(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
    ) -> Result<Vec<ItemText>> {
        let process = self.existing_process(process).await?;
        let d = self.store.get_document(&process, id).await?;
        if !crate::policy::clearance(p, &process).may_see(
            d.distribution,
            d.embargo_until,
            self.now(),
        ) {
            return Err(AppError::NotFound(format!("document {id} in '{process}'")));
        }
        Ok(self.store.list_texts(ItemKind::Document, id).await?)
    }
}

/// The file machinery an `App` holds.
pub(crate) struct Files {
    pub blobs: Arc<dyn BlobStore>,
    pub upload_limit: u64,
    pub inline_extraction: u64,
    pub limits: Limits,
    pub jobs: std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
}

impl Files {
    pub fn new(blobs: Arc<dyn BlobStore>) -> Self {
        Files {
            blobs,
            upload_limit: DEFAULT_UPLOAD_LIMIT,
            inline_extraction: DEFAULT_INLINE_EXTRACTION,
            limits: Limits {
                max_bytes: DEFAULT_UPLOAD_LIMIT,
                ..Limits::default()
            },
            jobs: std::sync::Mutex::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_their_last_part_only() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(
            clean_filename("C:\\\\Users\\\\x\\\\Statement (FR).pdf"),
            "Statement (FR).pdf"
        );
        assert_eq!(clean_filename("a\"b<c>\u{7}.docx"), "abc.docx");
        assert_eq!(clean_filename(".hidden"), "hidden");
        assert_eq!(clean_filename(""), "file");
    }

    #[tokio::test]
    async fn blobs_are_written_once_by_their_hash() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = DirBlobStore::new(dir.path());
        let sha = sha256_hex(b"one");
        assert!(blobs.put(&sha, Bytes::from_static(b"one")).await.unwrap());
        assert!(!blobs.put(&sha, Bytes::from_static(b"one")).await.unwrap());
        assert_eq!(blobs.get(&sha).await.unwrap().unwrap(), b"one");
        assert_eq!(blobs.get(&"b".repeat(64)).await.unwrap(), None);
        assert!(blobs
            .put("../../x", Bytes::from_static(b"x"))
            .await
            .is_err());
        assert_eq!(blobs.get("../x").await.unwrap(), None);
        // Bytes that do not hash to the name are refused and not kept.
        let other = sha256_hex(b"other");
        let err = blobs
            .put(&other, Bytes::from_static(b"not other"))
            .await
            .unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
        assert!(!blobs.exists(&other).await.unwrap());
    }
}
