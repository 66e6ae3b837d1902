//! `accord`: the command line for operators.

use accord_app::{App, Principal};
use accord_demo::{Demo, LoadDemo, LoadReport};
use accord_domain::{ActorCode, Role, RoleGrant, Slug};
use clap::{Parser, Subcommand};
use database::{open_store, DatabaseTarget, OpenError, DEFAULT_DATABASE_URL};
use std::future::IntoFuture;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

mod backup;
mod blobs;
mod database;
mod import;
mod logs;

/// Exit codes, documented in README.md.
mod exit {
    /// The database URL (or the blob store's, `--blobs`) is malformed or
    /// names an unsupported scheme.
    pub const BAD_DATABASE_URL: u8 = 3;
    /// The database (or the blob store) could not be opened or reached.
    pub const DATABASE_UNAVAILABLE: u8 = 4;
    /// The command failed for another reason (e.g. the address is taken).
    pub const FAILED: u8 = 1;
    /// The input was refused by a rule (e.g. a malformed e-mail address).
    pub const INVALID: u8 = 5;
    /// The audit log's hash chain is broken.
    pub const AUDIT_BROKEN: u8 = 6;
    pub const SOME_ROWS_REFUSED: u8 = 7;
    /// `restore` or `copy` was given a store that already holds data.
    pub const NOT_EMPTY: u8 = 8;
}

