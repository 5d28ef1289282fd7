//! Hand-written fixtures (written by the team, not real mail): format detection, Maildir,
//! gzip, charsets incl. Bengali encoded-words, and failures reported with their location.

use candor_mail::{Archive, Format, Location, detect_format, parse};
use std::io::Write;

const BENGALI: &[u8] = b"From: =?UTF-8?B?4Kaw4Ka54Ka/4Kau?= <ridi@example.com.bd>\r\n\
To: team@studio.example\r\n\
Subject: =?UTF-8?B?4Kas4Kao4KeN4Kan4KeB?=\r\n\
Date: Tue, 3 Mar 2026 10:00:00 +0600\r\n\
Message-ID: <bn-1@example.com.bd>\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
4Kan4Kao4KeN4Kav4Kas4Ka+4KamIQ==\r\n";

const DUTCH_LATIN1: &[u8] = b"From: Joost <joost@klant.nl>\n\
Subject: =?ISO-8859-1?Q?Overleg_over_het_ontwerp_=E9n_de_planning?=\n\
Date: Mon, 2 Mar 2026 09:00:00 +0100\n\
Content-Type: text/plain; charset=iso-8859-1\n\
Content-Transfer-Encoding: quoted-printable\n\
\n\
Wij zorgen dat het caf=E9 klaar is.\n";

fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn decodes_bengali_encoded_words_and_latin1_bodies() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("bn.eml"), BENGALI);
    write(&dir.path().join("nl.eml"), DUTCH_LATIN1);
    let msgs: Vec<_> = Archive::open(&[dir.path()])
        .unwrap()
        .map(|r| parse(&r.unwrap()).unwrap())
        .collect();
    assert_eq!(msgs.len(), 2);
    let bn = &msgs[0];
    assert_eq!(bn.subject, "বন্ধু");
    assert_eq!(bn.from.as_ref().unwrap().name.as_deref(), Some("রহিম"));
    assert_eq!(bn.text.trim(), "ধন্যবাদ!");
    assert_eq!(bn.dedupe_key, "mid:bn-1@example.com.bd");
    assert_eq!(bn.date.unwrap().to_string(), "2026-03-03T04:00:00Z");
    let nl = &msgs[1];
    assert_eq!(nl.subject, "Overleg over het ontwerp én de planning");
    assert!(nl.text.contains("café"), "{}", nl.text);
    assert!(nl.dedupe_key.starts_with("sha256:"));
}

#[test]
fn maildir_cur_and_new_and_gzip_mbox_are_detected_and_read() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("Mail");
    write(&md.join("cur/1.host:2,S"), BENGALI);
    write(&md.join("new/2.host"), DUTCH_LATIN1);
    std::fs::create_dir_all(md.join("tmp")).unwrap();
    write(&md.join("tmp/3.host"), b"half-delivered garbage");
    assert_eq!(detect_format(&md).unwrap(), Format::Maildir);

    let gz = dir.path().join("box.mbox.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(b"From x Mon Mar  2 09:00:00 2026\n").unwrap();
    enc.write_all(DUTCH_LATIN1).unwrap();
    enc.write_all(b"\nFrom y Mon Mar  2 09:00:00 2026\nSubject: second\n\n>From me\n")
        .unwrap();
    write(&gz, &enc.finish().unwrap());
    assert_eq!(detect_format(&gz).unwrap(), Format::Mbox);

    let items: Vec<_> = Archive::open(&[&md, &gz])
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(items.len(), 4, "tmp/ must be ignored");
    assert!(matches!(&items[0].location, Location::File(p) if p.ends_with("cur/1.host:2,S")));
    assert!(matches!(&items[1].location, Location::File(p) if p.ends_with("new/2.host")));
    assert!(matches!(items[3].location, Location::Mbox { offset, .. } if offset > 100));
    let last = parse(&items[3]).unwrap();
    assert_eq!(last.text.trim(), "From me");
    assert_eq!(
        last.date.unwrap().to_string(),
        "2026-03-02T09:00:00Z",
        "envelope date fallback"
    );
}

#[test]
fn bad_input_is_reported_with_its_location_and_the_rest_goes_in() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = dir.path().join("box");
    let mut data = b"From a Mon Mar  2 09:00:00 2026\n\x00\x01\x02 binary junk\n\n".to_vec();
    data.extend_from_slice(b"From b Mon Mar  2 09:00:00 2026\n");
    data.extend_from_slice(DUTCH_LATIN1);
    write(&mbox, &data);
    let results: Vec<_> = Archive::open(&[&mbox])
        .unwrap()
        .map(|r| {
            let raw = r.unwrap();
            parse(&raw).map_err(|e| format!("{}: {e}", raw.location))
        })
        .collect();
    assert_eq!(results.len(), 2);
    let err = results[0].as_ref().unwrap_err();
    assert!(err.contains("box at byte 0"), "{err}");
    assert!(results[1].is_ok());
    assert!(Archive::open(&[dir.path().join("missing")]).is_err());
}

