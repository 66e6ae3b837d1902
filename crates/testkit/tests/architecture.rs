//! ARCHITECTURE.md's dependency table is the truth about the crates: each
//! crate's normal (not dev) dependencies among the workspace's, as `cargo
//! metadata` reports them, are exactly the ones the table lists.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The table under "| crate | depends on (ours) |".
fn documented(text: &str) -> Graph {
    let mut rows = text
        .lines()
        .skip_while(|l| !l.starts_with("| crate | depends on (ours) |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'));
    let mut graph = Graph::new();
    for row in rows.by_ref() {
        let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
        assert_eq!(cells.len(), 2, "a row of two cells: {row}");
        let deps = cells[1]
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty() && *d != "—")
            .map(str::to_owned)
            .collect();
        assert!(
            graph.insert(cells[0].to_owned(), deps).is_none(),
            "{} twice",
            cells[0]
        );
    }
    graph
}

/// The workspace's crates and their normal dependencies among themselves,
/// without the `accord-` prefix.
fn actual() -> Graph {
    let out = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let ours: BTreeSet<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    let short = |n: &str| n.trim_start_matches("accord-").to_owned();
    packages
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .filter(|d| d["kind"].is_null())
                .filter_map(|d| d["name"].as_str())
                .filter(|n| ours.contains(n))
                .map(short)
                .collect();
            (short(p["name"].as_str().expect("a name")), deps)
        })
        .collect()
}

#[test]
fn the_documented_arrows_are_the_real_ones() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../ARCHITECTURE.md"
    ))
    .expect("ARCHITECTURE.md");
    let documented = documented(&text);
    assert!(
        documented.len() >= 10,
        "the table was found: {documented:?}"
    );
    let actual = actual();
    for (krate, deps) in &actual {
        let listed = documented
            .get(krate)
            .unwrap_or_else(|| panic!("ARCHITECTURE.md lists no row for `{krate}`"));
        assert_eq!(
            listed, deps,
            "`{krate}`: ARCHITECTURE.md says {listed:?}, Cargo.toml says {deps:?}"
        );
    }
    for krate in documented.keys() {
        assert!(
            actual.contains_key(krate),
            "ARCHITECTURE.md lists `{krate}`, which is no crate"
        );
    }
}

#[test]
fn a_changed_table_is_caught() {
    let table =
        "| crate | depends on (ours) |\n|---|---|\n| domain | — |\n| web | app, domain |\n\nafter";
    let g = documented(table);
    assert_eq!(g["domain"], BTreeSet::new());
    assert_eq!(
        g["web"],
        ["app".to_string(), "domain".to_string()]
            .into_iter()
            .collect()
    );
    assert_eq!(g.len(), 2, "the table ends at its last row");
}
