//! [`RecordingServer`] is a tiny HTTP/1.1 server on the loopback interface that writes down the
//! exact bytes of every request it receives and answers each with a canned response. Wire tests
//! point a real [`declarest::Client`] at it and assert what actually arrived on the socket:
//!
//! ```ignore
//! # async fn demo() -> std::io::Result<()> {
//! use support::{CannedResponse, RecordingServer};
//!
//! let server = RecordingServer::start(CannedResponse::json(200, "{}")).await?;
//! let client = declarest::Client::new(server.base_url() + "/base").expect("a valid base URL");
//! // ... call an endpoint through `client` ...
//! for request in server.requests() {
//!     println!("{} {}", request.method, request.target);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! The server is meant for tests only: it listens on `127.0.0.1` with a port the OS assigns,
//! closes every connection after one response (`connection: close`), bounds what it reads
//! (head and body sizes, a per-connection deadline, the number of connections), never panics on
//! bad input (a request it cannot parse is answered `400` or dropped, and not recorded) and
//! stops serving when the [`RecordingServer`] is dropped.

use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use std::future::Future;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::{JoinHandle, JoinSet};

/// The largest request head (request line and headers) the server reads.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;
/// The largest request body the server reads.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// The most headers one request may have.
pub const MAX_HEADERS: usize = 128;
/// How long one connection may take, from accept to the last byte of the response.
pub const CONNECTION_DEADLINE: Duration = Duration::from_secs(10);
/// The most connections one server accepts over its life; it stops listening after that.
pub const MAX_CONNECTIONS: usize = 100_000;

/// The response the server sends to every request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannedResponse {
    /// The status code, e.g. `200`.
    pub status: u16,
    /// Headers to send, in order, as given. `content-length` and `connection` are added by the
    /// server and must not be listed here.
    pub headers: Vec<(String, String)>,
    /// The body. Not sent for statuses that cannot have one (`1xx`, `204`, `304`) nor in
    /// answer to `HEAD`.
    pub body: Vec<u8>,
}

impl CannedResponse {
    /// A response with that status, a `content-type: application/json` header and that body.
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        CannedResponse {
            status,
            headers: vec![("content-type".to_owned(), "application/json".to_owned())],
            body: body.into(),
        }
    }

    /// `204 No Content`, without headers or body.
    pub fn no_content() -> Self {
        CannedResponse {
            status: 204,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// The same response with one more header.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Whether the status allows a body at all.
    fn allows_body(&self) -> bool {
        !(self.status < 200 || self.status == 204 || self.status == 304)
    }

    /// The whole response on the wire.
    pub fn to_bytes(&self, request_method: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(128 + self.body.len());
        out.extend_from_slice(
            format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status)).as_bytes(),
        );
        for (name, value) in &self.headers {
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(value.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        let allows_body = self.allows_body();
        if allows_body {
            out.extend_from_slice(format!("content-length: {}\r\n", self.body.len()).as_bytes());
        }
        out.extend_from_slice(b"connection: close\r\n\r\n");
        if allows_body && !request_method.eq_ignore_ascii_case("HEAD") {
            out.extend_from_slice(&self.body);
        }
        out
    }
}

impl Default for CannedResponse {
    /// `200` with the JSON body `{}`.
    fn default() -> Self {
        CannedResponse::json(200, "{}")
    }
}

/// The reason phrase of common statuses; other statuses get an empty one, which HTTP allows.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// One request exactly as it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The method, as sent (`GET`).
    pub method: String,
    /// The request target, byte for byte as sent, not decoded: `/base/items/a%20b?take=10`.
    pub target: String,
    /// The protocol version (`HTTP/1.1`).
    pub version: String,
    /// Every header in arrival order: the name lower-cased, the value as sent with surrounding
    /// spaces and tabs removed.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body bytes: `content-length` of them, or the decoded chunks of a chunked body.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// The path part of the target (before any `?`), still percent-encoded.
    pub fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(path, _)| path)
    }

    /// The query part of the target (after the first `?`), still percent-encoded; `None` when
    /// the target has no `?` at all.
    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, query)| query)
    }

    /// Every value of a header (the name is compared case-insensitively).
    pub fn header_values(&self, name: &str) -> Vec<&[u8]> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
            .collect()
    }

    /// The value of a header as text, if it was sent (exactly once) and is UTF-8.
    pub fn header(&self, name: &str) -> Option<&str> {
        match self.header_values(name).as_slice() {
            [value] => std::str::from_utf8(value).ok(),
            _ => None,
        }
    }

    /// Whether a header was sent at all.
    pub fn has_header(&self, name: &str) -> bool {
        !self.header_values(name).is_empty()
    }

    /// The names of all headers, lower-cased, in arrival order.
    pub fn header_names(&self) -> Vec<&str> {
        self.headers.iter().map(|(n, _)| n.as_str()).collect()
    }
}

/// What the server task and the test share.
#[derive(Debug, Default)]
struct Shared {
    requests: Mutex<Vec<RecordedRequest>>,
    response: Mutex<CannedResponse>,
    connections: AtomicUsize,
    recorded: Notify,
}

