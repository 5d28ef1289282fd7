//! Walks the paths given to an import, detects each one's format, and streams its messages.

use crate::mbox::MboxReader;
use crate::{Failure, Location, MAX_MESSAGE_BYTES, MailError, RawMessage};
use flate2::read::MultiGzDecoder;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// What kind of mail source a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An mbox file (mboxrd or mboxo), possibly gzip-compressed.
    Mbox,
    /// A Maildir: a folder with `cur/` and/or `new/`.
    Maildir,
    /// A single RFC 5322 message (`.eml`), possibly gzip-compressed.
    Eml,
    /// A plain folder whose files and subfolders are detected one by one.
    Folder,
}

/// Detects the format of one path by looking at it (folder layout, or the first bytes).
pub fn detect_format(path: &Path) -> io::Result<Format> {
    if path.is_dir() {
        let maildir = path.join("cur").is_dir() || path.join("new").is_dir();
        return Ok(if maildir {
            Format::Maildir
        } else {
            Format::Folder
        });
    }
    file_format(path, &mut open_maybe_gz(path)?)
}

/// The format of the file at `path` opened as `reader`, from its name and first bytes (which
/// stay in the reader's buffer, so the caller reads the file from its start).
fn file_format(path: &Path, reader: &mut dyn BufRead) -> io::Result<Format> {
    // A `.eml` file is one message even when it starts with an envelope `From ` line (an
    // mboxo body may then hold unescaped `From ` lines, e.g. an attached git patch).
    let eml_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("eml"));
    let head = reader.fill_buf()?;
    Ok(if head.starts_with(b"From ") && !eml_name {
        Format::Mbox
    } else {
        Format::Eml
    })
}

/// Opens a file, transparently decompressing gzip (detected by its magic bytes).
fn open_maybe_gz(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    open_sized(path, READ_BUFFER as u64)
}

/// Read buffer of a big file (an mbox, or compressed data).
const READ_BUFFER: usize = 256 * 1024;

/// [`open_maybe_gz`] for a file of `size` bytes: a small file (a Maildir message) gets a
/// buffer of its own size, not 256 KB, and is read in one call.
fn open_sized(path: &Path, size: u64) -> io::Result<Box<dyn BufRead + Send>> {
    let capacity = usize::try_from(size)
        .unwrap_or(READ_BUFFER)
        .saturating_add(1)
        .clamp(8 * 1024, READ_BUFFER);
    let mut file = BufReader::with_capacity(capacity, File::open(path)?);
    let gz = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            256 * 1024,
            MultiGzDecoder::new(file),
        ))
    } else {
        Box::new(file)
    })
}

/// One thing the archive yields: a message, or the reason one could not be read.
pub type Item = Result<RawMessage, Failure>;

/// A lazy walk over mail sources; memory stays bounded by one message plus folder listings.
pub struct Archive {
    queue: VecDeque<(PathBuf, bool)>,
    current: Option<Box<dyn Iterator<Item = Item> + Send>>,
}

impl Archive {
    /// Starts a walk over the given paths; every path must exist.
    pub fn open<P: AsRef<Path>>(paths: &[P]) -> Result<Self, MailError> {
        let mut queue = VecDeque::new();
        for p in paths {
            let path = p.as_ref().to_path_buf();
            std::fs::metadata(&path).map_err(|source| MailError::Unreadable {
                path: path.clone(),
                source,
            })?;
            queue.push_back((path, true));
        }
        Ok(Self {
            queue,
            current: None,
        })
    }

