//! The consultation phase's SQL: statements, texts, files, calls for inputs,
//! inputs and recommendations. Expanded inside `sql_store!`'s module, so it
//! uses that module's `Db`, `Conn`, `DbRow` and imports.

#[doc(hidden)]
#[macro_export]
macro_rules! consultation_sql {
    () => {
        use $crate::deps::accord_domain::{
            Consultation, Distribution, Input, ItemKind, ItemText, NewInput, NewRecommendation,
            NewStatement, OtherVersion, Recommendation, Statement, StoredFile, VersionChoice,
        };
        use $crate::deps::accord_store::{InputQuery, RecommendationQuery, StatementQuery, Visible};

        const STATEMENT_COLUMNS: &str = "SELECT s.id, s.process, s.meeting_id, s.agenda_item, s.actor, \
            s.on_behalf_of, s.title, s.delivered_on, s.distribution, s.embargo_until, s.synthetic, \
            s.entered_by, s.entered_at, s.filed_late FROM statements s";
        const TEXT_COLUMNS: &str = "SELECT t.language, t.body, t.blocks, t.status, t.diagnostics, \
            t.language_detected, t.looks_like, t.file_sha256, t.file_name, f.size, f.content_type \
            FROM texts t LEFT JOIN files f ON f.sha256 = t.file_sha256";
        /// The other versions' columns: a text's, with the choice made.
        const OTHER_VERSION_COLUMNS: &str = "SELECT t.language, t.body, t.blocks, t.status, \
            t.diagnostics, t.language_detected, t.looks_like, t.file_sha256, t.file_name, f.size, \
            f.content_type, t.chosen_by, t.chosen_at \
            FROM other_versions t LEFT JOIN files f ON f.sha256 = t.file_sha256";
        const CONSULTATION_COLUMNS: &str = "SELECT process, slug, title, description, opens_at, \
            closes_at, synthetic FROM consultations";
        const INPUT_COLUMNS: &str = "SELECT i.id, i.process, i.consultation, i.author, i.organisation, \
            i.country, i.language, i.language_detected, i.body, i.external_id, i.synthetic, \
            i.distribution, i.submitted_at FROM inputs i";
        const RECOMMENDATION_COLUMNS: &str = "SELECT r.id, r.process, r.source_kind, r.source_id, \
            r.language, r.passage, r.start_char, r.themes, r.marked_by, r.marked_at \
            FROM recommendations r";

        fn get<'r, T>(row: &'r DbRow, column: &str) -> Result<T>
        where
            T: sqlx::Decode<'r, Db> + sqlx::Type<Db>,
        {
            row.try_get(column).map_err(err)
        }

        fn named<T>(row: &DbRow, column: &str) -> Result<T>
        where
            T: std::str::FromStr,
            T::Err: std::fmt::Display,
        {
            parse_stored(&get::<String>(row, column)?, column)
        }

        /// `AND <alias>.distribution IN (…)` and, where items can be
        /// embargoed, `AND (<alias>.embargo_until IS NULL OR … <= now)`.
        fn push_visible(qb: &mut QueryBuilder<'_, Db>, alias: &str, v: &Visible, embargo: bool) {
            qb.push(format!(" AND {alias}.distribution IN ("));
            let mut list = qb.separated(", ");
            for d in &v.distributions {
                list.push_bind(d.as_str());
            }
            if v.distributions.is_empty() {
                list.push("NULL");
            }
            qb.push(")");
            if embargo {
                qb.push(format!(
                    " AND ({alias}.embargo_until IS NULL OR {alias}.embargo_until <= "
                ))
                .push_bind(v.now)
                .push(")");
            }
        }

        fn statement_from(row: &DbRow) -> Result<Statement> {
            Ok(Statement {
                id: get(row, "id")?,
                statement: NewStatement {
                    process: named(row, "process")?,
                    meeting: get(row, "meeting_id")?,
                    agenda_item: opt_u32(Some(get::<i64>(row, "agenda_item")?), "agenda_item")?
                        .unwrap_or(0),
                    actor: named(row, "actor")?,
                    on_behalf_of: opt_parse(get(row, "on_behalf_of")?, "on_behalf_of")?,
                    title: get(row, "title")?,
                    delivered_on: get(row, "delivered_on")?,
                    distribution: named(row, "distribution")?,
                    embargo_until: get(row, "embargo_until")?,
                    synthetic: get(row, "synthetic")?,
                },
                entered_by: get(row, "entered_by")?,
                entered_at: get(row, "entered_at")?,
                filed_late: get(row, "filed_late")?,
            })
        }

        fn text_from(row: &DbRow) -> Result<ItemText> {
            let file = match get::<Option<String>>(row, "file_sha256")? {
                Some(sha256) => Some(StoredFile {
                    sha256,
                    size: get::<Option<i64>>(row, "size")?.unwrap_or(0).max(0) as u64,
                    content_type: get::<Option<String>>(row, "content_type")?.unwrap_or_default(),
                    filename: get::<Option<String>>(row, "file_name")?.unwrap_or_default(),
                }),
                None => None,
            };
            Ok(ItemText {
                language: named(row, "language")?,
                body: get(row, "body")?,
                blocks: get::<Json<_>>(row, "blocks")?.0,
                file,
                status: named(row, "status")?,
                diagnostics: get::<Json<Vec<String>>>(row, "diagnostics")?.0,
                language_detected: get(row, "language_detected")?,
                looks_like: opt_parse(get(row, "looks_like")?, "language")?,
            })
        }

        fn other_version_from(row: &DbRow) -> Result<OtherVersion> {
            let by: Option<String> = get(row, "chosen_by")?;
            let at: Option<DateTime<Utc>> = get(row, "chosen_at")?;
            Ok(OtherVersion {
                text: text_from(row)?,
                chosen: by.zip(at).map(|(by, at)| VersionChoice { by, at }),
            })
        }

        async fn list_other_versions(
            c: &mut Conn,
            kind: ItemKind,
            id: i64,
        ) -> Result<Vec<OtherVersion>> {
            let rows = sqlx::query(&format!(
                "{OTHER_VERSION_COLUMNS} WHERE t.item_kind = $1 AND t.item_id = $2"
            ))
            .bind(kind.as_str())
            .bind(id)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            let mut versions = rows.iter().map(other_version_from).collect::<Result<Vec<_>>>()?;
            versions.sort_by_key(|v| v.text.language);
            Ok(versions)
        }

        async fn find_other_version(
            c: &mut Conn,
            kind: ItemKind,
            id: i64,
            language: Language,
        ) -> Result<Option<OtherVersion>> {
            sqlx::query(&format!(
                "{OTHER_VERSION_COLUMNS} WHERE t.item_kind = $1 AND t.item_id = $2 AND t.language = $3"
            ))
            .bind(kind.as_str())
            .bind(id)
            .bind(language.as_str())
            .fetch_optional(&mut *c)
            .await
            .map_err(err)?
            .as_ref()
            .map(other_version_from)
            .transpose()
        }

        fn consultation_from(row: &DbRow) -> Result<Consultation> {
            Ok(Consultation {
                process: named(row, "process")?,
                slug: named(row, "slug")?,
                title: get(row, "title")?,
                description: get(row, "description")?,
                opens_at: get(row, "opens_at")?,
                closes_at: get(row, "closes_at")?,
                synthetic: get(row, "synthetic")?,
            })
        }

        fn input_from(row: &DbRow) -> Result<Input> {
            Ok(Input {
                id: get(row, "id")?,
                process: named(row, "process")?,
                consultation: named(row, "consultation")?,
                author: get(row, "author")?,
                organisation: get(row, "organisation")?,
                country: opt_parse(get(row, "country")?, "country")?,
                language: named(row, "language")?,
                language_detected: get(row, "language_detected")?,
                text: get(row, "body")?,
                external_id: get(row, "external_id")?,
                synthetic: get(row, "synthetic")?,
                distribution: named(row, "distribution")?,
                submitted_at: get(row, "submitted_at")?,
            })
        }

        fn recommendation_from(row: &DbRow) -> Result<Recommendation> {
            Ok(Recommendation {
                id: get(row, "id")?,
                recommendation: NewRecommendation {
                    process: named(row, "process")?,
                    source: named(row, "source_kind")?,
                    source_id: get(row, "source_id")?,
                    language: named(row, "language")?,
                    passage: get(row, "passage")?,
                    themes: get::<Json<Vec<Slug>>>(row, "themes")?.0,
                },
                start: get::<i64>(row, "start_char")?.max(0) as usize,
                marked_by: get(row, "marked_by")?,
                marked_at: get(row, "marked_at")?,
            })
        }

        async fn list_statements(c: &mut Conn, q: &StatementQuery) -> Result<Page<Statement>> {
            let mut qb = QueryBuilder::<Db>::new(STATEMENT_COLUMNS);
            qb.push(" WHERE s.process = ").push_bind(q.process.to_string());
            if let Some(m) = q.meeting {
                qb.push(" AND s.meeting_id = ").push_bind(m);
            }
            if let Some(v) = &q.visible {
                push_visible(&mut qb, "s", v, true);
            }
            if let Some(after) = q.after {
                qb.push(" AND s.id > ").push_bind(after);
            }
            qb.push(" ORDER BY s.id LIMIT ").push_bind(i64::from(q.limit) + 1);
            let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
            let items = rows.iter().map(statement_from).collect::<Result<Vec<_>>>()?;
            Ok(Page::from_overfetch(items, q.limit))
        }

        async fn find_statement(c: &mut Conn, id: i64) -> Result<Option<Statement>> {
            sqlx::query(&format!("{STATEMENT_COLUMNS} WHERE s.id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?
                .as_ref()
                .map(statement_from)
                .transpose()
        }

        async fn list_texts(c: &mut Conn, kind: ItemKind, id: i64) -> Result<Vec<ItemText>> {
            let rows = sqlx::query(&format!(
                "{TEXT_COLUMNS} WHERE t.item_kind = $1 AND t.item_id = $2"
            ))
            .bind(kind.as_str())
            .bind(id)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            let mut texts = rows.iter().map(text_from).collect::<Result<Vec<_>>>()?;
            texts.sort_by_key(|t| t.language);
            Ok(texts)
        }

        async fn list_pending_texts(c: &mut Conn) -> Result<Vec<(ItemKind, i64, ItemText)>> {
            let mut pending = vec![];
            for columns in [TEXT_COLUMNS, OTHER_VERSION_COLUMNS] {
                let rows = sqlx::query(&format!(
                    "{} WHERE t.status = 'pending' ORDER BY t.updated_at",
                    columns.replacen("SELECT ", "SELECT t.item_kind, t.item_id, ", 1)
                ))
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                for row in &rows {
                    pending.push((named(row, "item_kind")?, get(row, "item_id")?, text_from(row)?));
                }
            }
            Ok(pending)
        }

        async fn find_text(
            c: &mut Conn,
            kind: ItemKind,
            id: i64,
            language: Language,
        ) -> Result<Option<ItemText>> {
            sqlx::query(&format!(
                "{TEXT_COLUMNS} WHERE t.item_kind = $1 AND t.item_id = $2 AND t.language = $3"
            ))
            .bind(kind.as_str())
            .bind(id)
            .bind(language.as_str())
            .fetch_optional(&mut *c)
            .await
            .map_err(err)?
            .as_ref()
            .map(text_from)
            .transpose()
        }

        async fn list_consultations(c: &mut Conn, process: &Slug) -> Result<Vec<Consultation>> {
            sqlx::query(&format!(
                "{CONSULTATION_COLUMNS} WHERE process = $1 ORDER BY opens_at, slug"
            ))
            .bind(process.as_str())
            .fetch_all(&mut *c)
            .await
            .map_err(err)?
            .iter()
            .map(consultation_from)
            .collect()
        }

        async fn find_consultation(
            c: &mut Conn,
            process: &Slug,
            slug: &Slug,
        ) -> Result<Option<Consultation>> {
            sqlx::query(&format!("{CONSULTATION_COLUMNS} WHERE process = $1 AND slug = $2"))
                .bind(process.as_str())
                .bind(slug.as_str())
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?
                .as_ref()
                .map(consultation_from)
                .transpose()
        }

        async fn list_inputs(c: &mut Conn, q: &InputQuery) -> Result<Page<Input>> {
            let mut qb = QueryBuilder::<Db>::new(INPUT_COLUMNS);
            qb.push(" WHERE i.process = ").push_bind(q.process.to_string());
            if let Some(consultation) = &q.consultation {
                qb.push(" AND i.consultation = ").push_bind(consultation.to_string());
            }
            if let Some(v) = &q.visible {
                push_visible(&mut qb, "i", v, false);
            }
            if let Some(after) = q.after {
                qb.push(" AND i.id > ").push_bind(after);
            }
            qb.push(" ORDER BY i.id LIMIT ").push_bind(i64::from(q.limit) + 1);
            let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
            let items = rows.iter().map(input_from).collect::<Result<Vec<_>>>()?;
            Ok(Page::from_overfetch(items, q.limit))
        }

        async fn find_input(c: &mut Conn, id: i64) -> Result<Option<Input>> {
            sqlx::query(&format!("{INPUT_COLUMNS} WHERE i.id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?
                .as_ref()
                .map(input_from)
                .transpose()
        }

        async fn list_recommendations(
            c: &mut Conn,
            q: &RecommendationQuery,
        ) -> Result<Page<Recommendation>> {
            let mut qb = QueryBuilder::<Db>::new(RECOMMENDATION_COLUMNS);
            qb.push(" WHERE r.process = ").push_bind(q.process.to_string());
            if let Some((kind, id)) = q.source {
                qb.push(" AND r.source_kind = ").push_bind(kind.as_str());
                qb.push(" AND r.source_id = ").push_bind(id);
            }
            if let Some(v) = &q.visible {
                // Visible when its source is: a statement or an input the reader may see.
                qb.push(" AND ((r.source_kind = 'statement' AND EXISTS (SELECT 1 FROM statements s WHERE s.id = r.source_id");
                push_visible(&mut qb, "s", v, true);
                qb.push(")) OR (r.source_kind = 'input' AND EXISTS (SELECT 1 FROM inputs i WHERE i.id = r.source_id");
                push_visible(&mut qb, "i", v, false);
                qb.push(")))");
            }
            if let Some(after) = q.after {
                qb.push(" AND r.id > ").push_bind(after);
            }
            // Themes are few per recommendation: filter after reading, then page.
            qb.push(" ORDER BY r.id");
            if q.theme.is_none() {
                qb.push(" LIMIT ").push_bind(i64::from(q.limit) + 1);
            }
            let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
            let mut items = Vec::new();
            for row in &rows {
                let r = recommendation_from(row)?;
                if q.theme.as_ref().is_none_or(|t| r.themes.contains(t)) {
                    items.push(r);
                    if items.len() > q.limit as usize {
                        break;
                    }
                }
            }
            Ok(Page::from_overfetch(items, q.limit))
        }
    };
}
