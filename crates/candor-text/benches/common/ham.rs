//! The checker benchmark's corpus: the text bodies of the first ham messages of the SpamAssassin
//! corpus (`../shared/data/spamassassin/`). Shared by the bench and the `ham_findings` example.

use std::io::Read;
use std::path::{Path, PathBuf};

/// How many messages the bench and the audit read.
pub const MESSAGES: usize = 1_000;

fn corpus_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/spamassassin/spamassassin-2002.mbox.gz")
}

/// The text bodies of the first `n` messages (all ham: the corpus lists ham before spam).
pub fn ham_bodies(n: usize) -> Vec<String> {
    let file = std::fs::File::open(corpus_path())
        .expect("the SpamAssassin corpus is at ../shared/data/spamassassin");
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut raw)
        .expect("gzip decodes");
    let parser = mail_parser::MessageParser::default();
    let bodies: Vec<String> = split_mbox(&raw)
        .take(n)
        .map(|chunk| {
            parser
                .parse(chunk)
                .and_then(|m| m.body_text(0).map(|b| b.into_owned()))
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(bodies.len(), n, "corpus has at least {n} messages");
    bodies
}

/// Splits an mbox at envelope `From ` lines (a simple split suffices for this corpus).
fn split_mbox(raw: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut starts = vec![0];
    starts.extend(
        raw.windows(6)
            .enumerate()
            .filter(|(_, w)| w == b"\nFrom ")
            .map(|(i, _)| i + 1),
    );
    starts.push(raw.len());
    (0..starts.len() - 1).map(move |i| &raw[starts[i]..starts[i + 1]])
}
