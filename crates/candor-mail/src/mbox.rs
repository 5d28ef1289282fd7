//! Splits an mbox stream into messages exactly where Python's `mailbox.mbox` does, undoing
//! mboxrd/mboxo `>From ` escaping, with memory bounded by the largest allowed message.
//!
//! Written by hand because the mbox crates on crates.io either load the whole file or use
//! a different split rule; counts must match the reference tool message for message.

use std::io::{self, BufRead, Read};

/// One message read from an mbox: its starting byte offset, bytes and envelope date.
#[derive(Debug)]
pub struct MboxMessage {
    /// Byte offset of the `From ` line.
    pub offset: u64,
    /// Message bytes with the envelope line removed and `>From ` unescaped.
    pub bytes: Vec<u8>,
    /// The date on the envelope `From ` line, when it parses.
    pub envelope_date: Option<jiff::Timestamp>,
}

/// A message the reader had to skip, or a read error that ended the stream.
#[derive(Debug)]
pub struct MboxError {
    /// Byte offset of the message (or of the read position for I/O errors).
    pub offset: u64,
    /// What went wrong.
    pub error: String,
}

/// Streaming mbox splitter over any buffered reader (a file, or a gzip decoder).
pub struct MboxReader<R> {
    reader: R,
    offset: u64,
    max_message: usize,
    pending_from: Option<(u64, Vec<u8>)>,
    finished: bool,
    line: Vec<u8>,
}

/// A line, or a piece of one when a line is longer than the reader's limit.
struct Chunk {
    at_line_start: bool,
}

impl<R: BufRead> MboxReader<R> {
    /// Wraps a reader; messages larger than `max_message` bytes are reported and skipped.
    pub fn new(reader: R, max_message: usize) -> Self {
        Self {
            reader,
            offset: 0,
            max_message,
            pending_from: None,
            finished: false,
            line: Vec::new(),
        }
    }

    /// Reads the next line (or at most `max_message` bytes of it) into `self.line`.
    fn read_chunk(&mut self, at_line_start: bool) -> io::Result<Option<Chunk>> {
        self.line.clear();
        let limit = self.max_message as u64 + 1;
        let n = (&mut self.reader)
            .take(limit)
            .read_until(b'\n', &mut self.line)?;
        if n == 0 {
            return Ok(None);
        }
        self.offset += n as u64;
        Ok(Some(Chunk { at_line_start }))
    }

    /// Skips anything before the first `From ` line, as Python does.
    fn find_first_from(&mut self) -> io::Result<()> {
        let mut at_start = true;
        while let Some(chunk) = self.read_chunk(at_start)? {
            if chunk.at_line_start && self.line.starts_with(b"From ") {
                let start = self.offset - self.line.len() as u64;
                self.pending_from = Some((start, self.line.clone()));
                return Ok(());
            }
            at_start = self.line.ends_with(b"\n");
        }
        Ok(())
    }

    fn read_message(&mut self) -> io::Result<Option<Result<MboxMessage, MboxError>>> {
        if self.pending_from.is_none() {
            self.find_first_from()?;
        }
        let Some((offset, from_line)) = self.pending_from.take() else {
            return Ok(None);
        };
        let mut bytes = Vec::new();
        let mut oversize = false;
        let mut at_start = true;
        let mut last_was_empty = false;
        while let Some(chunk) = self.read_chunk(at_start)? {
            let line = &self.line;
            if chunk.at_line_start && line.starts_with(b"From ") {
                let start = self.offset - line.len() as u64;
                self.pending_from = Some((start, line.clone()));
                break;
            }
            last_was_empty = chunk.at_line_start && (line == b"\n" || line == b"\r\n");
            let unescaped = if chunk.at_line_start {
                unescape(line)
            } else {
                line
            };
            if bytes.len() + unescaped.len() > self.max_message {
                oversize = true;
            } else if !oversize {
                bytes.extend_from_slice(unescaped);
            }
            at_start = line.ends_with(b"\n");
        }
        if oversize {
            return Ok(Some(Err(MboxError {
                offset,
                error: format!("message is larger than {} bytes; skipped", self.max_message),
            })));
        }
        if last_was_empty && self.pending_from.is_some() {
            strip_one_newline(&mut bytes);
        }
        let envelope_date = envelope_date(&from_line);
        Ok(Some(Ok(MboxMessage {
            offset,
            bytes,
            envelope_date,
        })))
    }
}

