//! Processes, their phases, themes, meetings and documents, and the actors: the commands (writes).

use super::*;

impl crate::App {
    pub async fn create_actor(&self, p: &Principal, actor: Actor) -> Result<()> {
        authorize(p, Action::ManageActors)?;
        let mut unit = self.unit(p).await?;
        create_actor(&mut unit, &actor).await?;
        unit.commit().await?;
        self.index_actor(&actor.code).await;
        Ok(())
    }

    pub async fn create_process(&self, p: &Principal, process: Process) -> Result<()> {
        authorize(p, Action::CreateProcess)?;
        let mut unit = self.unit(p).await?;
        create_process(&mut unit, &process).await?;
        unit.commit().await
    }

    pub async fn add_phase(&self, p: &Principal, phase: Phase) -> Result<()> {
        authorize(p, Action::EditProcess(&phase.process))?;
        let mut unit = self.unit(p).await?;
        add_phase(&mut unit, &phase).await?;
        unit.commit().await
    }

    pub async fn add_theme(&self, p: &Principal, theme: Theme) -> Result<()> {
        authorize(p, Action::EditProcess(&theme.process))?;
        let mut unit = self.unit(p).await?;
        add_theme(&mut unit, &theme).await?;
        unit.commit().await
    }

    /// Records a meeting; returns its id.
    pub async fn add_meeting(&self, p: &Principal, meeting: NewMeeting) -> Result<i64> {
        authorize(p, Action::EditProcess(&meeting.process))?;
        let mut unit = self.unit(p).await?;
        let id = add_meeting(&mut unit, &meeting).await?;
        unit.commit().await?;
        self.index_meeting(&meeting.process, id).await;
        Ok(id)
    }

    /// Records document metadata; returns its id.
    pub async fn add_document(&self, p: &Principal, document: NewDocument) -> Result<i64> {
        authorize(p, Action::EditProcess(&document.process))?;
        let mut unit = self.unit(p).await?;
        let id = add_document(&mut unit, &document).await?;
        unit.commit().await?;
        self.index_item(&document.process, ItemKind::Document, id)
            .await;
        Ok(id)
    }

    /// Loads a process described in full, in one unit of work: all of it,
    /// or nothing. What is already stored (by code or slug) is left as it
    /// is and counted as existing, so loading twice changes nothing.
    pub async fn load_process_description(
        &self,
        p: &Principal,
        data: &ProcessDescription,
    ) -> Result<LoadReport> {
        authorize(p, Action::CreateProcess)?;
        authorize(p, Action::ManageActors)?;
        let mut report = LoadReport::default();
        let mut unit = self.unit(p).await?;
        // States first, then groups, which refer to them.
        let (groups, others): (Vec<&Actor>, Vec<&Actor>) =
            data.actors.iter().partition(|a| a.kind.is_group());
        for actor in others.into_iter().chain(groups) {
            if unit.tx.find_actor(&actor.code).await?.is_some() {
                report.existing.actors += 1;
            } else {
                create_actor(&mut unit, actor).await?;
                report.created.actors += 1;
            }
        }
        if unit.tx.find_process(&data.process.slug).await?.is_some() {
            report.existing.processes += 1;
        } else {
            create_process(&mut unit, &data.process).await?;
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
                add_phase(&mut unit, phase).await?;
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
                add_theme(&mut unit, theme).await?;
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
                add_meeting(&mut unit, meeting).await?;
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
                add_document(&mut unit, document).await?;
                report.created.documents += 1;
            }
        }
        unit.commit().await?;
        if report.created.total() > 0 {
            // The documents become searchable (their titles).
            if let Err(e) = self.reindex().await {
                tracing::warn!(error = %e, "the search index was not rebuilt after the load");
            }
        }
        Ok(report)
    }
}
