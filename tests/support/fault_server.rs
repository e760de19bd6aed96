//! [`FaultServer`] is a misbehaving HTTP/1.1 server on the loopback interface. A test gives it a
//! script of [`Step`]s, and it answers each successive request (or, for
//! [`Step::ResetImmediately`], each new connection) with the next step: exact raw bytes, a
//! close or a reset instead of an answer, a delay, a body trickled slowly, a body too big to
//! hold. Once the script is used up, every further request gets the fallback step.
//!
//! ```ignore
//! # async fn demo() -> std::io::Result<()> {
//! use support::fault_server::{FaultServer, Step, json};
//!
//! let server = FaultServer::start([
//!     Step::Reply(json(503, "{}")),
//!     Step::Reply(json(200, r#"{"ok":true}"#)),
//! ])
//! .await?;
//! // ... point a client at server.base_url() ...
//! assert_eq!(server.request_count(), 2);
//! # Ok(())
//! # }
//! ```
//!
//! It records every request it read in full (method, target, headers, body: see
//! [`RecordedRequest`]), before it acts on the step, so a client that saw the outcome of a step
//! finds the request recorded. It counts the connections it accepted and those that ended, and
//! the body bytes written by [`Step::Huge`]. It is bounded: each connection has a deadline
//! ([`CONNECTION_DEADLINE`]), the server accepts at most [`MAX_CONNECTIONS`] connections and
//! serves at most [`MAX_REQUESTS_PER_CONNECTION`] requests on one; it never panics on bad input,
//! and it stops serving, aborting every connection, when dropped. Requests are read with the
//! recording server's parser, [`read_request`].

use std::collections::VecDeque;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::{JoinHandle, JoinSet};

use super::recording_server::{ReadError, RecordedRequest, read_request};

/// How long one connection may live, from accept to the last byte written.
pub const CONNECTION_DEADLINE: Duration = Duration::from_secs(20);
/// The most connections one server accepts over its life; it stops listening after that.
pub const MAX_CONNECTIONS: usize = 1_000;
/// The most requests served on one kept-alive connection; it is closed after that.
pub const MAX_REQUESTS_PER_CONNECTION: usize = 1_000;
/// How much of a [`Step::Huge`] body is written at a time.
const HUGE_WRITE: usize = 64 * 1024;

/// What the server does with one request (or one connection, for
/// [`ResetImmediately`](Step::ResetImmediately)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Reads the request, writes exactly these bytes, and keeps the connection open for the next
    /// request. The bytes are the whole response: status line, headers, body (see [`response`],
    /// [`json`] and [`raw`]).
    Reply(Vec<u8>),
    /// Reads the request, writes exactly these bytes, then closes the connection. Whether the
    /// bytes say `connection: close` is up to the test.
    ReplyThenClose(Vec<u8>),
    /// Reads the whole request, then closes the connection without answering.
    CloseAfterReading,
    /// Reads the whole request, then resets the connection (`SO_LINGER` 0, then close: an RST)
    /// without answering.
    ResetBeforeResponse,
    /// Resets a new connection as soon as it is accepted, before reading anything. Taken when a
    /// connection is accepted while this step is next in the script; a request that arrives on a
    /// kept-alive connection while it is next is reset the same way, after being read.
    ResetImmediately,
    /// Reads the request, waits this long, then performs the inner step as if the request had
    /// just been read.
    Delay(Duration, Box<Step>),
    /// Reads the request, writes `head` (status line, headers and the blank line), then writes
    /// `body` `chunk` bytes at a time, waiting `every` before each chunk, then closes.
    Trickle {
        /// The status line and headers, up to and including the blank line.
        head: Vec<u8>,
        /// The body, written slowly.
        body: Vec<u8>,
        /// Bytes per write (at least 1).
        chunk: usize,
        /// The pause before each write of the body.
        every: Duration,
    },
    /// Reads the request and answers a redirect with this status (`302`, `307`, ...) to
    /// `location`, with an empty body; keeps the connection open.
    Redirect {
        /// The 3xx status.
        status: u16,
        /// The `location` header, as sent.
        location: String,
    },
    /// Reads the request and answers `200` with a JSON-ish body of `bytes` bytes, generated as it
    /// is written (never held in memory), then closes. With `content_length: Some(n)` the head
    /// announces `content-length: n` (which may differ from `bytes`); with `None` the body is
    /// sent chunked. Writing stops early when the client goes away; see
    /// [`FaultServer::body_bytes_written`].
    Huge {
        /// The announced length, or `None` for `transfer-encoding: chunked`.
        content_length: Option<u64>,
        /// How many body bytes to write (before chunk framing).
        bytes: u64,
    },
}

