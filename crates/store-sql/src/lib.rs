//! The SQL Accord's two stores share.
//!
//! SQLite and PostgreSQL run the same statements here: both accept `$n`
//! placeholders, `RETURNING`, row-value comparisons and JSON columns through
//! `sqlx::types::Json`. What differs — the schema's column types, connection
//! options, migrations — stays in each backend crate. [`sql_store!`] expands
//! the `Store` and `Tx` implementations for one concrete sqlx driver, so each
//! backend's code is monomorphic and checked by the conformance suite.

mod adoption;
mod consultation;
mod negotiation;
mod outbox;
pub mod portable;
mod stocktaking;

#[doc(hidden)]
pub mod deps {
    pub use accord_domain;
    pub use accord_store;
    pub use async_trait::async_trait;
    pub use chrono;
    pub use serde_json;
    pub use sqlx;
}

/// Maps a sqlx error to the store's error kinds.
pub fn store_error(e: sqlx::Error) -> accord_store::StoreError {
    use accord_store::StoreError;
    use sqlx::error::ErrorKind;
    match &e {
        sqlx::Error::RowNotFound => StoreError::NotFound("row".into()),
        sqlx::Error::Database(d) => match d.kind() {
            ErrorKind::UniqueViolation
            | ErrorKind::ForeignKeyViolation
            | ErrorKind::CheckViolation
            | ErrorKind::NotNullViolation => StoreError::Conflict(d.message().to_owned()),
            _ => StoreError::Other(d.message().to_owned()),
        },
        sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::Io(_)
        | sqlx::Error::Tls(_) => StoreError::Unavailable(e.to_string()),
        _ => StoreError::Other(e.to_string()),
    }
}

/// Parses a stored name back into a domain value; a failure means the
/// database holds something no Accord version wrote.
pub fn parse_stored<T>(value: &str, column: &str) -> accord_store::Result<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    value.parse().map_err(|e| {
        accord_store::StoreError::Other(format!("unreadable value in column {column}: {e}"))
    })
}

