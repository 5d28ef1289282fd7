//! The .eml output read back by real parsers, and templates replaced from a user folder.

mod fixture;

use candor_compose::{ComposeError, Composer, Format, MessageType};
use candor_core::Language;
use candor_core::playbook::IncidentKind;
use mail_parser::MessageParser;
use std::io::Write;
use std::process::{Command, Stdio};

fn eml(lang: Language) -> (String, String, String) {
    let composer = Composer::builtin().unwrap();
    let inputs = fixture::incident(IncidentKind::Delay, lang);
    let d = composer
        .compose(&inputs, MessageType::DelayEmail, None, Format::Eml)
        .unwrap();
    (d.output, d.subject, d.body)
}

#[test]
fn eml_round_trips_through_mail_parser_in_every_language() {
    for lang in Language::ALL {
        let (raw, subject, body) = eml(lang);
        assert!(
            raw.is_ascii(),
            "{lang}: headers and body must be 7-bit encoded"
        );
        assert!(raw.contains("\r\n"), "{lang}: RFC 5322 wants CRLF");
        let msg = MessageParser::default().parse(raw.as_bytes()).unwrap();
        assert_eq!(msg.subject(), Some(subject.as_str()), "{lang}");
        let to = msg.to().and_then(|a| a.first()).unwrap();
        assert_eq!(to.address(), Some("olivia.bennett@harbourfinch.co.uk"));
        assert_eq!(to.name(), Some("Olivia Bennett"));
        let from = msg.from().and_then(|a| a.first()).unwrap();
        assert_eq!(from.address(), Some("maya@brightlane.example"));
        let text = msg.body_text(0).unwrap().replace("\r\n", "\n");
        assert_eq!(text.trim_end(), body.trim_end(), "{lang}");
        assert!(
            msg.message_id()
                .is_some_and(|id| id.ends_with("@brightlane.example"))
        );
        assert!(msg.date().is_some());
    }
}

#[test]
fn eml_is_read_by_pythons_email_module() {
    let Ok(probe) = Command::new("python3").arg("--version").output() else {
        eprintln!("python3 is not installed; the mail-parser test covers the round trip");
        return;
    };
    assert!(probe.status.success());
    let script = r#"
import sys, email
from email import policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=policy.default)
assert not msg.defects, msg.defects
print(msg['subject'])
print(msg['to'].addresses[0].addr_spec)
print(msg.get_content_charset())
sys.stdout.write(msg.get_body(('plain',)).get_content())
"#;
    for lang in Language::ALL {
        let (raw, subject, body) = eml(lang);
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(raw.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{lang}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n");
        let mut lines = text.splitn(4, '\n');
        assert_eq!(lines.next(), Some(subject.as_str()), "{lang}");
        assert_eq!(lines.next(), Some("olivia.bennett@harbourfinch.co.uk"));
        assert_eq!(lines.next(), Some("utf-8"));
        assert_eq!(lines.next().unwrap().trim_end(), body.trim_end(), "{lang}");
    }
}

#[test]
fn a_user_template_replaces_the_builtin_without_rebuilding() {
    let dir = tempfile::tempdir().unwrap();
    let tdir = dir.path().join("nl").join("templates");
    std::fs::create_dir_all(&tdir).unwrap();
    std::fs::write(
        tdir.join("voicemail.j2"),
        "Goedemiddag {{ contact_first }}, met {{ sender }}. {{ t(\"sign-off\") }}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("nl").join("composer.ftl"),
        "sign-off = Groet,\n",
    )
    .unwrap();
    let composer = Composer::with_overrides(dir.path()).unwrap();
    let inputs = fixture::incident(IncidentKind::Delay, Language::Nl);
    let v = composer
        .compose(&inputs, MessageType::Voicemail, None, Format::Text)
        .unwrap();
    assert_eq!(v.body, "Goedemiddag Olivia, met Maya Jensen. Groet,\n");
    // Other templates and phrases stay built in.
    let d = composer
        .compose(&inputs, MessageType::DelayEmail, None, Format::Text)
        .unwrap();
    assert!(d.body.starts_with("Beste Olivia,"));
    assert!(d.body.contains("Groet,"));
}

#[test]
fn a_broken_user_template_names_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let tdir = dir.path().join("en").join("templates");
    std::fs::create_dir_all(&tdir).unwrap();
    let path = tdir.join("delay_email.j2");
    std::fs::write(
        &path,
        "Dear {{ contact_first }},\n\n{% if new_date %}\nWe deliver on {{ new_date }}.\n",
    )
    .unwrap();
    let e = Composer::with_overrides(dir.path()).unwrap_err();
    let ComposeError::Template { file, line, .. } = &e else {
        panic!("expected a template error, got {e}");
    };
    assert_eq!(file, &path.display().to_string());
    assert!(line.is_some_and(|l| l >= 3), "{e}");
    assert!(
        e.to_string().starts_with(&format!("{}:", path.display())),
        "{e}"
    );

    // A template that parses but uses an unknown variable fails at render time, never
    // half-rendered.
    std::fs::write(&path, "Dear {{ contact_first }},\n\n{{ new_dat }}\n").unwrap();
    let composer = Composer::with_overrides(dir.path()).unwrap();
    let inputs = fixture::incident(IncidentKind::Delay, Language::En);
    let e = composer
        .compose(&inputs, MessageType::DelayEmail, None, Format::Text)
        .unwrap_err();
    assert!(
        e.to_string().starts_with(&format!("{}:3:", path.display())),
        "{e}"
    );

    // A runaway loop is stopped by fuel.
    std::fs::write(
        &path,
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}\n",
    )
    .unwrap();
    let composer = Composer::with_overrides(dir.path()).unwrap();
    let e = composer
        .compose(&inputs, MessageType::DelayEmail, None, Format::Text)
        .unwrap_err();
    assert!(e.to_string().contains("fuel"), "{e}");

    // A misnamed file is an error, not silently ignored.
    std::fs::remove_file(&path).unwrap();
    std::fs::write(tdir.join("delay_mail.j2"), "x").unwrap();
    let e = Composer::with_overrides(dir.path()).unwrap_err();
    assert!(e.to_string().contains("delay_mail"), "{e}");
}

#[test]
fn weekly_checkin_eml_carries_a_bengali_subject_encoded() {
    let composer = Composer::builtin().unwrap();
    let d = composer
        .compose(
            &fixture::weekly(Language::Bn),
            MessageType::WeeklyCheckin,
            None,
            Format::Eml,
        )
        .unwrap();
    let subject_line = d
        .output
        .lines()
        .find(|l| l.starts_with("Subject:"))
        .unwrap();
    assert!(subject_line.contains("=?utf-8?"), "{subject_line}");
    let msg = MessageParser::default().parse(d.output.as_bytes()).unwrap();
    assert_eq!(msg.subject(), Some("Customer portal: সাপ্তাহিক আপডেট"));
    assert!(msg.body_text(0).unwrap().contains("২০ জানুয়ারি, ২০২৭"));
}
