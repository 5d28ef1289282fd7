//! Test support: a local HTTP server that replays recorded GitHub API answers, so the client is
//! tested against real responses without the network. std's `TcpListener` is enough for one
//! GET per connection; a full HTTP server crate would add compile time for tests only.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// One recorded answer.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Recorded {
    /// HTTP status.
    pub status: u16,
    /// Headers as recorded.
    pub headers: std::collections::BTreeMap<String, String>,
    /// JSON body.
    #[serde(default)]
    pub body: serde_json::Value,
}

/// One request the server saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Path and query.
    pub path: String,
    /// `If-None-Match` header, if sent.
    pub if_none_match: Option<String>,
    /// `Authorization` header, if sent.
    pub authorization: Option<String>,
}

/// A running replay server.
pub struct Server {
    /// `http://127.0.0.1:PORT`, to use as the API root.
    pub base: String,
    /// Every request so far.
    pub requests: Arc<Mutex<Vec<Request>>>,
}

/// The pages of a recording file (`{"pages": [{"status", "headers", "body"}]}`).
pub fn load_pages(path: &str) -> Vec<Recorded> {
    #[derive(serde::Deserialize)]
    struct File {
        pages: Vec<Recorded>,
    }
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str::<File>(&text)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .pages
}

/// The `page` query parameter of a path (1 when absent).
pub fn page_of(path: &str) -> usize {
    path.split_once('?')
        .into_iter()
        .flat_map(|(_, q)| q.split('&'))
        .find_map(|kv| kv.strip_prefix("page=")?.parse().ok())
        .unwrap_or(1)
}

/// Starts a server answering each request with `respond`; `api.github.com` URLs in headers are
/// rewritten to the server's own address.
pub fn start(respond: impl Fn(&Request) -> Recorded + Send + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let base = format!("http://{}", listener.local_addr().expect("local address"));
    let requests = Arc::new(Mutex::new(Vec::new()));
    let (seen, own) = (requests.clone(), base.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let Some(req) = read_request(&mut reader) else {
                continue;
            };
            seen.lock().expect("requests").push(req.clone());
            let answer = respond(&req);
            let _ = write_answer(reader.get_mut(), &answer, &own);
        }
    });
    Server { base, requests }
}

fn read_request(reader: &mut impl BufRead) -> Option<Request> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_owned();
    let (mut if_none_match, mut authorization) = (None, None);
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            let v = v.trim().to_owned();
            match k.trim().to_ascii_lowercase().as_str() {
                "if-none-match" => if_none_match = Some(v),
                "authorization" => authorization = Some(v),
                _ => {}
            }
        }
    }
    Some(Request {
        path,
        if_none_match,
        authorization,
    })
}

fn write_answer(out: &mut impl Write, a: &Recorded, own: &str) -> std::io::Result<()> {
    let body = if a.status == 304 || a.body.is_null() {
        String::new()
    } else {
        a.body.to_string()
    };
    write!(out, "HTTP/1.1 {} Recorded\r\n", a.status)?;
    for (k, v) in &a.headers {
        write!(out, "{k}: {}\r\n", v.replace("https://api.github.com", own))?;
    }
    write!(
        out,
        "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    out.flush()
}
