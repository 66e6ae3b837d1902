//! The store's whole content as `accord_store::portable` items: dumped in
//! one read transaction (WAL gives it a snapshot while the server writes),
//! loaded in one write transaction with foreign keys checked at its commit.

use crate::SqliteStore;
use accord_store::portable::{self, Cell, DumpSink, Item, LoadSource, TableCounts, TableHeader};
use accord_store::{Result, StoreError};
use accord_store_sql::portable::{check_header, insert_sql, quote, rows_per_insert, wrong_cell};
use futures_util::TryStreamExt;
use sqlx::{Row, SqliteConnection, TypeInfo, ValueRef};
use std::collections::{BTreeMap, BTreeSet};

fn err(e: sqlx::Error) -> StoreError {
    accord_store_sql::store_error(e)
}

struct Table {
    name: String,
    columns: Vec<String>,
    primary_key: Vec<String>,
}

async fn migrations(c: &mut SqliteConnection) -> Result<Vec<i64>> {
    sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(&mut *c)
        .await
        .map_err(err)
}

/// The schema's tables (but SQLite's and the migrations' own) in dependency
/// order, with their columns.
async fn tables(c: &mut SqliteConnection) -> Result<Vec<Table>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(err)?;
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut found = BTreeMap::new();
    for name in &names {
        let refs: Vec<String> =
            sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_list($1)")
                .bind(name)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
        edges.insert(name.clone(), refs.into_iter().collect());
        let cols: Vec<(String, i64)> =
            sqlx::query_as("SELECT name, pk FROM pragma_table_info($1) ORDER BY cid")
                .bind(name)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
        let mut pk: Vec<(i64, String)> = cols
            .iter()
            .filter(|(_, pk)| *pk > 0)
            .map(|(n, pk)| (*pk, n.clone()))
            .collect();
        pk.sort();
        found.insert(
            name.clone(),
            Table {
                name: name.clone(),
                columns: cols.into_iter().map(|(n, _)| n).collect(),
                primary_key: pk.into_iter().map(|(_, n)| n).collect(),
            },
        );
    }
    Ok(portable::dependency_order(&names, &edges)
        .into_iter()
        .filter_map(|t| found.remove(&t))
        .collect())
}

async fn counts(c: &mut SqliteConnection, tables: &[Table]) -> Result<TableCounts> {
    let mut out = TableCounts::new();
    for t in tables {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {}", quote(&t.name)))
            .fetch_one(&mut *c)
            .await
            .map_err(err)?;
        out.insert(t.name.clone(), u64::try_from(n).unwrap_or_default());
    }
    Ok(out)
}

fn cell(row: &sqlx::sqlite::SqliteRow, i: usize, table: &str) -> Result<Cell> {
    let raw = row.try_get_raw(i).map_err(err)?;
    if raw.is_null() {
        return Ok(Cell::Null);
    }
    let kind = raw.type_info().name().to_owned();
    Ok(match kind.as_str() {
        "TEXT" => Cell::String(row.try_get_unchecked::<String, _>(i).map_err(err)?),
        "REAL" => serde_json::Number::from_f64(row.try_get_unchecked::<f64, _>(i).map_err(err)?)
            .map(Cell::Number)
            .ok_or_else(|| StoreError::Other(format!("{table}: a number that is not finite")))?,
        "INTEGER" | "BOOLEAN" | "INT8" | "BIGINT" => {
            Cell::from(row.try_get_unchecked::<i64, _>(i).map_err(err)?)
        }
        other => {
            return Err(StoreError::Other(format!(
                "{table}: a value of type {other}, which no Accord table holds"
            )))
        }
    })
}

