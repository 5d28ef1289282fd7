//! The outbox: drafts kept as `.eml` (mail-builder) until sent over SMTP (lettre, rustls); a
//! sent message becomes an outgoing record entry, a failure keeps the draft with the server's
//! answer. SMTP lives here rather than in candor-mail because sending is one use case with a
//! record write around it; the transport itself is lettre's.

use crate::{App, AppError, Result, resolve};
use candor_core::{Direction, Id, NewRecordEntry, RecordKind, ValidationError, field};
pub use candor_store::OutboxMessage;
use candor_store::{NewOutboxMessage, Tx};
use lettre::address::{Address, Envelope};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncTransport, Tokio1Executor};
use mail_builder::MessageBuilder;
use serde::Deserialize;

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (required), usually port 587.
    StartTls,
    /// TLS from the first byte, usually port 465.
    Tls,
    /// No encryption: only for a server on this machine (tests, a local relay).
    None,
}

/// Where and how to send. The password is never printed: `Debug` hides it.
#[derive(Clone)]
pub struct SmtpSettings {
    /// Server host name.
    pub host: String,
    /// Server port.
    pub port: u16,
    /// Connection security.
    pub security: Security,
    /// User name, when the server wants a login.
    pub user: Option<String>,
    /// Password (from `CANDOR_SMTP_PASSWORD` or the file named by `CANDOR_SMTP_PASSWORD_FILE`).
    pub password: Option<String>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .finish()
    }
}

impl SmtpSettings {
    /// Reads `CANDOR_SMTP_HOST`, `_PORT`, `_SECURITY` (starttls, tls or none), `_USER` and
    /// `_PASSWORD` or `_PASSWORD_FILE` through `var` (the environment in the binary).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<SmtpSettings> {
        let host = var("CANDOR_SMTP_HOST").ok_or_else(|| {
            ValidationError::new(
                "CANDOR_SMTP_HOST",
                "",
                "set the SMTP server to send through",
            )
        })?;
        let security = match var("CANDOR_SMTP_SECURITY").as_deref().map(str::trim) {
            None | Some("starttls") => Security::StartTls,
            Some("tls") => Security::Tls,
            Some("none") => Security::None,
            Some(other) => {
                let why = "expected starttls, tls or none";
                return Err(ValidationError::new("CANDOR_SMTP_SECURITY", other, why).into());
            }
        };
        let default_port = if security == Security::Tls { 465 } else { 587 };
        let port = match var("CANDOR_SMTP_PORT") {
            Some(p) => p.trim().parse().map_err(|_| {
                ValidationError::new("CANDOR_SMTP_PORT", &p, "expected a port number")
            })?,
            None => default_port,
        };
        let password = match (
            var("CANDOR_SMTP_PASSWORD"),
            var("CANDOR_SMTP_PASSWORD_FILE"),
        ) {
            (Some(p), _) => Some(p),
            (None, Some(path)) => Some(read_password(&path)?),
            (None, None) => None,
        };
        Ok(SmtpSettings {
            host: host.trim().to_owned(),
            port,
            security,
            user: var("CANDOR_SMTP_USER"),
            password,
        })
    }
}

fn read_password(path: &str) -> Result<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        ValidationError::new(
            "CANDOR_SMTP_PASSWORD_FILE",
            path,
            format!("cannot read it: {e}"),
        )
    })?;
    Ok(text.trim_end_matches(['\r', '\n']).to_owned())
}

/// Raw input for a hand-written draft.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OutboxInput {
    /// Client name or id.
    pub client: String,
    /// Project name or id.
    pub project: Option<String>,
    /// Recipient addresses (default: the client's contacts with an email address).
    pub to: Vec<String>,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// What goes into one drafted message.
pub(crate) struct Draft {
    pub client_id: Id,
    pub project_id: Option<Id>,
    pub kind: &'static str,
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    pub lang: String,
    pub week: Option<String>,
    /// Who signs, when not the default sender (name, address).
    pub from: Option<(String, String)>,
    /// The composer's draft record entry this message carries.
    pub draft_record_id: Option<Id>,
}

/// The sender: `CANDOR_MAIL_FROM` ("Name <address>" or an address), else the first team member.
async fn sender(tx: &mut Tx) -> Result<(String, String)> {
    if let Ok(v) = std::env::var("CANDOR_MAIL_FROM") {
        return Ok(match v.split_once('<') {
            Some((name, rest)) => (
                name.trim().to_owned(),
                rest.trim_end_matches('>').trim().to_owned(),
            ),
            None => (String::new(), v.trim().to_owned()),
        });
    }
    let team = tx.team_members().await?;
    let m = team.first().ok_or_else(|| {
        ValidationError::new(
            "from",
            "",
            "add a team member or set CANDOR_MAIL_FROM to send mail",
        )
    })?;
    Ok((m.name.clone(), m.email.clone()))
}

