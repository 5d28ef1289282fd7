//! The writer's own part of an email: quoted lines (`>`), everything after a reply header
//! ("On … wrote:", "Op … schreef:") and the signature (after a `-- ` line) are left out.

use regex::Regex;
use std::ops::Range;

/// Byte ranges of `text` written by the sender, in order.
pub fn own_regions(text: &str, quote_headers: &[Regex]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let bare = line.trim_end_matches(['\r', '\n']);
        if bare == "--" || bare == "-- " || quote_headers.iter().any(|r| r.is_match(bare)) {
            break;
        }
        if bare.trim_start().starts_with('>') {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.end == start => last.end = pos,
            _ => out.push(start..pos),
        }
    }
    out
}
