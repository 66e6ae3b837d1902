//! The world map of a recorded vote, as SVG drawn by the server from Natural
//! Earth's shapes (`accord-atlas`): each member state filled by its vote,
//! with a pattern as well as a colour, so the map reads in greyscale, in
//! print and for readers who do not tell the colours apart. States too small
//! to see get a ringed marker. The vote table on the same page is the map's
//! accessible alternative; the map names it in its description.

use std::fmt::Write as _;

use accord_app::adoption::VoteRow;
use accord_domain::adoption::{RecordedVote, VoteChoice};

/// Below this area (square view-box units) a state gets a marker.
const MARKER_BELOW: f32 = 4.0;

/// The CSS class and pattern of a vote (`None`: not recorded).
pub fn vote_class(vote: Option<VoteChoice>) -> &'static str {
    match vote {
        Some(VoteChoice::Yes) => "vote-yes",
        Some(VoteChoice::No) => "vote-no",
        Some(VoteChoice::Abstain) => "vote-abstain",
        Some(VoteChoice::NotVoting) => "vote-not-voting",
        None => "vote-not-recorded",
    }
}

/// The legend's entries in order: (class, message key of the label).
pub const LEGEND: &[(&str, &str)] = &[
    ("vote-yes", "vote-yes"),
    ("vote-no", "vote-no"),
    ("vote-abstain", "vote-abstain"),
    ("vote-not-voting", "vote-not-voting"),
    ("vote-not-recorded", "vote-not-recorded"),
];

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A choice whose total in the record is larger than the number of states
/// the record names for it: the map cannot show where those votes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unnamed {
    pub choice: VoteChoice,
    /// The official total.
    pub total: u32,
    /// How many states the record names with that vote.
    pub named: u32,
}

impl Unnamed {
    /// The votes the record counts but does not attribute.
    pub fn unnamed(&self) -> u32 {
        self.total - self.named
    }
}

/// The choices of a closed vote whose totals name fewer states than they
/// count (the GCM's endorsement: 152 in favour, none named). An open vote
/// has no totals yet, and names every ballot.
pub fn unnamed(vote: &RecordedVote) -> Vec<Unnamed> {
    if vote.open {
        return vec![];
    }
    let named = vote.recorded();
    [
        VoteChoice::Yes,
        VoteChoice::No,
        VoteChoice::Abstain,
        VoteChoice::NotVoting,
    ]
    .into_iter()
    .map(|choice| Unnamed {
        choice,
        total: vote.totals.of(choice),
        named: named.get(&choice).copied().unwrap_or(0),
    })
    .filter(|u| u.total > u.named)
    .collect()
}

/// The fills and patterns of the map (the legend's swatches use them too,
/// from a copy of them in the page). Colours from the Okabe–Ito palette;
/// each choice also has its own texture. "Not recorded" is hatched grey,
/// not white: a state the record does not name may well have voted.
pub fn defs() -> &'static str {
    r##"<defs>
<pattern id="pat-yes" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#0072b2"/></pattern>
<pattern id="pat-no" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#d55e00"/><path d="M0 2h4M2 0v4" stroke="#5a2000" stroke-width="0.9"/></pattern>
<pattern id="pat-abstain" width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="3" fill="#f0e442"/><path d="M0 1.5h3" stroke="#6b5f00" stroke-width="0.9"/></pattern>
<pattern id="pat-not-voting" width="3" height="3" patternUnits="userSpaceOnUse"><rect width="3" height="3" fill="#bbbbbb"/><circle cx="1.5" cy="1.5" r="0.7" fill="#444444"/></pattern>
<pattern id="pat-not-recorded" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#dcdcdc"/><path d="M0 0v4" stroke="#7a7a7a" stroke-width="0.8"/></pattern>
</defs>"##
}

/// The pattern that fills a vote's shapes.
fn fill(vote: Option<VoteChoice>) -> &'static str {
    match vote {
        Some(VoteChoice::Yes) => "url(#pat-yes)",
        Some(VoteChoice::No) => "url(#pat-no)",
        Some(VoteChoice::Abstain) => "url(#pat-abstain)",
        Some(VoteChoice::NotVoting) => "url(#pat-not-voting)",
        None => "url(#pat-not-recorded)",
    }
}

/// Text of the map: its title, its description, the label of each vote,
/// and the notes drawn on the map itself (the votes the record counts but
/// does not name, "152 in favour — not named in the record"), in a
/// language written right to left or not.
pub struct MapText<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub label: &'a dyn Fn(Option<VoteChoice>) -> String,
    pub notes: &'a [String],
    pub rtl: bool,
}

/// Height of a line of the notes, in view-box units.
const NOTE_LINE: f32 = 22.0;

