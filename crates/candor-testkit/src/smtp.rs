//! A small SMTP server for tests that must see exactly what a client sent: the raw DATA bytes
//! (dot-stuffing undone), the envelope and any AUTH line. Written here because the tests compare
//! what arrived byte for byte with what was stored, which a mail library's server would hide.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// One SMTP session as the sink saw it.
#[derive(Debug, Default, Clone)]
pub struct Received {
    /// The AUTH command lines, as sent.
    pub auth: Vec<String>,
    /// The MAIL FROM argument, e.g. `<maya@studio.example>`.
    pub mail_from: String,
    /// The RCPT TO arguments.
    pub rcpt_to: Vec<String>,
    /// The message as sent, dot-stuffing undone, without the end-of-data CRLF.
    pub data: Vec<u8>,
}

/// A small SMTP server (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) on a random port, in a thread;
/// with `refuse` it answers RCPT with 550.
pub fn sink(refuse: bool) -> (u16, Arc<Mutex<Vec<Received>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let got = Arc::new(Mutex::new(Vec::new()));
    let store = got.clone();
    std::thread::spawn(move || {
        for sock in listener.incoming() {
            let Ok(sock) = sock else { break };
            let mut w = sock.try_clone().unwrap();
            let mut r = BufReader::new(sock);
            let mut cur = Received::default();
            w.write_all(b"220 sink.test ESMTP\r\n").unwrap();
            let mut line = Vec::new();
            loop {
                line.clear();
                if r.read_until(b'\n', &mut line).unwrap_or(0) == 0 {
                    break;
                }
                let cmd = String::from_utf8_lossy(&line).trim_end().to_owned();
                let upper = cmd.to_ascii_uppercase();
                let answer: &[u8] = if upper.starts_with("EHLO") {
                    b"250-sink.test\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n"
                } else if upper.starts_with("AUTH") {
                    cur.auth.push(cmd.clone());
                    b"235 2.7.0 accepted\r\n"
                } else if upper.starts_with("MAIL FROM:") {
                    cur.mail_from = cmd[10..].to_owned();
                    b"250 2.1.0 OK\r\n"
                } else if upper.starts_with("RCPT TO:") {
                    if refuse {
                        b"550 5.1.1 mailbox unavailable here\r\n"
                    } else {
                        cur.rcpt_to.push(cmd[8..].to_owned());
                        b"250 2.1.5 OK\r\n"
                    }
                } else if upper == "DATA" {
                    w.write_all(b"354 go ahead\r\n").unwrap();
                    let mut data = Vec::new();
                    loop {
                        line.clear();
                        r.read_until(b'\n', &mut line).unwrap();
                        if line == b".\r\n" {
                            break;
                        }
                        // Undo dot-stuffing (RFC 5321 4.5.2).
                        let start = usize::from(line.starts_with(b".."));
                        data.extend_from_slice(&line[start..]);
                    }
                    // The CRLF before "." belongs to the end-of-data mark (4.1.1.4).
                    data.truncate(data.len().saturating_sub(2));
                    cur.data = data;
                    store.lock().unwrap().push(std::mem::take(&mut cur));
                    b"250 2.0.0 queued\r\n"
                } else if upper == "QUIT" {
                    let _ = w.write_all(b"221 bye\r\n");
                    break;
                } else {
                    b"250 OK\r\n"
                };
                w.write_all(answer).unwrap();
            }
        }
    });
    (port, got)
}
