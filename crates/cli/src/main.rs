//! `accord`: the command line for operators.

use accord_app::demo::{Demo, DemoReport};
use accord_app::{open_store, App, DatabaseTarget, OpenError, Principal, DEFAULT_DATABASE_URL};
use accord_domain::{ActorCode, Role, RoleGrant, Slug};
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// Exit codes, documented in README.md.
mod exit {
    /// The database URL is malformed or names an unsupported scheme.
    pub const BAD_DATABASE_URL: u8 = 3;
    /// The database could not be opened or reached.
    pub const DATABASE_UNAVAILABLE: u8 = 4;
    /// The command failed for another reason (e.g. the address is taken).
    pub const FAILED: u8 = 1;
    /// The input was refused by a rule (e.g. a malformed e-mail address).
    pub const INVALID: u8 = 5;
    /// The audit log's hash chain is broken.
    pub const AUDIT_BROKEN: u8 = 6;
}

#[derive(Parser)]
#[command(
    name = "accord",
    version,
    about = "Run intergovernmental processes: consultation, stocktaking, negotiation, adoption."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct DatabaseArg {
    /// sqlite://PATH or postgres://USER@HOST/DB
    #[arg(long, env = "ACCORD_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal and the JSON API.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        #[command(flatten)]
        db: DatabaseArg,
        /// Load the GCM demo process first (idempotent).
        #[arg(long)]
        demo: bool,
        /// Mark cookies Secure: set when readers reach Accord over HTTPS
        /// (e.g. behind a TLS-terminating proxy).
        #[arg(long, env = "ACCORD_SECURE_COOKIES")]
        secure_cookies: bool,
    },
    /// Load a demo process into the store (idempotent: a second run changes nothing).
    Demo {
        /// Which demo: `gcm`, the Global Compact for Migration, 2016–2018.
        #[arg(value_parser = parse_demo)]
        which: Demo,
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
    /// Check the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
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
enum AuditCommand {
    /// Walk the hash chain; report the first changed, removed or inserted entry.
    Verify {
        #[command(flatten)]
        db: DatabaseArg,
    },
}

fn parse_demo(s: &str) -> Result<Demo, String> {
    s.parse().map_err(|e: accord_app::AppError| e.to_string())
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ACCORD_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, message)) => {
            eprintln!("accord: {message}");
            ExitCode::from(code)
        }
    }
}

type Failure = (u8, String);

async fn open(db: &DatabaseArg) -> Result<App, Failure> {
    let target =
        DatabaseTarget::parse(&db.database).map_err(|e| (exit::BAD_DATABASE_URL, e.to_string()))?;
    let store = open_store(&target).await.map_err(|e| match e {
        OpenError::Url(e) => (exit::BAD_DATABASE_URL, e.to_string()),
        other => (
            exit::DATABASE_UNAVAILABLE,
            format!("{} ({})", other, target.display()),
        ),
    })?;
    Ok(App::new(store))
}

fn print_report(report: &DemoReport) {
    println!("created:  {}", report.created);
    println!("existing: {}", report.existing);
}

async fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Migrate { db } => {
            let app = open(&db).await?;
            println!("schema up to date ({})", app.backend());
            Ok(())
        }
        Command::Demo { which, db } => {
            let app = open(&db).await?;
            let report = app
                .load_demo(which)
                .await
                .map_err(|e| (exit::FAILED, e.to_string()))?;
            print_report(&report);
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
        } => {
            let started = Instant::now();
            let app = open(&db).await?;
            if demo {
                let report = app
                    .load_demo(Demo::Gcm)
                    .await
                    .map_err(|e| (exit::FAILED, e.to_string()))?;
                tracing::info!(
                    created = report.created.total(),
                    existing = report.existing.total(),
                    "demo loaded"
                );
            }
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| (exit::FAILED, format!("cannot listen on {addr}: {e}")))?;
            let bound = listener.local_addr().unwrap_or(addr);
            let router = accord_web::router_with(Arc::new(app), secure_cookies);
            println!(
                "Accord is serving on http://{bound}/ (ready in {} ms)",
                started.elapsed().as_millis()
            );
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| (exit::FAILED, format!("server error: {e}")))
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