impl<R: BufRead> Iterator for MboxReader<R> {
    type Item = Result<MboxMessage, MboxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        match self.read_message() {
            Ok(Some(item)) => Some(item),
            Ok(None) => {
                self.finished = true;
                None
            }
            Err(e) => {
                self.finished = true;
                Some(Err(MboxError {
                    offset: self.offset,
                    error: format!("read error: {e}"),
                }))
            }
        }
    }
}

/// mboxrd: a line of one or more `>` followed by `From ` loses one `>`. (For mboxo this is
/// the only possible reading too; mboxo cannot tell `>From ` it wrote from one it was given.)
fn unescape(line: &[u8]) -> &[u8] {
    let quotes = line.iter().take_while(|&&b| b == b'>').count();
    if quotes > 0 && line[quotes..].starts_with(b"From ") {
        &line[1..]
    } else {
        line
    }
}

fn strip_one_newline(bytes: &mut Vec<u8>) {
    if bytes.ends_with(b"\r\n") {
        bytes.truncate(bytes.len() - 2);
    } else if bytes.ends_with(b"\n") {
        bytes.truncate(bytes.len() - 1);
    }
}

/// Parses the asctime date at the end of `From sender Sat Jan  3 01:05:34 1996`.
fn envelope_date(from_line: &[u8]) -> Option<jiff::Timestamp> {
    let text = String::from_utf8_lossy(from_line);
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 5 {
        return None;
    }
    // The weekday is left out: senders get it wrong and jiff would reject the mismatch.
    let tail = words[words.len() - 4..].join(" ");
    let dt = jiff::civil::DateTime::strptime("%b %d %H:%M:%S %Y", &tail).ok()?;
    dt.to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .ok()
        .map(|z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &[u8]) -> Vec<Result<MboxMessage, MboxError>> {
        MboxReader::new(input, 1024).collect()
    }

    #[test]
    fn splits_on_every_from_line_and_unescapes_mboxrd() {
        let input = b"junk before\nFrom a@b Sat Jan  3 01:05:34 1996\nSubject: one\n\n>From here\n>>From there\n\nFrom c@d Sun Jan  4 01:05:34 1996\nSubject: two\n\nbody\n";
        let msgs: Vec<MboxMessage> = split(input).into_iter().map(|r| r.unwrap()).collect();
        assert_eq!(msgs.len(), 2);
        assert_eq!(msgs[0].offset, 12);
        assert_eq!(msgs[0].bytes, b"Subject: one\n\nFrom here\n>From there\n");
        assert_eq!(msgs[1].bytes, b"Subject: two\n\nbody\n");
        let date = msgs[0].envelope_date.unwrap();
        assert_eq!(date.to_string(), "1996-01-03T01:05:34Z");
    }

    #[test]
    fn oversize_message_is_reported_and_the_next_one_still_read() {
        let mut input = b"From a\nSubject: big\n\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', 3000));
        input.extend_from_slice(b"\nFrom b\nSubject: small\n\nhi\n");
        let items = split(&input);
        assert_eq!(items.len(), 2);
        let err = items[0].as_ref().unwrap_err();
        assert_eq!(err.offset, 0);
        assert!(err.error.contains("larger than 1024"), "{}", err.error);
        assert_eq!(items[1].as_ref().unwrap().bytes, b"Subject: small\n\nhi\n");
    }

    #[test]
    fn from_inside_a_long_line_is_not_a_separator() {
        let mut input = b"From a\nSubject: x\n\n".to_vec();
        // 1025 bytes fill exactly one chunk, so the next chunk starts with "From ".
        input.extend(std::iter::repeat_n(b'y', 1025));
        input.extend_from_slice(b"From not-a-separator\n");
        let items = split(&input);
        assert_eq!(items.len(), 1);
    }

    #[test]
    fn empty_input_has_no_messages() {
        assert!(split(b"").is_empty());
        assert!(split(b"no from lines here\n").is_empty());
    }
}