/// Builds the `.eml` and stores the draft.
pub(crate) async fn put_draft(
    tx: &mut Tx,
    d: Draft,
    now: jiff::Timestamp,
) -> Result<OutboxMessage> {
    if d.to.is_empty() {
        return Err(ValidationError::new("to", "", "the message has no recipient").into());
    }
    let to: Vec<String> = d
        .to
        .iter()
        .map(|a| {
            a.trim()
                .parse::<Address>()
                .map(|x| x.to_string())
                .map_err(|e| ValidationError::new("to", a, format!("not an email address: {e}")))
        })
        .collect::<std::result::Result<_, _>>()?;
    let (name, from) = match d.from {
        Some(f) => f,
        None => sender(tx).await?,
    };
    let domain = from
        .rsplit_once('@')
        .map_or("candor.invalid", |(_, d)| d)
        .to_owned();
    let mut nonce = [0u8; 8];
    getrandom::fill(&mut nonce).map_err(|e| AppError::Check(format!("no randomness: {e}")))?;
    let local: String = nonce.iter().map(|b| format!("{b:02x}")).collect();
    let message_id = format!("candor.{}.{local}@{domain}", now.as_second());
    let mut eml = MessageBuilder::new()
        .from((name, from))
        .to(to.clone())
        .subject(d.subject.clone())
        .date(now.as_second())
        .message_id(message_id.clone())
        .header(
            "Content-Language",
            mail_builder::headers::raw::Raw::new(d.lang.clone()),
        )
        .text_body(d.body.replace("\r\n", "\n").replace('\n', "\r\n"))
        .write_to_string()
        .map_err(|e| AppError::Check(format!("cannot write the .eml: {e}")))?;
    // SMTP ends DATA with CRLF; ending the stored file with one keeps what arrives identical.
    if !eml.ends_with("\r\n") {
        eml.push_str("\r\n");
    }
    Ok(tx
        .insert_outbox(&NewOutboxMessage {
            client_id: d.client_id,
            project_id: d.project_id,
            kind: d.kind.into(),
            subject: d.subject,
            recipients: to,
            body: d.body,
            message_id,
            eml,
            week: d.week,
            draft_record_id: d.draft_record_id,
        })
        .await?)
}

/// The client's contacts' email addresses.
pub(crate) async fn client_addresses(tx: &mut Tx, client_id: Id) -> Result<Vec<String>> {
    Ok(tx
        .contacts(Some(client_id))
        .await?
        .into_iter()
        .filter_map(|c| c.email)
        .collect())
}

impl App {
    /// Drafts a message by hand into the outbox.
    pub async fn outbox_add(&self, input: &OutboxInput) -> Result<OutboxMessage> {
        let subject = field::non_empty("subject", &input.subject)?;
        let mut tx = self.begin().await?;
        let client = resolve::client(&mut tx, &input.client).await?;
        let project_id =
            resolve::project_id(&mut tx, input.project.as_deref(), Some(&client.name)).await?;
        let to = if input.to.is_empty() {
            client_addresses(&mut tx, client.id).await?
        } else {
            input.to.clone()
        };
        let d = Draft {
            client_id: client.id,
            project_id,
            kind: "manual",
            to,
            subject,
            body: input.body.clone(),
            lang: client.language.code().into(),
            week: None,
            from: None,
            draft_record_id: None,
        };
        let m = put_draft(&mut tx, d, jiff::Timestamp::now()).await?;
        tx.commit().await?;
        Ok(m)
    }

    /// Outbox messages, only those with `status` when given (`failed`: drafts whose last
    /// attempt failed).
    pub async fn outbox_list(&self, status: Option<&str>) -> Result<Vec<OutboxMessage>> {
        if let Some(s) = status
            && !["draft", "sending", "sent", "failed", "discarded"].contains(&s)
        {
            let why = "expected draft, sending, sent, failed or discarded";
            return Err(ValidationError::new("status", s, why).into());
        }
        let mut tx = self.begin().await?;
        Ok(tx.outbox(status).await?)
    }

    /// One outbox message.
    pub async fn outbox_message(&self, id: Id) -> Result<OutboxMessage> {
        let mut tx = self.begin().await?;
        Ok(tx.outbox_message(id).await?)
    }