/// Implements `accord_store::{Store, Tx}` for one sqlx driver.
///
/// `$store` must have a field `pool: sqlx::Pool<$db>` and inherent
/// `async fn begin_tx(&self) -> Result<$tx>`, `fn current_generation(&self)
/// -> u64`, `async fn tell(&self, &str) -> Result<()>` and `fn listen(&self,
/// PeerHandler) -> bool` (the servers on one database); `$tx` a field
/// `tx: sqlx::Transaction<'static, $db>` (or one that derefs to its
/// connection and commits) and an inherent `async fn before_commit(&mut
/// self) -> Result<()>`.
#[macro_export]
macro_rules! sql_store {
    (db: $db:ty, conn: $conn:ty, store: $store:ident, tx: $tx:ident, backend: $backend:literal) => {
        mod sql_store_impl {
            use super::{$store, $tx};
            use $crate::deps::accord_domain::{
                Actor, ActorCode, Document, Meeting, NewDocument, NewMeeting, Phase, PhaseKind,
                Process, Slug, Symbol, Theme, AgendaItem, Venue, Chair, Officer, Language,
                MeetingKind, MeetingChange, FieldChange, TitleTranslations, PhaseChange, RecordChange,
            };
            use $crate::deps::accord_store::{
                ActorQuery, ApiTokenRecord, AuditQuery, DocumentQuery, MeetingQuery, Page, Participant,
                ApplicationDecision, ProcessQuery, Result, SessionRecord, Store, StoreError, StoredAccount,
                Tx,
            };
            use $crate::deps::accord_domain::audit::{AuditEntry, AuditRecord};
            use $crate::deps::accord_domain::{
                Account, Application, BodyDecision, DecidingBody, Email, Inscription, NewApplication,
                Objection, RoleGrant, SpeakerCategory, SpeakerStatus,
            };
            use $crate::deps::chrono::{DateTime, Utc};
            use $crate::deps::sqlx::{self, types::Json, QueryBuilder, Row};
            use $crate::{parse_stored, store_error as err};

            type Db = $db;
            type Conn = $conn;
            /// "sqlite" or "postgres", where their SQL differs.
            const BACKEND: &str = $backend;
            type DbRow = <Db as sqlx::Database>::Row;

            $crate::consultation_sql!();
            $crate::negotiation_sql!();
            $crate::stocktaking_sql!();
            $crate::adoption_sql!();
            $crate::outbox_sql!();

            const ACTOR_COLUMNS: &str = "SELECT code, kind, name, official_name, iso2, m49, \
                region, subregion, un_member_since FROM actors";
            const PROCESS_COLUMNS: &str = "SELECT slug, title, title_translations, description, \
                mandate, languages, co_facilitators, secretariat, meeting_kinds, record_resolver \
                FROM processes";
            const PHASE_COLUMNS: &str =
                "SELECT process, kind, start_date, end_date, note, opened_on, extended_to, \
                closed_on FROM phases";
            const MEETING_COLUMNS: &str = "SELECT id, process, slug, kind, number, title, \
                title_translations, start_date, end_date, venue, chairs, note, status FROM meetings";
            const DOCUMENT_COLUMNS: &str = "SELECT d.id, d.process, d.slug, d.symbol, d.title, \
                d.kind, d.date, d.languages, d.distribution, d.embargo_until, d.withdrawn_reason, \
                m.slug AS meeting_slug FROM documents d LEFT JOIN meetings m ON m.id = d.meeting_id";
            const THEME_COLUMNS: &str =
                "SELECT process, code, taxonomy, number, title, withdrawn_reason FROM themes";

            fn opt_u32(v: Option<i64>, column: &str) -> Result<Option<u32>> {
                v.map(|n| {
                    u32::try_from(n).map_err(|_| {
                        StoreError::Other(format!("out-of-range number in column {column}"))
                    })
                })
                .transpose()
            }

            fn opt_parse<T>(v: Option<String>, column: &str) -> Result<Option<T>>
            where
                T: std::str::FromStr,
                T::Err: std::fmt::Display,
            {
                v.map(|s| parse_stored(&s, column)).transpose()
            }

            // ---- actors -------------------------------------------------

            fn actor_from(row: &DbRow) -> Result<Actor> {
                Ok(Actor {
                    code: parse_stored(&row.try_get::<String, _>("code").map_err(err)?, "code")?,
                    kind: parse_stored(&row.try_get::<String, _>("kind").map_err(err)?, "kind")?,
                    name: row.try_get("name").map_err(err)?,
                    official_name: row.try_get("official_name").map_err(err)?,
                    iso2: row.try_get("iso2").map_err(err)?,
                    m49: row
                        .try_get::<Option<i64>, _>("m49")
                        .map_err(err)?
                        .map(|n| u16::try_from(n).unwrap_or_default()),
                    region: row.try_get("region").map_err(err)?,
                    subregion: row.try_get("subregion").map_err(err)?,
                    un_member_since: row
                        .try_get::<Option<i64>, _>("un_member_since")
                        .map_err(err)?
                        .map(|n| n as i32),
                    members: Vec::new(),
                    membership: Vec::new(),
                })
            }

            async fn load_members(c: &mut Conn, actor: &mut Actor) -> Result<()> {
                if !actor.kind.is_group() {
                    return Ok(());
                }
                let rows = sqlx::query(
                    "SELECT member_code, joined, left_on FROM group_members \
                     WHERE group_code = $1 ORDER BY member_code",
                )
                .bind(actor.code.as_str())
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                actor.members.clear();
                actor.membership.clear();
                for r in &rows {
                    let member: ActorCode =
                        parse_stored(&r.try_get::<String, _>(0).map_err(err)?, "member_code")?;
                    let joined: Option<$crate::deps::chrono::NaiveDate> = r.try_get(1).map_err(err)?;
                    let left: Option<$crate::deps::chrono::NaiveDate> = r.try_get(2).map_err(err)?;
                    if joined.is_some() || left.is_some() {
                        actor.membership.push($crate::deps::accord_domain::Membership {
                            member: member.clone(),
                            joined,
                            left,
                        });
                    }
                    actor.members.push(member);
                }
                Ok(())
            }

            async fn find_actor(c: &mut Conn, code: &ActorCode) -> Result<Option<Actor>> {
                let row = sqlx::query(&format!("{ACTOR_COLUMNS} WHERE code = $1"))
                    .bind(code.as_str())
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?;
                match row {
                    None => Ok(None),
                    Some(row) => {
                        let mut actor = actor_from(&row)?;
                        load_members(c, &mut actor).await?;
                        Ok(Some(actor))
                    }
                }
            }

            async fn list_actors(c: &mut Conn, q: &ActorQuery) -> Result<Page<Actor>> {
                let mut qb = QueryBuilder::<Db>::new(ACTOR_COLUMNS);
                qb.push(" WHERE 1 = 1");
                match q.kind {
                    Some(kind) => {
                        qb.push(" AND kind = ").push_bind(kind.as_str());
                    }
                    // Every real actor: never the simulated delegations of a
                    // demonstration (ARCHITECTURE.md, "Simulation apart from fact").
                    None => {
                        for kind in $crate::deps::accord_domain::ActorKind::ALL
                            .iter()
                            .filter(|k| k.is_simulated())
                        {
                            qb.push(" AND kind <> ").push_bind(kind.as_str());
                        }
                    }
                }
                if let Some(after) = &q.after {
                    qb.push(" AND code > ").push_bind(after.to_string());
                }
                qb.push(" ORDER BY code LIMIT ").push_bind(i64::from(q.limit) + 1);
                let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
                let mut actors = rows.iter().map(actor_from).collect::<Result<Vec<_>>>()?;
                for actor in &mut actors {
                    load_members(c, actor).await?;
                }
                Ok(Page::from_overfetch(actors, q.limit))
            }

            async fn groups_of(c: &mut Conn, code: &ActorCode) -> Result<Vec<Actor>> {
                let rows = sqlx::query(&format!(
                    "{ACTOR_COLUMNS} WHERE code IN \
                     (SELECT group_code FROM group_members WHERE member_code = $1) ORDER BY code"
                ))
                .bind(code.as_str())
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                let mut groups = rows.iter().map(actor_from).collect::<Result<Vec<_>>>()?;
                for g in &mut groups {
                    load_members(c, g).await?;
                }
                Ok(groups)
            }

            async fn insert_actor(c: &mut Conn, a: &Actor) -> Result<()> {
                sqlx::query(
                    "INSERT INTO actors (code, kind, name, official_name, iso2, m49, region, \
                     subregion, un_member_since) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(a.code.as_str())
                .bind(a.kind.as_str())
                .bind(&a.name)
                .bind(&a.official_name)
                .bind(&a.iso2)
                .bind(a.m49.map(i64::from))
                .bind(&a.region)
                .bind(&a.subregion)
                .bind(a.un_member_since.map(i64::from))
                .execute(&mut *c)
                .await
                .map_err(err)?;
                for m in &a.members {
                    let dates = a.membership_of(m);
                    sqlx::query(
                        "INSERT INTO group_members (group_code, member_code, joined, left_on) \
                         VALUES ($1, $2, $3, $4)",
                    )
                        .bind(a.code.as_str())
                        .bind(m.as_str())
                        .bind(dates.and_then(|d| d.joined))
                        .bind(dates.and_then(|d| d.left))
                        .execute(&mut *c)
                        .await
                        .map_err(err)?;
                }
                Ok(())
            }

            // ---- processes and phases -----------------------------------

            fn process_from(row: &DbRow) -> Result<Process> {
                Ok(Process {
                    slug: parse_stored(&row.try_get::<String, _>("slug").map_err(err)?, "slug")?,
                    title: row.try_get("title").map_err(err)?,
                    title_translations: row
                        .try_get::<Json<TitleTranslations>, _>("title_translations")
                        .map_err(err)?
                        .0,
                    description: row.try_get("description").map_err(err)?,
                    mandate: row.try_get::<Json<Vec<Symbol>>, _>("mandate").map_err(err)?.0,
                    languages: row.try_get::<Json<Vec<Language>>, _>("languages").map_err(err)?.0,
                    co_facilitators: row
                        .try_get::<Json<Vec<Officer>>, _>("co_facilitators")
                        .map_err(err)?
                        .0,
                    secretariat: row.try_get::<Json<Vec<Officer>>, _>("secretariat").map_err(err)?.0,
                    meeting_kinds: row
                        .try_get::<Json<Vec<MeetingKind>>, _>("meeting_kinds")
                        .map_err(err)?
                        .0,
                    record_resolver: row.try_get("record_resolver").map_err(err)?,
                })
            }

            async fn find_process(c: &mut Conn, slug: &Slug) -> Result<Option<Process>> {
                sqlx::query(&format!("{PROCESS_COLUMNS} WHERE slug = $1"))
                    .bind(slug.as_str())
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?
                    .as_ref()
                    .map(process_from)
                    .transpose()
            }

            async fn list_processes(c: &mut Conn, q: &ProcessQuery) -> Result<Page<Process>> {
                let mut qb = QueryBuilder::<Db>::new(PROCESS_COLUMNS);
                if let Some(after) = &q.after {
                    qb.push(" WHERE slug > ").push_bind(after.to_string());
                }
                qb.push(" ORDER BY slug LIMIT ").push_bind(i64::from(q.limit) + 1);
                let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
                let items = rows.iter().map(process_from).collect::<Result<Vec<_>>>()?;
                Ok(Page::from_overfetch(items, q.limit))
            }

            async fn insert_process(c: &mut Conn, p: &Process) -> Result<()> {
                sqlx::query(
                    "INSERT INTO processes (slug, title, description, mandate, languages, \
                     co_facilitators, secretariat, meeting_kinds, record_resolver, title_translations) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(p.slug.as_str())
                .bind(&p.title)
                .bind(&p.description)
                .bind(Json(&p.mandate))
                .bind(Json(&p.languages))
                .bind(Json(&p.co_facilitators))
                .bind(Json(&p.secretariat))
                .bind(Json(&p.meeting_kinds))
                .bind(&p.record_resolver)
                .bind(Json(&p.title_translations))
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }

            async fn update_process(c: &mut Conn, p: &Process) -> Result<()> {
                sqlx::query(
                    "UPDATE processes SET title = $1, description = $2, mandate = $3, languages = $4, \
                     co_facilitators = $5, secretariat = $6, meeting_kinds = $7, record_resolver = $8, \
                     title_translations = $9 WHERE slug = $10",
                )
                .bind(&p.title)
                .bind(&p.description)
                .bind(Json(&p.mandate))
                .bind(Json(&p.languages))
                .bind(Json(&p.co_facilitators))
                .bind(Json(&p.secretariat))
                .bind(Json(&p.meeting_kinds))
                .bind(&p.record_resolver)
                .bind(Json(&p.title_translations))
                .bind(p.slug.as_str())
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }

            async fn meeting_kinds_in_use(c: &mut Conn, process: &Slug) -> Result<Vec<MeetingKind>> {
                let kinds: Vec<String> = sqlx::query_scalar(
                    "SELECT DISTINCT kind FROM meetings WHERE process = $1 ORDER BY kind",
                )
                .bind(process.as_str())
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                kinds.iter().map(|k| parse_stored(k, "kind")).collect()
            }

            fn phase_from(row: &DbRow) -> Result<Phase> {
                Ok(Phase {
                    process: parse_stored(&row.try_get::<String, _>("process").map_err(err)?, "process")?,
                    kind: parse_stored(&row.try_get::<String, _>("kind").map_err(err)?, "kind")?,
                    start_date: row.try_get("start_date").map_err(err)?,
                    end_date: row.try_get("end_date").map_err(err)?,
                    note: row.try_get("note").map_err(err)?,
                    opened_on: row.try_get("opened_on").map_err(err)?,
                    extended_to: row.try_get("extended_to").map_err(err)?,
                    closed_on: row.try_get("closed_on").map_err(err)?,
                })
            }

            async fn list_phases(c: &mut Conn, process: &Slug) -> Result<Vec<Phase>> {
                sqlx::query(&format!(
                    "{PHASE_COLUMNS} WHERE process = $1 ORDER BY start_date, end_date"
                ))
                .bind(process.as_str())
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(phase_from)
                .collect()
            }

            async fn find_phase(c: &mut Conn, process: &Slug, kind: PhaseKind) -> Result<Option<Phase>> {
                sqlx::query(&format!("{PHASE_COLUMNS} WHERE process = $1 AND kind = $2"))
                    .bind(process.as_str())
                    .bind(kind.as_str())
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?
                    .as_ref()
                    .map(phase_from)
                    .transpose()
            }

            async fn insert_phase(c: &mut Conn, p: &Phase) -> Result<()> {
                sqlx::query(
                    "INSERT INTO phases (process, kind, start_date, end_date, note, opened_on, \
                     extended_to, closed_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(p.process.as_str())
                .bind(p.kind.as_str())
                .bind(p.start_date)
                .bind(p.end_date)
                .bind(&p.note)
                .bind(p.opened_on)
                .bind(p.extended_to)
                .bind(p.closed_on)
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }

            async fn update_phase(c: &mut Conn, p: &Phase) -> Result<()> {
                let done = sqlx::query(
                    "UPDATE phases SET start_date = $3, end_date = $4, note = $5, opened_on = $6, \
                     extended_to = $7, closed_on = $8 WHERE process = $1 AND kind = $2",
                )
                .bind(p.process.as_str())
                .bind(p.kind.as_str())
                .bind(p.start_date)
                .bind(p.end_date)
                .bind(&p.note)
                .bind(p.opened_on)
                .bind(p.extended_to)
                .bind(p.closed_on)
                .execute(&mut *c)
                .await
                .map_err(err)?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::NotFound(format!("the {} phase of '{}'", p.kind, p.process)));
                }
                Ok(())
            }

            async fn insert_phase_change(c: &mut Conn, ch: &PhaseChange) -> Result<()> {
                sqlx::query(
                    "INSERT INTO phase_changes (process, phase, kind, at, by_name, reason, changes) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(ch.process.as_str())
                .bind(ch.phase.as_str())
                .bind(ch.kind.as_str())
                .bind(ch.at)
                .bind(&ch.by)
                .bind(&ch.reason)
                .bind(Json(&ch.changes))
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }

            async fn list_phase_changes(c: &mut Conn, process: &Slug) -> Result<Vec<PhaseChange>> {
                let rows = sqlx::query(
                    "SELECT process, phase, kind, at, by_name, reason, changes FROM phase_changes \
                     WHERE process = $1 ORDER BY id",
                )
                .bind(process.as_str())
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                rows.iter()
                    .map(|row| {
                        Ok(PhaseChange {
                            process: parse_stored(&row.try_get::<String, _>("process").map_err(err)?, "process")?,
                            phase: parse_stored(&row.try_get::<String, _>("phase").map_err(err)?, "phase")?,
                            kind: parse_stored(&row.try_get::<String, _>("kind").map_err(err)?, "kind")?,
                            at: row.try_get("at").map_err(err)?,
                            by: row.try_get("by_name").map_err(err)?,
                            reason: row.try_get("reason").map_err(err)?,
                            changes: row.try_get::<Json<Vec<FieldChange>>, _>("changes").map_err(err)?.0,
                        })
                    })
                    .collect()
            }

            // ---- meetings -----------------------------------------------

            fn meeting_from(row: &DbRow) -> Result<Meeting> {
                let id: i64 = row.try_get("id").map_err(err)?;
                let mut meeting = NewMeeting {
                    process: parse_stored(&row.try_get::<String, _>("process").map_err(err)?, "process")?,
                    slug: parse_stored(&row.try_get::<String, _>("slug").map_err(err)?, "slug")?,
                    kind: parse_stored(&row.try_get::<String, _>("kind").map_err(err)?, "kind")?,
                    number: opt_u32(row.try_get("number").map_err(err)?, "number")?,
                    title: row.try_get("title").map_err(err)?,
                    title_translations: row
                        .try_get::<Json<TitleTranslations>, _>("title_translations")
                        .map_err(err)?
                        .0,
                    start_date: row.try_get("start_date").map_err(err)?,
                    end_date: row.try_get("end_date").map_err(err)?,
                    venue: row
                        .try_get::<Option<Json<Venue>>, _>("venue")
                        .map_err(err)?
                        .map(|j| j.0),
                    chairs: row.try_get::<Json<Vec<Chair>>, _>("chairs").map_err(err)?.0,
                    agenda: Vec::new(),
                    themes: Vec::new(),
                    note: row.try_get("note").map_err(err)?,
                }
                .with_id(id);
                meeting.status = parse_stored(&row.try_get::<String, _>("status").map_err(err)?, "status")?;
                Ok(meeting)
            }

            /// Fills in the agenda items and themes of `meetings` in two queries.
            async fn load_meeting_parts(c: &mut Conn, meetings: &mut [Meeting]) -> Result<()> {
                if meetings.is_empty() {
                    return Ok(());
                }
                let index: std::collections::HashMap<i64, usize> =
                    meetings.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
                let mut qb = QueryBuilder::<Db>::new(
                    "SELECT meeting_id, number, title FROM agenda_items WHERE meeting_id IN (",
                );
                let mut ids = qb.separated(", ");
                for m in meetings.iter() {
                    ids.push_bind(m.id);
                }
                qb.push(") ORDER BY meeting_id, number");
                for row in qb.build().fetch_all(&mut *c).await.map_err(err)? {
                    let id: i64 = row.try_get("meeting_id").map_err(err)?;
                    let number = opt_u32(Some(row.try_get("number").map_err(err)?), "number")?
                        .unwrap_or_default();
                    meetings[index[&id]].meeting.agenda.push(AgendaItem {
                        number,
                        title: row.try_get("title").map_err(err)?,
                    });
                }
                let mut qb = QueryBuilder::<Db>::new(
                    "SELECT meeting_id, theme_code FROM meeting_themes WHERE meeting_id IN (",
                );
                let mut ids = qb.separated(", ");
                for m in meetings.iter() {
                    ids.push_bind(m.id);
                }
                qb.push(") ORDER BY meeting_id, theme_code");
                for row in qb.build().fetch_all(&mut *c).await.map_err(err)? {
                    let id: i64 = row.try_get("meeting_id").map_err(err)?;
                    let code: String = row.try_get("theme_code").map_err(err)?;
                    meetings[index[&id]].meeting.themes.push(parse_stored(&code, "theme_code")?);
                }
                Ok(())
            }

            async fn one_meeting(c: &mut Conn, row: Option<DbRow>) -> Result<Option<Meeting>> {
                let Some(row) = row else { return Ok(None) };
                let mut m = [meeting_from(&row)?];
                load_meeting_parts(c, &mut m).await?;
                let [m] = m;
                Ok(Some(m))
            }

            async fn get_meeting(c: &mut Conn, process: &Slug, id: i64) -> Result<Option<Meeting>> {
                let row = sqlx::query(&format!("{MEETING_COLUMNS} WHERE process = $1 AND id = $2"))
                    .bind(process.as_str())
                    .bind(id)
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?;
                one_meeting(c, row).await
            }

            async fn find_meeting(c: &mut Conn, process: &Slug, slug: &Slug) -> Result<Option<Meeting>> {
                let row = sqlx::query(&format!("{MEETING_COLUMNS} WHERE process = $1 AND slug = $2"))
                    .bind(process.as_str())
                    .bind(slug.as_str())
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?;
                one_meeting(c, row).await
            }

            async fn list_meetings(c: &mut Conn, q: &MeetingQuery) -> Result<Page<Meeting>> {
                let mut qb = QueryBuilder::<Db>::new(MEETING_COLUMNS);
                qb.push(" WHERE process = ").push_bind(q.process.to_string());
                match q.kind {
                    Some(kind) => {
                        qb.push(" AND kind = ").push_bind(kind.as_str());
                    }
                    // Every real actor: never the simulated delegations of a
                    // demonstration (ARCHITECTURE.md, "Simulation apart from fact").
                    None => {
                        for kind in $crate::deps::accord_domain::ActorKind::ALL
                            .iter()
                            .filter(|k| k.is_simulated())
                        {
                            qb.push(" AND kind <> ").push_bind(kind.as_str());
                        }
                    }
                }
                if let Some((date, id)) = q.after {
                    qb.push(" AND (start_date > ").push_bind(date);
                    qb.push(" OR (start_date = ").push_bind(date);
                    qb.push(" AND id > ").push_bind(id).push("))");
                }
                qb.push(" ORDER BY start_date, id LIMIT ").push_bind(i64::from(q.limit) + 1);
                let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
                let mut items = rows.iter().map(meeting_from).collect::<Result<Vec<_>>>()?;
                let page_len = items.len().min(q.limit as usize);
                load_meeting_parts(c, &mut items[..page_len]).await?;
                Ok(Page::from_overfetch(items, q.limit))
            }

            async fn insert_meeting(c: &mut Conn, m: &NewMeeting) -> Result<i64> {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO meetings (process, slug, kind, number, title, start_date, \
                     end_date, venue, chairs, note, title_translations) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                )
                .bind(m.process.as_str())
                .bind(m.slug.as_str())
                .bind(m.kind.as_str())
                .bind(m.number.map(i64::from))
                .bind(&m.title)
                .bind(m.start_date)
                .bind(m.end_date)
                .bind(m.venue.as_ref().map(Json))
                .bind(Json(&m.chairs))
                .bind(&m.note)
                .bind(Json(&m.title_translations))
                .fetch_one(&mut *c)
                .await
                .map_err(err)?;
                for item in &m.agenda {
                    sqlx::query("INSERT INTO agenda_items (meeting_id, number, title) VALUES ($1, $2, $3)")
                        .bind(id)
                        .bind(i64::from(item.number))
                        .bind(&item.title)
                        .execute(&mut *c)
                        .await
                        .map_err(err)?;
                }
                for theme in &m.themes {
                    sqlx::query(
                        "INSERT INTO meeting_themes (meeting_id, process, theme_code) VALUES ($1, $2, $3)",
                    )
                    .bind(id)
                    .bind(m.process.as_str())
                    .bind(theme.as_str())
                    .execute(&mut *c)
                    .await
                    .map_err(err)?;
                }
                Ok(id)
            }

            async fn update_meeting(c: &mut Conn, m: &Meeting) -> Result<()> {
                sqlx::query(
                    "UPDATE meetings SET title = $1, start_date = $2, end_date = $3, venue = $4, \
                     note = $5, status = $6, title_translations = $7 WHERE id = $8",
                )
                .bind(&m.title)
                .bind(m.start_date)
                .bind(m.end_date)
                .bind(m.venue.as_ref().map(Json))
                .bind(&m.note)
                .bind(m.status.as_str())
                .bind(Json(&m.title_translations))
                .bind(m.id)
                .execute(&mut *c)
                .await
                .map_err(err)?;
                sqlx::query("DELETE FROM agenda_items WHERE meeting_id = $1")
                    .bind(m.id)
                    .execute(&mut *c)
                    .await
                    .map_err(err)?;
                for item in &m.agenda {
                    sqlx::query("INSERT INTO agenda_items (meeting_id, number, title) VALUES ($1, $2, $3)")
                        .bind(m.id)
                        .bind(i64::from(item.number))
                        .bind(&item.title)
                        .execute(&mut *c)
                        .await
                        .map_err(err)?;
                }
                Ok(())
            }

            async fn insert_meeting_change(c: &mut Conn, ch: &MeetingChange) -> Result<()> {
                sqlx::query(
                    "INSERT INTO meeting_changes (meeting_id, kind, at, by_name, reason, changes) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(ch.meeting)
                .bind(ch.kind.as_str())
                .bind(ch.at)
                .bind(&ch.by)
                .bind(&ch.reason)
                .bind(Json(&ch.changes))
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }

            async fn list_meeting_changes(c: &mut Conn, meeting: i64) -> Result<Vec<MeetingChange>> {
                let rows = sqlx::query(
                    "SELECT meeting_id, kind, at, by_name, reason, changes FROM meeting_changes \
                     WHERE meeting_id = $1 ORDER BY id",
                )
                .bind(meeting)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                rows.iter()
                    .map(|row| {
                        Ok(MeetingChange {
                            meeting: row.try_get("meeting_id").map_err(err)?,
                            kind: parse_stored(&row.try_get::<String, _>("kind").map_err(err)?, "kind")?,
                            at: row.try_get("at").map_err(err)?,
                            by: row.try_get("by_name").map_err(err)?,
                            reason: row.try_get("reason").map_err(err)?,
                            changes: row.try_get::<Json<Vec<FieldChange>>, _>("changes").map_err(err)?.0,
                        })
                    })
                    .collect()
            }

            async fn agenda_items_in_use(c: &mut Conn, meeting: i64) -> Result<Vec<u32>> {
                let numbers: Vec<i64> = sqlx::query_scalar(
                    "SELECT agenda_item FROM statements WHERE meeting_id = $1 \
                     UNION SELECT agenda_item FROM inscriptions WHERE meeting_id = $1 \
                     ORDER BY 1",
                )
                .bind(meeting)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                numbers
                    .into_iter()
                    .map(|n| opt_u32(Some(n), "agenda_item").map(Option::unwrap_or_default))
                    .collect()
            }

            // ---- documents ----------------------------------------------

            fn document_from(row: &DbRow) -> Result<Document> {
                let id: i64 = row.try_get("id").map_err(err)?;
                Ok(NewDocument {
                    process: parse_stored(&row.try_get::<String, _>("process").map_err(err)?, "process")?,
                    slug: parse_stored(&row.try_get::<String, _>("slug").map_err(err)?, "slug")?,
                    symbol: opt_parse(row.try_get("symbol").map_err(err)?, "symbol")?,
                    title: row.try_get("title").map_err(err)?,
                    kind: parse_stored(&row.try_get::<String, _>("kind").map_err(err)?, "kind")?,
                    date: row.try_get("date").map_err(err)?,
                    languages: row.try_get::<Json<Vec<Language>>, _>("languages").map_err(err)?.0,
                    distribution: parse_stored(
                        &row.try_get::<String, _>("distribution").map_err(err)?,
                        "distribution",
                    )?,
                    embargo_until: row.try_get::<Option<DateTime<Utc>>, _>("embargo_until").map_err(err)?,
                    meeting: opt_parse(row.try_get("meeting_slug").map_err(err)?, "meeting_slug")?,
                }
                .with_id(id))
                .and_then(|mut d| {
                    d.withdrawn_reason = row.try_get("withdrawn_reason").map_err(err)?;
                    Ok(d)
                })
            }

            async fn list_documents(c: &mut Conn, q: &DocumentQuery) -> Result<Page<Document>> {
                let mut qb = QueryBuilder::<Db>::new(DOCUMENT_COLUMNS);
                qb.push(" WHERE d.process = ").push_bind(q.process.to_string());
                if let Some(kind) = q.kind {
                    qb.push(" AND d.kind = ").push_bind(kind.as_str());
                }
                if let Some(meeting) = q.meeting {
                    qb.push(" AND d.meeting_id = ").push_bind(meeting);
                }
                if !q.withdrawn {
                    qb.push(" AND d.withdrawn_reason IS NULL");
                }
                if let Some(v) = &q.visible {
                    push_visible(&mut qb, "d", v, true);
                }
                if let Some((date, id)) = q.after {
                    qb.push(" AND (d.date > ").push_bind(date);
                    qb.push(" OR (d.date = ").push_bind(date);
                    qb.push(" AND d.id > ").push_bind(id).push("))");
                }
                qb.push(" ORDER BY d.date, d.id LIMIT ").push_bind(i64::from(q.limit) + 1);
                let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
                let items = rows.iter().map(document_from).collect::<Result<Vec<_>>>()?;
                Ok(Page::from_overfetch(items, q.limit))
            }

            /// One document by a `clause` over `texts` bound as $1, $2…, then `id`.
            async fn document_where(
                c: &mut Conn,
                clause: &str,
                texts: &[&str],
                id: Option<i64>,
            ) -> Result<Option<Document>> {
                let sql = format!("{DOCUMENT_COLUMNS} WHERE {clause}");
                let mut query = sqlx::query(&sql);
                for text in texts {
                    query = query.bind(text.to_string());
                }
                if let Some(n) = id {
                    query = query.bind(n);
                }
                query
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?
                    .as_ref()
                    .map(document_from)
                    .transpose()
            }

            async fn insert_document(c: &mut Conn, d: &NewDocument, meeting: Option<i64>) -> Result<i64> {
                sqlx::query_scalar(
                    "INSERT INTO documents (process, slug, symbol, title, kind, date, languages, \
                     distribution, embargo_until, meeting_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                )
                .bind(d.process.as_str())
                .bind(d.slug.as_str())
                .bind(d.symbol.as_ref().map(|s| s.as_str()))
                .bind(&d.title)
                .bind(d.kind.as_str())
                .bind(d.date)
                .bind(Json(&d.languages))
                .bind(d.distribution.as_str())
                .bind(d.embargo_until)
                .bind(meeting)
                .fetch_one(&mut *c)
                .await
                .map_err(err)
            }

            async fn update_document(c: &mut Conn, d: &Document, meeting: Option<i64>) -> Result<()> {
                sqlx::query(
                    "UPDATE documents SET symbol = $1, title = $2, kind = $3, date = $4, languages = $5, \
                     distribution = $6, embargo_until = $7, meeting_id = $8, withdrawn_reason = $9 \
                     WHERE id = $10",
                )
                .bind(d.symbol.as_ref().map(|s| s.as_str()))
                .bind(&d.title)
                .bind(d.kind.as_str())
                .bind(d.date)
                .bind(Json(&d.languages))
                .bind(d.distribution.as_str())
                .bind(d.embargo_until)
                .bind(meeting)
                .bind(&d.withdrawn_reason)
                .bind(d.id)
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }

            // ---- the desk's history of other records --------------------

            async fn insert_record_change(c: &mut Conn, process: &Slug, ch: &RecordChange) -> Result<()> {
                sqlx::query(
                    "INSERT INTO record_changes (process, subject, kind, at, by_name, reason, changes) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(process.as_str())
                .bind(&ch.subject)
                .bind(ch.kind.as_str())
                .bind(ch.at)
                .bind(&ch.by)
                .bind(&ch.reason)
                .bind(Json(&ch.changes))
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }

            async fn list_record_changes(c: &mut Conn, process: &Slug, subject: &str) -> Result<Vec<RecordChange>> {
                let rows = sqlx::query(
                    "SELECT subject, kind, at, by_name, reason, changes FROM record_changes \
                     WHERE process = $1 AND subject = $2 ORDER BY id",
                )
                .bind(process.as_str())
                .bind(subject)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                rows.iter()
                    .map(|row| {
                        Ok(RecordChange {
                            subject: row.try_get("subject").map_err(err)?,
                            kind: parse_stored(&row.try_get::<String, _>("kind").map_err(err)?, "kind")?,
                            at: row.try_get("at").map_err(err)?,
                            by: row.try_get("by_name").map_err(err)?,
                            reason: row.try_get("reason").map_err(err)?,
                            changes: row.try_get::<Json<Vec<FieldChange>>, _>("changes").map_err(err)?.0,
                        })
                    })
                    .collect()
            }

            // ---- themes -------------------------------------------------

            fn theme_from(row: &DbRow) -> Result<Theme> {
                Ok(Theme {
                    process: parse_stored(&row.try_get::<String, _>("process").map_err(err)?, "process")?,
                    code: parse_stored(&row.try_get::<String, _>("code").map_err(err)?, "code")?,
                    taxonomy: parse_stored(&row.try_get::<String, _>("taxonomy").map_err(err)?, "taxonomy")?,
                    number: opt_u32(row.try_get("number").map_err(err)?, "number")?,
                    title: row.try_get("title").map_err(err)?,
                    withdrawn_reason: row.try_get("withdrawn_reason").map_err(err)?,
                })
            }

            async fn list_themes(c: &mut Conn, process: &Slug) -> Result<Vec<Theme>> {
                sqlx::query(&format!(
                    "{THEME_COLUMNS} WHERE process = $1 ORDER BY taxonomy, number IS NULL, number, code"
                ))
                .bind(process.as_str())
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(theme_from)
                .collect()
            }

            async fn find_theme(c: &mut Conn, process: &Slug, code: &Slug) -> Result<Option<Theme>> {
                sqlx::query(&format!("{THEME_COLUMNS} WHERE process = $1 AND code = $2"))
                    .bind(process.as_str())
                    .bind(code.as_str())
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?
                    .as_ref()
                    .map(theme_from)
                    .transpose()
            }

            async fn insert_theme(c: &mut Conn, t: &Theme) -> Result<()> {
                sqlx::query(
                    "INSERT INTO themes (process, code, taxonomy, number, title, withdrawn_reason) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(t.process.as_str())
                .bind(t.code.as_str())
                .bind(t.taxonomy.as_str())
                .bind(t.number.map(i64::from))
                .bind(&t.title)
                .bind(&t.withdrawn_reason)
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }

            async fn update_theme(c: &mut Conn, t: &Theme) -> Result<()> {
                sqlx::query(
                    "UPDATE themes SET title = $1, number = $2, withdrawn_reason = $3 \
                     WHERE process = $4 AND code = $5",
                )
                .bind(&t.title)
                .bind(t.number.map(i64::from))
                .bind(&t.withdrawn_reason)
                .bind(t.process.as_str())
                .bind(t.code.as_str())
                .execute(&mut *c)
                .await
                .map_err(err)?;
                Ok(())
            }


            // ---- accounts, sessions, tokens ---------------------------------

            async fn load_account(c: &mut Conn, row: Option<DbRow>) -> Result<Option<StoredAccount>> {
                let Some(row) = row else { return Ok(None) };
                let id: i64 = row.try_get("id").map_err(err)?;
                let grants = sqlx::query(
                    "SELECT role, process, actor FROM role_grants WHERE account_id = $1 \
                     ORDER BY role, process, actor",
                )
                .bind(id)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(|g| {
                    Ok(RoleGrant {
                        role: parse_stored(&g.try_get::<String, _>("role").map_err(err)?, "role")?,
                        process: opt_parse(g.try_get("process").map_err(err)?, "process")?,
                        actor: opt_parse(g.try_get("actor").map_err(err)?, "actor")?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
                Ok(Some(StoredAccount {
                    account: Account {
                        id,
                        email: parse_email(&row.try_get::<String, _>("email").map_err(err)?)?,
                        name: row.try_get("name").map_err(err)?,
                        grants,
                    },
                    password_hash: row.try_get("password_hash").map_err(err)?,
                }))
            }

            fn parse_email(s: &str) -> Result<Email> {
                Email::new(s).map_err(|e| StoreError::Other(format!("unreadable value in column email: {e}")))
            }

            async fn find_account(c: &mut Conn, id: i64) -> Result<Option<StoredAccount>> {
                let row = sqlx::query("SELECT id, email, name, password_hash FROM accounts WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?;
                load_account(c, row).await
            }

            async fn find_account_by_email(c: &mut Conn, email: &Email) -> Result<Option<StoredAccount>> {
                let row = sqlx::query("SELECT id, email, name, password_hash FROM accounts WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(&mut *c)
                    .await
                    .map_err(err)?;
                load_account(c, row).await
            }

            fn session_from(row: &DbRow) -> Result<SessionRecord> {
                Ok(SessionRecord {
                    id_hash: row.try_get("id_hash").map_err(err)?,
                    account: row.try_get("account_id").map_err(err)?,
                    csrf: row.try_get("csrf").map_err(err)?,
                    created_at: row.try_get("created_at").map_err(err)?,
                    expires_at: row.try_get("expires_at").map_err(err)?,
                })
            }

            fn token_from(row: &DbRow) -> Result<ApiTokenRecord> {
                Ok(ApiTokenRecord {
                    id: row.try_get("id").map_err(err)?,
                    account: row.try_get("account_id").map_err(err)?,
                    name: row.try_get("name").map_err(err)?,
                    token_hash: row.try_get("token_hash").map_err(err)?,
                    created_at: row.try_get("created_at").map_err(err)?,
                    expires_at: row.try_get("expires_at").map_err(err)?,
                    revoked_at: row.try_get("revoked_at").map_err(err)?,
                })
            }

            const TOKEN_COLUMNS: &str = "SELECT id, account_id, name, token_hash, created_at, \
                expires_at, revoked_at FROM api_tokens";

            // ---- audit --------------------------------------------------

            const AUDIT_COLUMNS: &str = "SELECT seq, at, account_id, by_whom, acting_for, action, \
                process, targets, prev_hash, hash FROM audit_log";

            fn audit_from(row: &DbRow) -> Result<AuditEntry> {
                Ok(AuditEntry {
                    seq: row.try_get("seq").map_err(err)?,
                    record: AuditRecord {
                        at: row.try_get("at").map_err(err)?,
                        account: row.try_get("account_id").map_err(err)?,
                        by: row.try_get("by_whom").map_err(err)?,
                        acting_for: opt_parse(row.try_get("acting_for").map_err(err)?, "acting_for")?,
                        action: row.try_get("action").map_err(err)?,
                        process: opt_parse(row.try_get("process").map_err(err)?, "process")?,
                        targets: row.try_get::<Json<Vec<String>>, _>("targets").map_err(err)?.0,
                    },
                    prev_hash: row.try_get("prev_hash").map_err(err)?,
                    hash: row.try_get("hash").map_err(err)?,
                })
            }

            async fn audit_head(c: &mut Conn, lock: bool) -> Result<(i64, String)> {
                // The no-op UPDATE takes the row's write lock until the unit of work ends.
                let sql = if lock {
                    "UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash"
                } else {
                    "SELECT seq, hash FROM audit_head WHERE id = 1"
                };
                let row = sqlx::query(sql).fetch_one(&mut *c).await.map_err(err)?;
                Ok((row.try_get("seq").map_err(err)?, row.try_get("hash").map_err(err)?))
            }

            // ---- speakers' lists ------------------------------------------

            const INSCRIPTION_COLUMNS: &str = "SELECT id, meeting_id, agenda_item, actor, account_id, \
                category, status, inscribed_at FROM inscriptions";

            fn inscription_from(row: &DbRow) -> Result<Inscription> {
                Ok(Inscription {
                    id: row.try_get("id").map_err(err)?,
                    meeting: row.try_get("meeting_id").map_err(err)?,
                    agenda_item: opt_u32(Some(row.try_get("agenda_item").map_err(err)?), "agenda_item")?
                        .unwrap_or_default(),
                    actor: parse_stored(&row.try_get::<String, _>("actor").map_err(err)?, "actor")?,
                    account: row.try_get("account_id").map_err(err)?,
                    category: parse_stored(&row.try_get::<String, _>("category").map_err(err)?, "category")?,
                    status: parse_stored(&row.try_get::<String, _>("status").map_err(err)?, "status")?,
                    inscribed_at: row.try_get("inscribed_at").map_err(err)?,
                })
            }

            async fn meeting_inscriptions(c: &mut Conn, meeting: i64) -> Result<Vec<Inscription>> {
                sqlx::query(&format!("{INSCRIPTION_COLUMNS} WHERE meeting_id = $1 ORDER BY inscribed_at, id"))
                    .bind(meeting)
                    .fetch_all(&mut *c)
                    .await
                    .map_err(err)?
                    .iter()
                    .map(inscription_from)
                    .collect()
            }

            // ---- accreditation and registration ----------------------------

            const APPLICATION_COLUMNS: &str = "SELECT id, process, name, kind, country, website, ecosoc_status, \
                description, applied_at, objection_deadline, status, referred_to, decided_at, decision_note, \
                body_decision_date, body_decision_meeting, body_decision_reference, actor \
                FROM accreditation_applications";

            async fn application_from(c: &mut Conn, row: &DbRow) -> Result<Application> {
                let id: i64 = row.try_get("id").map_err(err)?;
                let objections = sqlx::query(
                    "SELECT state, account_id, at, reason FROM accreditation_objections \
                     WHERE application_id = $1 ORDER BY at, state",
                )
                .bind(id)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(|o| {
                    Ok(Objection {
                        state: parse_stored(&o.try_get::<String, _>("state").map_err(err)?, "state")?,
                        account: o.try_get("account_id").map_err(err)?,
                        at: o.try_get("at").map_err(err)?,
                        reason: o.try_get("reason").map_err(err)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
                let referred_to: Option<DecidingBody> =
                    opt_parse(row.try_get("referred_to").map_err(err)?, "referred_to")?;
                let decided_on: Option<$crate::deps::chrono::NaiveDate> =
                    row.try_get("body_decision_date").map_err(err)?;
                let body_decision = match (referred_to, decided_on) {
                    (Some(body), Some(date)) => Some(BodyDecision {
                        body,
                        date,
                        meeting: row.try_get("body_decision_meeting").map_err(err)?,
                        reference: row.try_get("body_decision_reference").map_err(err)?,
                    }),
                    _ => None,
                };
                Ok(Application {
                    id,
                    process: parse_stored(&row.try_get::<String, _>("process").map_err(err)?, "process")?,
                    application: NewApplication {
                        name: row.try_get("name").map_err(err)?,
                        kind: parse_stored(&row.try_get::<String, _>("kind").map_err(err)?, "kind")?,
                        country: parse_stored(&row.try_get::<String, _>("country").map_err(err)?, "country")?,
                        website: row.try_get("website").map_err(err)?,
                        ecosoc_status: row.try_get("ecosoc_status").map_err(err)?,
                        description: row.try_get("description").map_err(err)?,
                    },
                    applied_at: row.try_get("applied_at").map_err(err)?,
                    objection_deadline: row.try_get("objection_deadline").map_err(err)?,
                    status: parse_stored(&row.try_get::<String, _>("status").map_err(err)?, "status")?,
                    referred_to,
                    decided_at: row.try_get("decided_at").map_err(err)?,
                    decision_note: row.try_get("decision_note").map_err(err)?,
                    body_decision,
                    actor: opt_parse(row.try_get("actor").map_err(err)?, "actor")?,
                    objections,
                })
            }

            async fn is_group_speaker(c: &mut Conn, process: &Slug, group: &ActorCode, account: i64) -> Result<bool> {
                let n: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM group_speakers WHERE process = $1 AND group_code = $2 AND account_id = $3",
                )
                .bind(process.as_str())
                .bind(group.as_str())
                .bind(account)
                .fetch_one(&mut *c)
                .await
                .map_err(err)?;
                Ok(n > 0)
            }

            fn found<T>(v: Option<T>, what: std::fmt::Arguments<'_>) -> Result<T> {
                v.ok_or_else(|| StoreError::NotFound(what.to_string()))
            }

            // ---- the traits ---------------------------------------------

            #[$crate::deps::async_trait]
            impl Store for $store {
                fn backend(&self) -> &'static str {
                    $backend
                }

                fn generation(&self) -> u64 {
                    self.current_generation()
                }

                async fn begin(&self) -> Result<Box<dyn Tx>> {
                    Ok(Box::new(self.begin_tx().await?))
                }

                async fn index_outbox(&self) -> Result<OutboxState> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    index_outbox(&mut c).await
                }

                async fn index_changes(&self, after: i64, limit: i64) -> Result<Vec<IndexChange>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    index_changes(&mut c, after, limit).await
                }

                async fn prune_index_changes(&self, before: DateTime<Utc>) -> Result<u64> {
                    let mut t = self.begin_tx().await?;
                    let gone = prune_index_changes(&mut t.tx, before).await?;
                    t.tx.commit().await.map_err(err)?;
                    Ok(gone)
                }

                async fn tell_peers(&self, message: &str) -> Result<()> {
                    self.tell(message).await
                }

                fn listen_to_peers(
                    &self,
                    hear: $crate::deps::accord_store::PeerHandler,
                ) -> bool {
                    self.listen(hear)
                }

                async fn dump(
                    &self,
                    sink: &mut dyn $crate::deps::accord_store::portable::DumpSink,
                ) -> Result<()> {
                    self.dump_tables(sink).await
                }

                async fn load(
                    &self,
                    source: &mut dyn $crate::deps::accord_store::portable::LoadSource,
                ) -> Result<$crate::deps::accord_store::portable::TableCounts> {
                    self.load_tables(source).await
                }

                async fn table_counts(
                    &self,
                ) -> Result<$crate::deps::accord_store::portable::TableCounts> {
                    self.count_tables().await
                }

                async fn list_processes(&self, q: &ProcessQuery) -> Result<Page<Process>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_processes(&mut c, q).await
                }

                async fn get_process(&self, slug: &Slug) -> Result<Process> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(find_process(&mut c, slug).await?, format_args!("process '{slug}'"))
                }

                async fn readiness(&self) -> Result<$crate::deps::accord_store::Readiness> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    let applied: i64 =
                        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
                            .fetch_one(&mut *c)
                            .await
                            .map_err(err)?;
                    drop(c);
                    Ok($crate::deps::accord_store::Readiness {
                        migrations_applied: usize::try_from(applied).unwrap_or_default(),
                        migrations_known: $store::migrations_known(),
                        pool_size: self.pool.size(),
                        pool_idle: u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX),
                    })
                }

                async fn list_phases(&self, process: &Slug) -> Result<Vec<Phase>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_phases(&mut c, process).await
                }

                async fn list_phase_changes(&self, process: &Slug) -> Result<Vec<PhaseChange>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_phase_changes(&mut c, process).await
                }

                async fn list_meetings(&self, q: &MeetingQuery) -> Result<Page<Meeting>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_meetings(&mut c, q).await
                }

                async fn get_meeting(&self, process: &Slug, id: i64) -> Result<Meeting> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(get_meeting(&mut c, process, id).await?, format_args!("meeting {id} in '{process}'"))
                }

                async fn list_meeting_changes(&self, meeting: i64) -> Result<Vec<MeetingChange>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_meeting_changes(&mut c, meeting).await
                }

                async fn list_record_changes(&self, process: &Slug, subject: &str) -> Result<Vec<RecordChange>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_record_changes(&mut c, process, subject).await
                }

                async fn list_actors(&self, q: &ActorQuery) -> Result<Page<Actor>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_actors(&mut c, q).await
                }

                async fn get_actor(&self, code: &ActorCode) -> Result<Actor> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(find_actor(&mut c, code).await?, format_args!("actor '{code}'"))
                }

                async fn groups_of(&self, code: &ActorCode) -> Result<Vec<Actor>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    groups_of(&mut c, code).await
                }

                async fn list_documents(&self, q: &DocumentQuery) -> Result<Page<Document>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_documents(&mut c, q).await
                }

                async fn list_statements(&self, q: &StatementQuery) -> Result<Page<Statement>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_statements(&mut c, q).await
                }
                async fn get_statement(&self, process: &Slug, id: i64) -> Result<Statement> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    let s = find_statement(&mut c, id).await?.filter(|s| &s.process == process);
                    found(s, format_args!("statement {id} in '{process}'"))
                }
                async fn list_texts(&self, kind: ItemKind, id: i64) -> Result<Vec<ItemText>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_texts(&mut c, kind, id).await
                }
                async fn item_process(&self, kind: ItemKind, id: i64) -> Result<Option<Slug>> {
                    let table = match kind {
                        ItemKind::Document => "documents",
                        ItemKind::Statement => "statements",
                        ItemKind::Input => "inputs",
                    };
                    let found: Option<String> = sqlx::query_scalar(&format!("SELECT process FROM {table} WHERE id = $1"))
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(err)?;
                    found.map(|p| parse_stored(&p, "process")).transpose()
                }
                async fn list_other_versions(&self, kind: ItemKind, id: i64) -> Result<Vec<OtherVersion>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_other_versions(&mut c, kind, id).await
                }
                async fn list_pending_texts(&self) -> Result<Vec<(ItemKind, i64, ItemText)>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_pending_texts(&mut c).await
                }
                async fn list_consultations(&self, process: &Slug) -> Result<Vec<Consultation>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_consultations(&mut c, process).await
                }
                async fn consultation_closures(&self, process: &Slug) -> Result<Vec<(Slug, String)>> {
                    let rows: Vec<(String, String)> = sqlx::query_as(
                        "SELECT slug, closed_reason FROM consultations \
                         WHERE process = $1 AND closed_reason IS NOT NULL ORDER BY slug",
                    )
                    .bind(process.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(err)?;
                    rows.into_iter()
                        .map(|(slug, reason)| Ok((parse_stored(&slug, "slug")?, reason)))
                        .collect()
                }
                async fn list_inputs(&self, q: &InputQuery) -> Result<Page<Input>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_inputs(&mut c, q).await
                }
                async fn get_input(&self, process: &Slug, id: i64) -> Result<Input> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    let i = find_input(&mut c, id).await?.filter(|i| &i.process == process);
                    found(i, format_args!("input {id} in '{process}'"))
                }
                async fn list_recommendations(&self, q: &RecommendationQuery) -> Result<Page<Recommendation>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_recommendations(&mut c, q).await
                }

                async fn get_document(&self, process: &Slug, id: i64) -> Result<Document> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(
                        document_where(&mut c, "d.process = $1 AND d.id = $2", &[process.as_str()], Some(id)).await?,
                        format_args!("document {id} in '{process}'"),
                    )
                }

                async fn list_themes(&self, process: &Slug) -> Result<Vec<Theme>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_themes(&mut c, process).await
                }

                async fn get_account(&self, id: i64) -> Result<StoredAccount> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(find_account(&mut c, id).await?, format_args!("account {id}"))
                }

                async fn find_session(&self, id_hash: &str) -> Result<Option<SessionRecord>> {
                    sqlx::query(
                        "SELECT id_hash, account_id, csrf, created_at, expires_at FROM sessions WHERE id_hash = $1",
                    )
                    .bind(id_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(err)?
                    .as_ref()
                    .map(session_from)
                    .transpose()
                }

                async fn find_api_token(&self, token_hash: &str) -> Result<Option<ApiTokenRecord>> {
                    sqlx::query(&format!("{TOKEN_COLUMNS} WHERE token_hash = $1"))
                        .bind(token_hash)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(err)?
                        .as_ref()
                        .map(token_from)
                        .transpose()
                }

                async fn list_api_tokens(&self, account: i64) -> Result<Vec<ApiTokenRecord>> {
                    sqlx::query(&format!("{TOKEN_COLUMNS} WHERE account_id = $1 ORDER BY id"))
                        .bind(account)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(err)?
                        .iter()
                        .map(token_from)
                        .collect()
                }

                async fn list_audit(&self, q: &AuditQuery) -> Result<Page<AuditEntry>> {
                    let mut qb = QueryBuilder::<Db>::new(AUDIT_COLUMNS);
                    qb.push(" WHERE 1 = 1");
                    if let Some(prefix) = &q.action_prefix {
                        let escaped: String = prefix
                            .chars()
                            .flat_map(|c| match c {
                                '%' | '_' | '\\' => vec!['\\', c],
                                c => vec![c],
                            })
                            .collect();
                        qb.push(" AND action LIKE ").push_bind(format!("{escaped}%"));
                        qb.push(" ESCAPE '\\'");
                    }
                    if let Some(account) = q.account {
                        qb.push(" AND account_id = ").push_bind(account);
                    }
                    if let Some(process) = &q.process {
                        qb.push(" AND process = ").push_bind(process.to_string());
                    }
                    if let Some(within) = &q.within {
                        qb.push(" AND process IN (''");
                        for p in within {
                            qb.push(", ").push_bind(p.to_string());
                        }
                        qb.push(")");
                    }
                    if let Some(before) = q.before {
                        qb.push(" AND seq < ").push_bind(before);
                    }
                    qb.push(" ORDER BY seq DESC LIMIT ").push_bind(i64::from(q.limit) + 1);
                    let rows = qb.build().fetch_all(&self.pool).await.map_err(err)?;
                    let items = rows.iter().map(audit_from).collect::<Result<Vec<_>>>()?;
                    Ok(Page::from_overfetch(items, q.limit))
                }

                async fn audit_entries(&self, after_seq: i64, limit: u32) -> Result<Vec<AuditEntry>> {
                    sqlx::query(&format!("{AUDIT_COLUMNS} WHERE seq > $1 ORDER BY seq LIMIT $2"))
                        .bind(after_seq)
                        .bind(i64::from(limit))
                        .fetch_all(&self.pool)
                        .await
                        .map_err(err)?
                        .iter()
                        .map(audit_from)
                        .collect()
                }

                async fn audit_head(&self) -> Result<(i64, String)> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    audit_head(&mut c, false).await
                }

                async fn list_inscriptions(&self, meeting: i64) -> Result<Vec<Inscription>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    meeting_inscriptions(&mut c, meeting).await
                }

                async fn list_time_limits(&self, meeting: i64) -> Result<Vec<(SpeakerCategory, u32)>> {
                    let rows: Vec<(String, i32)> = sqlx::query_as(
                        "SELECT category, seconds FROM time_limits WHERE meeting_id = $1 ORDER BY category",
                    )
                    .bind(meeting)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(err)?;
                    rows.into_iter()
                        .map(|(category, seconds)| {
                            Ok((
                                category.parse().map_err(|e| StoreError::Other(format!("stored time limit: {e}")))?,
                                seconds as u32,
                            ))
                        })
                        .collect()
                }

                async fn list_applications(&self, process: &Slug) -> Result<Vec<Application>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    let rows = sqlx::query(&format!("{APPLICATION_COLUMNS} WHERE process = $1 ORDER BY id DESC"))
                        .bind(process.as_str())
                        .fetch_all(&mut *c)
                        .await
                        .map_err(err)?;
                    let mut out = Vec::with_capacity(rows.len());
                    for row in &rows {
                        out.push(application_from(&mut c, row).await?);
                    }
                    Ok(out)
                }

                async fn deciding_body(&self, process: &Slug) -> Result<Option<DecidingBody>> {
                    let body: Option<String> =
                        sqlx::query_scalar("SELECT deciding_body FROM accreditation_settings WHERE process = $1")
                            .bind(process.as_str())
                            .fetch_optional(&self.pool)
                            .await
                            .map_err(err)?;
                    opt_parse(body, "deciding_body")
                }

                async fn list_participants(&self, meeting: i64) -> Result<Vec<Participant>> {
                    sqlx::query(
                        "SELECT r.account_id, a.name, a.email, r.actor, r.registered_at FROM meeting_registrations r \
                         JOIN accounts a ON a.id = r.account_id WHERE r.meeting_id = $1 ORDER BY r.registered_at, r.account_id",
                    )
                    .bind(meeting)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(err)?
                    .iter()
                    .map(|r| {
                        Ok(Participant {
                            account: r.try_get("account_id").map_err(err)?,
                            name: r.try_get("name").map_err(err)?,
                            email: parse_email(&r.try_get::<String, _>("email").map_err(err)?)?,
                            actor: parse_stored(&r.try_get::<String, _>("actor").map_err(err)?, "actor")?,
                            registered_at: r.try_get("registered_at").map_err(err)?,
                        })
                    })
                    .collect()
                }

                async fn group_speaker(&self, process: &Slug, group: &ActorCode, account: i64) -> Result<bool> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    is_group_speaker(&mut c, process, group, account).await
                }
                async fn list_drafts(&self, process: &Slug) -> Result<Vec<Draft>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_drafts(&mut c, process).await
                }
                async fn get_draft(&self, process: &Slug, slug: &Slug) -> Result<Draft> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(find_draft(&mut c, process, slug).await?, format_args!("draft '{slug}' in '{process}'"))
                }
                async fn list_versions(&self, draft: i64) -> Result<Vec<Version>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_versions(&mut c, draft).await
                }
                async fn list_amendments(&self, version: i64) -> Result<Vec<Amendment>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_amendments(&mut c, version).await
                }
                async fn get_amendment(&self, id: i64) -> Result<Amendment> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(find_amendment(&mut c, id).await?, format_args!("amendment {id}"))
                }
                async fn list_paragraph_statuses(&self, version: i64) -> Result<Vec<StatusRecord>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_paragraph_statuses(&mut c, version).await
                }
                async fn list_expressions(&self, version: i64) -> Result<Vec<Expression>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_expressions(&mut c, version).await
                }
                async fn list_silence_procedures(&self, draft: i64) -> Result<Vec<SilenceProcedure>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_silence_procedures(&mut c, draft).await
                }
                async fn due_silence_procedures(&self, now: DateTime<Utc>) -> Result<Vec<i64>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    due_silence_procedures(&mut c, now).await
                }

                async fn list_jobs(&self, process: &Slug, limit: u32) -> Result<Vec<Job>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_jobs(&mut c, process, limit).await
                }
                async fn job_counts(&self) -> Result<Vec<(JobStatus, i64)>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    job_counts(&mut c).await
                }

                async fn list_adoptions(&self, process: &Slug) -> Result<Vec<Adoption>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_adoptions(&mut c, process).await
                }
                async fn get_adoption(&self, process: &Slug, id: i64) -> Result<Adoption> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    let a = find_adoption(&mut c, id).await?.filter(|a| &a.process == process);
                    found(a, format_args!("adoption {id} in '{process}'"))
                }
                async fn list_adoption_statements(&self, adoption: i64) -> Result<Vec<AdoptionStatement>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_adoption_statements(&mut c, adoption).await
                }
                async fn list_paragraph_votes(&self, meeting: i64) -> Result<Vec<ParagraphVote>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_paragraph_votes(&mut c, meeting).await
                }
                async fn list_oral_changes(&self, meeting: i64) -> Result<Vec<OralChange>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_oral_changes(&mut c, meeting).await
                }
                async fn list_pledges(
                    &self,
                    process: &Slug,
                    objective: Option<u32>,
                    after: Option<i64>,
                    limit: u32,
                ) -> Result<Page<Pledge>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_pledges(&mut c, process, objective, after, limit).await
                }
                async fn get_pledge(&self, process: &Slug, id: i64) -> Result<Pledge> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    let p = find_pledge(&mut c, id).await?.filter(|p| &p.process == process);
                    found(p, format_args!("pledge {id} in '{process}'"))
                }
                async fn get_job(&self, id: i64) -> Result<Job> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(find_job(&mut c, id).await?, format_args!("job {id}"))
                }
                async fn latest_analysis(&self, process: &Slug) -> Result<Option<AnalysisRun>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    latest_analysis(&mut c, process).await
                }
                async fn list_campaigns(&self, run: i64, limit: u32, offset: u32) -> Result<Vec<Campaign>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_campaigns(&mut c, run, limit, offset).await
                }
                async fn get_campaign(&self, run: i64, number: i64) -> Result<Campaign> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    found(find_campaign(&mut c, run, number).await?, format_args!("campaign {number}"))
                }
                async fn campaign_of_input(&self, run: i64, input: i64) -> Result<Option<Campaign>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    campaign_of_input(&mut c, run, input).await
                }
                async fn campaign_inputs(&self, run: i64, number: i64, after: i64, limit: u32) -> Result<Vec<i64>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    campaign_inputs(&mut c, run, number, after, limit).await
                }
                async fn item_theme(&self, run: i64, kind: ItemKind, id: i64) -> Result<Option<ThemeAssignment>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    item_theme(&mut c, run, kind, id).await
                }
                async fn list_clusters(&self, run: i64) -> Result<Vec<ThemeCluster>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_clusters(&mut c, run).await
                }
                async fn analysis_texts(&self, process: &Slug, kind: ItemKind, after: i64, limit: u32, now: DateTime<Utc>) -> Result<Vec<AnalysisText>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    analysis_texts(&mut c, process, kind, after, limit, now).await
                }
                async fn list_theme_labels(&self, process: &Slug) -> Result<Vec<ThemeLabel>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_theme_labels(&mut c, process).await
                }
                async fn list_dismissals(&self, kind: ItemKind, id: i64) -> Result<Vec<Dismissal>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_dismissals(&mut c, kind, id).await
                }
                async fn list_coverage_links(&self, process: &Slug) -> Result<Vec<CoverageLink>> {
                    let mut c = self.pool.acquire().await.map_err(err)?;
                    list_coverage_links(&mut c, process).await
                }

                async fn list_delegations(&self, process: &Slug) -> Result<Vec<(ActorCode, String)>> {
                    sqlx::query("SELECT state, head_name FROM delegations WHERE process = $1 ORDER BY state")
                        .bind(process.as_str())
                        .fetch_all(&self.pool)
                        .await
                        .map_err(err)?
                        .iter()
                        .map(|r| {
                            Ok((
                                parse_stored(&r.try_get::<String, _>("state").map_err(err)?, "state")?,
                                r.try_get("head_name").map_err(err)?,
                            ))
                        })
                        .collect()
                }
            }

            #[$crate::deps::async_trait]
            impl Tx for $tx {
                async fn find_actor(&mut self, code: &ActorCode) -> Result<Option<Actor>> {
                    find_actor(&mut self.tx, code).await
                }
                async fn insert_actor(&mut self, actor: &Actor) -> Result<()> {
                    insert_actor(&mut self.tx, actor).await
                }
                async fn find_process(&mut self, slug: &Slug) -> Result<Option<Process>> {
                    find_process(&mut self.tx, slug).await
                }
                async fn insert_process(&mut self, process: &Process) -> Result<()> {
                    insert_process(&mut self.tx, process).await
                }
                async fn update_process(&mut self, process: &Process) -> Result<()> {
                    update_process(&mut self.tx, process).await
                }
                async fn meeting_kinds_in_use(&mut self, process: &Slug) -> Result<Vec<MeetingKind>> {
                    meeting_kinds_in_use(&mut self.tx, process).await
                }
                async fn find_phase(&mut self, process: &Slug, kind: PhaseKind) -> Result<Option<Phase>> {
                    find_phase(&mut self.tx, process, kind).await
                }
                async fn insert_phase(&mut self, phase: &Phase) -> Result<()> {
                    insert_phase(&mut self.tx, phase).await
                }
                async fn update_phase(&mut self, phase: &Phase) -> Result<()> {
                    update_phase(&mut self.tx, phase).await
                }
                async fn insert_phase_change(&mut self, change: &PhaseChange) -> Result<()> {
                    insert_phase_change(&mut self.tx, change).await
                }
                async fn find_meeting(&mut self, process: &Slug, slug: &Slug) -> Result<Option<Meeting>> {
                    find_meeting(&mut self.tx, process, slug).await
                }
                async fn insert_meeting(&mut self, meeting: &NewMeeting) -> Result<i64> {
                    insert_meeting(&mut self.tx, meeting).await
                }
                async fn update_meeting(&mut self, meeting: &Meeting) -> Result<()> {
                    update_meeting(&mut self.tx, meeting).await
                }
                async fn insert_meeting_change(&mut self, change: &MeetingChange) -> Result<()> {
                    insert_meeting_change(&mut self.tx, change).await
                }
                async fn agenda_items_in_use(&mut self, meeting: i64) -> Result<Vec<u32>> {
                    agenda_items_in_use(&mut self.tx, meeting).await
                }
                async fn find_document(&mut self, process: &Slug, slug: &Slug) -> Result<Option<Document>> {
                    document_where(&mut self.tx, "d.process = $1 AND d.slug = $2", &[process.as_str(), slug.as_str()], None).await
                }
                async fn find_document_by_symbol(&mut self, symbol: &Symbol) -> Result<Option<Document>> {
                    document_where(&mut self.tx, "d.symbol = $1", &[symbol.as_str()], None).await
                }
                async fn insert_document(&mut self, document: &NewDocument, meeting: Option<i64>) -> Result<i64> {
                    insert_document(&mut self.tx, document, meeting).await
                }
                async fn document_by_id(&mut self, process: &Slug, id: i64) -> Result<Option<Document>> {
                    document_where(&mut self.tx, "d.process = $1 AND d.id = $2", &[process.as_str()], Some(id)).await
                }
                async fn update_document(&mut self, document: &Document, meeting: Option<i64>) -> Result<()> {
                    update_document(&mut self.tx, document, meeting).await
                }
                async fn insert_record_change(&mut self, process: &Slug, change: &RecordChange) -> Result<()> {
                    insert_record_change(&mut self.tx, process, change).await
                }
                async fn find_theme(&mut self, process: &Slug, code: &Slug) -> Result<Option<Theme>> {
                    find_theme(&mut self.tx, process, code).await
                }
                async fn insert_theme(&mut self, theme: &Theme) -> Result<()> {
                    insert_theme(&mut self.tx, theme).await
                }
                async fn update_theme(&mut self, theme: &Theme) -> Result<()> {
                    update_theme(&mut self.tx, theme).await
                }

                async fn find_account(&mut self, id: i64) -> Result<Option<StoredAccount>> {
                    find_account(&mut self.tx, id).await
                }
                async fn find_account_by_email(&mut self, email: &Email) -> Result<Option<StoredAccount>> {
                    find_account_by_email(&mut self.tx, email).await
                }
                async fn insert_account(
                    &mut self,
                    email: &Email,
                    name: &str,
                    password_hash: &str,
                    at: DateTime<Utc>,
                ) -> Result<i64> {
                    sqlx::query_scalar(
                        "INSERT INTO accounts (email, name, password_hash, created_at) \
                         VALUES ($1, $2, $3, $4) RETURNING id",
                    )
                    .bind(email.as_str())
                    .bind(name)
                    .bind(password_hash)
                    .bind(at)
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)
                }
                async fn set_password(&mut self, account: i64, password_hash: &str) -> Result<()> {
                    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
                        .bind(password_hash)
                        .bind(account)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn insert_grant(&mut self, account: i64, grant: &RoleGrant) -> Result<()> {
                    sqlx::query("INSERT INTO role_grants (account_id, role, process, actor) VALUES ($1, $2, $3, $4)")
                        .bind(account)
                        .bind(grant.role.as_str())
                        .bind(grant.process.as_ref().map(|p| p.as_str()))
                        .bind(grant.actor.as_ref().map(|a| a.as_str()))
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn insert_session(&mut self, s: &SessionRecord) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO sessions (id_hash, account_id, csrf, created_at, expires_at) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(&s.id_hash)
                    .bind(s.account)
                    .bind(&s.csrf)
                    .bind(s.created_at)
                    .bind(s.expires_at)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn delete_session(&mut self, id_hash: &str) -> Result<()> {
                    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
                        .bind(id_hash)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn delete_sessions_of(&mut self, account: i64) -> Result<()> {
                    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
                        .bind(account)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn insert_api_token(&mut self, t: &ApiTokenRecord) -> Result<i64> {
                    sqlx::query_scalar(
                        "INSERT INTO api_tokens (account_id, name, token_hash, created_at, expires_at, revoked_at) \
                         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    )
                    .bind(t.account)
                    .bind(&t.name)
                    .bind(&t.token_hash)
                    .bind(t.created_at)
                    .bind(t.expires_at)
                    .bind(t.revoked_at)
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)
                }
                async fn revoke_api_token(&mut self, account: i64, id: i64, at: DateTime<Utc>) -> Result<bool> {
                    let done = sqlx::query(
                        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL",
                    )
                    .bind(at)
                    .bind(id)
                    .bind(account)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(done.rows_affected() == 1)
                }
                async fn revoke_api_tokens_of(&mut self, account: i64, at: DateTime<Utc>) -> Result<u64> {
                    let done = sqlx::query(
                        "UPDATE api_tokens SET revoked_at = $1 WHERE account_id = $2 AND revoked_at IS NULL",
                    )
                    .bind(at)
                    .bind(account)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(done.rows_affected())
                }
                async fn insert_password_reset(
                    &mut self,
                    token_hash: &str,
                    account: i64,
                    expires_at: DateTime<Utc>,
                ) -> Result<()> {
                    sqlx::query("INSERT INTO password_resets (token_hash, account_id, expires_at) VALUES ($1, $2, $3)")
                        .bind(token_hash)
                        .bind(account)
                        .bind(expires_at)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn delete_password_resets_of(&mut self, account: i64) -> Result<u64> {
                    let done = sqlx::query("DELETE FROM password_resets WHERE account_id = $1")
                        .bind(account)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(done.rows_affected())
                }
                async fn take_password_reset(&mut self, token_hash: &str) -> Result<Option<(i64, DateTime<Utc>)>> {
                    let row = sqlx::query(
                        "DELETE FROM password_resets WHERE token_hash = $1 RETURNING account_id, expires_at",
                    )
                    .bind(token_hash)
                    .fetch_optional(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    row.map(|r| Ok((r.try_get("account_id").map_err(err)?, r.try_get("expires_at").map_err(err)?)))
                        .transpose()
                }
                async fn lock_audit_head(&mut self) -> Result<(i64, String)> {
                    audit_head(&mut self.tx, true).await
                }
                async fn append_audit(&mut self, e: &AuditEntry) -> Result<()> {
                    let r = &e.record;
                    sqlx::query(
                        "INSERT INTO audit_log (seq, at, account_id, by_whom, acting_for, action, process, \
                         targets, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    )
                    .bind(e.seq)
                    .bind(r.at)
                    .bind(r.account)
                    .bind(&r.by)
                    .bind(r.acting_for.as_ref().map(|a| a.as_str()))
                    .bind(&r.action)
                    .bind(r.process.as_ref().map(|p| p.as_str()))
                    .bind(Json(&r.targets))
                    .bind(&e.prev_hash)
                    .bind(&e.hash)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
                        .bind(e.seq)
                        .bind(&e.hash)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn set_delegation(&mut self, process: &Slug, state: &ActorCode, head_name: &str) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO delegations (process, state, head_name) VALUES ($1, $2, $3) \
                         ON CONFLICT (process, state) DO UPDATE SET head_name = excluded.head_name",
                    )
                    .bind(process.as_str())
                    .bind(state.as_str())
                    .bind(head_name)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn set_group_chair(&mut self, process: &Slug, group: &ActorCode, chair: &ActorCode) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO group_chairs (process, group_code, chair) VALUES ($1, $2, $3) \
                         ON CONFLICT (process, group_code) DO UPDATE SET chair = excluded.chair",
                    )
                    .bind(process.as_str())
                    .bind(group.as_str())
                    .bind(chair.as_str())
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn find_group_chair(&mut self, process: &Slug, group: &ActorCode) -> Result<Option<ActorCode>> {
                    let chair: Option<String> =
                        sqlx::query_scalar("SELECT chair FROM group_chairs WHERE process = $1 AND group_code = $2")
                            .bind(process.as_str())
                            .bind(group.as_str())
                            .fetch_optional(&mut *self.tx)
                            .await
                            .map_err(err)?;
                    opt_parse(chair, "chair")
                }
                async fn insert_group_speaker(
                    &mut self,
                    process: &Slug,
                    group: &ActorCode,
                    account: i64,
                    designated_by: i64,
                ) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO group_speakers (process, group_code, account_id, designated_by) \
                         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                    )
                    .bind(process.as_str())
                    .bind(group.as_str())
                    .bind(account)
                    .bind(designated_by)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn is_group_speaker(&mut self, process: &Slug, group: &ActorCode, account: i64) -> Result<bool> {
                    is_group_speaker(&mut self.tx, process, group, account).await
                }
                async fn insert_inscription(&mut self, i: &Inscription) -> Result<i64> {
                    sqlx::query_scalar(
                        "INSERT INTO inscriptions (meeting_id, agenda_item, actor, account_id, category, status, \
                         inscribed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                    )
                    .bind(i.meeting)
                    .bind(i64::from(i.agenda_item))
                    .bind(i.actor.as_str())
                    .bind(i.account)
                    .bind(i.category.as_str())
                    .bind(i.status.as_str())
                    .bind(i.inscribed_at)
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)
                }
                async fn find_inscription(&mut self, id: i64) -> Result<Option<Inscription>> {
                    sqlx::query(&format!("{INSCRIPTION_COLUMNS} WHERE id = $1"))
                        .bind(id)
                        .fetch_optional(&mut *self.tx)
                        .await
                        .map_err(err)?
                        .as_ref()
                        .map(inscription_from)
                        .transpose()
                }
                async fn set_inscription_status(&mut self, id: i64, status: SpeakerStatus) -> Result<()> {
                    sqlx::query("UPDATE inscriptions SET status = $1 WHERE id = $2")
                        .bind(status.as_str())
                        .bind(id)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn meeting_inscriptions(&mut self, meeting: i64) -> Result<Vec<Inscription>> {
                    meeting_inscriptions(&mut self.tx, meeting).await
                }

                async fn insert_statement(
                    &mut self,
                    st: &NewStatement,
                    entered_by: &str,
                    at: DateTime<Utc>,
                ) -> Result<i64> {
                    sqlx::query_scalar(
                        "INSERT INTO statements (process, meeting_id, agenda_item, actor, on_behalf_of, title, \
                         delivered_on, distribution, embargo_until, synthetic, entered_by, entered_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                    )
                    .bind(st.process.as_str())
                    .bind(st.meeting)
                    .bind(i64::from(st.agenda_item))
                    .bind(st.actor.as_str())
                    .bind(st.on_behalf_of.as_ref().map(|a| a.to_string()))
                    .bind(&st.title)
                    .bind(st.delivered_on)
                    .bind(st.distribution.as_str())
                    .bind(st.embargo_until)
                    .bind(st.synthetic)
                    .bind(entered_by)
                    .bind(at)
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)
                }
                async fn mark_statement_filed_late(&mut self, id: i64) -> Result<()> {
                    sqlx::query("UPDATE statements SET filed_late = $1 WHERE id = $2")
                        .bind(true)
                        .bind(id)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn find_statement(&mut self, id: i64) -> Result<Option<Statement>> {
                    find_statement(&mut self.tx, id).await
                }
                async fn insert_file(&mut self, file: &StoredFile, at: DateTime<Utc>) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO files (sha256, size, content_type, stored_at) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT (sha256) DO NOTHING",
                    )
                    .bind(&file.sha256)
                    .bind(i64::try_from(file.size).unwrap_or(i64::MAX))
                    .bind(&file.content_type)
                    .bind(at)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn put_text(
                    &mut self,
                    kind: ItemKind,
                    id: i64,
                    text: &ItemText,
                    at: DateTime<Utc>,
                ) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO texts (item_kind, item_id, language, body, blocks, status, diagnostics, \
                         language_detected, looks_like, file_sha256, file_name, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
                         ON CONFLICT (item_kind, item_id, language) DO UPDATE SET body = excluded.body, \
                         blocks = excluded.blocks, status = excluded.status, diagnostics = excluded.diagnostics, \
                         language_detected = excluded.language_detected, looks_like = excluded.looks_like, \
                         file_sha256 = excluded.file_sha256, \
                         file_name = excluded.file_name, updated_at = excluded.updated_at",
                    )
                    .bind(kind.as_str())
                    .bind(id)
                    .bind(text.language.as_str())
                    .bind(&text.body)
                    .bind(Json(&text.blocks))
                    .bind(text.status.as_str())
                    .bind(Json(&text.diagnostics))
                    .bind(text.language_detected)
                    .bind(text.looks_like.map(|l| l.as_str()))
                    .bind(text.file.as_ref().map(|f| f.sha256.clone()))
                    .bind(text.file.as_ref().map(|f| f.filename.clone()))
                    .bind(at)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn put_other_version(
                    &mut self,
                    kind: ItemKind,
                    id: i64,
                    text: &ItemText,
                    chosen: Option<&VersionChoice>,
                    at: DateTime<Utc>,
                ) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO other_versions (item_kind, item_id, language, body, blocks, status, \
                         diagnostics, language_detected, looks_like, file_sha256, file_name, updated_at, \
                         chosen_by, chosen_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
                         ON CONFLICT (item_kind, item_id, language) DO UPDATE SET body = excluded.body, \
                         blocks = excluded.blocks, status = excluded.status, diagnostics = excluded.diagnostics, \
                         language_detected = excluded.language_detected, looks_like = excluded.looks_like, \
                         file_sha256 = excluded.file_sha256, file_name = excluded.file_name, \
                         updated_at = excluded.updated_at, chosen_by = excluded.chosen_by, \
                         chosen_at = excluded.chosen_at",
                    )
                    .bind(kind.as_str())
                    .bind(id)
                    .bind(text.language.as_str())
                    .bind(&text.body)
                    .bind(Json(&text.blocks))
                    .bind(text.status.as_str())
                    .bind(Json(&text.diagnostics))
                    .bind(text.language_detected)
                    .bind(text.looks_like.map(|l| l.as_str()))
                    .bind(text.file.as_ref().map(|f| f.sha256.clone()))
                    .bind(text.file.as_ref().map(|f| f.filename.clone()))
                    .bind(at)
                    .bind(chosen.map(|c| c.by.clone()))
                    .bind(chosen.map(|c| c.at))
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn find_other_version(
                    &mut self,
                    kind: ItemKind,
                    id: i64,
                    language: Language,
                ) -> Result<Option<OtherVersion>> {
                    find_other_version(&mut self.tx, kind, id, language).await
                }
                async fn find_text(
                    &mut self,
                    kind: ItemKind,
                    id: i64,
                    language: Language,
                ) -> Result<Option<ItemText>> {
                    find_text(&mut self.tx, kind, id, language).await
                }
                async fn find_consultation(
                    &mut self,
                    process: &Slug,
                    slug: &Slug,
                ) -> Result<Option<Consultation>> {
                    find_consultation(&mut self.tx, process, slug).await
                }
                async fn set_consultation_closing(
                    &mut self,
                    process: &Slug,
                    slug: &Slug,
                    closes_at: DateTime<Utc>,
                    closed_reason: Option<&str>,
                ) -> Result<()> {
                    sqlx::query(
                        "UPDATE consultations SET closes_at = $1, closed_reason = $2 \
                         WHERE process = $3 AND slug = $4",
                    )
                    .bind(closes_at)
                    .bind(closed_reason)
                    .bind(process.as_str())
                    .bind(slug.as_str())
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn consultation_closed_reason(
                    &mut self,
                    process: &Slug,
                    slug: &Slug,
                ) -> Result<Option<String>> {
                    let reason: Option<Option<String>> = sqlx::query_scalar(
                        "SELECT closed_reason FROM consultations WHERE process = $1 AND slug = $2",
                    )
                    .bind(process.as_str())
                    .bind(slug.as_str())
                    .fetch_optional(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(reason.flatten())
                }
                async fn insert_consultation(&mut self, c: &Consultation) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO consultations (process, slug, title, description, opens_at, closes_at, synthetic) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(c.process.as_str())
                    .bind(c.slug.as_str())
                    .bind(&c.title)
                    .bind(&c.description)
                    .bind(c.opens_at)
                    .bind(c.closes_at)
                    .bind(c.synthetic)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn insert_input(
                    &mut self,
                    input: &NewInput,
                    language: Language,
                    language_detected: bool,
                    distribution: Distribution,
                    at: DateTime<Utc>,
                ) -> Result<i64> {
                    sqlx::query_scalar(
                        "INSERT INTO inputs (process, consultation, author, organisation, country, language, \
                         language_detected, body, external_id, synthetic, distribution, submitted_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                    )
                    .bind(input.process.as_str())
                    .bind(input.consultation.as_str())
                    .bind(&input.author)
                    .bind(&input.organisation)
                    .bind(input.country.as_ref().map(|c| c.to_string()))
                    .bind(language.as_str())
                    .bind(language_detected)
                    .bind(&input.text)
                    .bind(&input.external_id)
                    .bind(input.synthetic)
                    .bind(distribution.as_str())
                    .bind(at)
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)
                }
                async fn find_input(&mut self, id: i64) -> Result<Option<Input>> {
                    find_input(&mut self.tx, id).await
                }
                async fn insert_inputs(
                    &mut self,
                    rows: &[(&NewInput, Language, bool)],
                    distribution: Distribution,
                    at: DateTime<Utc>,
                ) -> Result<Vec<i64>> {
                    let mut ids = Vec::with_capacity(rows.len());
                    // 12 values a row: 400 rows stay under every bind limit.
                    for chunk in rows.chunks(400) {
                        let mut qb = QueryBuilder::<Db>::new(
                            "INSERT INTO inputs (process, consultation, author, organisation, country, language, \
                             language_detected, body, external_id, synthetic, distribution, submitted_at) ",
                        );
                        qb.push_values(chunk, |mut b, (input, language, detected)| {
                            b.push_bind(input.process.as_str())
                                .push_bind(input.consultation.as_str())
                                .push_bind(&input.author)
                                .push_bind(&input.organisation)
                                .push_bind(input.country.as_ref().map(|c| c.to_string()))
                                .push_bind(language.as_str())
                                .push_bind(*detected)
                                .push_bind(&input.text)
                                .push_bind(&input.external_id)
                                .push_bind(input.synthetic)
                                .push_bind(distribution.as_str())
                                .push_bind(at);
                        });
                        qb.push(" RETURNING id");
                        let mut found: Vec<i64> = qb
                            .build_query_scalar()
                            .fetch_all(&mut *self.tx)
                            .await
                            .map_err(err)?;
                        // RETURNING promises no order; the ids of one
                        // statement grow in the order of its rows.
                        found.sort_unstable();
                        ids.extend(found);
                    }
                    Ok(ids)
                }
                async fn existing_external_ids(
                    &mut self,
                    process: &Slug,
                    ids: &[&str],
                ) -> Result<Vec<String>> {
                    let mut found = Vec::new();
                    for chunk in ids.chunks(1_000) {
                        let mut qb = QueryBuilder::<Db>::new(
                            "SELECT external_id FROM inputs WHERE process = ",
                        );
                        qb.push_bind(process.as_str()).push(" AND external_id IN (");
                        let mut list = qb.separated(", ");
                        for id in chunk {
                            list.push_bind(*id);
                        }
                        qb.push(")");
                        let rows: Vec<String> = qb
                            .build_query_scalar()
                            .fetch_all(&mut *self.tx)
                            .await
                            .map_err(err)?;
                        found.extend(rows);
                    }
                    Ok(found)
                }
                async fn find_input_by_external_id(
                    &mut self,
                    process: &Slug,
                    external_id: &str,
                ) -> Result<Option<i64>> {
                    sqlx::query_scalar("SELECT id FROM inputs WHERE process = $1 AND external_id = $2")
                        .bind(process.as_str())
                        .bind(external_id)
                        .fetch_optional(&mut *self.tx)
                        .await
                        .map_err(err)
                }
                async fn insert_recommendation(
                    &mut self,
                    r: &NewRecommendation,
                    start: usize,
                    marked_by: &str,
                    at: DateTime<Utc>,
                ) -> Result<i64> {
                    sqlx::query_scalar(
                        "INSERT INTO recommendations (process, source_kind, source_id, language, passage, \
                         start_char, themes, marked_by, marked_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                    )
                    .bind(r.process.as_str())
                    .bind(r.source.as_str())
                    .bind(r.source_id)
                    .bind(r.language.as_str())
                    .bind(&r.passage)
                    .bind(i64::try_from(start).unwrap_or(i64::MAX))
                    .bind(Json(&r.themes))
                    .bind(marked_by)
                    .bind(at)
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)
                }
                async fn set_time_limit(
                    &mut self,
                    meeting: i64,
                    category: SpeakerCategory,
                    seconds: Option<u32>,
                ) -> Result<()> {
                    match seconds {
                        Some(seconds) => sqlx::query(
                            "INSERT INTO time_limits (meeting_id, category, seconds) VALUES ($1, $2, $3) \
                             ON CONFLICT (meeting_id, category) DO UPDATE SET seconds = excluded.seconds",
                        )
                        .bind(meeting)
                        .bind(category.as_str())
                        .bind(seconds as i32),
                        None => sqlx::query("DELETE FROM time_limits WHERE meeting_id = $1 AND category = $2")
                            .bind(meeting)
                            .bind(category.as_str()),
                    }
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn objection_days(&mut self, process: &Slug) -> Result<Option<i64>> {
                    let days: Option<Option<i64>> =
                        sqlx::query_scalar("SELECT objection_days FROM accreditation_settings WHERE process = $1")
                            .bind(process.as_str())
                            .fetch_optional(&mut *self.tx)
                            .await
                            .map_err(err)?;
                    Ok(days.flatten())
                }
                async fn deciding_body(&mut self, process: &Slug) -> Result<Option<DecidingBody>> {
                    let body: Option<String> =
                        sqlx::query_scalar("SELECT deciding_body FROM accreditation_settings WHERE process = $1")
                            .bind(process.as_str())
                            .fetch_optional(&mut *self.tx)
                            .await
                            .map_err(err)?;
                    opt_parse(body, "deciding_body")
                }
                async fn set_deciding_body(&mut self, process: &Slug, body: DecidingBody) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO accreditation_settings (process, deciding_body) VALUES ($1, $2) \
                         ON CONFLICT (process) DO UPDATE SET deciding_body = excluded.deciding_body",
                    )
                    .bind(process.as_str())
                    .bind(body.as_str())
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn set_objection_days(&mut self, process: &Slug, days: i64) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO accreditation_settings (process, objection_days) VALUES ($1, $2) \
                         ON CONFLICT (process) DO UPDATE SET objection_days = excluded.objection_days",
                    )
                    .bind(process.as_str())
                    .bind(days)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn insert_application(&mut self, a: &Application) -> Result<i64> {
                    let n = &a.application;
                    sqlx::query_scalar(
                        "INSERT INTO accreditation_applications (process, name, kind, country, website, ecosoc_status, \
                         description, applied_at, objection_deadline, status) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
                    )
                    .bind(a.process.as_str())
                    .bind(&n.name)
                    .bind(n.kind.as_str())
                    .bind(n.country.as_str())
                    .bind(&n.website)
                    .bind(n.ecosoc_status)
                    .bind(&n.description)
                    .bind(a.applied_at)
                    .bind(a.objection_deadline)
                    .bind(a.status.as_str())
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)
                }
                async fn find_application(&mut self, id: i64) -> Result<Option<Application>> {
                    let row = sqlx::query(&format!("{APPLICATION_COLUMNS} WHERE id = $1"))
                        .bind(id)
                        .fetch_optional(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    match row {
                        Some(row) => Ok(Some(application_from(&mut self.tx, &row).await?)),
                        None => Ok(None),
                    }
                }
                async fn insert_objection(&mut self, application: i64, o: &Objection) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO accreditation_objections (application_id, state, account_id, at, reason) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(application)
                    .bind(o.state.as_str())
                    .bind(o.account)
                    .bind(o.at)
                    .bind(&o.reason)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn refer_application(&mut self, id: i64, body: DecidingBody) -> Result<()> {
                    sqlx::query("UPDATE accreditation_applications SET status = 'referred', referred_to = $1 WHERE id = $2")
                        .bind(body.as_str())
                        .bind(id)
                        .execute(&mut *self.tx)
                        .await
                        .map_err(err)?;
                    Ok(())
                }
                async fn decide_application(&mut self, id: i64, d: &ApplicationDecision) -> Result<()> {
                    let body = d.body_decision.as_ref();
                    sqlx::query(
                        "UPDATE accreditation_applications SET status = $1, decided_at = $2, decided_by = $3, \
                         decision_note = $4, actor = $5, body_decision_date = $6, body_decision_meeting = $7, \
                         body_decision_reference = $8 WHERE id = $9",
                    )
                    .bind(d.status.as_str())
                    .bind(d.at)
                    .bind(d.by)
                    .bind(&d.note)
                    .bind(d.actor.as_ref().map(|a| a.as_str()))
                    .bind(body.map(|b| b.date))
                    .bind(body.and_then(|b| b.meeting))
                    .bind(body.and_then(|b| b.reference.as_deref()))
                    .bind(id)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn is_accredited(&mut self, process: &Slug, actor: &ActorCode) -> Result<bool> {
                    let n: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM accreditation_applications WHERE process = $1 AND actor = $2 AND status = 'approved'",
                    )
                    .bind(process.as_str())
                    .bind(actor.as_str())
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(n > 0)
                }
                async fn insert_registration(&mut self, meeting: i64, account: i64, actor: &ActorCode, at: DateTime<Utc>) -> Result<()> {
                    sqlx::query(
                        "INSERT INTO meeting_registrations (meeting_id, account_id, actor, registered_at) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(meeting)
                    .bind(account)
                    .bind(actor.as_str())
                    .bind(at)
                    .execute(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(())
                }
                async fn is_registered(&mut self, meeting: i64, account: i64) -> Result<bool> {
                    let n: i64 = sqlx::query_scalar(
                        "SELECT COUNT(*) FROM meeting_registrations WHERE meeting_id = $1 AND account_id = $2",
                    )
                    .bind(meeting)
                    .bind(account)
                    .fetch_one(&mut *self.tx)
                    .await
                    .map_err(err)?;
                    Ok(n > 0)
                }

                async fn find_draft(&mut self, process: &Slug, slug: &Slug) -> Result<Option<Draft>> {
                    find_draft(&mut self.tx, process, slug).await
                }
                async fn insert_draft(&mut self, draft: &Draft) -> Result<i64> {
                    insert_draft(&mut self.tx, draft).await
                }
                async fn draft_versions(&mut self, draft: i64) -> Result<Vec<Version>> {
                    list_versions(&mut self.tx, draft).await
                }
                async fn find_version(&mut self, id: i64) -> Result<Option<Version>> {
                    find_version(&mut self.tx, id).await
                }
                async fn insert_version(&mut self, version: &Version) -> Result<i64> {
                    insert_version(&mut self.tx, version).await
                }
                async fn find_amendment(&mut self, id: i64) -> Result<Option<Amendment>> {
                    find_amendment(&mut self.tx, id).await
                }
                async fn version_amendments(&mut self, version: i64) -> Result<Vec<Amendment>> {
                    list_amendments(&mut self.tx, version).await
                }
                async fn insert_amendment(&mut self, amendment: &Amendment) -> Result<(i64, u32)> {
                    insert_amendment(&mut self.tx, amendment).await
                }
                async fn set_position(
                    &mut self,
                    amendment: i64,
                    actor: &ActorCode,
                    stance: Stance,
                    at: DateTime<Utc>,
                ) -> Result<()> {
                    set_position(&mut self.tx, amendment, actor, stance, at).await
                }
                async fn set_co_sponsorship(
                    &mut self,
                    amendment: i64,
                    actor: &ActorCode,
                    confirmed: bool,
                    at: DateTime<Utc>,
                ) -> Result<bool> {
                    set_co_sponsorship(&mut self.tx, amendment, actor, confirmed, at).await
                }
                async fn set_amendment_status(
                    &mut self,
                    id: i64,
                    status: AmendmentStatus,
                    note: &str,
                    at: Option<DateTime<Utc>>,
                ) -> Result<()> {
                    set_amendment_status(&mut self.tx, id, status, note, at).await
                }
                async fn set_paragraph_status(&mut self, version: i64, record: &StatusRecord) -> Result<()> {
                    set_paragraph_status(&mut self.tx, version, record).await
                }
                async fn put_expression(&mut self, expression: &Expression) -> Result<()> {
                    put_expression(&mut self.tx, expression).await
                }
                async fn version_statuses(&mut self, version: i64) -> Result<Vec<StatusRecord>> {
                    list_paragraph_statuses(&mut self.tx, version).await
                }
                async fn insert_silence(&mut self, procedure: &SilenceProcedure) -> Result<i64> {
                    insert_silence(&mut self.tx, procedure).await
                }
                async fn find_silence(&mut self, id: i64) -> Result<Option<SilenceProcedure>> {
                    find_silence(&mut self.tx, id).await
                }
                async fn insert_silence_break(&mut self, procedure: i64, letter: &SilenceBreak) -> Result<()> {
                    insert_silence_break(&mut self.tx, procedure, letter).await
                }
                async fn set_silence_outcome(
                    &mut self,
                    id: i64,
                    outcome: RecordedOutcome,
                    at: DateTime<Utc>,
                ) -> Result<()> {
                    set_silence_outcome(&mut self.tx, id, outcome, at).await
                }
                async fn insert_job(&mut self, job: &Job) -> Result<i64> {
                    insert_job(&mut self.tx, job).await
                }
                async fn meeting_by_id(&mut self, id: i64) -> Result<Option<Meeting>> {
                    meeting_by_id(&mut self.tx, id).await
                }
                async fn insert_adoption(
                    &mut self,
                    adoption: &NewAdoption,
                    entered_by: &str,
                    at: DateTime<Utc>,
                ) -> Result<i64> {
                    insert_adoption(&mut self.tx, adoption, entered_by, at).await
                }
                async fn find_adoption(&mut self, id: i64) -> Result<Option<Adoption>> {
                    find_adoption(&mut self.tx, id).await
                }
                async fn adoptions_of_version(&mut self, version: i64) -> Result<Vec<Adoption>> {
                    adoptions_of_version(&mut self.tx, version).await
                }
                async fn insert_ballots(&mut self, adoption: i64, ballots: &[Ballot]) -> Result<()> {
                    insert_ballots(&mut self.tx, adoption, ballots).await
                }
                async fn close_vote(
                    &mut self,
                    adoption: i64,
                    totals: &Totals,
                    present: &[ActorCode],
                    added: &[Ballot],
                ) -> Result<()> {
                    close_vote(&mut self.tx, adoption, totals, present, added).await
                }
                async fn insert_vote_intention(&mut self, adoption: i64, intention: &VoteIntention) -> Result<()> {
                    insert_vote_intention(&mut self.tx, adoption, intention).await
                }
                async fn insert_adoption_statement(&mut self, link: &AdoptionStatement) -> Result<()> {
                    insert_adoption_statement(&mut self.tx, link).await
                }
                async fn adoption_statements(&mut self, adoption: i64) -> Result<Vec<AdoptionStatement>> {
                    list_adoption_statements(&mut self.tx, adoption).await
                }
                async fn insert_paragraph_vote(&mut self, vote: &ParagraphVote) -> Result<i64> {
                    insert_paragraph_vote(&mut self.tx, vote).await
                }
                async fn paragraph_votes_at(&mut self, meeting: i64) -> Result<Vec<ParagraphVote>> {
                    list_paragraph_votes(&mut self.tx, meeting).await
                }
                async fn insert_oral_change(&mut self, change: &OralChange) -> Result<i64> {
                    insert_oral_change(&mut self.tx, change).await
                }
                async fn insert_pledge(
                    &mut self,
                    pledge: &NewPledge,
                    entered_by: &str,
                    at: DateTime<Utc>,
                ) -> Result<i64> {
                    insert_pledge(&mut self.tx, pledge, entered_by, at).await
                }
                async fn find_pledge(&mut self, id: i64) -> Result<Option<Pledge>> {
                    find_pledge(&mut self.tx, id).await
                }
                async fn insert_progress_report(
                    &mut self,
                    pledge: i64,
                    reported_on: NaiveDate,
                    status: PledgeStatus,
                    text: &str,
                    entered_by: &str,
                    at: DateTime<Utc>,
                ) -> Result<i64> {
                    insert_progress_report(&mut self.tx, pledge, reported_on, status, text, entered_by, at).await
                }
                async fn update_job(&mut self, job: &Job) -> Result<()> {
                    update_job(&mut self.tx, job).await
                }
                async fn fail_running_jobs(&mut self, message: &str, at: DateTime<Utc>) -> Result<u64> {
                    fail_running_jobs(&mut self.tx, message, at).await
                }
                async fn insert_leased_job(
                    &mut self,
                    job: &Job,
                    args: Option<&str>,
                    lease: &$crate::deps::accord_store::JobLease,
                ) -> Result<i64> {
                    insert_leased_job(&mut self.tx, job, args, lease).await
                }
                async fn claim_job(
                    &mut self,
                    lease: &$crate::deps::accord_store::JobLease,
                    now: DateTime<Utc>,
                    max_attempts: i32,
                ) -> Result<Option<$crate::deps::accord_store::ClaimedJob>> {
                    claim_job(&mut self.tx, lease, now, max_attempts).await
                }
                async fn fail_abandoned_jobs(
                    &mut self,
                    why: $crate::deps::accord_store::AbandonedJobs<'_>,
                    now: DateTime<Utc>,
                ) -> Result<Vec<Job>> {
                    fail_abandoned_jobs(&mut self.tx, why, now).await
                }
                async fn renew_job_lease(
                    &mut self,
                    job: i64,
                    lease: &$crate::deps::accord_store::JobLease,
                ) -> Result<bool> {
                    renew_job_lease(&mut self.tx, job, lease).await
                }
                async fn finish_leased_job(&mut self, job: &Job, owner: &str) -> Result<bool> {
                    finish_leased_job(&mut self.tx, job, owner).await
                }
                async fn release_job_leases(&mut self, owner: Option<&str>) -> Result<u64> {
                    release_job_leases(&mut self.tx, owner).await
                }
                async fn try_lock(&mut self, key: i64) -> Result<bool> {
                    try_lock(&mut self.tx, key).await
                }
                async fn throttle_events(
                    &mut self,
                    throttle: &str,
                    key: &str,
                ) -> Result<Vec<DateTime<Utc>>> {
                    throttle_events(&mut self.tx, throttle, key).await
                }
                async fn put_throttle_events(
                    &mut self,
                    throttle: &str,
                    key: &str,
                    events: &[DateTime<Utc>],
                ) -> Result<()> {
                    put_throttle_events(&mut self.tx, throttle, key, events).await
                }
                async fn forget_throttle_keys_before(
                    &mut self,
                    throttle: &str,
                    before: DateTime<Utc>,
                ) -> Result<u64> {
                    forget_throttle_keys_before(&mut self.tx, throttle, before).await
                }
                async fn insert_analysis_run(&mut self, run: &AnalysisRun) -> Result<i64> {
                    insert_analysis_run(&mut self.tx, run).await
                }
                async fn insert_campaigns(&mut self, run: i64, campaigns: &[Campaign]) -> Result<()> {
                    insert_campaigns(&mut self.tx, run, campaigns).await
                }
                async fn insert_campaign_inputs(&mut self, run: i64, members: &[(i64, i64)]) -> Result<()> {
                    insert_campaign_inputs(&mut self.tx, run, members).await
                }
                async fn insert_theme_assignments(&mut self, run: i64, list: &[ThemeAssignment]) -> Result<()> {
                    insert_theme_assignments(&mut self.tx, run, list).await
                }
                async fn insert_clusters(&mut self, run: i64, clusters: &[ThemeCluster]) -> Result<()> {
                    insert_clusters(&mut self.tx, run, clusters).await
                }
                async fn complete_analysis_run(&mut self, run: &AnalysisRun) -> Result<()> {
                    complete_analysis_run(&mut self.tx, run).await
                }
                async fn delete_analysis_runs_before(&mut self, process: &Slug, keep: i64) -> Result<()> {
                    delete_analysis_runs_before(&mut self.tx, process, keep).await
                }
                async fn set_theme_label(&mut self, label: &ThemeLabel) -> Result<()> {
                    set_theme_label(&mut self.tx, label).await
                }
                async fn insert_dismissal(&mut self, dismissal: &Dismissal) -> Result<()> {
                    insert_dismissal(&mut self.tx, dismissal).await
                }
                async fn find_recommendation(&mut self, id: i64) -> Result<Option<Recommendation>> {
                    find_recommendation(&mut self.tx, id).await
                }
                async fn insert_coverage_link(&mut self, link: &CoverageLink) -> Result<()> {
                    insert_coverage_link(&mut self.tx, link).await
                }
                async fn delete_coverage_link(&mut self, recommendation: i64, draft: i64, wid: &str) -> Result<bool> {
                    delete_coverage_link(&mut self.tx, recommendation, draft, wid).await
                }
                async fn record_index_changes(
                    &mut self,
                    changes: &[IndexSubject],
                    at: DateTime<Utc>,
                ) -> Result<()> {
                    record_index_changes(&mut self.tx, changes, at).await
                }
                async fn commit(self: Box<Self>) -> Result<()> {
                    let mut this = *self;
                    this.before_commit().await?;
                    this.tx.commit().await.map_err(err)?;
                    this.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    Ok(())
                }
            }
        }
    };
}