impl SqliteStore {
    pub(crate) async fn dump_tables(&self, sink: &mut dyn DumpSink) -> Result<()> {
        let mut tx = self.pool.begin().await.map_err(err)?;
        let migrations = migrations(&mut tx).await?;
        sink.put(Item::Schema { migrations }).await?;
        for t in tables(&mut tx).await? {
            let order = if t.primary_key.is_empty() {
                "rowid".to_owned()
            } else {
                t.primary_key
                    .iter()
                    .map(|c| quote(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let cols = t
                .columns
                .iter()
                .map(|c| quote(c))
                .collect::<Vec<_>>()
                .join(", ");
            sink.put(Item::Table(TableHeader {
                name: t.name.clone(),
                columns: t.columns.clone(),
            }))
            .await?;
            let sql = format!("SELECT {cols} FROM {} ORDER BY {order}", quote(&t.name));
            let mut rows = sqlx::query(&sql).fetch(&mut *tx);
            while let Some(row) = rows.try_next().await.map_err(err)? {
                let cells = (0..t.columns.len())
                    .map(|i| cell(&row, i, &t.name))
                    .collect::<Result<Vec<_>>>()?;
                sink.put(Item::Row(cells)).await?;
            }
        }
        tx.rollback().await.map_err(err)?;
        Ok(())
    }

    pub(crate) async fn count_tables(&self) -> Result<TableCounts> {
        let mut c = self.pool.acquire().await.map_err(err)?;
        let tables = tables(&mut c).await?;
        counts(&mut c, &tables).await
    }

    pub(crate) async fn load_tables(&self, source: &mut dyn LoadSource) -> Result<TableCounts> {
        let mut tx = self.begin_tx().await?;
        let c: &mut SqliteConnection = &mut tx.tx;
        // Foreign keys are checked when the transaction commits, so a table
        // whose rows reference each other loads in any order.
        sqlx::query("PRAGMA defer_foreign_keys = ON")
            .execute(&mut *c)
            .await
            .map_err(err)?;
        let tables = tables(c).await?;
        let before = counts(c, &tables).await?;
        if !portable::is_empty(&before) {
            return Err(not_empty(&before));
        }
        let ours = migrations(c).await?;
        accord_store_sql::portable::expect_schema(source, &ours).await?;
        for t in portable::SEEDED_BY_MIGRATIONS {
            sqlx::query(&format!("DELETE FROM {}", quote(t)))
                .execute(&mut *c)
                .await
                .map_err(err)?;
        }
        let columns: BTreeMap<&str, &Vec<String>> = tables
            .iter()
            .map(|t| (t.name.as_str(), &t.columns))
            .collect();
        let mut loaded = TableCounts::new();
        let mut current: Option<TableHeader> = None;
        let mut batch: Vec<Vec<Cell>> = Vec::new();
        loop {
            let item = source.next().await?;
            if let Some(Item::Row(row)) = item {
                let Some(header) = &current else {
                    return Err(StoreError::Other("a row before any table".into()));
                };
                if row.len() != header.columns.len() {
                    return Err(StoreError::Other(format!(
                        "{}: a row of {} values for {} columns",
                        header.name,
                        row.len(),
                        header.columns.len()
                    )));
                }
                batch.push(row);
                if batch.len() >= rows_per_insert(header.columns.len()) {
                    insert(c, header, &mut batch).await?;
                }
                continue;
            }
            if let Some(header) = current.take() {
                insert(c, &header, &mut batch).await?;
            }
            match item {
                None => break,
                Some(Item::Table(header)) => {
                    check_header(&header, columns.get(header.name.as_str()).copied(), &loaded)?;
                    loaded.insert(header.name.clone(), 0);
                    current = Some(header);
                }
                Some(_) => return Err(StoreError::Other("a second schema in the dump".into())),
            }
        }
        let after = counts(c, &tables).await?;
        for (t, n) in &mut loaded {
            *n = after.get(t).copied().unwrap_or_default();
        }
        tx.tx.commit().await.map_err(|e| {
            StoreError::Conflict(format!("the loaded rows do not hold together: {e}"))
        })?;
        tx.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(loaded)
    }
}

fn not_empty(counts: &TableCounts) -> StoreError {
    let full: Vec<String> = counts
        .iter()
        .filter(|(t, n)| **n > 0 && !portable::SEEDED_BY_MIGRATIONS.contains(&t.as_str()))
        .map(|(t, n)| format!("{t} ({n})"))
        .collect();
    StoreError::Conflict(format!(
        "the target store is not empty: rows in {}",
        full.join(", ")
    ))
}

async fn insert(
    c: &mut SqliteConnection,
    header: &TableHeader,
    batch: &mut Vec<Vec<Cell>>,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    // Anonymous `?` placeholders: SQLite looks a numbered one up by walking
    // the statement's list of names, once per value bound (quadratic here).
    let sql = insert_sql(header, batch.len(), |_, _| "?".to_owned());
    let mut q = sqlx::query(&sql);
    for row in batch.drain(..) {
        for (i, v) in row.into_iter().enumerate() {
            q = match v {
                Cell::Null => q.bind(None::<String>),
                Cell::Bool(b) => q.bind(i64::from(b)),
                Cell::Number(n) => match (n.as_i64(), n.as_f64()) {
                    (Some(i), _) => q.bind(i),
                    (None, Some(f)) if !n.is_u64() => q.bind(f),
                    _ => return Err(wrong_cell(header, i, "a number out of range")),
                },
                Cell::String(s) => q.bind(s),
                Cell::Array(_) | Cell::Object(_) => {
                    return Err(wrong_cell(
                        header,
                        i,
                        "a JSON array or object, not a column value",
                    ))
                }
            };
        }
    }
    q.execute(&mut *c).await.map_err(err)?;
    Ok(())
}
