//! The store's whole content as `accord_store::portable` items: dumped in
//! one `REPEATABLE READ READ ONLY` transaction (a snapshot while the server
//! writes), loaded in one transaction, tables in dependency order, then
//! each identity's sequence set past the largest id loaded.

use crate::PgStore;
use accord_store::portable::{self, Cell, DumpSink, Item, LoadSource, TableCounts, TableHeader};
use accord_store::{Result, StoreError};
use accord_store_sql::portable::{check_header, insert_sql, quote, rows_per_insert, wrong_cell};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use futures_util::TryStreamExt;
use sqlx::{PgConnection, Row};
use std::collections::{BTreeMap, BTreeSet};

fn err(e: sqlx::Error) -> StoreError {
    accord_store_sql::store_error(e)
}

/// A column's type, as far as the portable form tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Bool,
    Text,
    Json,
    Timestamp,
    Date,
}

impl Kind {
    fn of(table: &str, column: &str, data_type: &str) -> Result<Kind> {
        Ok(match data_type {
            "bigint" | "integer" | "smallint" => Kind::Int,
            "double precision" | "real" => Kind::Float,
            "boolean" => Kind::Bool,
            "text" | "character varying" | "character" => Kind::Text,
            "jsonb" | "json" => Kind::Json,
            "timestamp with time zone" => Kind::Timestamp,
            "date" => Kind::Date,
            other => {
                return Err(StoreError::Other(format!(
                    "{table}.{column}: the type {other} has no portable form"
                )))
            }
        })
    }

    /// The column as selected for the dump.
    fn select(self, column: &str) -> String {
        match self {
            Kind::Int => format!("{}::int8", quote(column)),
            Kind::Float => format!("{}::float8", quote(column)),
            Kind::Json => format!("{}::text", quote(column)),
            _ => quote(column),
        }
    }

    /// The type a loaded value (bound as text) is cast to.
    fn cast(self) -> &'static str {
        match self {
            Kind::Int => "int8",
            Kind::Float => "float8",
            Kind::Bool => "boolean",
            Kind::Text => "text",
            Kind::Json => "jsonb",
            Kind::Timestamp => "timestamptz",
            Kind::Date => "date",
        }
    }
}

struct Table {
    name: String,
    columns: Vec<(String, Kind)>,
    primary_key: Vec<String>,
    identity: Option<String>,
}

async fn migrations(c: &mut PgConnection) -> Result<Vec<i64>> {
    sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(&mut *c)
        .await
        .map_err(err)
}

/// The current schema's tables (but the migrations' own) in dependency
/// order, with their columns.
async fn tables(c: &mut PgConnection) -> Result<Vec<Table>> {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
         AND table_name <> '_sqlx_migrations' ORDER BY table_name",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(err)?;
    let fks: Vec<(String, String)> = sqlx::query_as(
        "SELECT cl.relname::text, pr.relname::text FROM pg_constraint k \
         JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pr ON pr.oid = k.confrelid \
         JOIN pg_namespace n ON n.oid = cl.relnamespace \
         WHERE k.contype = 'f' AND n.nspname = current_schema()",
    )
    .fetch_all(&mut *c)
    .await
    .map_err(err)?;
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (child, parent) in fks {
        edges.entry(child).or_default().insert(parent);
    }
    let mut found = BTreeMap::new();
    for name in &names {
        let cols: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text, is_identity::text \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        )
        .bind(name)
        .fetch_all(&mut *c)
        .await
        .map_err(err)?;
        let primary_key: Vec<String> = sqlx::query_scalar(
            "SELECT a.attname::text FROM pg_index i \
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) \
             WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident($1))::regclass \
             AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)",
        )
        .bind(name)
        .fetch_all(&mut *c)
        .await
        .map_err(err)?;
        let identity = cols
            .iter()
            .find(|(_, _, id)| id == "YES")
            .map(|(n, _, _)| n.clone());
        let columns = cols
            .into_iter()
            .map(|(n, t, _)| Kind::of(name, &n, &t).map(|k| (n, k)))
            .collect::<Result<Vec<_>>>()?;
        found.insert(
            name.clone(),
            Table {
                name: name.clone(),
                columns,
                primary_key,
                identity,
            },
        );
    }
    Ok(portable::dependency_order(&names, &edges)
        .into_iter()
        .filter_map(|t| found.remove(&t))
        .collect())
}