impl Step {
    /// `Delay(delay, step)`.
    pub fn delay(delay: Duration, step: Step) -> Step {
        Step::Delay(delay, Box::new(step))
    }

    /// A `302 Found` to `location`.
    pub fn redirect(location: impl Into<String>) -> Step {
        Step::Redirect {
            status: 302,
            location: location.into(),
        }
    }

    /// Whether the step acts before the request is read.
    fn is_immediate(&self) -> bool {
        matches!(self, Step::ResetImmediately)
    }
}

/// The response on the wire, byte for byte: a status line with the status's reason phrase, each
/// header as given, a blank line and the body. Nothing is added: no `content-length`.
pub fn raw(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} {}\r\n", reason(status)).into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// Like [`raw`], with a `content-length` header that matches the body added after `headers`.
pub fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let length = body.len().to_string();
    let mut all = headers.to_vec();
    all.push(("content-length", &length));
    raw(status, &all, body)
}

/// A `content-type: application/json` [`response`].
pub fn json(status: u16, body: &str) -> Vec<u8> {
    response(
        status,
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
}

/// The reason phrase of the statuses the tests use; others get an empty one, which HTTP allows.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// An address on the loopback interface where nothing listens: a port the OS just handed out
/// and that was released again. A connection to it is refused (unless another process happens
/// to take the port in between, which the OS makes unlikely by not reusing ports at once).
pub async fn closed_port() -> io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    drop(listener);
    Ok(addr)
}

/// The script and the record, under one lock so that recording a request and taking its step
/// happen in one order.
#[derive(Debug)]
struct State {
    script: VecDeque<Step>,
    fallback: Step,
    requests: Vec<RecordedRequest>,
    /// For each recorded request, the number of the connection it came on (from 0).
    request_connections: Vec<usize>,
}

impl State {
    fn next_step(&mut self) -> Step {
        self.script
            .pop_front()
            .unwrap_or_else(|| self.fallback.clone())
    }
}

#[derive(Debug)]
struct Shared {
    state: Mutex<State>,
    connections: AtomicUsize,
    finished_connections: AtomicUsize,
    body_bytes_written: AtomicU64,
    /// Signalled whenever a connection is accepted or ends, and whenever a request is recorded.
    changed: Notify,
}

/// A poisoned lock still holds usable data here: nothing is left half-updated.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A loopback HTTP/1.1 server that answers by a script of faults. Stops when dropped.
#[derive(Debug)]
pub struct FaultServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl FaultServer {
    /// Starts a server on `127.0.0.1` with an OS-assigned port that follows `script`, then
    /// answers every further request `500` with the body `fault server: script exhausted` and
    /// closes. Must be called from within a tokio runtime.
    pub async fn start(script: impl IntoIterator<Item = Step>) -> io::Result<FaultServer> {
        let fallback = Step::ReplyThenClose(response(
            500,
            &[("connection", "close")],
            b"fault server: script exhausted",
        ));
        FaultServer::start_with_fallback(script, fallback).await
    }

