//! A draft as an RFC 5322 message (mail-builder): UTF-8 body, encoded-word headers, To from the
//! contact, From the signing team member, and the localized Subject.

use crate::ComposeError;
use crate::inputs::{Recipient, Sender};
use mail_builder::MessageBuilder;
use mail_builder::headers::raw::Raw;

/// What goes into the message besides the body.
pub struct Envelope<'a> {
    /// The signing team member.
    pub from: &'a Sender,
    /// The contact.
    pub to: &'a Recipient,
    /// Localized subject.
    pub subject: &'a str,
    /// Language code for `Content-Language`.
    pub lang: &'a str,
    /// When the draft was made (seconds since the epoch).
    pub date: i64,
    /// A unique local part for the Message-ID.
    pub id: &'a str,
}

/// Writes the message with CRLF line ends, as RFC 5322 wants.
pub fn write(env: &Envelope<'_>, body: &str) -> Result<String, ComposeError> {
    let to_email = env
        .to
        .email
        .clone()
        .ok_or_else(|| ComposeError::Format("the contact has no email address".into()))?;
    let domain = env
        .from
        .email
        .rsplit_once('@')
        .map_or("candor.invalid", |(_, d)| d);
    MessageBuilder::new()
        .from((env.from.name.clone(), env.from.email.clone()))
        .to((env.to.name.clone(), to_email))
        .subject(env.subject.to_owned())
        .date(env.date)
        .message_id(format!("{}@{domain}", env.id))
        .header("Content-Language", Raw::new(env.lang.to_owned()))
        .text_body(body.replace('\n', "\r\n"))
        .write_to_string()
        .map_err(|e| ComposeError::Format(format!("cannot write the .eml: {e}")))
}
