//! Turns raw message bytes into what candor keeps: decoded text, sanitised HTML, addresses,
//! threading headers, attachment metadata and a deduplication key.

use crate::RawMessage;
use mail_parser::{Address, HeaderName, HeaderValue, MessageParser, MimeHeaders, PartType};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// A name and an address, the address lower-cased for matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mailbox {
    /// Display name, if given.
    pub name: Option<String>,
    /// The address, lower-cased.
    pub address: String,
}

impl Mailbox {
    /// The domain part of the address (after the last `@`), if any.
    pub fn domain(&self) -> Option<&str> {
        self.address.rsplit_once('@').map(|(_, d)| d)
    }
}

/// An attachment, kept as metadata only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// File name, if the sender gave one.
    pub name: Option<String>,
    /// MIME type, e.g. `application/pdf`.
    pub content_type: String,
    /// Decoded size in bytes.
    pub size: u64,
    /// SHA-256 of the decoded contents, hex.
    pub sha256: String,
}

/// A parsed message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedMessage {
    /// Message-ID without angle brackets, if present.
    pub message_id: Option<String>,
    /// `mid:<Message-ID>` or `sha256:<hash of normalised headers and body>`.
    pub dedupe_key: String,
    /// First In-Reply-To id.
    pub in_reply_to: Option<String>,
    /// References, oldest first.
    pub references: Vec<String>,
    /// Sender.
    pub from: Option<Mailbox>,
    /// To recipients.
    pub to: Vec<Mailbox>,
    /// Cc recipients.
    pub cc: Vec<Mailbox>,
    /// The Date header, or the fallback date; None when neither exists.
    pub date: Option<jiff::Timestamp>,
    /// Subject (decoded), empty when missing.
    pub subject: String,
    /// Plain text of the body: text parts, or the HTML converted to text.
    pub text: String,
    /// Sanitised HTML body, if the message has one.
    pub html: Option<String>,
    /// Attachment metadata.
    pub attachments: Vec<Attachment>,
}

/// A parser that decodes only the headers candor reads (MIME, date, addresses, ids and
/// subject); the rest stay raw. `MessageParser::default()` also takes every `Received:`
/// line apart, a measurable share of import time for list mail.
fn parser() -> &'static MessageParser {
    static PARSER: OnceLock<MessageParser> = OnceLock::new();
    PARSER.get_or_init(|| {
        // Date stays raw and is parsed on its own (see `date`): parsed in the stream, a
        // date such as "03 Jul 01 4:12:06 PM" swallows the next header (mail-parser 0.11).
        MessageParser::new()
            .with_mime_headers()
            .header_raw(HeaderName::Date)
            .with_address_headers()
            .with_message_ids()
            .header_text(HeaderName::Subject)
    })
}

/// Parses raw bytes. Errors name what is missing; the caller adds the location.
pub fn parse(raw: &RawMessage) -> Result<ParsedMessage, String> {
    let msg = parser()
        .parse(&raw.bytes[..])
        .ok_or_else(|| "not a MIME message: no header could be parsed".to_owned())?;
    let from = msg.from().and_then(first_mailbox);
    let message_id = message_id(&msg);
    let subject = no_nul(msg.subject().unwrap_or_default().trim().to_owned());
    let sent = date(&msg);
    if from.is_none() && message_id.is_none() && subject.is_empty() && sent.is_none() {
        return Err("no From, Message-ID, Subject or Date header".to_owned());
    }
    let date = sent
        .filter(|d| d.is_valid())
        .and_then(|d| jiff::Timestamp::from_second(d.to_timestamp()).ok())
        .or(raw.fallback_date);
    let text = no_nul(body_text(&msg));
    let html = html_body(&msg).map(no_nul);
    let to = mailboxes(msg.to());
    let cc = mailboxes(msg.cc());
    let dedupe_key = match &message_id {
        Some(id) => format!("mid:{id}"),
        None => format!(
            "sha256:{}",
            content_hash(from.as_ref(), &to, &subject, date, &text)
        ),
    };
    Ok(ParsedMessage {
        in_reply_to: ids(msg.in_reply_to()).into_iter().next(),
        references: ids(msg.references()),
        attachments: msg.attachments().map(attachment).collect(),
        message_id,
        dedupe_key,
        from,
        to,
        cc,
        date,
        subject,
        text,
        html,
    })
}

/// All text bodies joined; mail-parser converts an HTML-only body to text for us.
fn body_text(msg: &mail_parser::Message<'_>) -> String {
    let mut parts = Vec::new();
    for i in 0..msg.text_body_count().max(1) {
        if let Some(t) = msg.body_text(i) {
            parts.push(t.into_owned());
        }
    }
    parts.join("\n\n")
}

