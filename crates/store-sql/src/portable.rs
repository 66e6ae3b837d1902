//! What both backends' dumps and loads share (`accord_store::portable`):
//! identifiers quoted, multi-row inserts, the checks of a dump's tables.

use accord_store::portable::{TableCounts, TableHeader};
use accord_store::StoreError;

/// An identifier in double quotes (both SQLite and PostgreSQL).
pub fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// Rows per INSERT: under both backends' limits on bound values.
pub fn rows_per_insert(columns: usize) -> usize {
    (8_000 / columns.max(1)).clamp(1, 500)
}

/// `INSERT INTO t (a, b) VALUES (…), (…)` for `rows` rows, each value's
/// placeholder made by `placeholder(n, column index)`.
pub fn insert_sql(
    header: &TableHeader,
    rows: usize,
    placeholder: impl Fn(usize, usize) -> String,
) -> String {
    let cols: Vec<String> = header.columns.iter().map(|c| quote(c)).collect();
    let mut sql = format!(
        "INSERT INTO {} ({}) VALUES ",
        quote(&header.name),
        cols.join(", ")
    );
    let mut n = 0;
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for i in 0..header.columns.len() {
            n += 1;
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&placeholder(n, i));
        }
        sql.push(')');
    }
    sql
}

pub fn wrong_cell(header: &TableHeader, column: usize, what: &str) -> StoreError {
    StoreError::Other(format!(
        "{}.{}: {what}",
        header.name,
        header.columns.get(column).map_or("?", String::as_str)
    ))
}

/// A dumped table must be one of the store's, with the same columns (in
/// any order), and come once.
pub fn check_header(
    header: &TableHeader,
    ours: Option<&Vec<String>>,
    loaded: &TableCounts,
) -> Result<(), StoreError> {
    let Some(ours) = ours else {
        return Err(StoreError::Other(format!(
            "the dump has a table '{}' this store does not",
            header.name.chars().take(64).collect::<String>()
        )));
    };
    if loaded.contains_key(&header.name) {
        return Err(StoreError::Other(format!(
            "the dump has the table '{}' twice",
            header.name
        )));
    }
    let mut a: Vec<&String> = header.columns.iter().collect();
    let mut b: Vec<&String> = ours.iter().collect();
    a.sort();
    b.sort();
    let unique = a.windows(2).all(|w| w[0] != w[1]);
    if a != b || !unique {
        return Err(StoreError::Other(format!(
            "the dump's table '{}' has the columns {:?}, this store's {:?}",
            header.name, header.columns, ours
        )));
    }
    Ok(())
}

/// Reads a dump's first item, its schema, and refuses one that is not this
/// store's (`ours`: the migrations applied here).
pub async fn expect_schema(
    source: &mut dyn accord_store::portable::LoadSource,
    ours: &[i64],
) -> Result<(), StoreError> {
    match source.next().await? {
        Some(accord_store::portable::Item::Schema { migrations }) if migrations == ours => Ok(()),
        Some(accord_store::portable::Item::Schema { migrations }) => {
            Err(other_schema(&migrations, ours))
        }
        _ => Err(StoreError::Other(
            "the dump does not begin with its schema".into(),
        )),
    }
}

fn other_schema(theirs: &[i64], ours: &[i64]) -> StoreError {
    let span = |m: &[i64]| match (m.first(), m.last()) {
        (Some(a), Some(b)) => format!("{} migrations, {a}–{b}", m.len()),
        _ => "no migrations".to_owned(),
    };
    StoreError::Conflict(format!(
        "the dump's schema ({}) is not this store's ({}): restore with the Accord version that made it",
        span(theirs),
        span(ours)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_quoted_and_inserts_numbered() {
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
        let h = TableHeader {
            name: "t".into(),
            columns: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            insert_sql(&h, 2, |n, _| format!("${n}")),
            "INSERT INTO \"t\" (\"a\", \"b\") VALUES ($1, $2), ($3, $4)"
        );
        assert!(rows_per_insert(1) <= 500 && rows_per_insert(10_000) == 1);
    }

    #[test]
    fn headers_must_match_the_store() {
        let ours = vec!["a".to_owned(), "b".to_owned()];
        let h = |cols: &[&str]| TableHeader {
            name: "t".into(),
            columns: cols.iter().map(|c| (*c).to_owned()).collect(),
        };
        let none = TableCounts::new();
        assert!(check_header(&h(&["b", "a"]), Some(&ours), &none).is_ok());
        assert!(check_header(&h(&["a"]), Some(&ours), &none).is_err());
        assert!(check_header(&h(&["a", "a"]), Some(&ours), &none).is_err());
        assert!(check_header(&h(&["a", "b", "c"]), Some(&ours), &none).is_err());
        assert!(check_header(&h(&["a", "b"]), None, &none).is_err());
        let mut seen = TableCounts::new();
        seen.insert("t".into(), 3);
        assert!(check_header(&h(&["a", "b"]), Some(&ours), &seen).is_err());
    }
}
