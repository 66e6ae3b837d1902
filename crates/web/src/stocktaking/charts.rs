//! Charts as SVG, drawn by the server: they need no JavaScript, print
//! sharply at any size, and carry their numbers as text (each chart has a
//! table beside it as its accessible alternative).

/// One bar: its label, its value, and where it links to.
pub struct Bar {
    pub label: String,
    pub value: i64,
    pub href: Option<String>,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// Horizontal bars, largest value spanning the width; `title` names the
/// chart for screen readers.
pub fn bars(title: &str, bars: &[Bar]) -> String {
    const ROW: usize = 26;
    const LABEL: usize = 300;
    const WIDTH: usize = 720;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) + 8;
    // A chart whose bars are links is a group of links, not one image.
    let role = if bars.iter().any(|b| b.href.is_some()) {
        "group"
    } else {
        "img"
    };
    let mut svg = format!(
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="{role}" aria-label="{t}"><title>{t}</title>"#,
        t = escape(title)
    );
    let span = WIDTH - LABEL - 70;
    for (i, b) in bars.iter().enumerate() {
        let y = i * ROW + 4;
        let w = ((b.value.max(0) as f64 / max as f64) * span as f64).round() as usize;
        let label = escape(&truncate(&b.label, 40));
        let text = format!(
            r#"<text x="{}" y="{}" text-anchor="end" class="chart-label">{label}</text>"#,
            LABEL - 8,
            y + 16
        );
        match &b.href {
            Some(href) => svg.push_str(&format!(r#"<a href="{}">{text}</a>"#, escape(href))),
            None => svg.push_str(&text),
        }
        svg.push_str(&format!(
            r#"<rect x="{LABEL}" y="{y}" width="{}" height="{}" class="chart-bar"/><text x="{}" y="{}" class="chart-value">{}</text>"#,
            w.max(1),
            ROW - 8,
            LABEL + w.max(1) + 6,
            y + 14,
            b.value
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// Columns over time (one per period), with the first and last period's
/// labels under the axis.
pub fn columns(title: &str, points: &[(String, i64)]) -> String {
    const WIDTH: usize = 640;
    const HEIGHT: usize = 180;
    const AXIS: usize = 24;
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1);
    let n = points.len().max(1);
    let step = WIDTH as f64 / n as f64;
    let mut svg = format!(
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {}" role="img" aria-label="{t}"><title>{t}</title>"#,
        HEIGHT + AXIS,
        t = escape(title)
    );
    for (i, (label, value)) in points.iter().enumerate() {
        let h = (*value as f64 / max as f64 * (HEIGHT - 16) as f64).round();
        svg.push_str(&format!(
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" class="chart-bar"><title>{}: {value}</title></rect>"#,
            i as f64 * step + 1.0,
            HEIGHT as f64 - h,
            (step - 2.0).max(1.0),
            escape(label)
        ));
    }
    svg.push_str(&format!(
        r#"<line x1="0" y1="{HEIGHT}" x2="{WIDTH}" y2="{HEIGHT}" class="chart-axis"/><text x="0" y="12" class="chart-value">{max}</text>"#
    ));
    if let (Some(first), Some(last)) = (points.first(), points.last()) {
        svg.push_str(&format!(
            r#"<text x="0" y="{}" class="chart-label">{}</text><text x="{WIDTH}" y="{}" text-anchor="end" class="chart-label">{}</text>"#,
            HEIGHT + 18,
            escape(&first.0),
            HEIGHT + 18,
            escape(&last.0)
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_and_escape_labels() {
        let svg = bars(
            "Inputs <by> theme",
            &[
                Bar {
                    label: "Rights & inclusion".into(),
                    value: 100,
                    href: Some("/x?a=1&b=2".into()),
                },
                Bar {
                    label: "Drivers".into(),
                    value: 50,
                    href: None,
                },
            ],
        );
        assert!(svg.contains("Inputs &lt;by&gt; theme"));
        assert!(svg.contains("Rights &amp; inclusion"));
        assert!(svg.contains(r#"href="/x?a=1&amp;b=2""#));
        assert!(
            svg.contains(r#"role="group""#),
            "links are not nested in an image"
        );
        assert!(svg.contains(r#"width="350""#), "{svg}");
        assert!(svg.contains(r#"width="175""#), "{svg}");
        assert!(!svg.contains("<by>"));
    }

    #[test]
    fn columns_handle_nothing_and_something() {
        assert!(columns("empty", &[]).ends_with("</svg>"));
        let svg = columns(
            "weeks",
            &[("2017-11-06".into(), 4), ("2017-11-13".into(), 2)],
        );
        assert!(svg.contains("2017-11-06") && svg.contains("2017-11-13"));
        assert!(svg.contains(r#"height="164.0""#), "{svg}");
    }
}