/// The sanitised HTML body: the message's HTML part cleaned by ammonia, `None` when it has
/// none. mail-parser also offers a plain-text part as "HTML" (its `text_to_html`); that is
/// not kept: it is the text again, escaped, which a page derives from `text` when it shows it.
/// Storing it doubled what an import wrote for plain-text mail (84 of 180 MB for 30,000
/// SpamAssassin messages, nearly all of it for messages with no HTML at all).
fn html_body(msg: &mail_parser::Message<'_>) -> Option<String> {
    match &msg.html_part(0)?.body {
        PartType::Html(html) => Some(ammonia::clean(html)),
        _ => None,
    }
}

/// The Date header, parsed apart from the rest of the header block.
fn date(msg: &mail_parser::Message<'_>) -> Option<mail_parser::DateTime> {
    mail_parser::DateTime::parse_rfc822(msg.header_raw(HeaderName::Date)?)
}

/// The Message-ID: the parsed id (the first, when a comment adds more), else the raw header
/// with whitespace collapsed (ids without brackets, or with spaces, that the parser refuses).
fn message_id(msg: &mail_parser::Message<'_>) -> Option<String> {
    let parsed = match msg.header(HeaderName::MessageId) {
        Some(HeaderValue::Text(t)) => Some(clean_id(t)),
        Some(HeaderValue::TextList(l)) => l.first().map(|t| clean_id(t)),
        _ => None,
    };
    parsed.filter(|s| !s.is_empty()).or_else(|| {
        let raw = msg.header_raw(HeaderName::MessageId)?;
        let id = clean_id(&raw.split_whitespace().collect::<Vec<_>>().join(" "));
        (!id.is_empty()).then_some(id)
    })
}

fn clean_id(id: &str) -> String {
    no_nul(
        id.trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .trim()
            .to_owned(),
    )
}

/// Drops NUL characters: mail sometimes holds them (broken encoders, binary pasted into a
/// text part), and PostgreSQL text cannot store them.
fn no_nul(mut s: String) -> String {
    if s.contains('\0') {
        s.retain(|c| c != '\0');
    }
    s
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    let list: Vec<String> = match value {
        HeaderValue::Text(t) => vec![t.to_string()],
        HeaderValue::TextList(l) => l.iter().map(|t| t.to_string()).collect(),
        _ => Vec::new(),
    };
    list.iter()
        .map(|s| clean_id(s))
        .filter(|s| !s.is_empty())
        .collect()
}

fn to_mailbox(addr: &mail_parser::Addr<'_>) -> Option<Mailbox> {
    let address = no_nul(addr.address()?.trim().to_lowercase());
    if address.is_empty() {
        return None;
    }
    let name = addr
        .name()
        .map(|n| no_nul(n.trim().to_owned()))
        .filter(|n| !n.is_empty());
    Some(Mailbox { name, address })
}

fn first_mailbox(address: &Address<'_>) -> Option<Mailbox> {
    address.iter().find_map(to_mailbox)
}

fn mailboxes(address: Option<&Address<'_>>) -> Vec<Mailbox> {
    address
        .map(|a| a.iter().filter_map(to_mailbox).collect())
        .unwrap_or_default()
}

fn attachment(part: &mail_parser::MessagePart<'_>) -> Attachment {
    let content_type = part
        .content_type()
        .map(|ct| match ct.subtype() {
            Some(sub) => format!("{}/{}", ct.ctype(), sub),
            None => ct.ctype().to_owned(),
        })
        .unwrap_or_else(|| "application/octet-stream".to_owned())
        .to_lowercase();
    let content_type = no_nul(content_type);
    let contents = part.contents();
    Attachment {
        name: part.attachment_name().map(|n| no_nul(n.to_owned())),
        content_type,
        size: contents.len() as u64,
        sha256: hex(&Sha256::digest(contents)),
    }
}

/// Hash of the normalised sender, recipients, subject, date and body (whitespace collapsed,
/// lower-cased), so the same message saved twice without a Message-ID dedupes.
fn content_hash(
    from: Option<&Mailbox>,
    to: &[Mailbox],
    subject: &str,
    date: Option<jiff::Timestamp>,
    text: &str,
) -> String {
    let mut h = Sha256::new();
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    h.update(from.map(|m| m.address.as_str()).unwrap_or_default());
    h.update([0]);
    for m in to {
        h.update(&m.address);
        h.update([1]);
    }
    h.update([0]);
    h.update(norm(subject));
    h.update([0]);
    h.update(date.map(|d| d.as_second().to_string()).unwrap_or_default());
    h.update([0]);
    h.update(norm(text));
    hex(&h.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
