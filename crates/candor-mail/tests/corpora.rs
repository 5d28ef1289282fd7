//! Reads the real corpora in `../shared/data` (relative to the repository root): every message
//! must be accounted for, and the tricky notmuch cases must come out right.

use candor_mail::{Archive, Location, parse};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

fn data(rel: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(rel);
    assert!(
        p.exists(),
        "test data missing: {} (see shared/data/README.md)",
        p.display()
    );
    p
}

#[test]
fn spamassassin_mbox_gz_accounts_for_every_message_python_counts() {
    let archive = Archive::open(&[data("spamassassin/spamassassin-2002.mbox.gz")]).unwrap();
    let (mut parsed, mut failed) = (0usize, Vec::new());
    let mut keys = HashSet::new();
    let mut offsets = Vec::new();
    for item in archive {
        match item.map_err(|f| f.to_string()).and_then(|raw| {
            if let Location::Mbox { offset, .. } = raw.location {
                offsets.push(offset);
            }
            parse(&raw)
        }) {
            Ok(m) => {
                parsed += 1;
                keys.insert(m.dedupe_key);
            }
            Err(e) => failed.push(e),
        }
    }
    // Python's mailbox.mbox counts 6,046 messages in this file (shared/data/README.md).
    assert_eq!(parsed + failed.len(), 6046, "failures: {failed:?}");
    assert!(failed.len() < 10, "too many failures: {failed:?}");
    assert!(
        keys.len() > 5900 && keys.len() <= parsed,
        "unique keys {}",
        keys.len()
    );
    assert!(
        offsets.windows(2).all(|w| w[0] < w[1]),
        "offsets must increase"
    );
    assert_eq!(offsets[0], 0);
}

#[test]
fn notmuch_corpora_every_file_is_a_message_or_a_named_failure() {
    let root = data("notmuch-corpora");
    let files = walk_count(&root);
    let mut ok = Vec::new();
    let mut failed = Vec::new();
    for item in Archive::open(&[&root]).unwrap() {
        match item {
            Ok(raw) => match parse(&raw) {
                Ok(m) => ok.push((raw.location, m)),
                Err(e) => failed.push(format!("{}: {e}", raw.location)),
            },
            Err(f) => failed.push(f.to_string()),
        }
    }
    // Every file is one message except the README, which must be reported, not dropped.
    assert_eq!(ok.len() + failed.len(), files, "failed: {failed:#?}");
    assert!(
        failed
            .iter()
            .any(|f| f.contains("README") && f.contains("not an email")),
        "{failed:#?}"
    );
    assert!(failed.len() <= 3, "{failed:#?}");

    // The duplicate folder holds three Message-IDs saved several times over.
    let dup_keys: HashSet<_> = ok
        .iter()
        .filter(|(l, _)| l.to_string().contains("/duplicate/"))
        .map(|(_, m)| m.dedupe_key.clone())
        .collect();
    assert_eq!(dup_keys.len(), 3, "{dup_keys:?}");

    // HTML is sanitised: no script survives, text is still searchable.
    let html: Vec<_> = ok.iter().filter(|(_, m)| m.html.is_some()).collect();
    assert!(!html.is_empty());
    for (_, m) in &html {
        let h = m.html.as_deref().unwrap().to_lowercase();
        assert!(!h.contains("<script"), "script kept");
        assert!(!h.contains("onclick="), "event handler kept");
    }

    // Attachments carry metadata and a hash.
    let atts: Vec<_> = ok.iter().flat_map(|(_, m)| m.attachments.iter()).collect();
    assert!(
        atts.iter().any(|a| a.content_type == "text/calendar"),
        "{atts:#?}"
    );
    assert!(atts.iter().all(|a| a.sha256.len() == 64));

    // Threading: replies name their parents.
    let by_id: HashMap<_, _> = ok
        .iter()
        .filter_map(|(_, m)| m.message_id.clone().map(|i| (i, m)))
        .collect();
    let linked = ok
        .iter()
        .filter(|(_, m)| {
            m.in_reply_to
                .as_ref()
                .is_some_and(|p| by_id.contains_key(p))
        })
        .count();
    assert!(linked > 20, "only {linked} replies found their parent");
}

fn walk_count(dir: &std::path::Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let hidden = p.file_name().unwrap().to_string_lossy().starts_with('.');
        if p.is_dir() && !p.ends_with("tmp") {
            n += walk_count(&p);
        } else if p.is_file() && !hidden {
            n += 1;
        }
    }
    n
}
