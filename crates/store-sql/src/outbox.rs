//! The search index's outbox (`index_outbox`, `index_changes`; see
//! `accord_store::outbox`). Expanded inside `sql_store!`'s module, so it uses
//! that module's `Db`, `Conn`, `DbRow` and imports (and `get` from
//! `consultation_sql!`).

#[doc(hidden)]
#[macro_export]
macro_rules! outbox_sql {
    () => {
        use $crate::deps::accord_store::{IndexChange, IndexSubject, OutboxState};

        /// Numbers the changes after the last one recorded — locking the
        /// outbox's row until this transaction ends, so numbers are taken
        /// in commit order — and writes them.
        async fn record_index_changes(
            c: &mut Conn,
            changes: &[IndexSubject],
            at: DateTime<Utc>,
        ) -> Result<()> {
            if changes.is_empty() {
                return Ok(());
            }
            let n = i64::try_from(changes.len()).map_err(|e| StoreError::Other(e.to_string()))?;
            let last: i64 = sqlx::query_scalar(
                "UPDATE index_outbox SET last_seq = last_seq + $1 WHERE id = 1 RETURNING last_seq",
            )
            .bind(n)
            .fetch_one(&mut *c)
            .await
            .map_err(err)?;
            for (chunk_start, chunk) in (0_i64..).step_by(1_000).zip(changes.chunks(1_000)) {
                let mut q: QueryBuilder<Db> = QueryBuilder::new(
                    "INSERT INTO index_changes (seq, subject, process, item, at) ",
                );
                q.push_values(chunk.iter().zip(chunk_start..), |mut b, (s, i)| {
                    let (subject, process, item) = s.to_row();
                    b.push_bind(last - n + 1 + i)
                        .push_bind(subject)
                        .push_bind(process)
                        .push_bind(item)
                        .push_bind(at);
                });
                q.build().execute(&mut *c).await.map_err(err)?;
            }
            Ok(())
        }

        async fn index_outbox(c: &mut Conn) -> Result<OutboxState> {
            let row = sqlx::query("SELECT last_seq, pruned_through FROM index_outbox WHERE id = 1")
                .fetch_one(&mut *c)
                .await
                .map_err(err)?;
            Ok(OutboxState {
                last: get(&row, "last_seq")?,
                pruned_through: get(&row, "pruned_through")?,
            })
        }

        async fn index_changes(c: &mut Conn, after: i64, limit: i64) -> Result<Vec<IndexChange>> {
            let rows = sqlx::query(
                "SELECT seq, subject, process, item, at FROM index_changes \
                 WHERE seq > $1 ORDER BY seq LIMIT $2",
            )
            .bind(after)
            .bind(limit)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            rows.iter()
                .map(|row| {
                    let subject: String = get(row, "subject")?;
                    let process: Option<String> = get(row, "process")?;
                    let item: Option<String> = get(row, "item")?;
                    Ok(IndexChange {
                        seq: get(row, "seq")?,
                        subject: IndexSubject::from_row(
                            &subject,
                            process.as_deref(),
                            item.as_deref(),
                        ),
                        at: get(row, "at")?,
                    })
                })
                .collect()
        }

        /// Deletes the changes recorded before `before`; `pruned_through`
        /// moves on to the last of them (never back).
        async fn prune_index_changes(c: &mut Conn, before: DateTime<Utc>) -> Result<u64> {
            let through: Option<i64> =
                sqlx::query_scalar("SELECT MAX(seq) FROM index_changes WHERE at < $1")
                    .bind(before)
                    .fetch_one(&mut *c)
                    .await
                    .map_err(err)?;
            let Some(through) = through else {
                return Ok(0);
            };
            sqlx::query(
                "UPDATE index_outbox SET pruned_through = $1 WHERE id = 1 AND pruned_through < $1",
            )
            .bind(through)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            let gone = sqlx::query("DELETE FROM index_changes WHERE seq <= $1")
                .bind(through)
                .execute(&mut *c)
                .await
                .map_err(err)?;
            Ok(gone.rows_affected())
        }
    };
}