#[derive(Parser)]
#[command(
    name = "accord",
    version,
    about = "Run intergovernmental processes: consultation, stocktaking, negotiation, adoption."
)]
struct Cli {
    /// How the log (on standard error) is written: `text` for people, or
    /// `json`, one object per line, with each request's `id` (echoed to the
    /// caller in `X-Request-Id`), method and route.
    #[arg(
        long,
        global = true,
        env = "ACCORD_LOG_FORMAT",
        value_enum,
        default_value = "text"
    )]
    log_format: logs::LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct DatabaseArg {
    /// sqlite://PATH or postgres://USER@HOST/DB
    #[arg(long, env = "ACCORD_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
    /// Where uploaded files (`blobs/`) and the search index (`search/`)
    /// are kept (default: beside the SQLite file; `./accord-data` with
    /// PostgreSQL).
    #[arg(long, env = "ACCORD_DATA_DIR")]
    data_dir: Option<std::path::PathBuf>,
    /// Where uploaded files are kept (by SHA-256): a directory (default:
    /// the data directory's `blobs/`) or S3-compatible object storage,
    /// s3://BUCKET/PREFIX. Its credentials and endpoint come from the
    /// environment, never the URL: AWS_ACCESS_KEY_ID,
    /// AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), AWS_REGION,
    /// AWS_ENDPOINT_URL for a server other than Amazon's (plain http://
    /// only on this machine, or with AWS_ALLOW_HTTP=true).
    #[arg(long, env = "ACCORD_BLOBS", value_name = "DIR|s3://BUCKET/PREFIX")]
    blobs: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal and the JSON API.
    ///
    /// Memory freed is given back to the system at once: the server runs with
    /// MIMALLOC_PURGE_DELAY=0 and MIMALLOC_ARENA_EAGER_COMMIT=0 unless they are
    /// set (it starts itself again with them).
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        #[command(flatten)]
        db: DatabaseArg,
        /// Load the GCM demo process first (idempotent).
        #[arg(long)]
        demo: bool,
        /// Readers reach Accord over HTTPS (e.g. behind a TLS-terminating
        /// proxy): every cookie is marked Secure and HSTS is sent.
        #[arg(long, env = "ACCORD_SECURE_COOKIES")]
        secure_cookies: bool,
        /// The largest file an upload may carry, in MiB (every request body
        /// is bounded by it; forms and JSON by 2 MB).
        #[arg(long, env = "ACCORD_UPLOAD_LIMIT_MB", default_value_t = 50)]
        upload_limit_mb: u64,
        /// A reverse proxy (address or network, e.g. 10.0.0.0/8) whose
        /// X-Forwarded-For names the client; repeat for several. Without
        /// one, the client is the socket's peer.
        #[arg(long = "trusted-proxy", value_name = "CIDR", value_parser = parse_cidr)]
        trusted_proxies: Vec<accord_web::client::Cidr>,
        /// Written inputs one client address may send in an hour (the
        /// process's secretariat is not limited).
        #[arg(long, env = "ACCORD_INPUTS_PER_HOUR", default_value_t = 30)]
        inputs_per_hour: usize,
        /// Accreditation applications one client address may send in an hour.
        #[arg(long, env = "ACCORD_APPLICATIONS_PER_HOUR", default_value_t = 5)]
        applications_per_hour: usize,
        /// Failed sign-ins to accounts that do not exist one client address
        /// may make in 15 minutes (known accounts back off on their own).
        #[arg(
            long,
            env = "ACCORD_UNKNOWN_SIGN_INS_PER_ADDRESS",
            default_value_t = 100
        )]
        unknown_sign_ins_per_address: usize,
        /// On SIGTERM or Ctrl-C the server stops accepting connections, ends
        /// live event streams and lets the requests under way finish; after
        /// this many seconds it exits even if some have not.
        #[arg(
            long,
            env = "ACCORD_SHUTDOWN_GRACE",
            default_value_t = 10,
            value_name = "SECONDS"
        )]
        shutdown_grace: u64,
        /// How long a server holds a background job (an analysis) without
        /// renewing it: a server killed in the middle of one leaves it to
        /// another after this many seconds (renewed every third of it).
        #[arg(
            long,
            env = "ACCORD_JOB_LEASE",
            default_value_t = 30,
            value_name = "SECONDS"
        )]
        job_lease: u64,
    },
    /// Load a demo into the store (idempotent: a second run changes nothing):
    /// `gcm`, the Global Compact for Migration, 2016–2018 (real metadata
    /// only); or `synthetic`, generated inputs in the six languages, labelled
    /// synthetic wherever they appear.
    Demo {
        /// `gcm` or `synthetic`.
        #[arg(value_parser = parse_demo_name)]
        which: DemoName,
        /// For `synthetic`: how many inputs.
        #[arg(long, default_value_t = 1000)]
        inputs: u64,
        /// For `synthetic`: the seed (the same seed gives the same inputs).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// For `synthetic`: the process the inputs go to (loaded from the
        /// GCM demo when it is `gcm` and missing).
        #[arg(long, default_value = "gcm")]
        process: String,
        /// For `synthetic`: write the inputs to this JSON Lines file (for
        /// `accord import inputs`) and their ground truth (the campaign and
        /// theme of each) beside it, instead of storing them.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
        #[command(flatten)]
        db: DatabaseArg,
    },
    /// Import data from files.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Analyse a process's inputs and statements for the stocktaking:
    /// campaigns (near-duplicates), a theme for each item, clusters with key
    /// phrases. The results are derived: a new run replaces the last one,
    /// and the secretariat's theme labels are learned from.
    Analyse {
        #[arg(long, default_value = "gcm")]
        process: String,
        /// Estimated Jaccard similarity of word shingles from which two
        /// inputs are one campaign (0.3–0.99).
        #[arg(long, default_value_t = 0.7)]
        threshold: f64,
        /// The taxonomy whose themes are assigned (default:
        /// thematic-sessions, or the process's first).
        #[arg(long)]
        taxonomy: Option<String>,
        #[command(flatten)]
        db: DatabaseArg,
    },
    /// Rebuild the search index from the store (it is derived state), while
    /// servers run or not: records a rebuild in the store's outbox, which
    /// every server follows (each rebuilds its own index; a stopped one as
    /// it starts), then rebuilds the index of this data directory — unless a
    /// running server writes to it, which then rebuilds it itself.
    Reindex {
        #[command(flatten)]
        db: DatabaseArg,
    },
    /// Create or bring the store's schema up to date.
    Migrate {
        #[command(flatten)]
        db: DatabaseArg,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// API tokens for scripts without a browser.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Write the whole installation — every table's rows and the uploaded
    /// files — to one file, while the server runs (a consistent snapshot).
    /// A name ending in .gz or .tgz is compressed.
    Backup {
        /// The backup file to write (replaced once it is whole).
        #[arg(long)]
        to: std::path::PathBuf,
        #[command(flatten)]
        db: DatabaseArg,
    },
    /// Restore a backup into an empty store (SQLite or PostgreSQL, whichever
    /// it was made from), verify it and rebuild the search index.
    Restore {
        /// The backup file (`accord backup --to`).
        #[arg(long)]
        from: std::path::PathBuf,
        #[command(flatten)]
        db: DatabaseArg,
    },
    /// Copy a whole installation into another, empty store (e.g. from the
    /// embedded SQLite to PostgreSQL), verify it and rebuild the target's
    /// search index.
    Copy {
        /// The store to copy: sqlite://PATH or postgres://…
        #[arg(long)]
        from: String,
        /// The empty store to fill.
        #[arg(long)]
        to: String,
        /// The source's files (default: beside the SQLite file;
        /// `./accord-data` with PostgreSQL).
        #[arg(long)]
        from_data_dir: Option<std::path::PathBuf>,
        /// Where the target's files and search index go (default as for
        /// --from-data-dir).
        #[arg(long)]
        to_data_dir: Option<std::path::PathBuf>,
        /// The source's blob store, as `--blobs` (default: the source's
        /// data directory's `blobs/`).
        #[arg(long, value_name = "DIR|s3://BUCKET/PREFIX")]
        from_blobs: Option<String>,
        /// The target's blob store, as `--blobs` (default: the target's
        /// data directory's `blobs/`).
        #[arg(long, value_name = "DIR|s3://BUCKET/PREFIX")]
        to_blobs: Option<String>,
    },
    /// Check the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Make an API token for an account (the operator, on the server's
    /// machine); prints the secret once, for `Authorization: Bearer`.
    /// Scripts elsewhere sign in with `POST /api/v1/sessions` instead.
    Create {
        /// The account's e-mail address.
        #[arg(long)]
        email: String,
        /// What the token is for (shown on the account page).
        #[arg(long)]
        name: String,
        /// Days until it expires (1 to 366).
        #[arg(long, default_value_t = 90)]
        days: i64,
        #[command(flatten)]
        db: DatabaseArg,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account with one role. Without --process, a secretariat role
    /// covers every process (the first account is such a one).
    Add {
        #[arg(long)]
        email: String,
        /// secretariat, co_facilitator, delegate, un_entity_representative,
        /// stakeholder_representative
        #[arg(long)]
        role: String,
        /// The actor the account acts for (a delegate's state, e.g. MEX).
        #[arg(long)]
        actor: Option<String>,
        /// The process the role is held in (e.g. gcm).
        #[arg(long)]
        process: Option<String>,
        /// The person's name (defaults to the e-mail address).
        #[arg(long)]
        name: Option<String>,
        /// Read the password from the first line of standard input instead
        /// of generating one.
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        db: DatabaseArg,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Written inputs to a call for inputs, from a CSV or JSON Lines file
    /// (gzip accepted): columns external_id, text, language, author,
    /// organisation, country, synthetic. Rows already imported (by external
    /// id) change nothing; bad rows are reported with their line and the
    /// import goes on (exit code 7 when any was refused).
    Inputs {
        file: std::path::PathBuf,
        #[arg(long, default_value = "gcm")]
        process: String,
        #[arg(long)]
        consultation: String,
        /// The file's format (default: from its name).
        #[arg(long, value_enum)]
        format: Option<import::Format>,
        /// Mark every row synthetic (test data).
        #[arg(long)]
        synthetic: bool,
        #[command(flatten)]
        db: DatabaseArg,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the hash chain; report the first changed, removed or inserted entry.
    Verify {
        #[command(flatten)]
        db: DatabaseArg,
    },
}

#[derive(Clone)]
enum DemoName {
    Data(Demo),
    Synthetic,
}

fn parse_demo_name(s: &str) -> Result<DemoName, String> {
    match s {
        "synthetic" => Ok(DemoName::Synthetic),
        other => other
            .parse()
            .map(DemoName::Data)
            .map_err(|e: accord_app::AppError| format!("{e}, or synthetic")),
    }
}

/// mimalloc rather than the system's malloc: indexing (reindex, bulk imports)
/// allocates a great deal, and it is about a quarter faster with it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `demo synthetic --out FILE`: the inputs as JSON lines for `import inputs`,
/// and `FILE.truth.jsonl` with each input's campaign and theme.
fn write_synthetic(out: &std::path::Path, inputs: u64, seed: u64) -> Result<(), (u8, String)> {
    use accord_analysis::synthetic::THEMES;
    use std::io::Write;
    let fail = |e: std::io::Error| (exit::FAILED, format!("cannot write {}: {e}", out.display()));
    let truth_path = out.with_extension("truth.jsonl");
    let mut data = std::io::BufWriter::new(std::fs::File::create(out).map_err(fail)?);
    let mut truth = std::io::BufWriter::new(std::fs::File::create(&truth_path).map_err(fail)?);
    let started = Instant::now();
    let process: accord_domain::Slug = "gcm".parse().expect("a valid slug");
    for (i, x) in accord_demo::synthetic::corpus(inputs, seed).enumerate() {
        let input = accord_demo::synthetic::synthetic_input(&process, &x, i);
        let row = serde_json::json!({
            "external_id": input.external_id, "language": x.language, "text": input.text,
            "organisation": input.organisation, "country": input.country, "synthetic": true,
        });
        writeln!(data, "{row}").map_err(fail)?;
        let t = serde_json::json!({
            "external_id": x.external_id, "campaign": x.campaign, "theme": THEMES[x.theme].0,
        });
        writeln!(truth, "{t}").map_err(fail)?;
    }
    data.flush().map_err(fail)?;
    truth.flush().map_err(fail)?;
    println!(
        "{inputs} synthetic inputs (seed {seed}) written to {} and their ground truth to {}, in {:.1} s",
        out.display(),
        truth_path.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// mimalloc's settings for a server: memory freed is given back to the
/// system at once (`purge_delay` 0; by default a second later, and only when
/// the thread that freed it allocates again, so an idle server kept what its
/// start-up had used), and arenas are committed as they are used rather than
/// all at once. At rest after `serve --demo` that is about 45 MB instead of
/// 90 (`bench/memory.sh`). mimalloc reads its settings from the environment
/// as the process starts, before `main`, and setting them later takes an
/// `unsafe` call, which this workspace forbids: so `serve` starts itself
/// again, with the same arguments, once they are in its environment. Settings
/// an operator gave are kept as they are.
#[cfg(unix)]
fn with_server_allocator_settings() {
    use std::os::unix::process::CommandExt;
    const SETTINGS: [(&str, &str); 2] = [
        ("MIMALLOC_PURGE_DELAY", "0"),
        ("MIMALLOC_ARENA_EAGER_COMMIT", "0"),
    ];
    if SETTINGS
        .iter()
        .all(|(name, _)| std::env::var_os(name).is_some())
    {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut args = std::env::args_os();
    let arg0 = args.next().unwrap_or_else(|| exe.clone().into_os_string());
    let mut again = std::process::Command::new(&exe);
    again.arg0(arg0).args(args);
    for (name, value) in SETTINGS {
        if std::env::var_os(name).is_none() {
            again.env(name, value);
        }
    }
    // Only returns if the start failed: then this process serves as it is.
    let failed = again.exec();
    eprintln!("accord: serving with mimalloc's default settings ({failed})");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    #[cfg(unix)]
    if matches!(cli.command, Command::Serve { .. }) {
        with_server_allocator_settings();
    }
    let log = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ACCORD_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr);
    match cli.log_format {
        logs::LogFormat::Text => log.init(),
        logs::LogFormat::Json => log.with_ansi(false).event_format(logs::JsonLines).init(),
    }
    // CPU-bound work runs on the app's work pool (a worker per core); the
    // runtime's blocking threads (file IO) are bounded too, never one per
    // request.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(32)
        .enable_all()
        .build()
        .expect("tokio runtime");
    match runtime.block_on(run(cli.command, cli.log_format)) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, message)) => {
            eprintln!("accord: {message}");
            ExitCode::from(code)
        }
    }
}

type Failure = (u8, String);

fn parse_cidr(s: &str) -> Result<accord_web::client::Cidr, String> {
    s.parse()
}

/// The store a URL names and its data directory.
async fn open_raw(
    url: &str,
    data_dir: Option<&std::path::Path>,
) -> Result<(Arc<dyn accord_store::Store>, std::path::PathBuf), Failure> {
    let target = DatabaseTarget::parse(url).map_err(|e| (exit::BAD_DATABASE_URL, e.to_string()))?;
    let store = open_store(&target).await.map_err(|e| match e {
        OpenError::Url(e) => (exit::BAD_DATABASE_URL, e.to_string()),
        other => (
            exit::DATABASE_UNAVAILABLE,
            format!("{} ({})", other, target.display()),
        ),
    })?;
    let data = data_dir.map_or_else(|| target.default_data_dir(), std::path::Path::to_path_buf);
    Ok((store, data))
}

/// After a restore or copy: the audit chain verifies on the target, and
/// its search index is rebuilt from the rows.
async fn verify_and_reindex(
    store: Arc<dyn accord_store::Store>,
    data: std::path::PathBuf,
    blobs: Arc<dyn accord_app::files::BlobStore>,
) -> Result<(), Failure> {
    let app = App::new(store, blobs, data.join("search"));
    match app
        .verify_audit()
        .await
        .map_err(|e| (exit::FAILED, e.to_string()))?
    {
        Ok(n) => println!("audit log intact: {n} entries, each linked to the one before"),
        Err(broken) => {
            return Err((
                exit::AUDIT_BROKEN,
                format!("audit log broken in the target: {broken}"),
            ))
        }
    }
    let n = app
        .reindex()
        .await
        .map_err(|e| (exit::FAILED, format!("the search index: {e}")))?;
    println!("search index rebuilt: {n} entries");
    Ok(())
}

async fn open(db: &DatabaseArg) -> Result<App, Failure> {
    open_checked(db, false).await
}

/// The app on the store and blob store `db` names; with `check_blobs`,
/// object storage is reached once first (a server should not start on a
/// bucket it cannot use).
async fn open_checked(db: &DatabaseArg, check_blobs: bool) -> Result<App, Failure> {
    let target =
        DatabaseTarget::parse(&db.database).map_err(|e| (exit::BAD_DATABASE_URL, e.to_string()))?;
    let store = open_store(&target).await.map_err(|e| match e {
        OpenError::Url(e) => (exit::BAD_DATABASE_URL, e.to_string()),
        other => (
            exit::DATABASE_UNAVAILABLE,
            format!("{} ({})", other, target.display()),
        ),
    })?;
    let data = db
        .data_dir
        .clone()
        .unwrap_or_else(|| target.default_data_dir());
    let blobs = blobs::open_blobs(db.blobs.as_deref(), &data, check_blobs).await?;
    Ok(App::new(store, blobs, data.join("search")))
}

/// `serve --demo` loads the demo as `accord demo gcm` would, in a child
/// process on the same store and data directory, before it opens the store
/// itself: the server never runs the loader, so its resident memory holds
/// neither the loader's code nor the demo's data (`bench/memory.sh`). The
/// child's report is logged; its failure stops the server with its message.
async fn load_demo_beside(db: &DatabaseArg, log_format: logs::LogFormat) -> Result<(), Failure> {
    let exe = std::env::current_exe().map_err(|e| {
        (
            exit::FAILED,
            format!("cannot find this program to load the demo: {e}"),
        )
    })?;
    let mut child = std::process::Command::new(exe);
    // Its log lines go where the server's go, in the same format.
    let format = clap::ValueEnum::to_possible_value(&log_format)
        .map_or_else(|| "text".to_owned(), |v| v.get_name().to_owned());
    child.args([
        "--log-format",
        format.as_str(),
        "demo",
        "gcm",
        "--database",
        &db.database,
    ]);
    if let Some(dir) = &db.data_dir {
        child.arg("--data-dir").arg(dir);
    }
    if let Some(blobs) = &db.blobs {
        child.args(["--blobs", blobs]);
    }
    child.stderr(std::process::Stdio::inherit());
    let out = tokio::task::spawn_blocking(move || child.output())
        .await
        .map_err(|e| (exit::FAILED, format!("loading the demo stopped: {e}")))?
        .map_err(|e| (exit::FAILED, format!("cannot start the demo's loader: {e}")))?;
    let report = String::from_utf8_lossy(&out.stdout);
    let report = report.split_whitespace().collect::<Vec<_>>().join(" ");
    if !out.status.success() {
        let code = out.status.code().and_then(|c| u8::try_from(c).ok());
        return Err((
            code.unwrap_or(exit::FAILED),
            format!("the demo could not be loaded ({})", out.status),
        ));
    }
    tracing::info!(%report, "demo loaded");
    Ok(())
}

fn print_report(report: &LoadReport) {
    println!("created:  {}", report.created);
    println!("existing: {}", report.existing);
}

async fn run(command: Command, log_format: logs::LogFormat) -> Result<(), Failure> {
    match command {
        Command::Analyse {
            process,
            threshold,
            taxonomy,
            db,
        } => {
            let app = open(&db).await?;
            let run = app
                .analyse(
                    &Principal::System("analyse"),
                    &process,
                    &accord_app::stocktaking::AnalysisOptions {
                        taxonomy,
                        threshold: Some(threshold),
                    },
                )
                .await
                .map_err(|e| match e {
                    accord_app::AppError::NotFound(m) | accord_app::AppError::BadRequest(m) => {
                        (exit::INVALID, m)
                    }
                    accord_app::AppError::Unavailable(m) => (exit::DATABASE_UNAVAILABLE, m),
                    other => (exit::FAILED, other.to_string()),
                })?;
            println!("{}", accord_app::stocktaking::describe_run(&run));
            Ok(())
        }
        Command::Reindex { db } => {
            let app = open(&db).await?;
            let started = Instant::now();
            match app.request_reindex().await {
                Ok(n) => {
                    println!(
                        "search index rebuilt: {n} entries in {:.1} s",
                        started.elapsed().as_secs_f64()
                    );
                    Ok(())
                }
                Err(accord_app::AppError::Busy(m)) => {
                    println!(
                        "rebuild requested: every server rebuilds its index; the one writing to this data directory's index rebuilds it ({m})"
                    );
                    Ok(())
                }
                Err(accord_app::AppError::Unavailable(m)) => Err((exit::DATABASE_UNAVAILABLE, m)),
                Err(other) => Err((exit::FAILED, other.to_string())),
            }
        }
        Command::Migrate { db } => {
            let app = open(&db).await?;
            println!("schema up to date ({})", app.backend());
            Ok(())
        }
        Command::Demo {
            which: DemoName::Data(which),
            db,
            ..
        } => {
            let app = open(&db).await?;
            let report = app
                .load_demo(which)
                .await
                .map_err(|e| (exit::FAILED, e.to_string()))?;
            print_report(&report);
            Ok(())
        }
        Command::Demo {
            which: DemoName::Synthetic,
            inputs,
            seed,
            out: Some(out),
            ..
        } => write_synthetic(&out, inputs, seed),
        Command::Import {
            command:
                ImportCommand::Inputs {
                    file,
                    process,
                    consultation,
                    format,
                    synthetic,
                    db,
                },
        } => {
            let app = open(&db).await?;
            let summary = import::import_inputs(
                &app,
                import::ImportArgs {
                    path: &file,
                    process: &process,
                    consultation: &consultation,
                    format,
                    synthetic,
                },
            )
            .await
            .map_err(|e| (exit::INVALID, e))?;
            if summary.refused > 0 {
                return Err((
                    exit::SOME_ROWS_REFUSED,
                    format!("{} rows were refused (see above)", summary.refused),
                ));
            }
            Ok(())
        }
        Command::Demo {
            which: DemoName::Synthetic,
            inputs,
            seed,
            process,
            db,
            out: None,
        } => {
            let app = open(&db).await?;
            if process == "gcm" && app.process("gcm").await.is_err() {
                app.load_demo(Demo::Gcm)
                    .await
                    .map_err(|e| (exit::FAILED, e.to_string()))?;
            }
            let started = Instant::now();
            let report = accord_demo::synthetic::generate_inputs(&app, &process, inputs, seed)
                .await
                .map_err(|e| match e {
                    accord_app::AppError::NotFound(m) => (exit::INVALID, m),
                    other => (exit::FAILED, other.to_string()),
                })?;
            println!(
                "{} synthetic inputs (seed {seed}) in the call for inputs '{}' of '{process}', in {:.1} s",
                report.inputs,
                report.consultation,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    role,
                    actor,
                    process,
                    name,
                    password_stdin,
                    db,
                },
        } => {
            let role: Role = role
                .parse()
                .map_err(|e: accord_domain::ValidationError| (exit::INVALID, e.to_string()))?;
            let invalid = |what: &str, e: accord_domain::ValidationError| {
                (exit::INVALID, format!("{what}: {e}"))
            };
            let grant = RoleGrant {
                role,
                actor: actor
                    .map(ActorCode::new)
                    .transpose()
                    .map_err(|e| invalid("--actor", e))?,
                process: process
                    .map(Slug::new)
                    .transpose()
                    .map_err(|e| invalid("--process", e))?,
            };
            let (password, generated) = if password_stdin {
                let mut line = String::new();
                std::io::stdin()
                    .read_line(&mut line)
                    .map_err(|e| (exit::FAILED, e.to_string()))?;
                (line.trim_end_matches(['\r', '\n']).to_owned(), false)
            } else {
                (accord_app::generate_password(), true)
            };
            let app = open(&db).await?;
            let name = name.unwrap_or_else(|| email.clone());
            let account = app
                .create_account(
                    &Principal::System("accord user add"),
                    &email,
                    &name,
                    &password,
                    &[grant],
                )
                .await
                .map_err(|e| (exit::INVALID, e.to_string()))?;
            println!(
                "created account {} ({}) with the role {}",
                account.id, account.email, role
            );
            if generated {
                println!("password: {password}");
                println!("(shown once; sign in and keep it safe)");
            }
            Ok(())
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    email,
                    name,
                    days,
                    db,
                },
        } => {
            let app = open(&db).await?;
            let token = app
                .create_api_token_for(
                    &Principal::System("accord token create"),
                    &email,
                    &name,
                    days,
                )
                .await
                .map_err(|e| (exit::INVALID, e.to_string()))?;
            println!("{}", token.secret);
            eprintln!(
                "token {} '{}' for {email}, until {} (shown once; send it as 'Authorization: Bearer …')",
                token.id,
                token.name,
                token.expires_at.format("%Y-%m-%d %H:%M UTC")
            );
            Ok(())
        }
        Command::Backup { to, db } => {
            let started = Instant::now();
            let (store, data) = open_raw(&db.database, db.data_dir.as_deref()).await?;
            let blobs = blobs::open_blobs(db.blobs.as_deref(), &data, true).await?;
            let s = backup::backup(store, blobs, &to).await?;
            println!(
                "backup written to {}: {} rows in {} tables, {} files, in {:.1} s",
                to.display(),
                s.rows,
                s.tables,
                s.blobs,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Restore { from, db } => {
            let started = Instant::now();
            let (store, data) = open_raw(&db.database, db.data_dir.as_deref()).await?;
            let blobs = blobs::open_blobs(db.blobs.as_deref(), &data, true).await?;
            let (s, manifest) = backup::restore(store.clone(), blobs.clone(), &from).await?;
            println!(
                "restored from {} (made by Accord {} on {}, {}): {} rows in {} tables, {} files, in {:.1} s; every count and file verified",
                from.display(),
                manifest.accord_version,
                manifest.backend,
                manifest.created_at,
                s.rows,
                s.tables,
                s.blobs,
                started.elapsed().as_secs_f64()
            );
            verify_and_reindex(store, data, blobs).await
        }
        Command::Copy {
            from,
            to,
            from_data_dir,
            to_data_dir,
            from_blobs,
            to_blobs,
        } => {
            let started = Instant::now();
            let (source, source_data) = open_raw(&from, from_data_dir.as_deref()).await?;
            let (target, target_data) = open_raw(&to, to_data_dir.as_deref()).await?;
            let source_blobs = blobs::open_blobs(from_blobs.as_deref(), &source_data, true).await?;
            let target_blobs = blobs::open_blobs(to_blobs.as_deref(), &target_data, true).await?;
            let s = backup::copy(
                (source, source_blobs),
                (target.clone(), target_blobs.clone()),
            )
            .await?;
            println!(
                "copied {} rows in {} tables and {} files, in {:.1} s; every count and file verified",
                s.rows,
                s.tables,
                s.blobs,
                started.elapsed().as_secs_f64()
            );
            verify_and_reindex(target, target_data, target_blobs).await
        }
        Command::Audit {
            command: AuditCommand::Verify { db },
        } => {
            let app = open(&db).await?;
            match app
                .verify_audit()
                .await
                .map_err(|e| (exit::FAILED, e.to_string()))?
            {
                Ok(n) => {
                    println!("audit log intact: {n} entries, each linked to the one before");
                    Ok(())
                }
                Err(broken) => Err((exit::AUDIT_BROKEN, format!("audit log broken: {broken}"))),
            }
        }
        Command::Serve {
            addr,
            db,
            demo,
            secure_cookies,
            upload_limit_mb,
            trusted_proxies,
            inputs_per_hour,
            applications_per_hour,
            unknown_sign_ins_per_address,
            shutdown_grace,
            job_lease,
        } => {
            let started = Instant::now();
            if demo {
                load_demo_beside(&db, log_format).await?;
            }
            let app = open_checked(&db, true)
                .await?
                .with_upload_limits(
                    upload_limit_mb.saturating_mul(1024 * 1024),
                    accord_app::files::DEFAULT_INLINE_EXTRACTION,
                )
                .with_abuse_limits(accord_app::AbuseLimits {
                    inputs_per_hour,
                    applications_per_hour,
                    unknown_sign_ins_per_address,
                })
                .with_job_lease(std::time::Duration::from_secs(job_lease));
            let interrupted = app
                .recover_jobs_at_start()
                .await
                .map_err(|e| (exit::FAILED, e.to_string()))?;
            if interrupted > 0 {
                tracing::warn!(
                    interrupted,
                    "jobs the last server left running are taken again (an analysis starts over, an import is failed)"
                );
            }
            let resumed = app
                .resume_extractions()
                .await
                .map_err(|e| (exit::FAILED, e.to_string()))?;
            if resumed > 0 {
                tracing::info!(resumed, "extractions resumed");
            }
            // The search index follows the store's outbox (caught up now, in
            // the background: `/readyz` says when); with other servers on
            // the store, their commits and live events are heard.
            app.keep_index_current();
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| (exit::FAILED, format!("cannot listen on {addr}: {e}")))?;
            let bound = listener.local_addr().unwrap_or(addr);
            let app = Arc::new(app);
            // Jobs whose server stopped are taken over (or failed).
            let runner = app.spawn_job_runner();
            // Silence procedures record their outcome by themselves once their
            // deadline passes (pages also settle them before showing a draft);
            // one server at a time does it.
            let settler = app.clone();
            tokio::spawn(async move {
                let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
                loop {
                    every.tick().await;
                    match settler.settle_silence_periodically().await {
                        Ok(0) => {}
                        Ok(n) => tracing::info!(recorded = n, "silence procedures settled"),
                        Err(e) => tracing::warn!(error = %e, "settling silence procedures failed"),
                    }
                }
            });
            let (closing, closing_seen) = tokio::sync::watch::channel(false);
            let leases = app.clone();
            let router = accord_web::router_with(
                app,
                accord_web::Options {
                    secure_cookies,
                    trusted_proxies,
                    closing: Some(closing_seen),
                },
            );
            println!(
                "Accord is serving on http://{bound}/ (ready in {} ms)",
                started.elapsed().as_millis()
            );
            let stopping = Arc::new(tokio::sync::Notify::new());
            let signalled = stopping.clone();
            // Answers go out as soon as they are written: without
            // TCP_NODELAY (axum 0.8 leaves it off) the last segment of an
            // answer longer than one waits for the reader's ACK, up to
            // the 40 ms of a delayed ACK, and live events wait the same way.
            let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
                if let Err(e) = tcp.set_nodelay(true) {
                    tracing::debug!(error = %e, "TCP_NODELAY could not be set");
                }
            });
            let serving = axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async move {
                shutdown().await;
                let _ = closing.send(true);
                // This server's jobs go to another at once: none is taken
                // here any more, and those under way drop their work.
                runner.abort();
                match leases.release_job_leases().await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(released = n, "job leases let go"),
                    Err(e) => tracing::warn!(error = %e, "job leases not let go"),
                }
                signalled.notify_one();
            });
            let grace = std::time::Duration::from_secs(shutdown_grace);
            tokio::select! {
                served = serving.into_future() => {
                    served.map_err(|e| (exit::FAILED, format!("server error: {e}")))?;
                    tracing::info!("stopped: every request finished");
                    Ok(())
                }
                () = async {
                    stopping.notified().await;
                    tokio::time::sleep(grace).await;
                } => {
                    tracing::warn!(
                        grace_seconds = shutdown_grace,
                        "stopped: requests still under way after the grace were cut off"
                    );
                    Ok(())
                }
            }
        }
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}