/// A poisoned lock still holds usable data here: nothing is left half-updated.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A loopback HTTP/1.1 server that records every request and answers with a canned response.
/// Stops when dropped.
#[derive(Debug)]
pub struct RecordingServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    /// How many requests [`next_request`](Self::next_request) has handed out.
    cursor: AtomicUsize,
    task: JoinHandle<()>,
}

impl RecordingServer {
    /// Starts a server on `127.0.0.1` with an OS-assigned port; every request is answered with
    /// `response` until [`set_response`](Self::set_response) changes it. Must be called from
    /// within a tokio runtime.
    pub async fn start(response: CannedResponse) -> io::Result<RecordingServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            response: Mutex::new(response),
            ..Shared::default()
        });
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared)));
        Ok(RecordingServer {
            addr,
            shared,
            cursor: AtomicUsize::new(0),
            task,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing `/`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Answers the requests that arrive from now on with `response`.
    pub fn set_response(&self, response: CannedResponse) {
        *lock(&self.shared.response) = response;
    }

    /// Every request recorded so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// The number of requests recorded so far.
    pub fn request_count(&self) -> usize {
        lock(&self.shared.requests).len()
    }

    /// Removes and returns every request recorded so far; [`next_request`](Self::next_request)
    /// starts over with the ones that arrive next.
    pub fn take_requests(&self) -> Vec<RecordedRequest> {
        let mut requests = lock(&self.shared.requests);
        self.cursor.store(0, Ordering::SeqCst);
        std::mem::take(&mut *requests)
    }

    /// The number of TCP connections accepted so far, including ones that never sent a complete
    /// request.
    pub fn connection_count(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// The next request not yet handed out by this method, waiting up to `timeout` for it to
    /// arrive; `None` if none did.
    pub async fn next_request(&self, timeout: Duration) -> Option<RecordedRequest> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            // Registered before looking, so that a request recorded in between still wakes us.
            let notified = self.shared.recorded.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            {
                let requests = lock(&self.shared.requests);
                let cursor = self.cursor.load(Ordering::SeqCst);
                if let Some(request) = requests.get(cursor).cloned() {
                    self.cursor.store(cursor + 1, Ordering::SeqCst);
                    return Some(request);
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return None;
            }
        }
    }
}

impl Drop for RecordingServer {
    fn drop(&mut self) {
        // Aborting the accept loop drops the listener and its `JoinSet`, which aborts every
        // connection still being served.
        self.task.abort();
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    for _ in 0..MAX_CONNECTIONS {
        // Reap finished connections so the set does not grow without bound.
        while connections.try_join_next().is_some() {}
        let Ok((stream, _peer)) = listener.accept().await else {
            // Accept errors (e.g. too many open files) are transient: wait a little and retry;
            // the loop's bound still applies.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        shared.connections.fetch_add(1, Ordering::SeqCst);
        let shared = Arc::clone(&shared);
        connections.spawn(async move {
            // Whatever goes wrong (deadline, reset, bad input), the connection is just dropped.
            let _ = tokio::time::timeout(CONNECTION_DEADLINE, serve(stream, &shared)).await;
        });
    }
    // Let the last connections finish; they are bounded by their deadline.
    while connections.join_next().await.is_some() {}
}

/// Why a request could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The connection failed or closed early: nothing to answer.
    Io,
    /// The request is malformed or too large: answer with this status.
    Bad(u16),
}

impl From<io::Error> for ReadError {
    fn from(_: io::Error) -> Self {
        ReadError::Io
    }
}

/// Serves one connection: reads one request, records it, answers, closes.
async fn serve(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    let request = match read_request(&mut stream).await {
        Ok(request) => request,
        Err(ReadError::Io) => return Ok(()),
        Err(ReadError::Bad(status)) => {
            let response = CannedResponse {
                status,
                headers: Vec::new(),
                body: Vec::new(),
            };
            return write_all(&stream, &response.to_bytes("GET")).await;
        }
    };
    let response = lock(&shared.response).to_bytes(&request.method);
    // Recorded before answering, so a client that got its response finds its request recorded.
    lock(&shared.requests).push(request);
    shared.recorded.notify_waiters();
    // Dropping the stream afterwards closes the connection, as `connection: close` announced.
    write_all(&stream, &response).await
}

/// Where a request is read from: a connection, or bytes in a unit test.
pub trait Source {
    /// Reads some bytes into `buf`; `0` at the end of the input.
    fn read_some(&mut self, buf: &mut [u8]) -> impl Future<Output = io::Result<usize>> + Send;
}

impl Source for TcpStream {
    async fn read_some(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Each round waits for readiness; the connection deadline bounds the rounds.
        loop {
            self.readable().await?;
            match self.try_read(buf) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                result => return result,
            }
        }
    }
}

impl Source for &[u8] {
    async fn read_some(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(self.len());
        buf[..n].copy_from_slice(&self[..n]);
        *self = &self[n..];
        Ok(n)
    }
}

/// Writes all of `data`; the connection deadline bounds the rounds.
async fn write_all(stream: &TcpStream, mut data: &[u8]) -> io::Result<()> {
    while !data.is_empty() {
        stream.writable().await?;
        match stream.try_write(data) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => data = &data[n..],
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Reads one request: the head up to the blank line, then the body.
pub async fn read_request<S: Source>(stream: &mut S) -> Result<RecordedRequest, ReadError> {
    let mut buf = Vec::with_capacity(1024);
    let head_end = loop {
        if let Some(at) = find(&buf, b"\r\n\r\n") {
            break at;
        }
        if buf.len() > MAX_HEAD_BYTES {
            return Err(ReadError::Bad(431));
        }
        let mut chunk = [0u8; 4096];
        let n = stream.read_some(&mut chunk).await?;
        if n == 0 {
            return Err(ReadError::Io);
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    if head_end > MAX_HEAD_BYTES {
        return Err(ReadError::Bad(431));
    }
    let head = std::str::from_utf8(&buf[..head_end]).map_err(|_| ReadError::Bad(400))?;
    let mut rest = buf[head_end + 4..].to_vec();

    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Bad(400));
    };
    if method.is_empty() || target.is_empty() || !version.starts_with("HTTP/1.") {
        return Err(ReadError::Bad(400));
    }

    let mut headers = Vec::new();
    for line in lines {
        if headers.len() >= MAX_HEADERS {
            return Err(ReadError::Bad(431));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(ReadError::Bad(400));
        };
        if name.is_empty() || name.bytes().any(|b| b.is_ascii_whitespace()) {
            return Err(ReadError::Bad(400));
        }
        let value = value.trim_matches([' ', '\t']);
        headers.push((name.to_ascii_lowercase(), value.as_bytes().to_vec()));
    }

    let header = |wanted: &'static str| {
        headers
            .iter()
            .filter(move |(name, _)| name == wanted)
            .map(|(_, value)| value.as_slice())
    };
    let chunked = header("transfer-encoding").any(|v| {
        std::str::from_utf8(v).is_ok_and(|v| {
            v.to_ascii_lowercase()
                .split(',')
                .any(|c| c.trim() == "chunked")
        })
    });
    let body = if chunked {
        read_chunked(stream, &mut rest).await?
    } else {
        let lengths: Vec<&[u8]> = header("content-length").collect();
        let length = match lengths.as_slice() {
            [] => 0,
            [value] => std::str::from_utf8(value)
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
                .ok_or(ReadError::Bad(400))?,
            _ => return Err(ReadError::Bad(400)),
        };
        if length > MAX_BODY_BYTES {
            return Err(ReadError::Bad(413));
        }
        fill(stream, &mut rest, length).await?;
        rest.truncate(length);
        rest
    };

    Ok(RecordedRequest {
        method: method.to_owned(),
        target: target.to_owned(),
        version: version.to_owned(),
        headers,
        body,
    })
}

/// Reads until `buf` holds at least `len` bytes.
async fn fill<S: Source>(stream: &mut S, buf: &mut Vec<u8>, len: usize) -> Result<(), ReadError> {
    while buf.len() < len {
        let mut chunk = [0u8; 8192];
        let n = stream.read_some(&mut chunk).await?;
        if n == 0 {
            return Err(ReadError::Io);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(())
}

/// Reads until `buf` holds a CRLF-terminated line, and removes and returns that line.
async fn read_line<S: Source>(stream: &mut S, buf: &mut Vec<u8>) -> Result<Vec<u8>, ReadError> {
    loop {
        if let Some(at) = find(buf, b"\r\n") {
            let line = buf[..at].to_vec();
            buf.drain(..at + 2);
            return Ok(line);
        }
        if buf.len() > MAX_HEAD_BYTES {
            return Err(ReadError::Bad(400));
        }
        let len = buf.len() + 1;
        fill(stream, buf, len).await?;
    }
}

/// Decodes a chunked body whose first bytes are already in `buf`.
async fn read_chunked<S: Source>(stream: &mut S, buf: &mut Vec<u8>) -> Result<Vec<u8>, ReadError> {
    let mut body = Vec::new();
    // Each chunk but the last adds at least one byte, so the body limit bounds the loop.
    loop {
        let line = read_line(stream, buf).await?;
        let size = std::str::from_utf8(&line)
            .ok()
            .map(|l| l.split(';').next().unwrap_or_default().trim())
            .and_then(|hex| usize::from_str_radix(hex, 16).ok())
            .ok_or(ReadError::Bad(400))?;
        if size == 0 {
            // Trailers, up to the blank line.
            for _ in 0..MAX_HEADERS {
                if read_line(stream, buf).await?.is_empty() {
                    return Ok(body);
                }
            }
            return Err(ReadError::Bad(431));
        }
        if body.len().saturating_add(size) > MAX_BODY_BYTES {
            return Err(ReadError::Bad(413));
        }
        fill(stream, buf, size + 2).await?;
        if &buf[size..size + 2] != b"\r\n" {
            return Err(ReadError::Bad(400));
        }
        body.extend_from_slice(&buf[..size]);
        buf.drain(..size + 2);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
