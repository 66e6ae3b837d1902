//! The world map of a recorded vote, as SVG drawn by the server from Natural
//! Earth's shapes (`accord-atlas`): each member state filled by its vote,
//! with a pattern as well as a colour, so the map reads in greyscale, in
//! print and for readers who do not tell the colours apart. States too small
//! to see get a ringed marker. The vote table on the same page is the map's
//! accessible alternative; the map names it in its description.

use std::fmt::Write as _;

use accord_app::adoption::VoteRow;
use accord_domain::adoption::VoteChoice;

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

/// The fills and patterns of the map (the legend's swatches use them too).
/// Colours from the Okabe–Ito palette; each choice also has its own texture.
fn defs() -> &'static str {
    r##"<defs>
<pattern id="pat-yes" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#0072b2"/></pattern>
<pattern id="pat-no" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#d55e00"/><path d="M0 2h4M2 0v4" stroke="#5a2000" stroke-width="0.9"/></pattern>
<pattern id="pat-abstain" width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="3" fill="#f0e442"/><path d="M0 1.5h3" stroke="#6b5f00" stroke-width="0.9"/></pattern>
<pattern id="pat-not-voting" width="3" height="3" patternUnits="userSpaceOnUse"><rect width="3" height="3" fill="#bbbbbb"/><circle cx="1.5" cy="1.5" r="0.7" fill="#444444"/></pattern>
<pattern id="pat-not-recorded" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#f2f2f2"/></pattern>
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

/// Text of the map: its title, its description, and the label of each vote.
pub struct MapText<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub label: &'a dyn Fn(Option<VoteChoice>) -> String,
}

/// The map as a standalone SVG document (also inlined in the page).
pub fn render(rows: &[VoteRow], text: &MapText) -> String {
    let (x, y, w, h) = accord_atlas::VIEW_BOX;
    let mut svg = String::with_capacity(600_000);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x} {y} {w} {h}" role="img" aria-labelledby="vote-map-title vote-map-desc" class="vote-map">"#
    );
    let _ = write!(
        svg,
        r#"<title id="vote-map-title">{}</title><desc id="vote-map-desc">{}</desc>"#,
        escape(text.title),
        escape(text.description)
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
    svg.push_str("</g></svg>");
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
            region: "Europe".into(),
            subregion: String::new(),
            m49: Some(m49),
            vote,
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
    }
}
