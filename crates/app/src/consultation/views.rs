//! The consultation: the views (reads).

use super::*;

impl crate::App {
    /// What `p` may see of `process` now, as a store filter (`None`: all).
    pub(crate) fn visible(&self, p: &Principal, process: &Slug) -> Option<Visible> {
        match clearance(p, process) {
            Clearance::Secretariat => None,
            c => Some(Visible {
                distributions: c.distributions().to_vec(),
                now: self.now(),
            }),
        }
    }

    pub fn clearance(&self, p: &Principal, process: &str) -> Clearance {
        match Slug::new(process) {
            Ok(slug) => clearance(p, &slug),
            Err(_) => Clearance::Public,
        }
    }

    /// The statements of a process (or of one meeting) the reader may see,
    /// in the order they were entered.
    pub async fn statements(
        &self,
        p: &Principal,
        process: &str,
        meeting: Option<i64>,
        page: &PageRequest,
    ) -> Result<Listing<Statement>> {
        let process = self.existing_process(process).await?;
        let limit = page.limit()?;
        let after = id_cursor(page, "statements")?;
        let found = self
            .store
            .list_statements(&StatementQuery {
                visible: self.visible(p, &process),
                process,
                meeting,
                after,
                limit,
            })
            .await?;
        let next = next_cursor(&found, "statements", |s| Position::Seq(s.id));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    /// One statement, if the reader may see it.
    pub async fn statement(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
    ) -> Result<StatementDetail> {
        let process = self.existing_process(process).await?;
        let statement = self.store.get_statement(&process, id).await?;
        if !clearance(p, &process).may_see(
            statement.distribution,
            statement.embargo_until,
            self.now(),
        ) {
            return Err(AppError::NotFound(format!("statement {id} in '{process}'")));
        }
        let actor = self.store.get_actor(&statement.actor).await?;
        let on_behalf_of = match &statement.on_behalf_of {
            Some(g) => Some(self.store.get_actor(g).await?),
            None => None,
        };
        let meeting = self.store.get_meeting(&process, statement.meeting).await?;
        let texts = self.store.list_texts(ItemKind::Statement, id).await?;
        let other_versions = self
            .store
            .list_other_versions(ItemKind::Statement, id)
            .await?;
        let recommendations = self
            .recommendations_in(&process, ItemKind::Statement, id)
            .await?;
        Ok(StatementDetail {
            statement,
            actor,
            on_behalf_of,
            meeting,
            texts,
            other_versions,
            recommendations,
        })
    }

    /// A process's calls for inputs, each open, upcoming or closed now, with
    /// the reason of an early closing.
    pub async fn calls_for_inputs(&self, process: &str) -> Result<Vec<CallForInputs>> {
        let process = self.existing_process(process).await?;
        let now = self.now();
        let reasons: std::collections::HashMap<Slug, String> = self
            .store
            .consultation_closures(&process)
            .await?
            .into_iter()
            .collect();
        Ok(self
            .store
            .list_consultations(&process)
            .await?
            .into_iter()
            .map(|c| CallForInputs {
                state: if c.opens_at > now {
                    "upcoming"
                } else if c.is_open_at(now) {
                    "open"
                } else {
                    "closed"
                },
                closed_reason: reasons.get(&c.slug).cloned(),
                consultation: c,
            })
            .collect())
    }

    pub async fn consultations(&self, process: &str) -> Result<Vec<Consultation>> {
        let process = self.existing_process(process).await?;
        Ok(self.store.list_consultations(&process).await?)
    }

    pub async fn inputs(
        &self,
        p: &Principal,
        process: &str,
        consultation: Option<&str>,
        page: &PageRequest,
    ) -> Result<Listing<Input>> {
        let process = self.existing_process(process).await?;
        let consultation = consultation
            .map(|c| crate::parse_slug("consultation", c))
            .transpose()?;
        let limit = page.limit()?;
        let after = id_cursor(page, "inputs")?;
        let found = self
            .store
            .list_inputs(&InputQuery {
                visible: self.visible(p, &process),
                process,
                consultation,
                after,
                limit,
            })
            .await?;
        let next = next_cursor(&found, "inputs", |i| Position::Seq(i.id));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    pub async fn input(&self, p: &Principal, process: &str, id: i64) -> Result<InputDetail> {
        let process = self.existing_process(process).await?;
        let input = self.store.get_input(&process, id).await?;
        if !clearance(p, &process).may_see(input.distribution, None, self.now()) {
            return Err(AppError::NotFound(format!("input {id} in '{process}'")));
        }
        let recommendations = self
            .recommendations_in(&process, ItemKind::Input, id)
            .await?;
        Ok(InputDetail {
            input,
            recommendations,
        })
    }

    // ---- recommendations -------------------------------------------------

    /// The recommendations marked in one source (the caller has checked
    /// that the reader may see the source).
    pub(crate) async fn recommendations_in(
        &self,
        process: &Slug,
        kind: ItemKind,
        id: i64,
    ) -> Result<Vec<Recommendation>> {
        Ok(self
            .store
            .list_recommendations(&RecommendationQuery {
                process: process.clone(),
                source: Some((kind, id)),
                theme: None,
                visible: None,
                after: None,
                limit: accord_store::MAX_PAGE,
            })
            .await?
            .items)
    }

    /// The recommendations of a process whose source the reader may see.
    pub async fn recommendations(
        &self,
        p: &Principal,
        process: &str,
        theme: Option<&str>,
        page: &PageRequest,
    ) -> Result<Listing<Recommendation>> {
        let process = self.existing_process(process).await?;
        let theme = theme.map(|t| crate::parse_slug("theme", t)).transpose()?;
        let limit = page.limit()?;
        let after = id_cursor(page, "recommendations")?;
        let found = self
            .store
            .list_recommendations(&RecommendationQuery {
                visible: self.visible(p, &process),
                process,
                source: None,
                theme,
                after,
                limit,
            })
            .await?;
        let next = next_cursor(&found, "recommendations", |r| Position::Seq(r.id));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }
}