/// NUL bytes (which PostgreSQL text cannot hold) are dropped everywhere; a Message-ID with a
/// trailing comment, or without brackets, is still the message's id.
#[test]
fn nul_bytes_are_dropped_and_odd_message_ids_are_kept() {
    let raw = |bytes: &[u8]| candor_mail::RawMessage {
        location: Location::File("x.eml".into()),
        bytes: bytes.to_vec(),
        fallback_date: None,
    };
    let nul = parse(&raw(
        b"From: A\0na <ana@studio.example>\nSubject: Pl\0an\nDate: Mon, 2 Mar 2026 09:00:00 +0100\n\
Message-ID: <n\0ul@studio.example>\n\nThe dr\0aft is ready.\n",
    ))
    .unwrap();
    assert_eq!(nul.subject, "Plan");
    assert_eq!(nul.text.trim(), "The draft is ready.");
    assert_eq!(nul.from.unwrap().name.as_deref(), Some("Ana"));
    assert_eq!(nul.dedupe_key, "mid:nul@studio.example");
    let commented = parse(&raw(
        b"From: ana@studio.example\nSubject: x\nDate: Mon, 2 Mar 2026 09:00:00 +0100\n\
Message-ID: <abc@mx.example> (added by postmaster@mx.example)\n\nx\n",
    ))
    .unwrap();
    assert_eq!(commented.message_id.as_deref(), Some("abc@mx.example"));
    let bare = parse(&raw(
        b"From: ana@studio.example\nSubject: x\nDate: Mon, 2 Mar 2026 09:00:00 +0100\n\
Message-ID: PM200011:12:45 AM\n\nx\n",
    ))
    .unwrap();
    assert_eq!(bare.message_id.as_deref(), Some("PM200011:12:45 AM"));
    // A date ending in "PM" once swallowed the header after it (a real SpamAssassin message).
    let pm = parse(&raw(b"From: <z9@china.example>
Date: 03 Jul 01 4:12:06 PM
Message-Id: <0UW3Y47e27xw>
To: good@china.example
Subject: x

x
"))
    .unwrap();
    assert_eq!(pm.message_id.as_deref(), Some("0UW3Y47e27xw"));
    assert!(pm.date.unwrap().to_string().starts_with("2001-07-03T"));
    assert_eq!(pm.to[0].address, "good@china.example");
}

fn parse_bytes(bytes: &[u8]) -> candor_mail::ParsedMessage {
    parse(&candor_mail::RawMessage {
        location: Location::File("fixture.eml".into()),
        bytes: bytes.to_vec(),
        fallback_date: None,
    })
    .unwrap()
}

#[test]
fn html_is_kept_sanitised_only_when_the_message_has_an_html_part() {
    // Plain text only: no HTML body is stored (a page escapes `text` itself).
    let plain = parse_bytes(DUTCH_LATIN1);
    assert_eq!(plain.html, None);
    assert!(plain.text.contains("café"));

    // Text and HTML alternatives: the HTML part, sanitised; the text part as text.
    let alternative = parse_bytes(
        b"From: Ann <ann@client.example>\r\n\
Subject: Launch\r\n\
Date: Mon, 2 Mar 2026 09:00:00 +0100\r\n\
Content-Type: multipart/alternative; boundary=b\r\n\
\r\n\
--b\r\n\
Content-Type: text/plain\r\n\
\r\n\
We ship on Friday.\r\n\
--b\r\n\
Content-Type: text/html\r\n\
\r\n\
<p onclick=\"steal()\">We ship on <b>Friday</b>.</p><script>steal()</script>\r\n\
--b--\r\n",
    );
    let html = alternative.html.as_deref().expect("the HTML part is kept");
    assert!(html.contains("<b>Friday</b>"), "{html}");
    assert!(
        !html.contains("script") && !html.contains("onclick"),
        "{html}"
    );
    assert_eq!(alternative.text.trim(), "We ship on Friday.");

    // HTML only: kept sanitised, and converted to text for search and checking.
    let html_only = parse_bytes(
        b"From: Ann <ann@client.example>\r\n\
Subject: Launch\r\n\
Date: Mon, 2 Mar 2026 09:00:00 +0100\r\n\
Content-Type: text/html\r\n\
\r\n\
<html><body><p>We ship on <i>Friday</i>.</p><img src=x onerror=alert(1)></body></html>\r\n",
    );
    let html = html_only.html.as_deref().expect("the HTML part is kept");
    assert!(
        html.contains("<i>Friday</i>") && !html.contains("onerror"),
        "{html}"
    );
    assert!(
        html_only.text.contains("We ship on Friday."),
        "{}",
        html_only.text
    );
}
