//! Demo processes, loaded from the data files under `crates/app/demo/` through
//! the same use cases as any other write. Loading is idempotent: what is
//! already stored (by code, slug or symbol) is left as it is.

use crate::{AppError, Result};
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
                states_csv: include_str!("../demo/gcm/states.csv"),
                actors_toml: include_str!("../demo/gcm/actors.toml"),
                process_toml: include_str!("../demo/gcm/process.toml"),
                meetings_toml: include_str!("../demo/gcm/meetings.toml"),
                documents_toml: include_str!("../demo/gcm/documents.toml"),
            },
        }
    }
}

/// What a load created and what it found already there, per kind of thing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub created: Counts,
    pub existing: Counts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub actors: usize,
    pub drafts: usize,
    pub adoptions: usize,
    pub processes: usize,
    pub phases: usize,
    pub themes: usize,
    pub meetings: usize,
    pub documents: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.actors
            + self.processes
            + self.phases
            + self.themes
            + self.meetings
            + self.documents
            + self.drafts
            + self.adoptions
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} actors, {} process, {} phases, {} themes, {} meetings, {} documents, {} drafts, {} adoptions",
            self.actors,
            self.processes,
            self.phases,
            self.themes,
            self.meetings,
            self.documents,
            self.drafts,
            self.adoptions
        )
    }
}

/// A demo, parsed and checked, ready to load.
#[derive(Debug, Clone)]
pub struct DemoData {
    pub actors: Vec<Actor>,
    pub process: Process,
    pub phases: Vec<Phase>,
    pub themes: Vec<Theme>,
    pub meetings: Vec<NewMeeting>,
    pub documents: Vec<NewDocument>,
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
    pub fn parse(&self) -> Result<DemoData> {
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
        Ok(DemoData {
            phases: entries("process.toml", self.process_toml, "phase", slug)?,
            themes: entries("process.toml", self.process_toml, "theme", slug)?,
            meetings: entries("meetings.toml", self.meetings_toml, "meeting", slug)?,
            documents: entries("documents.toml", self.documents_toml, "document", slug)?,
            actors,
            process,
        })
    }
}

impl crate::App {
    /// Loads a demo in one transaction: all of it, or nothing.
    pub async fn load_demo(&self, demo: Demo) -> Result<DemoReport> {
        let data = demo.files().parse()?;
        let mut report = self.load_demo_data(&data).await?;
        match demo {
            Demo::Gcm => {
                if self.load_gcm_draft(&data.process.slug).await? {
                    report.created.drafts += 1;
                } else {
                    report.existing.drafts += 1;
                }
                report.created.adoptions += self.load_gcm_adoptions(&data.process.slug).await?;
            }
        }
        Ok(report)
    }

    pub async fn load_demo_data(&self, data: &DemoData) -> Result<DemoReport> {
        let mut report = DemoReport::default();
        let principal = crate::Principal::System("demo loader");
        let mut unit = self.unit(&principal).await?;
        // States first, then groups, which refer to them.
        let (groups, others): (Vec<&Actor>, Vec<&Actor>) =
            data.actors.iter().partition(|a| a.kind == ActorKind::Group);
        for actor in others.into_iter().chain(groups) {
            if unit.tx.find_actor(&actor.code).await?.is_some() {
                report.existing.actors += 1;
            } else {
                crate::create_actor(&mut unit, actor).await?;
                report.created.actors += 1;
            }
        }
        if unit.tx.find_process(&data.process.slug).await?.is_some() {
            report.existing.processes += 1;
        } else {
            crate::create_process(&mut unit, &data.process).await?;
            report.created.processes += 1;
        }
        for phase in &data.phases {
            if unit
                .tx
                .find_phase(&phase.process, phase.kind)
                .await?
                .is_some()
            {
                report.existing.phases += 1;
            } else {
                crate::add_phase(&mut unit, phase).await?;
                report.created.phases += 1;
            }
        }
        for theme in &data.themes {
            if unit
                .tx
                .find_theme(&theme.process, &theme.code)
                .await?
                .is_some()
            {
                report.existing.themes += 1;
            } else {
                crate::add_theme(&mut unit, theme).await?;
                report.created.themes += 1;
            }
        }
        for meeting in &data.meetings {
            if unit
                .tx
                .find_meeting(&meeting.process, &meeting.slug)
                .await?
                .is_some()
            {
                report.existing.meetings += 1;
            } else {
                crate::add_meeting(&mut unit, meeting).await?;
                report.created.meetings += 1;
            }
        }
        for document in &data.documents {
            if unit
                .tx
                .find_document(&document.process, &document.slug)
                .await?
                .is_some()
            {
                report.existing.documents += 1;
            } else {
                crate::add_document(&mut unit, document).await?;
                report.created.documents += 1;
            }
        }
        unit.commit().await?;
        if report.created.total() > 0 {
            // The demo's documents become searchable (their titles).
            if let Err(e) = self.reindex().await {
                tracing::warn!(error = %e, "the search index was not rebuilt after the demo");
            }
        }
        Ok(report)
    }
}
