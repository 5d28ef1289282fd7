//! Reading a CSV export row by row: headers looked up by name, each bad row reported with its
//! line and column while the rest is read, and the format detected from the header row.

use crate::formats::{self, Layout};
use crate::{MilestoneFrom, ProgressError, Source, WorkItem, Zones, github};
use csv::StringRecord;
use serde::Serialize;

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// 1-based line in the file (for GitHub JSON: 1-based position in the array).
    pub line: u64,
    /// What was wrong, naming the column.
    pub error: String,
}

/// Everything read from one file.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The format read (detected or given).
    pub source: Source,
    /// Items read.
    pub items: Vec<WorkItem>,
    /// Rows that were not.
    pub skipped: Vec<Skipped>,
}

/// A problem with one cell.
#[derive(Debug)]
pub(crate) struct CellError {
    pub col: usize,
    pub msg: String,
}

/// One data row with its header row.
pub(crate) struct Row<'a> {
    headers: &'a [String],
    record: &'a StringRecord,
}

impl<'a> Row<'a> {
    /// Index of the first column with this header (case-insensitive).
    pub fn col(&self, name: &str) -> Option<usize> {
        col_of(self.headers, name)
    }

    /// First non-empty cell among the columns named `name` (Jira repeats `Labels`), with its index.
    pub fn get(&self, name: &str) -> Option<(usize, &'a str)> {
        self.headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.eq_ignore_ascii_case(name))
            .filter_map(|(i, _)| self.record.get(i).map(|v| (i, v.trim())))
            .find(|(_, v)| !v.is_empty())
    }

    /// First non-empty cell among several column names.
    pub fn first_of(&self, names: &[&str]) -> Option<(usize, &'a str)> {
        names.iter().find_map(|n| self.get(n))
    }

    /// A cell that must be present and non-empty.
    pub fn required(&self, name: &str) -> Result<(usize, &'a str), CellError> {
        self.get(name).ok_or_else(|| CellError {
            col: self.col(name).unwrap_or(0),
            msg: "is empty".into(),
        })
    }

    /// The header of a column, for messages.
    pub fn header(&self, col: usize) -> &str {
        self.headers.get(col).map(String::as_str).unwrap_or("?")
    }
}

/// Index of the first column named `name` (case-insensitive).
pub(crate) fn col_of(headers: &[String], name: &str) -> Option<usize> {
    headers.iter().position(|h| h.eq_ignore_ascii_case(name))
}

/// How to read an export.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Which tool wrote it; `None` detects it from the header row.
    pub format: Option<Source>,
    /// Which field names an item's milestone; `None` puts every item in the tool's backlog.
    pub milestone_from: Option<MilestoneFrom>,
    /// Trello lists whose cards count as done (case-insensitive); empty means
    /// [`DEFAULT_DONE_LISTS`](crate::DEFAULT_DONE_LISTS). Refused for other formats.
    pub done_lists: Vec<String>,
}

/// Reads an export; `format` `None` detects it. Bad rows are reported, not fatal.
pub fn parse_file(
    bytes: &[u8],
    format: Option<Source>,
    zones: &Zones,
    from: Option<MilestoneFrom>,
) -> Result<Parsed, ProgressError> {
    let options = ReadOptions {
        format,
        milestone_from: from,
        done_lists: Vec::new(),
    };
    parse_with(bytes, &options, zones)
}

/// Reads an export as `options` say. Bad rows are reported, not fatal.
pub fn parse_with(
    bytes: &[u8],
    options: &ReadOptions,
    zones: &Zones,
) -> Result<Parsed, ProgressError> {
    let (format, from) = (options.format, options.milestone_from);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let looks_json = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'[');
    if format == Some(Source::Github) || (format.is_none() && looks_json) {
        if !options.done_lists.is_empty() {
            return Err(ProgressError::Format(
                "--done-list names Trello lists, and this is GitHub issues JSON".into(),
            ));
        }
        let (items, skipped) = github::parse_issues(bytes, zones, from)?;
        return Ok(Parsed {
            source: Source::Github,
            items,
            skipped,
        });
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let source = match format {
        Some(f) => f,
        None => detect(&headers)?,
    };
    let layout = formats::layout(source, &headers, from, &options.done_lists)?;
    let mut parsed = Parsed {
        source,
        items: Vec::new(),
        skipped: Vec::new(),
    };
    for result in reader.records() {
        read_record(result, &headers, &layout, zones, &mut parsed);
    }
    Ok(parsed)
}

fn read_record(
    result: csv::Result<StringRecord>,
    headers: &[String],
    layout: &Layout,
    zones: &Zones,
    parsed: &mut Parsed,
) {
    let record = match result {
        Ok(r) => r,
        Err(e) => {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            let error = match e.kind() {
                // Excel often saves a CSV in Windows-1252: name the cell, not just the row.
                csv::ErrorKind::Utf8 { err, .. } => {
                    let col = err.field();
                    let header = headers.get(col).map_or("?", String::as_str);
                    format!(
                        "column {} ({header}): is not UTF-8 text (save the export as UTF-8 CSV)",
                        col + 1
                    )
                }
                _ => e.to_string(),
            };
            parsed.skipped.push(Skipped { line, error });
            return;
        }
    };
    if record.iter().all(|c| c.trim().is_empty()) {
        return;
    }
    let line = record.position().map(|p| p.line()).unwrap_or(0);
    let row = Row {
        headers,
        record: &record,
    };
    match (layout.read)(&row, zones, layout) {
        Ok(item) => parsed.items.push(item),
        Err(e) => parsed.skipped.push(Skipped {
            line,
            error: format!("column {} ({}): {}", e.col + 1, row.header(e.col), e.msg),
        }),
    }
}

/// Recognises an export by its header row.
pub fn detect(headers: &[String]) -> Result<Source, ProgressError> {
    let has = |n: &str| col_of(headers, n).is_some();
    if has("Issue key") && has("Summary") {
        Ok(Source::Jira)
    } else if has("ID") && has("Team") && has("Title") && has("Status") {
        Ok(Source::Linear)
    } else if has("Task ID") && has("Created At") {
        Ok(Source::Asana)
    } else if has("Card ID") && has("List Name") {
        Ok(Source::Trello)
    } else if formats::generic_ready(headers) {
        Ok(Source::Generic)
    } else {
        Err(ProgressError::Format(format!(
            "cannot tell which tool wrote this file from its header row ({}); expected a Jira, \
             Linear, Asana or Trello CSV export, GitHub issues JSON, or a generic CSV with id, \
             title, created and done columns; or give --format",
            headers.join(", ")
        )))
    }
}