    /// Handles one queued path: expands folders, or opens a file's message stream.
    /// `explicit` is true for paths named by the user (never silently skipped).
    fn visit(&mut self, path: PathBuf, explicit: bool) -> Option<Item> {
        let fail = |error: String| {
            Some(Err(Failure {
                location: Location::File(path.clone()),
                error,
            }))
        };
        // One stat tells a folder from a file and gives the size and date a file needs.
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return fail(format!("cannot read: {e}")),
        };
        if meta.is_dir() {
            let format = match detect_format(&path) {
                Ok(f) => f,
                Err(e) => return fail(format!("cannot read: {e}")),
            };
            let expanded = match format {
                Format::Maildir => self.expand_maildir(&path),
                _ => self.expand_folder(&path),
            };
            return expanded.err().and_then(|e| fail(e.to_string()));
        }
        // A file is opened once: its first bytes tell the format, then the same reader is read.
        let mut reader = match open_sized(&path, meta.len()) {
            Ok(r) => r,
            Err(e) => return fail(format!("cannot read: {e}")),
        };
        match file_format(&path, &mut reader) {
            Ok(Format::Mbox) => {
                self.current = Some(Box::new(mbox_items(path.clone(), reader)));
                None
            }
            Ok(_) => Some(read_eml(&path, reader, explicit, &meta)),
            Err(e) => fail(format!("cannot read: {e}")),
        }
    }

    /// Queues `cur/` and `new/` entries (sorted), then whatever else the folder holds:
    /// nested Maildirs (notmuch and Maildir++ layouts) and loose files. `tmp/` holds
    /// deliveries in progress and is left alone.
    fn expand_maildir(&mut self, dir: &Path) -> io::Result<()> {
        let mut found = Vec::new();
        for sub in ["cur", "new"] {
            let d = dir.join(sub);
            if d.is_dir() {
                found.extend(
                    sorted_entries(&d)?
                        .into_iter()
                        .filter(|(p, kind)| kind.is_file() || kind.is_symlink() && p.is_file())
                        .map(|(p, _)| p),
                );
            }
        }
        let n = found.len();
        self.push_front_all(0, found, true);
        let rest: Vec<PathBuf> = sorted_entries(dir)?
            .into_iter()
            .map(|(p, _)| p)
            .filter(|p| !["cur", "new", "tmp"].iter().any(|s| p.ends_with(s)))
            .collect();
        self.push_front_all(n, rest, false);
        Ok(())
    }

    fn expand_folder(&mut self, dir: &Path) -> io::Result<()> {
        let entries = sorted_entries(dir)?.into_iter().map(|(p, _)| p).collect();
        self.push_front_all(0, entries, false);
        Ok(())
    }

    /// Puts paths at the front of the queue, after the first `skip` queued ones, in order.
    fn push_front_all(&mut self, skip: usize, paths: Vec<PathBuf>, explicit: bool) {
        for p in paths.into_iter().rev() {
            self.queue.insert(skip, (p, explicit));
        }
    }
}

impl Iterator for Archive {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let (path, explicit) = self.queue.pop_front()?;
            if let Some(item) = self.visit(path, explicit) {
                return Some(item);
            }
        }
    }
}

/// Folder entries sorted by name, hidden files (`.foo`) left out, each with its type as the
/// listing gives it (a symbolic link is not followed; no extra stat on most file systems).
fn sorted_entries(dir: &Path) -> io::Result<Vec<(PathBuf, std::fs::FileType)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            out.push((path, entry.file_type()?));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

fn mbox_items(file: PathBuf, reader: Box<dyn BufRead + Send>) -> impl Iterator<Item = Item> + Send {
    MboxReader::new(reader, MAX_MESSAGE_BYTES).map(move |r| match r {
        Ok(m) => Ok(RawMessage {
            location: Location::Mbox {
                file: file.clone(),
                offset: m.offset,
            },
            bytes: m.bytes,
            fallback_date: m.envelope_date,
        }),
        Err(e) => Err(Failure {
            location: Location::Mbox {
                file: file.clone(),
                offset: e.offset,
            },
            error: e.error,
        }),
    })
}

/// Reads one whole-file message (bounded), checking that it starts like an email; `meta` is
/// the file's (its modification time is the fallback date).
fn read_eml(
    path: &Path,
    reader: Box<dyn BufRead + Send>,
    explicit: bool,
    meta: &std::fs::Metadata,
) -> Item {
    let location = Location::File(path.to_path_buf());
    let fail = |error: String| {
        Err(Failure {
            location: location.clone(),
            error,
        })
    };
    let limit = MAX_MESSAGE_BYTES as u64 + 1;
    // Room for the whole file and the read that finds its end (compressed files grow).
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len().min(limit)).unwrap_or(0) + 1);
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        return fail(format!("cannot read: {e}"));
    }
    if bytes.len() > MAX_MESSAGE_BYTES {
        return fail(format!(
            "message is larger than {MAX_MESSAGE_BYTES} bytes; skipped"
        ));
    }
    if bytes.starts_with(b"From ") {
        let line_end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| i + 1);
        bytes.drain(..line_end);
    }
    if !starts_with_header(&bytes) {
        let what = if explicit {
            ""
        } else {
            " (found while walking a folder)"
        };
        return fail(format!(
            "not an email message: the first line is not a header{what}"
        ));
    }
    let fallback_date = meta
        .modified()
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok());
    Ok(RawMessage {
        location,
        bytes,
        fallback_date,
    })
}

/// True when the first line is `Name: value` (RFC 5322 field name: printable ASCII, no colon).
fn starts_with_header(bytes: &[u8]) -> bool {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    match first.iter().position(|&b| b == b':') {
        Some(colon) if colon > 0 => first[..colon].iter().all(|&b| (33..=126).contains(&b)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_line_detection() {
        assert!(starts_with_header(b"Subject: hi\n\nbody"));
        assert!(starts_with_header(b"X-Weird_Name: v\n"));
        assert!(!starts_with_header(
            b"This directory contains email corpora.\n"
        ));
        assert!(!starts_with_header(b": no name\n"));
        assert!(!starts_with_header(b""));
    }
}