async fn counts(c: &mut PgConnection, tables: &[Table]) -> Result<TableCounts> {
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

fn cell(row: &sqlx::postgres::PgRow, i: usize, kind: Kind, table: &str) -> Result<Cell> {
    let e = |e: sqlx::Error| StoreError::Other(format!("{table}: {e}"));
    Ok(match kind {
        Kind::Int => row.try_get::<Option<i64>, _>(i).map_err(e)?.map(Cell::from),
        Kind::Float => match row.try_get::<Option<f64>, _>(i).map_err(e)? {
            None => None,
            Some(f) => Some(
                serde_json::Number::from_f64(f)
                    .map(Cell::Number)
                    .ok_or_else(|| {
                        StoreError::Other(format!("{table}: a number that is not finite"))
                    })?,
            ),
        },
        Kind::Bool => row
            .try_get::<Option<bool>, _>(i)
            .map_err(e)?
            .map(|b| Cell::from(i64::from(b))),
        Kind::Text => row
            .try_get::<Option<String>, _>(i)
            .map_err(e)?
            .map(Cell::from),
        // Compact, as serde_json writes it to SQLite (PostgreSQL's text of a
        // JSONB value has spaces after its commas and colons).
        Kind::Json => match row.try_get::<Option<String>, _>(i).map_err(e)? {
            None => None,
            Some(text) => Some(Cell::from(
                serde_json::from_str::<serde_json::Value>(&text)
                    .map_err(|e| StoreError::Other(format!("{table}: {e}")))?
                    .to_string(),
            )),
        },
        // As sqlx writes them to SQLite, so both stores' dumps agree.
        Kind::Timestamp => row
            .try_get::<Option<DateTime<Utc>>, _>(i)
            .map_err(e)?
            .map(|t| Cell::from(t.to_rfc3339_opts(SecondsFormat::AutoSi, false))),
        Kind::Date => row
            .try_get::<Option<NaiveDate>, _>(i)
            .map_err(e)?
            .map(|d| Cell::from(d.format("%Y-%m-%d").to_string())),
    }
    .unwrap_or(Cell::Null))
}

impl PgStore {
    pub(crate) async fn dump_tables(&self, sink: &mut dyn DumpSink) -> Result<()> {
        let mut tx = self.pool.begin().await.map_err(err)?;
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            .execute(&mut *tx)
            .await
            .map_err(err)?;
        let migrations = migrations(&mut tx).await?;
        sink.put(Item::Schema { migrations }).await?;
        for t in tables(&mut tx).await? {
            let every: Vec<String> = t.columns.iter().map(|(c, _)| c.clone()).collect();
            let order = if t.primary_key.is_empty() {
                &every
            } else {
                &t.primary_key
            }
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(", ");
            let cols = t
                .columns
                .iter()
                .map(|(c, k)| k.select(c))
                .collect::<Vec<_>>()
                .join(", ");
            sink.put(Item::Table(TableHeader {
                name: t.name.clone(),
                columns: t.columns.iter().map(|(c, _)| c.clone()).collect(),
            }))
            .await?;
            let sql = format!("SELECT {cols} FROM {} ORDER BY {order}", quote(&t.name));
            let mut rows = sqlx::query(&sql).fetch(&mut *tx);
            while let Some(row) = rows.try_next().await.map_err(err)? {
                let cells = t
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, (_, k))| cell(&row, i, *k, &t.name))
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
        let mut tx = self.pool.begin().await.map_err(err)?;
        let c: &mut PgConnection = &mut tx;
        // Timestamps without an offset (none that Accord writes) read as UTC.
        sqlx::query("SET LOCAL TIME ZONE 'UTC'")
            .execute(&mut *c)
            .await
            .map_err(err)?;
        let tables = tables(c).await?;
        // Another load at once waits here, then finds this one's rows.
        for t in &tables {
            sqlx::query(&format!("LOCK TABLE {} IN EXCLUSIVE MODE", quote(&t.name)))
                .execute(&mut *c)
                .await
                .map_err(err)?;
        }
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
        let by_name: BTreeMap<&str, &Table> = tables.iter().map(|t| (t.name.as_str(), t)).collect();
        let column_names: BTreeMap<&str, Vec<String>> = tables
            .iter()
            .map(|t| {
                (
                    t.name.as_str(),
                    t.columns.iter().map(|(c, _)| c.clone()).collect(),
                )
            })
            .collect();
        let mut loaded = TableCounts::new();
        let mut current: Option<(TableHeader, Vec<Kind>)> = None;
        let mut batch: Vec<Vec<Cell>> = Vec::new();
        loop {
            let item = source.next().await?;
            if let Some(Item::Row(row)) = item {
                let Some((header, kinds)) = &current else {
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
                    insert(c, header, kinds, &mut batch).await?;
                }
                continue;
            }
            if let Some((header, kinds)) = current.take() {
                insert(c, &header, &kinds, &mut batch).await?;
            }
            match item {
                None => break,
                Some(Item::Table(header)) => {
                    check_header(&header, column_names.get(header.name.as_str()), &loaded)?;
                    let table = by_name[header.name.as_str()];
                    let kinds = header
                        .columns
                        .iter()
                        .map(|h| {
                            table
                                .columns
                                .iter()
                                .find(|(c, _)| c == h)
                                .map_or(Kind::Text, |(_, k)| *k)
                        })
                        .collect();
                    loaded.insert(header.name.clone(), 0);
                    current = Some((header, kinds));
                }
                Some(_) => return Err(StoreError::Other("a second schema in the dump".into())),
            }
        }
        // New rows take ids after the loaded ones.
        for t in &tables {
            if let Some(id) = &t.identity {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence($1, $2), m) \
                     FROM (SELECT max({}) AS m FROM {}) AS x WHERE m IS NOT NULL",
                    quote(id),
                    quote(&t.name)
                ))
                .bind(quote(&t.name))
                .bind(id)
                .execute(&mut *c)
                .await
                .map_err(err)?;
            }
        }
        let after = counts(c, &tables).await?;
        for (t, n) in &mut loaded {
            *n = after.get(t).copied().unwrap_or_default();
        }
        tx.commit().await.map_err(err)?;
        self.generation
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
    c: &mut PgConnection,
    header: &TableHeader,
    kinds: &[Kind],
    batch: &mut Vec<Vec<Cell>>,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let sql = insert_sql(header, batch.len(), |n, i| {
        format!("${n}::{}", kinds[i].cast())
    });
    let mut q = sqlx::query(&sql);
    for row in batch.drain(..) {
        for (i, v) in row.into_iter().enumerate() {
            let text = match v {
                Cell::Null => None,
                Cell::Bool(b) => Some(b.to_string()),
                Cell::Number(n) => Some(n.to_string()),
                Cell::String(s) => Some(s),
                Cell::Array(_) | Cell::Object(_) => {
                    return Err(wrong_cell(
                        header,
                        i,
                        "a JSON array or object, not a column value",
                    ))
                }
            };
            q = q.bind(text);
        }
    }
    q.execute(&mut *c).await.map_err(err)?;
    Ok(())
}
