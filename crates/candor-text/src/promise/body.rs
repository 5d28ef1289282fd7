//! The writer's own part of an email: quoted lines (`>`), everything after a reply header
//! ("On … wrote:", "Op … schreef:"), the signature after a `-- ` line, and the signature block
//! after a sign-off line ("Best regards,", "Met vriendelijke groet,") are left out.

use regex::Regex;
use std::ops::Range;

/// At most this many lines may follow a sign-off for them to be read as a signature block.
const SIGNATURE_LINES: usize = 6;
/// Signature lines are short and are not sentences.
const SIGNATURE_LINE_CHARS: usize = 72;

/// Byte ranges of `text` written by the sender, in order.
pub fn own_regions(text: &str, quote_headers: &[Regex], sign_offs: &[Regex]) -> Vec<Range<usize>> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\r', '\n']);
        if bare == "--" || bare == "-- " || quote_headers.iter().any(|r| r.is_match(bare)) {
            break;
        }
        lines.push((pos, line));
        pos += line.len();
    }
    let end = signature_start(&lines, sign_offs).unwrap_or(lines.len());
    let mut out: Vec<Range<usize>> = Vec::new();
    for &(start, line) in &lines[..end] {
        if line.trim_start().starts_with('>') {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.end == start => last.end = start + line.len(),
            _ => out.push(start..start + line.len()),
        }
    }
    out
}

/// The index of a sign-off line followed only by a short signature block, if any.
fn signature_start(lines: &[(usize, &str)], sign_offs: &[Regex]) -> Option<usize> {
    lines
        .iter()
        .position(|(_, line)| sign_offs.iter().any(|r| r.is_match(line.trim())))
        .filter(|&i| {
            let rest: Vec<&str> = lines[i + 1..]
                .iter()
                .map(|(_, l)| l.trim())
                .filter(|l| !l.is_empty())
                .collect();
            rest.len() <= SIGNATURE_LINES
                && rest.iter().all(|l| {
                    l.chars().count() <= SIGNATURE_LINE_CHARS && !l.ends_with(['.', '!', '?', '।'])
                })
        })
}