    /// Starts a server that follows `script`, then answers every further request with
    /// `fallback`.
    pub async fn start_with_fallback(
        script: impl IntoIterator<Item = Step>,
        fallback: Step,
    ) -> io::Result<FaultServer> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                script: script.into_iter().collect(),
                fallback,
                requests: Vec::new(),
                request_connections: Vec::new(),
            }),
            connections: AtomicUsize::new(0),
            finished_connections: AtomicUsize::new(0),
            body_bytes_written: AtomicU64::new(0),
            changed: Notify::new(),
        });
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared)));
        Ok(FaultServer { addr, shared, task })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing `/`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `base_url()` followed by `path`, which should start with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Every request read in full so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.state).requests.clone()
    }

    /// The number of requests read in full so far.
    pub fn request_count(&self) -> usize {
        lock(&self.shared.state).requests.len()
    }

    /// For each request of [`requests`](Self::requests), the number (from 0, in accept order) of
    /// the connection it came on.
    pub fn request_connections(&self) -> Vec<usize> {
        lock(&self.shared.state).request_connections.clone()
    }

    /// The number of TCP connections accepted so far, including ones reset at once or that
    /// never sent a whole request.
    pub fn connection_count(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// The number of connections the server is done with (answered and closed, reset, failed or
    /// past their deadline).
    pub fn finished_connection_count(&self) -> usize {
        self.shared.finished_connections.load(Ordering::SeqCst)
    }

    /// How many steps of the script have not been taken yet.
    pub fn steps_left(&self) -> usize {
        lock(&self.shared.state).script.len()
    }

    /// The body bytes [`Step::Huge`] steps wrote so far (chunk framing not counted), over all
    /// connections.
    pub fn body_bytes_written(&self) -> u64 {
        self.shared.body_bytes_written.load(Ordering::SeqCst)
    }

    /// Waits up to `timeout` until at least `count` requests have been read; whether they were.
    pub async fn wait_for_requests(&self, count: usize, timeout: Duration) -> bool {
        self.wait_until(timeout, || self.request_count() >= count)
            .await
    }

    /// Waits up to `timeout` until every accepted connection has ended; whether they had.
    pub async fn wait_for_idle(&self, timeout: Duration) -> bool {
        self.wait_until(timeout, || {
            self.finished_connection_count() == self.connection_count()
        })
        .await
    }

    /// Waits up to `timeout` until `done(self)` holds, looking again whenever a connection is
    /// accepted or ends and whenever a request is recorded; whether it held.
    pub async fn wait_for(&self, timeout: Duration, done: impl Fn(&FaultServer) -> bool) -> bool {
        self.wait_until(timeout, || done(self)).await
    }

    async fn wait_until(&self, timeout: Duration, done: impl Fn() -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            // Registered before looking, so that a change in between still wakes us.
            let changed = self.shared.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if done() {
                return true;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                return done();
            }
        }
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        // Aborting the accept loop drops the listener and its `JoinSet`, which aborts every
        // connection still being served.
        self.task.abort();
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let mut connections = JoinSet::new();
    for number in 0..MAX_CONNECTIONS {
        // Reap finished connections so the set does not grow without bound.
        while connections.try_join_next().is_some() {}
        let stream = loop {
            match listener.accept().await {
                Ok((stream, _peer)) => break stream,
                // Accept errors (e.g. too many open files) are transient: wait a little and
                // retry. The server's lifetime (it is dropped with its test) bounds this.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            }
        };
        shared.connections.fetch_add(1, Ordering::SeqCst);
        shared.changed.notify_waiters();
        let shared = Arc::clone(&shared);
        connections.spawn(async move {
            // Whatever goes wrong (deadline, reset, bad input), the connection is just dropped.
            let _ = tokio::time::timeout(CONNECTION_DEADLINE, serve(stream, number, &shared)).await;
            shared.finished_connections.fetch_add(1, Ordering::SeqCst);
            shared.changed.notify_waiters();
        });
    }
    // Let the last connections finish; they are bounded by their deadline.
    while connections.join_next().await.is_some() {}
}

/// Whether a connection stays open after a step.
enum After {
    KeepOpen,
    Close,
}

/// Serves one connection: request after request, each answered by the next step.
async fn serve(mut stream: TcpStream, number: usize, shared: &Shared) -> io::Result<()> {
    {
        let mut state = lock(&shared.state);
        let immediate = match state.script.front() {
            Some(step) => step.is_immediate(),
            None => state.fallback.is_immediate(),
        };
        if immediate {
            state.next_step();
            drop(state);
            return reset(stream);
        }
    }
    for _ in 0..MAX_REQUESTS_PER_CONNECTION {
        let request = match read_request(&mut stream).await {
            Ok(request) => request,
            // Closed (or reset) by the client, or cut short: nothing to answer.
            Err(ReadError::Io) => return Ok(()),
            Err(ReadError::Bad(status)) => {
                return write_all(&stream, &response(status, &[("connection", "close")], b""))
                    .await;
            }
        };
        let step = {
            let mut state = lock(&shared.state);
            state.requests.push(request);
            state.request_connections.push(number);
            state.next_step()
        };
        shared.changed.notify_waiters();
        match perform(stream, step, shared).await? {
            (After::KeepOpen, Some(open)) => stream = open,
            _ => return Ok(()),
        }
    }
    Ok(())
}

/// Performs one step on a connection whose request was read; gives the stream back when it
/// stays open.
async fn perform(
    stream: TcpStream,
    mut step: Step,
    shared: &Shared,
) -> io::Result<(After, Option<TcpStream>)> {
    // Delays nest; each level takes one round, so the nesting bounds the loop.
    while let Step::Delay(delay, inner) = step {
        tokio::time::sleep(delay).await;
        step = *inner;
    }
    match step {
        Step::Reply(bytes) => {
            write_all(&stream, &bytes).await?;
            Ok((After::KeepOpen, Some(stream)))
        }
        Step::Redirect { status, location } => {
            let bytes = response(status, &[("location", &location)], b"");
            write_all(&stream, &bytes).await?;
            Ok((After::KeepOpen, Some(stream)))
        }
        Step::ReplyThenClose(bytes) => {
            write_all(&stream, &bytes).await?;
            Ok((After::Close, None))
        }
        Step::CloseAfterReading => Ok((After::Close, None)),
        Step::ResetBeforeResponse | Step::ResetImmediately => {
            reset(stream)?;
            Ok((After::Close, None))
        }
        Step::Trickle {
            head,
            body,
            chunk,
            every,
        } => {
            write_all(&stream, &head).await?;
            for piece in body.chunks(chunk.max(1)) {
                // The slowness is the fault under test, not a wait for something.
                tokio::time::sleep(every).await;
                write_all(&stream, piece).await?;
            }
            Ok((After::Close, None))
        }
        Step::Huge {
            content_length,
            bytes,
        } => {
            write_huge(&stream, content_length, bytes, shared).await?;
            Ok((After::Close, None))
        }
        Step::Delay(..) => unreachable!("delays were unwrapped above"),
    }
}

/// Writes a `200` head and `bytes` bytes of `[0,0,0,...` generated on the fly.
async fn write_huge(
    stream: &TcpStream,
    content_length: Option<u64>,
    bytes: u64,
    shared: &Shared,
) -> io::Result<()> {
    let framing = match content_length {
        Some(length) => format!("content-length: {length}"),
        None => "transfer-encoding: chunked".to_owned(),
    };
    let head = format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n{framing}\r\n\r\n");
    write_all(stream, head.as_bytes()).await?;
    let mut block = b"[0".to_vec();
    while block.len() < HUGE_WRITE {
        block.extend_from_slice(b",0");
    }
    block.truncate(HUGE_WRITE);
    let mut left = bytes;
    let mut first = true;
    // Each round writes at least one byte, so `bytes` bounds the loop (and the deadline bounds
    // its time).
    while left > 0 {
        let take = usize::try_from(left).map_or(HUGE_WRITE, |left| left.min(HUGE_WRITE));
        // The first block opens the array; later ones only continue it.
        let data = if first {
            &block[..take]
        } else {
            &block[2..2 + take.min(HUGE_WRITE - 2)]
        };
        first = false;
        if content_length.is_none() {
            write_all(stream, format!("{:x}\r\n", data.len()).as_bytes()).await?;
        }
        write_all(stream, data).await?;
        if content_length.is_none() {
            write_all(stream, b"\r\n").await?;
        }
        shared
            .body_bytes_written
            .fetch_add(data.len() as u64, Ordering::SeqCst);
        left -= data.len() as u64;
    }
    if content_length.is_none() {
        write_all(stream, b"0\r\n\r\n").await?;
    }
    Ok(())
}

/// Closes with an RST instead of a FIN.
fn reset(stream: TcpStream) -> io::Result<()> {
    stream.set_zero_linger()?;
    drop(stream);
    Ok(())
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
