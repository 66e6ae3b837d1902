//! The negotiation phase's SQL: drafts, versions, amendments and who stands
//! where on them, paragraph statuses, silence procedures. Expanded inside
//! `sql_store!`'s module, so it uses that module's `Db`, `Conn`, `DbRow` and
//! imports (and `get`/`named` from `consultation_sql!`).

#[doc(hidden)]
#[macro_export]
macro_rules! negotiation_sql {
    () => {
        use $crate::deps::accord_domain::negotiation::{
            Amendment, AmendmentStatus, Draft, Expression, NodeWords, Position, RecordedOutcome,
            SilenceBreak, SilenceProcedure, Stance, StatusRecord, Version, Wid,
        };

        const DRAFT_COLUMNS: &str =
            "SELECT id, process, slug, title, kind, symbol, simulated, created_at FROM drafts";
        const VERSION_COLUMNS: &str = "SELECT id, draft_id, seq, label, issued_on, body, changes, \
            content_sha256, issued_by, issued_at FROM draft_versions";
        const AMENDMENT_COLUMNS: &str = "SELECT a.id, a.version_id, a.number, a.proposer, \
            a.operation, a.justification, a.status, a.outcome_note, a.decided_at, a.carried_from, \
            a.simulated, a.proposed_by, a.proposed_at FROM amendments a";
        const SILENCE_COLUMNS: &str = "SELECT id, version_id, deadline, time_zone, opened_by, \
            opened_at, outcome, outcome_at FROM silence_procedures";

        fn draft_from(row: &DbRow) -> Result<Draft> {
            Ok(Draft {
                id: get(row, "id")?,
                process: named(row, "process")?,
                slug: named(row, "slug")?,
                title: get(row, "title")?,
                kind: named(row, "kind")?,
                symbol: get(row, "symbol")?,
                simulated: get(row, "simulated")?,
                created_at: get(row, "created_at")?,
            })
        }

        fn version_from(row: &DbRow) -> Result<Version> {
            Ok(Version {
                id: get(row, "id")?,
                draft: get(row, "draft_id")?,
                seq: opt_u32(Some(get::<i64>(row, "seq")?), "seq")?.unwrap_or(0),
                label: get(row, "label")?,
                issued_on: get(row, "issued_on")?,
                text: get::<Json<_>>(row, "body")?.0,
                changes: get::<Json<_>>(row, "changes")?.0,
                content_sha256: get(row, "content_sha256")?,
                issued_by: get(row, "issued_by")?,
                issued_at: get(row, "issued_at")?,
            })
        }

        fn amendment_from(row: &DbRow) -> Result<Amendment> {
            Ok(Amendment {
                id: get(row, "id")?,
                version: get(row, "version_id")?,
                number: opt_u32(Some(get::<i64>(row, "number")?), "number")?.unwrap_or(0),
                proposer: named(row, "proposer")?,
                co_sponsors: Vec::new(),
                pending_co_sponsors: Vec::new(),
                positions: Vec::new(),
                operation: get::<Json<_>>(row, "operation")?.0,
                justification: get(row, "justification")?,
                status: named(row, "status")?,
                outcome_note: get(row, "outcome_note")?,
                decided_at: get(row, "decided_at")?,
                carried_from: get(row, "carried_from")?,
                simulated: get(row, "simulated")?,
                proposed_by: get(row, "proposed_by")?,
                proposed_at: get(row, "proposed_at")?,
            })
        }

        fn silence_from(row: &DbRow) -> Result<SilenceProcedure> {
            Ok(SilenceProcedure {
                id: get(row, "id")?,
                version: get(row, "version_id")?,
                deadline: get(row, "deadline")?,
                time_zone: get(row, "time_zone")?,
                opened_by: get(row, "opened_by")?,
                opened_at: get(row, "opened_at")?,
                breaks: Vec::new(),
                outcome: opt_parse(get(row, "outcome")?, "outcome")?,
                outcome_at: get(row, "outcome_at")?,
            })
        }

        async fn list_drafts(c: &mut Conn, process: &Slug) -> Result<Vec<Draft>> {
            sqlx::query(&format!("{DRAFT_COLUMNS} WHERE process = $1 ORDER BY id"))
                .bind(process.as_str())
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(draft_from)
                .collect()
        }

        async fn find_draft(c: &mut Conn, process: &Slug, slug: &Slug) -> Result<Option<Draft>> {
            sqlx::query(&format!("{DRAFT_COLUMNS} WHERE process = $1 AND slug = $2"))
                .bind(process.as_str())
                .bind(slug.as_str())
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?
                .as_ref()
                .map(draft_from)
                .transpose()
        }

        async fn insert_draft(c: &mut Conn, d: &Draft) -> Result<i64> {
            sqlx::query_scalar(
                "INSERT INTO drafts (process, slug, title, kind, symbol, simulated, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(d.process.as_str())
            .bind(d.slug.as_str())
            .bind(&d.title)
            .bind(d.kind.as_str())
            .bind(&d.symbol)
            .bind(d.simulated)
            .bind(d.created_at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)
        }

        async fn list_versions(c: &mut Conn, draft: i64) -> Result<Vec<Version>> {
            sqlx::query(&format!("{VERSION_COLUMNS} WHERE draft_id = $1 ORDER BY seq"))
                .bind(draft)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(version_from)
                .collect()
        }

        async fn find_version(c: &mut Conn, id: i64) -> Result<Option<Version>> {
            sqlx::query(&format!("{VERSION_COLUMNS} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?
                .as_ref()
                .map(version_from)
                .transpose()
        }

        async fn insert_version(c: &mut Conn, v: &Version) -> Result<i64> {
            sqlx::query_scalar(
                "INSERT INTO draft_versions (draft_id, seq, label, issued_on, body, changes, \
                 content_sha256, issued_by, issued_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(v.draft)
            .bind(i64::from(v.seq))
            .bind(&v.label)
            .bind(v.issued_on)
            .bind(Json(&v.text))
            .bind(Json(&v.changes))
            .bind(&v.content_sha256)
            .bind(&v.issued_by)
            .bind(v.issued_at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)
        }

        /// Fills in co-sponsors and positions, in the order they came.
        async fn with_actors(c: &mut Conn, mut list: Vec<Amendment>, version: Option<i64>) -> Result<Vec<Amendment>> {
            if list.is_empty() {
                return Ok(list);
            }
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT x.amendment_id, x.actor, x.role, x.at FROM amendment_actors x",
            );
            match version {
                Some(v) => {
                    qb.push(" JOIN amendments a ON a.id = x.amendment_id WHERE a.version_id = ")
                        .push_bind(v);
                }
                None => {
                    qb.push(" WHERE x.amendment_id = ").push_bind(list[0].id);
                }
            }
            qb.push(" ORDER BY x.amendment_id, x.seq");
            let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
            let index: std::collections::HashMap<i64, usize> =
                list.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
            for row in &rows {
                let Some(&i) = index.get(&get::<i64>(row, "amendment_id")?) else {
                    continue;
                };
                let actor: ActorCode = named(row, "actor")?;
                let role: String = get(row, "role")?;
                if role == "cosponsor" {
                    list[i].co_sponsors.push(actor);
                } else if role == "cosponsor_named" {
                    list[i].pending_co_sponsors.push(actor);
                } else {
                    list[i].positions.push(Position {
                        actor,
                        stance: parse_stored(&role, "role")?,
                        at: get(row, "at")?,
                    });
                }
            }
            Ok(list)
        }

        async fn list_amendments(c: &mut Conn, version: i64) -> Result<Vec<Amendment>> {
            let rows = sqlx::query(&format!(
                "{AMENDMENT_COLUMNS} WHERE a.version_id = $1 ORDER BY a.number"
            ))
            .bind(version)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            let list = rows.iter().map(amendment_from).collect::<Result<Vec<_>>>()?;
            with_actors(c, list, Some(version)).await
        }

        async fn find_amendment(c: &mut Conn, id: i64) -> Result<Option<Amendment>> {
            let row = sqlx::query(&format!("{AMENDMENT_COLUMNS} WHERE a.id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?;
            let Some(row) = row else { return Ok(None) };
            let a = amendment_from(&row)?;
            Ok(with_actors(c, vec![a], None).await?.pop())
        }

        async fn insert_amendment(c: &mut Conn, a: &Amendment) -> Result<(i64, u32)> {
            let number: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM amendments WHERE version_id = $1",
            )
            .bind(a.version)
            .fetch_one(&mut *c)
            .await
            .map_err(err)?;
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO amendments (version_id, number, proposer, operation, target, \
                 justification, status, outcome_note, decided_at, carried_from, simulated, \
                 proposed_by, proposed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(a.version)
            .bind(number)
            .bind(a.proposer.as_str())
            .bind(Json(&a.operation))
            .bind(a.operation.target().as_str())
            .bind(&a.justification)
            .bind(a.status.as_str())
            .bind(&a.outcome_note)
            .bind(a.decided_at)
            .bind(a.carried_from)
            .bind(a.simulated)
            .bind(&a.proposed_by)
            .bind(a.proposed_at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)?;
            let named = a
                .co_sponsors
                .iter()
                .map(|c| (c, "cosponsor"))
                .chain(a.pending_co_sponsors.iter().map(|c| (c, "cosponsor_named")));
            for (seq, (actor, role)) in named.enumerate() {
                sqlx::query(
                    "INSERT INTO amendment_actors (amendment_id, actor, role, at, seq) \
                     VALUES ($1, $2, $5, $3, $4)",
                )
                .bind(id)
                .bind(actor.as_str())
                .bind(a.proposed_at)
                .bind(seq as i64 + 1)
                .bind(role)
                .execute(&mut *c)
                .await
                .map_err(err)?;
            }
            for p in &a.positions {
                set_position(c, id, &p.actor, p.stance, p.at).await?;
            }
            Ok((id, u32::try_from(number).unwrap_or(u32::MAX)))
        }

        async fn set_position(
            c: &mut Conn,
            amendment: i64,
            actor: &ActorCode,
            stance: Stance,
            at: DateTime<Utc>,
        ) -> Result<()> {
            sqlx::query(
                "INSERT INTO amendment_actors (amendment_id, actor, role, at, seq) \
                 VALUES ($1, $2, $3, $4, \
                   (SELECT COALESCE(MAX(seq), 0) + 1 FROM amendment_actors WHERE amendment_id = $1)) \
                 ON CONFLICT (amendment_id, actor) DO UPDATE SET role = excluded.role, at = excluded.at \
                 WHERE amendment_actors.role <> 'cosponsor'",
            )
            .bind(amendment)
            .bind(actor.as_str())
            .bind(stance.as_str())
            .bind(at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        /// A named co-sponsor confirms (`true`), or a co-sponsor, named or
        /// confirmed, withdraws (`false`); false if there was nothing to change.
        async fn set_co_sponsorship(
            c: &mut Conn,
            amendment: i64,
            actor: &ActorCode,
            confirmed: bool,
            at: DateTime<Utc>,
        ) -> Result<bool> {
            let done = if confirmed {
                sqlx::query(
                    "UPDATE amendment_actors SET role = 'cosponsor', at = $3 \
                     WHERE amendment_id = $1 AND actor = $2 AND role = 'cosponsor_named'",
                )
                .bind(amendment)
                .bind(actor.as_str())
                .bind(at)
                .execute(&mut *c)
                .await
            } else {
                sqlx::query(
                    "DELETE FROM amendment_actors \
                     WHERE amendment_id = $1 AND actor = $2 AND role IN ('cosponsor', 'cosponsor_named')",
                )
                .bind(amendment)
                .bind(actor.as_str())
                .execute(&mut *c)
                .await
            }
            .map_err(err)?;
            Ok(done.rows_affected() == 1)
        }

        async fn set_amendment_status(
            c: &mut Conn,
            id: i64,
            status: AmendmentStatus,
            note: &str,
            at: Option<DateTime<Utc>>,
        ) -> Result<()> {
            sqlx::query(
                "UPDATE amendments SET status = $2, outcome_note = $3, decided_at = $4 WHERE id = $1",
            )
            .bind(id)
            .bind(status.as_str())
            .bind(note)
            .bind(at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn list_paragraph_statuses(c: &mut Conn, version: i64) -> Result<Vec<StatusRecord>> {
            let rows = sqlx::query(
                "SELECT wid, status, options, set_at FROM paragraph_statuses \
                 WHERE version_id = $1 ORDER BY wid",
            )
            .bind(version)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            rows.iter()
                .map(|row| {
                    Ok(StatusRecord {
                        wid: named(row, "wid")?,
                        status: named(row, "status")?,
                        options: get::<Json<Vec<String>>>(row, "options")?.0,
                        set_at: get(row, "set_at")?,
                    })
                })
                .collect()
        }

        async fn set_paragraph_status(c: &mut Conn, version: i64, r: &StatusRecord) -> Result<()> {
            sqlx::query(
                "INSERT INTO paragraph_statuses (version_id, wid, status, options, set_at) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (version_id, wid) DO UPDATE SET status = excluded.status, \
                 options = excluded.options, set_at = excluded.set_at",
            )
            .bind(version)
            .bind(r.wid.as_str())
            .bind(r.status.as_str())
            .bind(Json(&r.options))
            .bind(r.set_at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn list_expressions(c: &mut Conn, version: i64) -> Result<Vec<Expression>> {
            let rows = sqlx::query(
                "SELECT version_id, language, title, nodes, updated_by, updated_at \
                 FROM version_expressions WHERE version_id = $1 ORDER BY language",
            )
            .bind(version)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            rows.iter()
                .map(|row| {
                    Ok(Expression {
                        version: get(row, "version_id")?,
                        language: named(row, "language")?,
                        title: get(row, "title")?,
                        nodes: get::<Json<std::collections::BTreeMap<Wid, NodeWords>>>(row, "nodes")?.0,
                        updated_by: get(row, "updated_by")?,
                        updated_at: get(row, "updated_at")?,
                    })
                })
                .collect()
        }

        /// Records a version's expression in a language, replacing the one before.
        async fn put_expression(c: &mut Conn, e: &Expression) -> Result<()> {
            sqlx::query(
                "INSERT INTO version_expressions (version_id, language, title, nodes, updated_by, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (version_id, language) DO UPDATE SET title = excluded.title, \
                 nodes = excluded.nodes, updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            )
            .bind(e.version)
            .bind(e.language.as_str())
            .bind(&e.title)
            .bind(Json(&e.nodes))
            .bind(&e.updated_by)
            .bind(e.updated_at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn silence_breaks(c: &mut Conn, list: &mut [SilenceProcedure]) -> Result<()> {
            for p in list.iter_mut() {
                let rows = sqlx::query(
                    "SELECT actor, letter, at FROM silence_breaks WHERE procedure_id = $1 ORDER BY at, actor",
                )
                .bind(p.id)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                p.breaks = rows
                    .iter()
                    .map(|row| {
                        Ok(SilenceBreak {
                            actor: named(row, "actor")?,
                            letter: get(row, "letter")?,
                            at: get(row, "at")?,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
            }
            Ok(())
        }

        async fn list_silence_procedures(c: &mut Conn, draft: i64) -> Result<Vec<SilenceProcedure>> {
            let rows = sqlx::query(&format!(
                "{SILENCE_COLUMNS} WHERE version_id IN (SELECT id FROM draft_versions WHERE draft_id = $1) \
                 ORDER BY opened_at, id"
            ))
            .bind(draft)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            let mut list = rows.iter().map(silence_from).collect::<Result<Vec<_>>>()?;
            silence_breaks(c, &mut list).await?;
            Ok(list)
        }

        async fn find_silence(c: &mut Conn, id: i64) -> Result<Option<SilenceProcedure>> {
            let row = sqlx::query(&format!("{SILENCE_COLUMNS} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?;
            let Some(row) = row else { return Ok(None) };
            let mut list = vec![silence_from(&row)?];
            silence_breaks(c, &mut list).await?;
            Ok(list.pop())
        }

        async fn due_silence_procedures(c: &mut Conn, now: DateTime<Utc>) -> Result<Vec<i64>> {
            sqlx::query_scalar(
                "SELECT id FROM silence_procedures WHERE outcome IS NULL AND deadline <= $1 ORDER BY id",
            )
            .bind(now)
            .fetch_all(&mut *c)
            .await
            .map_err(err)
        }

        async fn insert_silence(c: &mut Conn, p: &SilenceProcedure) -> Result<i64> {
            sqlx::query_scalar(
                "INSERT INTO silence_procedures (version_id, deadline, time_zone, opened_by, opened_at) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(p.version)
            .bind(p.deadline)
            .bind(&p.time_zone)
            .bind(&p.opened_by)
            .bind(p.opened_at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)
        }

        async fn insert_silence_break(c: &mut Conn, procedure: i64, b: &SilenceBreak) -> Result<()> {
            sqlx::query(
                "INSERT INTO silence_breaks (procedure_id, actor, letter, at) VALUES ($1, $2, $3, $4)",
            )
            .bind(procedure)
            .bind(b.actor.as_str())
            .bind(&b.letter)
            .bind(b.at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn set_silence_outcome(
            c: &mut Conn,
            id: i64,
            outcome: RecordedOutcome,
            at: DateTime<Utc>,
        ) -> Result<()> {
            sqlx::query(
                "UPDATE silence_procedures SET outcome = $2, outcome_at = $3 WHERE id = $1 AND outcome IS NULL",
            )
            .bind(id)
            .bind(outcome.as_str())
            .bind(at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }
    };
}