/// The height the notes add below the map, for `lines` of them.
pub fn notes_height(lines: usize) -> f32 {
    if lines == 0 {
        0.0
    } else {
        NOTE_LINE * lines as f32 + 14.0
    }
}

/// The map as a standalone SVG document (also inlined in the page).
pub fn render(rows: &[VoteRow], text: &MapText) -> String {
    let (x, y, w, h) = accord_atlas::VIEW_BOX;
    let mut svg = String::with_capacity(600_000);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {w} {}" role="img" aria-labelledby="vote-map-title vote-map-desc" class="vote-map">"#,
        h + notes_height(text.notes.len())
    );
    let mut description = text.description.to_owned();
    for note in text.notes {
        description.push(' ');
        description.push_str(note);
        description.push('.');
    }
    let _ = write!(
        svg,
        r#"<title id="vote-map-title">{}</title><desc id="vote-map-desc">{}</desc>"#,
        escape(text.title),
        escape(&description)
    );
    // Presentation attributes, not a <style>: the map looks the same
    // inline, alone, printed, and under a CSP that forbids inline styles.
    svg.push_str(defs());
    // Everything that is not a member state: land, unshaded.
    let members: std::collections::HashMap<u16, &VoteRow> =
        rows.iter().filter_map(|r| r.m49.map(|m| (m, r))).collect();
    svg.push_str(r##"<g class="land" aria-hidden="true" fill="#fbfbfb" stroke="#c8c8c8" stroke-width=".3">"##);
    for c in accord_atlas::countries() {
        if !members.contains_key(&c.m49) {
            let _ = write!(svg, r#"<path d="{}"/>"#, c.path);
        }
    }
    svg.push_str(r##"</g><g stroke="#555" stroke-width=".35">"##);
    let mut markers = String::new();
    for c in accord_atlas::countries() {
        let Some(row) = members.get(&c.m49) else {
            continue;
        };
        let class = vote_class(row.vote);
        let label = format!("{}: {}", row.name, (text.label)(row.vote));
        let _ = write!(
            svg,
            r#"<path class="state {class}" fill="{}" d="{}" data-state="{}"><title>{}</title></path>"#,
            fill(row.vote),
            c.path,
            row.code,
            escape(&label)
        );
        if c.area < MARKER_BELOW {
            let _ = write!(
                markers,
                r#"<circle class="marker {class}" fill="{}" cx="{}" cy="{}" r="2.6"><title>{}</title></circle>"#,
                fill(row.vote),
                c.centroid.0,
                c.centroid.1,
                escape(&label)
            );
        }
    }
    svg.push_str(r##"</g><g stroke="#222" stroke-width=".6">"##);
    svg.push_str(&markers);
    svg.push_str("</g>");
    // The notes, on a band of their own below the map (the view box grows
    // to hold it), so they hide no state; right to left, they start at the
    // band's right edge.
    if !text.notes.is_empty() {
        let band_h = notes_height(text.notes.len()) - 4.0;
        let top = y + h + 2.0;
        let band_x = x + 6.0;
        let band_w = w - 12.0;
        let text_x = if text.rtl {
            band_x + band_w - 10.0
        } else {
            band_x + 10.0
        };
        let direction = if text.rtl { "rtl" } else { "ltr" };
        let _ = write!(
            svg,
            r##"<g class="unnamed-notes"><rect x="{band_x}" y="{top}" width="{band_w}" height="{band_h}" rx="4" fill="#fff4e5" stroke="#b26a00" stroke-width="1.2"/>"##
        );
        for (i, note) in text.notes.iter().enumerate() {
            let baseline = top + NOTE_LINE * (i as f32 + 1.0);
            let _ = write!(
                svg,
                r##"<text x="{text_x}" y="{baseline}" font-size="16" font-family="system-ui, sans-serif" font-weight="600" fill="#222" direction="{direction}" text-anchor="start" unicode-bidi="embed">{}</text>"##,
                escape(note)
            );
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// Member states the map cannot draw (no shape at this scale): the page
/// lists them under the map.
pub fn not_drawn(rows: &[VoteRow]) -> Vec<&VoteRow> {
    rows.iter()
        .filter(|r| r.m49.and_then(accord_atlas::country).is_none())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, name: &str, m49: u16, vote: Option<VoteChoice>) -> VoteRow {
        VoteRow {
            code: code.parse().unwrap(),
            name: name.into(),
            iso2: None,
            region: "Europe".into(),
            subregion: String::new(),
            m49: Some(m49),
            vote,
            intended: None,
        }
    }

    fn label(v: Option<VoteChoice>) -> String {
        v.map_or("not recorded".to_owned(), |v| v.to_string())
    }

    #[test]
    fn each_state_is_drawn_with_its_votes_pattern_and_a_title() {
        let rows = vec![
            row("HUN", "Hungary", 348, Some(VoteChoice::No)),
            row("LIE", "Liechtenstein", 438, Some(VoteChoice::Abstain)),
            row("FRA", "France", 250, None),
            row("TUV", "Tuvalu", 798, None),
        ];
        let svg = render(
            &rows,
            &MapText {
                title: "Vote <map> & more",
                description: "See the table.",
                label: &label,
                notes: &[],
                rtl: false,
            },
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<title id=\"vote-map-title\">Vote &lt;map&gt; &amp; more</title>"));
        assert!(svg.contains(r#"class="state vote-no" fill="url(#pat-no)" d="M"#));
        assert!(svg.contains(r#"data-state="HUN"><title>Hungary: no</title>"#));
        assert!(svg.contains(r#"data-state="FRA"><title>France: not recorded</title>"#));
        // Liechtenstein is too small to see: it also has a marker.
        assert!(svg.contains(r#"<circle class="marker vote-abstain""#));
        assert_eq!(svg.matches("<circle class=\"marker").count(), 1);
        // Every vote has a pattern, not only a colour.
        for (class, _) in LEGEND {
            let id = class.replace("vote-", "pat-");
            assert!(svg.contains(&format!("<pattern id=\"{id}\"")), "{id}");
        }
        // Tuvalu has no shape at 1:50m: listed apart.
        let missing: Vec<&str> = not_drawn(&rows).iter().map(|r| r.name.as_str()).collect();
        assert_eq!(missing, vec!["Tuvalu"]);
        // Other countries are drawn as plain land.
        assert!(svg.contains("stroke-width=\".3\"><path d=\"M"));
        assert!(!svg.contains("<style"), "no inline style (CSP)");
        assert!(
            !svg.contains("unnamed-notes"),
            "a record naming everyone has no note"
        );
    }

    fn vote(
        yes: u32,
        no: u32,
        abstain: u32,
        not_voting: u32,
        named: &[(&str, VoteChoice)],
    ) -> RecordedVote {
        RecordedVote {
            majority: accord_domain::adoption::MajorityRule::Simple,
            totals: accord_domain::adoption::Totals {
                yes,
                no,
                abstain,
                not_voting,
            },
            ballots: named
                .iter()
                .map(|(code, vote)| accord_domain::adoption::Ballot {
                    state: code.parse().unwrap(),
                    vote: *vote,
                })
                .collect(),
            open: false,
            present: None,
        }
    }

    #[test]
    fn votes_counted_but_not_named_are_said_so_on_the_map() {
        // 2 in favour, none named; 1 against, named; 2 abstaining, 1 named.
        let v = vote(
            2,
            1,
            2,
            0,
            &[("HUN", VoteChoice::No), ("LIE", VoteChoice::Abstain)],
        );
        let u = unnamed(&v);
        assert_eq!(
            u,
            vec![
                Unnamed {
                    choice: VoteChoice::Yes,
                    total: 2,
                    named: 0
                },
                Unnamed {
                    choice: VoteChoice::Abstain,
                    total: 2,
                    named: 1
                },
            ]
        );
        assert_eq!(u[1].unnamed(), 1);
        // A vote that names every ballot, and an open one, have nothing to say.
        assert!(unnamed(&vote(0, 1, 0, 0, &[("HUN", VoteChoice::No)])).is_empty());
        let mut open = vote(2, 0, 0, 0, &[]);
        open.open = true;
        assert!(unnamed(&open).is_empty());

        let rows = vec![
            row("FRA", "France", 250, None),
            row("HUN", "Hungary", 348, Some(VoteChoice::No)),
        ];
        let notes = vec!["2 in favour — not named <in> the record".to_owned()];
        for rtl in [false, true] {
            let svg = render(
                &rows,
                &MapText {
                    title: "t",
                    description: "d.",
                    label: &label,
                    notes: &notes,
                    rtl,
                },
            );
            assert!(svg.contains("2 in favour — not named &lt;in&gt; the record</text>"));
            assert!(svg.contains("<desc id=\"vote-map-desc\">d. 2 in favour — not named &lt;in&gt; the record.</desc>"));
            assert_eq!(svg.contains(r#"direction="rtl" text-anchor="start""#), rtl);
            // The unnamed are hatched grey, unlike the plain land around them.
            assert!(svg.contains(r#"<pattern id="pat-not-recorded""#));
            assert!(
                svg.contains(r#"data-state="FRA""#)
                    && svg.contains(r#"fill="url(#pat-not-recorded)""#)
            );
        }
    }
}
