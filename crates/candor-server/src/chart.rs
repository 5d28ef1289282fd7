//! The project chart as server-rendered SVG: a burn-up of items done against total scope, with
//! the deadline, today and the forecast dates (P50, P85) marked. Readable without JavaScript;
//! the page also prints the same numbers as a table for screen readers.

use candor_core::{Milestone, ProgressEntry};
use jiff::civil::Date;
use std::fmt::Write as _;

const W: f64 = 640.0;
const H: f64 = 240.0;
const PAD_L: f64 = 44.0;
const PAD_R: f64 = 12.0;
const PAD_T: f64 = 12.0;
const PAD_B: f64 = 28.0;

/// What the chart draws.
pub struct ChartInput<'a> {
    /// Project start.
    pub start: Date,
    /// Deadline.
    pub deadline: Date,
    /// Today.
    pub today: Date,
    /// Milestones (their scope sums to the plan).
    pub milestones: &'a [Milestone],
    /// The progress log.
    pub progress: &'a [ProgressEntry],
    /// Forecast P50 and P85 for the whole project, when known.
    pub p50: Option<Date>,
    /// See `p50`.
    pub p85: Option<Date>,
    /// Accessible title (already translated).
    pub title: &'a str,
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn days(a: Date, b: Date) -> f64 {
    (b - a).get_days() as f64
}

/// Renders the chart as an `<svg>` element.
pub fn burn_up(c: &ChartInput<'_>) -> String {
    let planned: u64 = c.milestones.iter().map(|m| u64::from(m.scope)).sum();
    let mut entries: Vec<&ProgressEntry> = c.progress.iter().collect();
    entries.sort_by_key(|p| p.date);
    let (mut done, mut scope) = (0u64, planned);
    let mut done_pts = vec![(c.start, 0u64)];
    let mut scope_pts = vec![(c.start, planned)];
    for p in &entries {
        done += u64::from(p.done);
        scope += u64::from(p.added);
        done_pts.push((p.date, done));
        scope_pts.push((p.date, scope));
    }
    let end = [Some(c.deadline), Some(c.today), c.p85, c.p50]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(c.deadline);
    let span = days(c.start, end).max(1.0);
    let top = scope.max(done).max(1) as f64;
    let x = |d: Date| PAD_L + days(c.start, d).clamp(0.0, span) / span * (W - PAD_L - PAD_R);
    let y = |v: u64| PAD_T + (1.0 - v as f64 / top) * (H - PAD_T - PAD_B);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="chart-title"><title id="chart-title">{}</title>"#,
        esc(c.title)
    );
    let _ = write!(
        s,
        r#"<line class="axis" x1="{PAD_L}" y1="{b}" x2="{r}" y2="{b}"/><line class="axis" x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{b}"/>"#,
        b = H - PAD_B,
        r = W - PAD_R
    );
    let _ = write!(
        s,
        r#"<text x="{}" y="{}" class="tick" text-anchor="end">{}</text><text x="{}" y="{}" class="tick" text-anchor="end">0</text>"#,
        PAD_L - 4.0,
        PAD_T + 10.0,
        top as u64,
        PAD_L - 4.0,
        H - PAD_B
    );
    let line = |pts: &[(Date, u64)], class: &str| {
        let p: Vec<String> = pts
            .iter()
            .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(*v)))
            .collect();
        format!(
            r#"<polyline class="{class}" fill="none" points="{}"/>"#,
            p.join(" ")
        )
    };
    s.push_str(&line(&scope_pts, "scope"));
    s.push_str(&line(&done_pts, "done"));
    let mut mark = |d: Date, class: &str, label: &str| {
        let _ = write!(
            s,
            r#"<line class="{class}" x1="{x:.1}" y1="{PAD_T}" x2="{x:.1}" y2="{b}"/><text class="tick" x="{x:.1}" y="{ty}" text-anchor="middle">{label} {d}</text>"#,
            x = x(d),
            b = H - PAD_B,
            ty = H - 8.0,
        );
    };
    mark(c.deadline, "deadline", "⚑");
    mark(c.today, "today", "●");
    if let Some(d) = c.p85 {
        mark(d, "p85", "P85");
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_done_and_scope_and_escapes_the_title() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let ms = [Milestone {
            id: 1,
            project_id: 1,
            title: "M".into(),
            due: d("2026-03-01"),
            scope: 10,
        }];
        let pr = [ProgressEntry {
            id: 1,
            project_id: 1,
            milestone_id: Some(1),
            date: d("2026-01-10"),
            done: 4,
            added: 2,
        }];
        let svg = burn_up(&ChartInput {
            start: d("2026-01-01"),
            deadline: d("2026-03-01"),
            today: d("2026-01-15"),
            milestones: &ms,
            progress: &pr,
            p50: None,
            p85: Some(d("2026-03-20")),
            title: "<b>x</b>",
        });
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("&lt;b&gt;x"), "{svg}");
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains(r#"class="done""#) && svg.contains("P85 2026-03-20"));
        assert!(
            svg.contains(">12<"),
            "top of the axis is the scope 10 + 2: {svg}"
        );
    }
}
