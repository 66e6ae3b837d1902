//! Demo processes, loaded from the data files under `crates/demo/data/`
//! (embedded in the binary) through the app's use cases, like any other
//! write: `accord serve --demo`, `accord demo gcm`, and the tests. Loading
//! is idempotent: what is already stored (by code, slug or symbol) is left
//! as it is. Kept out of `accord-app` so that the app holds use cases only.

mod adoption;
mod negotiation;
pub mod synthetic;

use accord_app::{App, AppError, Principal, ProcessDescription, Result};
pub use accord_app::{Counts, LoadReport};
use accord_domain::*;
use serde::Deserialize;

/// A demo the CLI can load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Demo {
    /// The Global Compact for Safe, Orderly and Regular Migration, 2016–2018.
    Gcm,
}

impl std::str::FromStr for Demo {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "gcm" => Ok(Demo::Gcm),
            other => Err(AppError::BadRequest(format!(
                "unknown demo '{other}' (known: gcm)"
            ))),
        }
    }
}

/// The files of one demo, embedded in the binary at build time.
pub struct DemoFiles {
    pub states_csv: &'static str,
    pub actors_toml: &'static str,
    pub process_toml: &'static str,
    pub meetings_toml: &'static str,
    pub documents_toml: &'static str,
}

impl Demo {
    pub fn files(self) -> DemoFiles {
        match self {
            Demo::Gcm => DemoFiles {
                states_csv: include_str!("../data/gcm/states.csv"),
                actors_toml: include_str!("../data/gcm/actors.toml"),
                process_toml: include_str!("../data/gcm/process.toml"),
                meetings_toml: include_str!("../data/gcm/meetings.toml"),
                documents_toml: include_str!("../data/gcm/documents.toml"),
            },
        }
    }
}

fn data_error(file: &str, e: impl std::fmt::Display) -> AppError {
    AppError::BadRequest(format!("demo data file {file}: {e}"))
}

#[derive(Deserialize)]
struct StateRow {
    iso3: String,
    iso2: String,
    m49: u16,
    name: String,
    official_name: String,
    continent: String,
    un_subregion: String,
    status: ActorKind,
    un_member_since: Option<i32>,
}

/// Parses the states table (the CSV layout of `shared/data/un-member-states.csv`).
pub fn parse_states(csv_text: &str) -> Result<Vec<Actor>> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut states = Vec::new();
    for (i, row) in reader.deserialize::<StateRow>().enumerate() {
        let row = row.map_err(|e| data_error("states.csv", format!("row {}: {e}", i + 2)))?;
        if !row.status.is_state() {
            return Err(data_error(
                "states.csv",
                format!("row {}: status must be a state", i + 2),
            ));
        }
        if !(row.iso2.len() == 2 && row.iso2.bytes().all(|b| b.is_ascii_uppercase())) {
            return Err(data_error(
                "states.csv",
                format!(
                    "row {}: iso2 must be an ISO 3166-1 alpha-2 code, not {:?}",
                    i + 2,
                    row.iso2
                ),
            ));
        }
        let actor = Actor {
            code: ActorCode::new(row.iso3).map_err(|e| data_error("states.csv", e))?,
            kind: row.status,
            name: row.name,
            official_name: Some(row.official_name).filter(|s| !s.is_empty()),
            iso2: Some(row.iso2),
            m49: Some(row.m49),
            region: Some(row.continent),
            subregion: Some(row.un_subregion),
            un_member_since: row.un_member_since,
            members: vec![],
            membership: vec![],
        };
        actor.validate().map_err(|e| data_error("states.csv", e))?;
        states.push(actor);
    }
    Ok(states)
}

/// Parses a TOML file's array `key`, giving each entry `process = slug`
/// first, so the data files need not repeat it.
fn entries<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    key: &str,
    process: Option<&Slug>,
) -> Result<Vec<T>> {
    let doc: toml::Table = text.parse().map_err(|e| data_error(file, e))?;
    let Some(items) = doc.get(key) else {
        return Ok(vec![]);
    };
    let items = items
        .as_array()
        .ok_or_else(|| data_error(file, format!("'{key}' must be an array of tables")))?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut table = item
                .as_table()
                .cloned()
                .ok_or_else(|| data_error(file, format!("{key} #{}: not a table", i + 1)))?;
            if let Some(slug) = process {
                table.insert("process".into(), toml::Value::String(slug.to_string()));
            }
            table.remove("source");
            T::deserialize(toml::Value::Table(table))
                .map_err(|e| data_error(file, format!("{key} #{}: {e}", i + 1)))
        })
        .collect()
}

impl DemoFiles {
    pub fn parse(&self) -> Result<ProcessDescription> {
        let mut actors = parse_states(self.states_csv)?;
        actors.extend(entries::<Actor>(
            "actors.toml",
            self.actors_toml,
            "actor",
            None,
        )?);
        let doc: toml::Table = self
            .process_toml
            .parse()
            .map_err(|e| data_error("process.toml", e))?;
        let process: Process = doc
            .get("process")
            .cloned()
            .ok_or_else(|| data_error("process.toml", "no [process] table"))?
            .try_into()
            .map_err(|e| data_error("process.toml", e))?;
        let slug = Some(&process.slug);
        Ok(ProcessDescription {
            phases: entries("process.toml", self.process_toml, "phase", slug)?,
            themes: entries("process.toml", self.process_toml, "theme", slug)?,
            meetings: entries("meetings.toml", self.meetings_toml, "meeting", slug)?,
            documents: entries("documents.toml", self.documents_toml, "document", slug)?,
            actors,
            process,
        })
    }
}

/// Loading a demo into an app.
pub trait LoadDemo {
    /// Loads a demo: its process (actors, phases, themes, meetings,
    /// documents) in one unit of work, then its draft and its adoptions
    /// through the ordinary use cases. Loading twice changes nothing.
    fn load_demo(&self, demo: Demo)
        -> impl std::future::Future<Output = Result<LoadReport>> + Send;
}

impl LoadDemo for App {
    async fn load_demo(&self, demo: Demo) -> Result<LoadReport> {
        let data = demo.files().parse()?;
        let loader = Principal::System("demo loader");
        let mut report = self.load_process_description(&loader, &data).await?;
        match demo {
            Demo::Gcm => {
                if negotiation::load_gcm_draft(self, &data.process.slug).await? {
                    report.created.drafts += 1;
                } else {
                    report.existing.drafts += 1;
                }
                report.created.adoptions +=
                    adoption::load_gcm_adoptions(self, &data.process.slug).await?;
            }
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_states;

    const HEADER: &str = "iso3,iso2,m49,name,official_name,continent,un_subregion,status,un_member_since,eu_member_in_2018\n";

    #[test]
    fn the_states_table_holds_iso_codes_not_patterns() {
        let states = parse_states(include_str!("../data/gcm/states.csv")).unwrap();
        assert_eq!(states.len(), 195);
        let greece = states.iter().find(|s| s.code.as_str() == "GRC").unwrap();
        assert_eq!(greece.iso2.as_deref(), Some("GR"));
        for bad in ["^GR$|^EL$", "gr", "G", "GRC", ""] {
            let row = format!("{HEADER}GRC,{bad},300,Greece,Hellenic Republic,Europe,Southern Europe,member_state,1945,yes\n");
            let error = parse_states(&row).unwrap_err().to_string();
            assert!(error.contains("iso2"), "{bad:?}: {error}");
        }
    }
}