    /// Sends a draft. Success: the outgoing record entry is written and the draft marked sent
    /// (dated promises in it become follow-ups). Failure: the draft stays, with the server's
    /// answer noted and returned.
    /// The draft is claimed first (status `sending`), so a second sender is refused instead of
    /// delivering it twice; `interrupted` resends one a dead process left `sending`.
    pub async fn outbox_send(
        &self,
        id: Id,
        smtp: &SmtpSettings,
        interrupted: bool,
    ) -> Result<OutboxMessage> {
        let m = {
            let mut tx = self.begin().await?;
            tx.claim_outbox(id, interrupted).await?;
            let m = tx.outbox_message(id).await?;
            tx.commit().await?;
            m
        };
        if let Err(answer) = deliver(&m, smtp).await {
            let mut tx = self.begin().await?;
            tx.mark_outbox_failed(id, &answer).await?;
            tx.commit().await?;
            return Err(AppError::Check(format!(
                "outbox message {id} was not sent; the draft is kept. The server said: {answer}"
            )));
        }
        let mut tx = self.begin().await?;
        let client = tx.client(m.client_id).await?;
        let now = jiff::Timestamp::now();
        // A composed draft keeps its incident and signer: the sent message is the same letter.
        let (author, incident_id) = match m.draft_record_id {
            Some(d) => {
                let draft = tx.record(d).await?;
                (draft.author, draft.incident_id)
            }
            None => (sender(&mut tx).await?.0, None),
        };
        let e = NewRecordEntry {
            client_id: m.client_id,
            project_id: m.project_id,
            incident_id,
            kind: RecordKind::Email,
            direction: Direction::Out,
            at: now,
            author: if author.is_empty() {
                "candor".into()
            } else {
                author
            },
            participants: m.recipients.clone(),
            subject: m.subject.clone(),
            body: m.body.clone(),
            source: format!("message-id:<{}>", m.message_id),
        }
        .validate()?;
        // A composer draft is already in the record: the sent message is a correction of it
        // (the draft entry stays as written) and the draft is settled as sent.
        let entry = match m.draft_record_id {
            Some(draft) => {
                let sent = tx.insert_correction(&e, draft).await?.entry;
                tx.set_draft_status(draft, "sent", now).await?;
                sent
            }
            None => tx.insert_record(&e).await?,
        };
        tx.mark_outbox_sent(id, entry.id).await?;
        crate::followups::from_sent_message(&mut tx, &entry, client.language.code(), self.today())
            .await?;
        let sent = tx.outbox_message(id).await?;
        tx.commit().await?;
        Ok(sent)
    }
}

impl App {
    /// Drops a draft from the outbox (it stays listed as `discarded`); a composer draft's record
    /// status becomes `discarded` too.
    pub async fn outbox_discard(&self, id: Id) -> Result<OutboxMessage> {
        let mut tx = self.begin().await?;
        let m = tx.outbox_message(id).await?;
        tx.mark_outbox_discarded(id).await?;
        if let Some(draft) = m.draft_record_id {
            tx.set_draft_status(draft, "discarded", jiff::Timestamp::now())
                .await?;
        }
        let m = tx.outbox_message(id).await?;
        tx.commit().await?;
        Ok(m)
    }
}

/// Hands the `.eml` to the SMTP server exactly as stored; the error is the server's answer.
async fn deliver(m: &OutboxMessage, s: &SmtpSettings) -> std::result::Result<(), String> {
    let from = mail_parser_from(&m.eml)?;
    let to = m
        .recipients
        .iter()
        .map(|a| a.parse::<Address>().map_err(|e| format!("{a}: {e}")))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let envelope = Envelope::new(Some(from), to).map_err(|e| e.to_string())?;
    let tls = |host: &str| TlsParameters::new(host.to_owned()).map_err(|e| e.to_string());
    let mut b = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&s.host).port(s.port);
    b = match s.security {
        Security::StartTls => b.tls(Tls::Required(tls(&s.host)?)),
        Security::Tls => b.tls(Tls::Wrapper(tls(&s.host)?)),
        Security::None => b.tls(Tls::None),
    };
    if let (Some(u), Some(p)) = (&s.user, &s.password) {
        b = b.credentials(Credentials::new(u.clone(), p.clone()));
    }
    let transport = b.build();
    transport
        .send_raw(&envelope, m.eml.as_bytes())
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The envelope sender: the address in the stored message's `From:` header.
fn mail_parser_from(eml: &str) -> std::result::Result<Address, String> {
    let line = eml
        .split("\r\n")
        .take_while(|l| !l.is_empty())
        .find(|l| l.to_ascii_lowercase().starts_with("from:"))
        .ok_or("the draft has no From header")?;
    let addr = match (line.rfind('<'), line.rfind('>')) {
        (Some(a), Some(b)) if a < b => &line[a + 1..b],
        _ => line[5..].trim(),
    };
    addr.parse::<Address>()
        .map_err(|e| format!("From {addr}: {e}"))
}
