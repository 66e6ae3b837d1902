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

/// The modules of `web` and the modules each one names (`crate::a::b`).
fn web_imports() -> Graph {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src");
    let mut graph = Graph::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap().with_extension("");
            let module = rel.to_string_lossy().replace('/', "::");
            let module = module.trim_end_matches("::mod").to_owned();
            if module == "lib" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut names = BTreeSet::new();
            for (at, _) in text.match_indices("crate::") {
                let rest = &text[at + "crate::".len()..];
                let path: Vec<&str> = rest
                    .split(|c: char| {
                        !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':')
                    })
                    .next()
                    .unwrap()
                    .split("::")
                    .filter(|p| !p.is_empty())
                    .take(2)
                    .collect();
                let named = path.join("::");
                if !named.is_empty() && named != module {
                    names.insert(named);
                }
            }
            graph.insert(module, names);
        }
    }
    graph
}

/// `web`'s areas use the `http` kit and never the other way round, and no
/// modules import each other in a circle.
#[test]
fn web_modules_import_no_cycles() {
    let graph = web_imports();
    assert!(graph.contains_key("http::auth") && graph.contains_key("negotiation::pages"));
    for (module, names) in &graph {
        if module.starts_with("http") {
            for n in names {
                assert!(
                    n.starts_with("http"),
                    "the kit's {module} uses the area {n}"
                );
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit<'a>(g: &'a Graph, at: &'a str, path: &mut Vec<&'a str>, done: &mut BTreeSet<&'a str>) {
        if done.contains(at) {
            return;
        }
        if let Some(i) = path.iter().position(|p| *p == at) {
            panic!(
                "web modules import each other in a circle: {:?}",
                &path[i..]
            );
        }
        path.push(at);
        for next in g.get(at).into_iter().flatten() {
            // `crate::http::auth::Caller` names the module `http::auth`;
            // `crate::SharedState` and the like name the root, not a module.
            if g.contains_key(next.as_str()) {
                visit(g, next, path, done);
            }
        }
        path.pop();
        done.insert(at);
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(&graph, module, &mut Vec::new(), &mut done);
    }
}
