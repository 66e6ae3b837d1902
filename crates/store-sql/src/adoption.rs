//! Adoption and follow-up SQL: adoptions with their ballots and linked
//! statements, pledges with their objectives and progress reports. Expanded
//! inside `sql_store!`'s module, so it uses that module's `Db`, `Conn`,
//! `DbRow` and imports (and `get`/`named` from `consultation_sql!`).

#[doc(hidden)]
#[macro_export]
macro_rules! adoption_sql {
    () => {
        use $crate::deps::accord_domain::adoption::{
            Adoption, AdoptionStatement, Ballot, NewAdoption, NewPledge, OralChange,
            ParagraphVote, Pledge, PledgeStatus, ProgressReport, RecordedVote, Totals,
            VoteIntention,
        };
        use $crate::deps::chrono::NaiveDate;

        const ADOPTION_COLUMNS: &str = "SELECT id, process, meeting_id, version_id, title, \
            adopted_on, symbol, method, majority, vote_open, yes, no, abstain, not_voting, present, \
            endorses, note, as_it_stands, not_agreed, entered_by, entered_at FROM adoptions";
        const PLEDGE_COLUMNS: &str = "SELECT p.id, p.process, p.actor, p.objectives, p.title, \
            p.description, p.made_on, p.status, p.meeting_id, p.synthetic, p.entered_by, \
            p.entered_at FROM pledges p";

        fn count(row: &DbRow, column: &str) -> Result<u32> {
            let n: i64 = get(row, column)?;
            u32::try_from(n)
                .map_err(|_| StoreError::Other(format!("out-of-range number in column {column}")))
        }

        fn adoption_from(row: &DbRow) -> Result<Adoption> {
            let majority: Option<String> = get(row, "majority")?;
            let vote = match majority {
                Some(m) => Some(RecordedVote {
                    majority: parse_stored(&m, "majority")?,
                    totals: Totals {
                        yes: count(row, "yes")?,
                        no: count(row, "no")?,
                        abstain: count(row, "abstain")?,
                        not_voting: count(row, "not_voting")?,
                    },
                    ballots: vec![],
                    open: get(row, "vote_open")?,
                    present: get::<Option<Json<Vec<ActorCode>>>>(row, "present")?.map(|p| p.0),
                }),
                None => None,
            };
            Ok(Adoption {
                id: get(row, "id")?,
                adoption: NewAdoption {
                    process: named(row, "process")?,
                    meeting: get(row, "meeting_id")?,
                    version: get(row, "version_id")?,
                    title: get(row, "title")?,
                    adopted_on: get(row, "adopted_on")?,
                    symbol: get(row, "symbol")?,
                    method: named(row, "method")?,
                    vote,
                    endorses: get(row, "endorses")?,
                    note: get(row, "note")?,
                    as_it_stands: get(row, "as_it_stands")?,
                    not_agreed: get::<Json<Vec<String>>>(row, "not_agreed")?.0,
                },
                entered_by: get(row, "entered_by")?,
                entered_at: get(row, "entered_at")?,
                intentions: vec![],
            })
        }

        /// The adoption's ballots and the statements of intention beside
        /// them, by state code.
        async fn with_ballots(c: &mut Conn, mut a: Adoption) -> Result<Adoption> {
            if let Some(vote) = a.adoption.vote.as_mut() {
                let rows = sqlx::query(
                    "SELECT state, vote FROM ballots WHERE adoption_id = $1 ORDER BY state",
                )
                .bind(a.id)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
                vote.ballots = rows
                    .iter()
                    .map(|r| {
                        Ok(Ballot {
                            state: named(r, "state")?,
                            vote: named(r, "vote")?,
                        })
                    })
                    .collect::<Result<_>>()?;
                a.intentions = sqlx::query(
                    "SELECT state, vote, entered_by, entered_at FROM vote_intentions \
                     WHERE adoption_id = $1 ORDER BY state",
                )
                .bind(a.id)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(|r| {
                    Ok(VoteIntention {
                        state: named(r, "state")?,
                        vote: named(r, "vote")?,
                        entered_by: get(r, "entered_by")?,
                        entered_at: get(r, "entered_at")?,
                    })
                })
                .collect::<Result<_>>()?;
            }
            Ok(a)
        }

        async fn insert_vote_intention(c: &mut Conn, adoption: i64, i: &VoteIntention) -> Result<()> {
            sqlx::query(
                "INSERT INTO vote_intentions (adoption_id, state, vote, entered_by, entered_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(adoption)
            .bind(i.state.as_str())
            .bind(i.vote.as_str())
            .bind(&i.entered_by)
            .bind(i.entered_at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn list_adoptions(c: &mut Conn, process: &Slug) -> Result<Vec<Adoption>> {
            let rows = sqlx::query(&format!("{ADOPTION_COLUMNS} WHERE process = $1 ORDER BY id"))
                .bind(process.as_str())
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
            let mut out = Vec::with_capacity(rows.len());
            for row in &rows {
                out.push(with_ballots(c, adoption_from(row)?).await?);
            }
            Ok(out)
        }

        async fn find_adoption(c: &mut Conn, id: i64) -> Result<Option<Adoption>> {
            let row = sqlx::query(&format!("{ADOPTION_COLUMNS} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?;
            match row {
                Some(row) => Ok(Some(with_ballots(c, adoption_from(&row)?).await?)),
                None => Ok(None),
            }
        }

        /// The adoptions of a version, oldest first (without their ballots).
        async fn adoptions_of_version(c: &mut Conn, version: i64) -> Result<Vec<Adoption>> {
            let rows = sqlx::query(&format!("{ADOPTION_COLUMNS} WHERE version_id = $1 ORDER BY id"))
                .bind(version)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
            rows.iter().map(adoption_from).collect()
        }

        async fn insert_ballots(c: &mut Conn, adoption: i64, ballots: &[Ballot]) -> Result<()> {
            for chunk in ballots.chunks(500) {
                let mut qb = QueryBuilder::<Db>::new("INSERT INTO ballots (adoption_id, state, vote) ");
                qb.push_values(chunk, |mut b, ballot| {
                    b.push_bind(adoption)
                        .push_bind(ballot.state.as_str())
                        .push_bind(ballot.vote.as_str());
                });
                qb.build().execute(&mut *c).await.map_err(err)?;
            }
            Ok(())
        }

        async fn insert_adoption(
            c: &mut Conn,
            a: &NewAdoption,
            entered_by: &str,
            at: DateTime<Utc>,
        ) -> Result<i64> {
            let totals = a.vote.as_ref().map(|v| v.totals);
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO adoptions (process, meeting_id, version_id, title, adopted_on, symbol, \
                 method, majority, vote_open, yes, no, abstain, not_voting, endorses, note, \
                 entered_by, entered_at, as_it_stands, not_agreed, present) VALUES ($1, $2, $3, $4, \
                 $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) \
                 RETURNING id",
            )
            .bind(a.process.as_str())
            .bind(a.meeting)
            .bind(a.version)
            .bind(&a.title)
            .bind(a.adopted_on)
            .bind(&a.symbol)
            .bind(a.method.as_str())
            .bind(a.vote.as_ref().map(|v| v.majority.as_str()))
            .bind(a.vote.as_ref().is_some_and(|v| v.open))
            .bind(totals.map(|t| i64::from(t.yes)))
            .bind(totals.map(|t| i64::from(t.no)))
            .bind(totals.map(|t| i64::from(t.abstain)))
            .bind(totals.map(|t| i64::from(t.not_voting)))
            .bind(a.endorses)
            .bind(&a.note)
            .bind(entered_by)
            .bind(at)
            .bind(a.as_it_stands)
            .bind(Json(&a.not_agreed))
            .bind(a.vote.as_ref().and_then(|v| v.present.as_ref()).map(Json))
            .fetch_one(&mut *c)
            .await
            .map_err(err)?;
            if let Some(v) = &a.vote {
                insert_ballots(c, id, &v.ballots).await?;
            }
            Ok(id)
        }

        /// Closes a vote being taken: its totals, the states present, and
        /// the ballots closing added.
        async fn close_vote(
            c: &mut Conn,
            adoption: i64,
            totals: &Totals,
            present: &[ActorCode],
            added: &[Ballot],
        ) -> Result<()> {
            let done = sqlx::query(
                "UPDATE adoptions SET vote_open = $2, yes = $3, no = $4, abstain = $5, not_voting = $6, \
                 present = $8 WHERE id = $1 AND vote_open = $7",
            )
            .bind(adoption)
            .bind(false)
            .bind(i64::from(totals.yes))
            .bind(i64::from(totals.no))
            .bind(i64::from(totals.abstain))
            .bind(i64::from(totals.not_voting))
            .bind(true)
            .bind(Json(present))
            .execute(&mut *c)
            .await
            .map_err(err)?
            .rows_affected();
            if done != 1 {
                return Err(StoreError::Conflict(format!("the vote of adoption {adoption} is not open")));
            }
            insert_ballots(c, adoption, added).await
        }

        async fn list_adoption_statements(
            c: &mut Conn,
            adoption: i64,
        ) -> Result<Vec<AdoptionStatement>> {
            sqlx::query(
                "SELECT adoption_id, statement_id, kind FROM adoption_statements \
                 WHERE adoption_id = $1 ORDER BY statement_id",
            )
            .bind(adoption)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?
            .iter()
            .map(|r| {
                Ok(AdoptionStatement {
                    adoption: get(r, "adoption_id")?,
                    statement: get(r, "statement_id")?,
                    kind: named(r, "kind")?,
                })
            })
            .collect()
        }

        async fn insert_adoption_statement(c: &mut Conn, l: &AdoptionStatement) -> Result<()> {
            sqlx::query(
                "INSERT INTO adoption_statements (adoption_id, statement_id, kind) VALUES ($1, $2, $3)",
            )
            .bind(l.adoption)
            .bind(l.statement)
            .bind(l.kind.as_str())
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        fn pledge_from(row: &DbRow) -> Result<Pledge> {
            Ok(Pledge {
                id: get(row, "id")?,
                pledge: NewPledge {
                    process: named(row, "process")?,
                    actor: named(row, "actor")?,
                    objectives: get::<Json<Vec<u32>>>(row, "objectives")?.0,
                    title: get(row, "title")?,
                    description: get(row, "description")?,
                    made_on: get(row, "made_on")?,
                    status: named(row, "status")?,
                    meeting: get(row, "meeting_id")?,
                    synthetic: get(row, "synthetic")?,
                },
                entered_by: get(row, "entered_by")?,
                entered_at: get(row, "entered_at")?,
                reports: vec![],
            })
        }

        /// Fills in the pledges' progress reports (one query for all).
        async fn with_reports(c: &mut Conn, mut pledges: Vec<Pledge>) -> Result<Vec<Pledge>> {
            if pledges.is_empty() {
                return Ok(pledges);
            }
            let mut qb = QueryBuilder::<Db>::new(
                "SELECT id, pledge_id, reported_on, status, body, entered_by, entered_at \
                 FROM progress_reports WHERE pledge_id IN (",
            );
            let mut list = qb.separated(", ");
            for p in &pledges {
                list.push_bind(p.id);
            }
            qb.push(") ORDER BY id");
            let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
            for r in &rows {
                let report = ProgressReport {
                    id: get(r, "id")?,
                    pledge: get(r, "pledge_id")?,
                    reported_on: get(r, "reported_on")?,
                    status: named(r, "status")?,
                    text: get(r, "body")?,
                    entered_by: get(r, "entered_by")?,
                    entered_at: get(r, "entered_at")?,
                };
                if let Some(p) = pledges.iter_mut().find(|p| p.id == report.pledge) {
                    p.reports.push(report);
                }
            }
            Ok(pledges)
        }

        async fn list_pledges(
            c: &mut Conn,
            process: &Slug,
            objective: Option<u32>,
            after: Option<i64>,
            limit: u32,
        ) -> Result<Page<Pledge>> {
            let mut qb = QueryBuilder::<Db>::new(PLEDGE_COLUMNS);
            if let Some(o) = objective {
                qb.push(" JOIN pledge_objectives po ON po.pledge_id = p.id AND po.objective = ")
                    .push_bind(i64::from(o));
            }
            qb.push(" WHERE p.process = ").push_bind(process.as_str());
            if let Some(after) = after {
                qb.push(" AND p.id > ").push_bind(after);
            }
            qb.push(" ORDER BY p.id LIMIT ").push_bind(i64::from(limit) + 1);
            let rows = qb.build().fetch_all(&mut *c).await.map_err(err)?;
            let items = rows.iter().map(pledge_from).collect::<Result<Vec<_>>>()?;
            let page = Page::from_overfetch(items, limit);
            Ok(Page {
                items: with_reports(c, page.items).await?,
                more: page.more,
            })
        }

        async fn find_pledge(c: &mut Conn, id: i64) -> Result<Option<Pledge>> {
            let row = sqlx::query(&format!("{PLEDGE_COLUMNS} WHERE p.id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?;
            match row {
                Some(row) => Ok(with_reports(c, vec![pledge_from(&row)?]).await?.pop()),
                None => Ok(None),
            }
        }

        async fn insert_pledge(
            c: &mut Conn,
            p: &NewPledge,
            entered_by: &str,
            at: DateTime<Utc>,
        ) -> Result<i64> {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO pledges (process, actor, objectives, title, description, made_on, \
                 status, meeting_id, synthetic, entered_by, entered_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(p.process.as_str())
            .bind(p.actor.as_str())
            .bind(Json(&p.objectives))
            .bind(&p.title)
            .bind(&p.description)
            .bind(p.made_on)
            .bind(p.status.as_str())
            .bind(p.meeting)
            .bind(p.synthetic)
            .bind(entered_by)
            .bind(at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)?;
            let mut qb = QueryBuilder::<Db>::new(
                "INSERT INTO pledge_objectives (process, objective, pledge_id) ",
            );
            qb.push_values(&p.objectives, |mut b, o| {
                b.push_bind(p.process.as_str())
                    .push_bind(i64::from(*o))
                    .push_bind(id);
            });
            qb.build().execute(&mut *c).await.map_err(err)?;
            Ok(id)
        }

        async fn insert_progress_report(
            c: &mut Conn,
            pledge: i64,
            reported_on: NaiveDate,
            status: PledgeStatus,
            text: &str,
            entered_by: &str,
            at: DateTime<Utc>,
        ) -> Result<i64> {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO progress_reports (pledge_id, reported_on, status, body, entered_by, \
                 entered_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            )
            .bind(pledge)
            .bind(reported_on)
            .bind(status.as_str())
            .bind(text)
            .bind(entered_by)
            .bind(at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)?;
            sqlx::query("UPDATE pledges SET status = $2 WHERE id = $1")
                .bind(pledge)
                .bind(status.as_str())
                .execute(&mut *c)
                .await
                .map_err(err)?;
            Ok(id)
        }

        async fn meeting_by_id(c: &mut Conn, id: i64) -> Result<Option<Meeting>> {
            let row = sqlx::query(&format!("{MEETING_COLUMNS} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?;
            one_meeting(c, row).await
        }

        const PARAGRAPH_VOTE_COLUMNS: &str = "SELECT id, process, meeting_id, version_id, \
            paragraph, number, requested_by, voted_on, vote, result, created_by, created_at \
            FROM paragraph_votes";
        const ORAL_CHANGE_COLUMNS: &str = "SELECT id, process, meeting_id, version_id, paragraph, \
            number, kind, moved_by, moved_on, text, outcome, vote, created_by, created_at \
            FROM oral_changes";

        fn paragraph_vote_from(row: &DbRow) -> Result<ParagraphVote> {
            Ok(ParagraphVote {
                id: get(row, "id")?,
                process: named(row, "process")?,
                meeting: get(row, "meeting_id")?,
                version: get(row, "version_id")?,
                paragraph: named(row, "paragraph")?,
                number: get(row, "number")?,
                requested_by: named(row, "requested_by")?,
                voted_on: get(row, "voted_on")?,
                vote: get::<Json<RecordedVote>>(row, "vote")?.0,
                result: named(row, "result")?,
                created_by: get(row, "created_by")?,
                created_at: get(row, "created_at")?,
            })
        }

        fn oral_change_from(row: &DbRow) -> Result<OralChange> {
            Ok(OralChange {
                id: get(row, "id")?,
                process: named(row, "process")?,
                meeting: get(row, "meeting_id")?,
                version: get(row, "version_id")?,
                paragraph: named(row, "paragraph")?,
                number: get(row, "number")?,
                kind: named(row, "kind")?,
                moved_by: named(row, "moved_by")?,
                moved_on: get(row, "moved_on")?,
                text: get(row, "text")?,
                outcome: named(row, "outcome")?,
                vote: get::<Option<Json<RecordedVote>>>(row, "vote")?.map(|v| v.0),
                created_by: get(row, "created_by")?,
                created_at: get(row, "created_at")?,
            })
        }

        /// The separate votes taken at a meeting, oldest first.
        async fn list_paragraph_votes(c: &mut Conn, meeting: i64) -> Result<Vec<ParagraphVote>> {
            let rows = sqlx::query(&format!("{PARAGRAPH_VOTE_COLUMNS} WHERE meeting_id = $1 ORDER BY id"))
                .bind(meeting)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
            rows.iter().map(paragraph_vote_from).collect()
        }

        /// The oral changes moved at a meeting, oldest first.
        async fn list_oral_changes(c: &mut Conn, meeting: i64) -> Result<Vec<OralChange>> {
            let rows = sqlx::query(&format!("{ORAL_CHANGE_COLUMNS} WHERE meeting_id = $1 ORDER BY id"))
                .bind(meeting)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?;
            rows.iter().map(oral_change_from).collect()
        }

        async fn insert_paragraph_vote(c: &mut Conn, v: &ParagraphVote) -> Result<i64> {
            sqlx::query_scalar(
                "INSERT INTO paragraph_votes (process, meeting_id, version_id, paragraph, number, \
                 requested_by, voted_on, vote, result, created_by, created_at) VALUES ($1, $2, $3, \
                 $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(v.process.as_str())
            .bind(v.meeting)
            .bind(v.version)
            .bind(v.paragraph.as_str())
            .bind(&v.number)
            .bind(v.requested_by.as_str())
            .bind(v.voted_on)
            .bind(Json(&v.vote))
            .bind(v.result.as_str())
            .bind(&v.created_by)
            .bind(v.created_at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)
        }

        async fn insert_oral_change(c: &mut Conn, o: &OralChange) -> Result<i64> {
            sqlx::query_scalar(
                "INSERT INTO oral_changes (process, meeting_id, version_id, paragraph, number, kind, \
                 moved_by, moved_on, text, outcome, vote, created_by, created_at) VALUES ($1, $2, \
                 $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            )
            .bind(o.process.as_str())
            .bind(o.meeting)
            .bind(o.version)
            .bind(o.paragraph.as_str())
            .bind(&o.number)
            .bind(o.kind.as_str())
            .bind(o.moved_by.as_str())
            .bind(o.moved_on)
            .bind(&o.text)
            .bind(o.outcome.as_str())
            .bind(o.vote.as_ref().map(Json))
            .bind(&o.created_by)
            .bind(o.created_at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)
        }
    };
}
