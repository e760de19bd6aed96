//! The recording server the wire tests rely on: it reads requests exactly (Content-Length and
//! chunked bodies), refuses malformed ones without panicking, and writes no body where HTTP
//! allows none.

mod support;

use support::recording_server::{CannedResponse, ReadError, RecordedRequest, read_request};

async fn parse(raw: &[u8]) -> Result<RecordedRequest, ReadError> {
    let mut input = raw;
    read_request(&mut input).await
}

#[tokio::test]
async fn reads_head_and_content_length_body_exactly() {
    let request = parse(b"POST /a%20b?x=1,2 HTTP/1.1\r\nHost: h\r\nX-Thing:  v  \r\ncontent-length: 3\r\n\r\nabcEXTRA")
        .await
        .unwrap();
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/a%20b?x=1,2");
    assert_eq!(request.path(), "/a%20b");
    assert_eq!(request.query(), Some("x=1,2"));
    assert_eq!(request.header("x-thing"), Some("v"));
    assert_eq!(
        request.header_names(),
        ["host", "x-thing", "content-length"]
    );
    assert_eq!(request.body, b"abc");
}

#[tokio::test]
async fn decodes_chunked_bodies() {
    let request = parse(
        b"PUT / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
    )
    .await
    .unwrap();
    assert_eq!(request.body, b"abcde");
}

#[tokio::test]
async fn rejects_bad_input_without_panicking() {
    for raw in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
        b"GET / HTTP/1.1\r\ncontent-length: x\r\n\r\n",
        b"GET / HTTP/1.1\r\ncontent-length: 99999999999\r\n\r\n",
        b"GET / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n",
        b"GET / HTTP/1.1\r\n\xff: x\r\n\r\n",
    ] {
        assert!(
            matches!(parse(raw).await, Err(ReadError::Bad(_))),
            "{raw:?}"
        );
    }
    // Cut short: nothing to answer.
    assert!(matches!(
        parse(b"GET / HTTP/1.1\r\ncontent-length: 5\r\n\r\nab").await,
        Err(ReadError::Io)
    ));
    assert!(matches!(parse(b"GET / HT").await, Err(ReadError::Io)));
}

#[test]
fn no_body_for_204_or_head() {
    let wire = CannedResponse::no_content().to_bytes("GET");
    assert_eq!(
        wire,
        b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n"
    );
    let wire = CannedResponse::json(200, "{}").to_bytes("HEAD");
    assert!(wire.ends_with(b"content-length: 2\r\nconnection: close\r\n\r\n"));
}

// The fault server: each step does exactly what it says on the wire. A blocking client on its
// own thread talks to it, so that what arrives is read byte by byte, with socket timeouts.

mod fault {
    use std::io::{self, Read, Write};
    use std::net::{SocketAddr, TcpStream};
    use std::time::{Duration, Instant};

    use crate::support::fault_server::{FaultServer, Step, closed_port, json, raw, response};

    /// Every test finishes within this, whatever the server does.
    const DEADLINE: Duration = Duration::from_secs(20);
    /// How long the blocking client waits for a byte before giving up.
    const SOCKET_TIMEOUT: Duration = Duration::from_secs(5);

    fn connect(addr: SocketAddr) -> TcpStream {
        let stream = TcpStream::connect(addr).unwrap();
        stream.set_read_timeout(Some(SOCKET_TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(SOCKET_TIMEOUT)).unwrap();
        stream
    }

    fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).position(|w| w == needle)
    }

    /// Reads one response whose body has a `content-length` (or none at all): exactly its bytes.
    fn read_response(stream: &mut TcpStream) -> Vec<u8> {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let head_end = loop {
            if let Some(at) = find(&buf, b"\r\n\r\n") {
                break at + 4;
            }
            let n = stream.read(&mut chunk).unwrap();
            assert!(n > 0, "closed before the head ended: {buf:?}");
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length: "))
            .map_or(0, |v| v.trim().parse().unwrap());
        while buf.len() < head_end + length {
            let n = stream.read(&mut chunk).unwrap();
            assert!(n > 0, "closed before the body ended");
            buf.extend_from_slice(&chunk[..n]);
        }
        assert_eq!(buf.len(), head_end + length, "nothing after the response");
        buf
    }

    /// Reads until the peer closes: the bytes, and the error that ended the read if any.
    fn read_to_end(stream: &mut TcpStream) -> (Vec<u8>, Option<io::ErrorKind>) {
        let mut buf = Vec::new();
        match stream.read_to_end(&mut buf) {
            Ok(_) => (buf, None),
            Err(e) => (buf, Some(e.kind())),
        }
    }

    /// Runs the blocking client on its own thread.
    async fn client<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        tokio::task::spawn_blocking(f).await.unwrap()
    }

    const GET: &[u8] = b"GET /a HTTP/1.1\r\nhost: x\r\n\r\n";
    const POST: &[u8] = b"POST /b?c=d HTTP/1.1\r\nhost: x\r\ncontent-length: 5\r\n\r\nhello";

    #[tokio::test]
    async fn replies_follow_the_script_in_order_then_the_fallback() {
        tokio::time::timeout(DEADLINE, async {
            let first = json(503, r#"{"n":1}"#);
            let second = response(200, &[("x-n", "2")], b"two");
            let server =
                FaultServer::start([Step::Reply(first.clone()), Step::Reply(second.clone())])
                    .await
                    .unwrap();
            let addr = server.addr();
            let (a, b, fallback) = client(move || {
                // Both scripted replies on one kept-alive connection.
                let mut stream = connect(addr);
                stream.write_all(GET).unwrap();
                let a = read_response(&mut stream);
                stream.write_all(POST).unwrap();
                let b = read_response(&mut stream);
                // The fallback, on a new connection, closes after answering.
                let mut other = connect(addr);
                other.write_all(GET).unwrap();
                (a, b, read_to_end(&mut other))
            })
            .await;
            assert_eq!(a, first);
            assert_eq!(b, second);
            let (bytes, error) = fallback;
            assert_eq!(error, None);
            assert!(bytes.starts_with(b"HTTP/1.1 500 "), "{bytes:?}");
            assert!(bytes.ends_with(b"script exhausted"), "{bytes:?}");

            let requests = server.requests();
            assert_eq!(requests.len(), 3);
            assert_eq!(
                (requests[0].method.as_str(), requests[0].target.as_str()),
                ("GET", "/a")
            );
            assert_eq!(
                (requests[1].method.as_str(), requests[1].target.as_str()),
                ("POST", "/b?c=d")
            );
            assert_eq!(requests[1].body, b"hello");
            assert_eq!(requests[1].header("content-length"), Some("5"));
            assert_eq!(server.request_connections(), [0, 0, 1]);
            assert_eq!(server.connection_count(), 2);
            assert_eq!(server.steps_left(), 0);
        })
        .await
        .expect("the test finishes in time");
    }

    #[tokio::test]
    async fn reply_then_close_and_close_after_reading_end_with_a_fin() {
        tokio::time::timeout(DEADLINE, async {
            let answer = json(200, "{}");
            let server = FaultServer::start([
                Step::ReplyThenClose(answer.clone()),
                Step::CloseAfterReading,
            ])
            .await
            .unwrap();
            let addr = server.addr();
            let (replied, silent) = client(move || {
                let mut stream = connect(addr);
                stream.write_all(GET).unwrap();
                let replied = read_to_end(&mut stream);
                let mut stream = connect(addr);
                stream.write_all(POST).unwrap();
                (replied, read_to_end(&mut stream))
            })
            .await;
            assert_eq!(replied, (answer, None));
            assert_eq!(
                silent,
                (Vec::new(), None),
                "closed without a byte, not reset"
            );
            // The POST was read in full before the close.
            let requests = server.requests();
            assert_eq!(requests.len(), 2);
            assert_eq!(requests[1].body, b"hello");
        })
        .await
        .expect("the test finishes in time");
    }

    #[tokio::test]
    async fn resets_arrive_as_resets() {
        tokio::time::timeout(DEADLINE, async {
            let server = FaultServer::start([Step::ResetBeforeResponse, Step::ResetImmediately])
                .await
                .unwrap();
            let addr = server.addr();
            let after_reading = client(move || {
                let mut stream = connect(addr);
                stream.write_all(POST).unwrap();
                read_to_end(&mut stream)
            })
            .await;
            assert_eq!(
                after_reading,
                (Vec::new(), Some(io::ErrorKind::ConnectionReset))
            );
            assert_eq!(
                server.request_count(),
                1,
                "the request was read before the reset"
            );
            assert_eq!(server.requests()[0].body, b"hello");

            // Reset as soon as accepted: connect, and wait for the server to be done with it
            // before reading, so the reset has been sent.
            let stream = client(move || connect(addr)).await;
            assert!(
                server
                    .wait_for(DEADLINE, |s| s.connection_count() == 2
                        && s.finished_connection_count() == 2)
                    .await
            );
            let immediately = client(move || {
                let mut stream = stream;
                // The first call after the RST arrived reports it (a write would take it).
                read_to_end(&mut stream)
            })
            .await;
            assert_eq!(immediately.0, b"");
            assert_eq!(immediately.1, Some(io::ErrorKind::ConnectionReset));
            assert_eq!(
                server.request_count(),
                1,
                "nothing was read on the second connection"
            );
        })
        .await
        .expect("the test finishes in time");
    }

    #[tokio::test]
    async fn delay_and_trickle_take_their_time() {
        tokio::time::timeout(DEADLINE, async {
            let answer = json(200, "{}");
            let head = b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\n".to_vec();
            let server = FaultServer::start([
                Step::delay(
                    Duration::from_millis(300),
                    Step::ReplyThenClose(answer.clone()),
                ),
                Step::Trickle {
                    head: head.clone(),
                    body: b"abcd".to_vec(),
                    chunk: 1,
                    every: Duration::from_millis(50),
                },
            ])
            .await
            .unwrap();
            let addr = server.addr();
            let (delayed, delayed_for, trickled, trickled_for) = client(move || {
                let started = Instant::now();
                let mut stream = connect(addr);
                stream.write_all(GET).unwrap();
                let delayed = read_to_end(&mut stream);
                let delayed_for = started.elapsed();
                let started = Instant::now();
                let mut stream = connect(addr);
                stream.write_all(GET).unwrap();
                let trickled = read_to_end(&mut stream);
                (delayed, delayed_for, trickled, started.elapsed())
            })
            .await;
            assert_eq!(delayed, (answer, None));
            assert!(delayed_for >= Duration::from_millis(300), "{delayed_for:?}");
            assert_eq!(trickled, ([head, b"abcd".to_vec()].concat(), None));
            assert!(
                trickled_for >= Duration::from_millis(200),
                "{trickled_for:?}"
            );
        })
        .await
        .expect("the test finishes in time");
    }

    #[tokio::test]
    async fn redirects_and_raw_bytes_are_exact() {
        tokio::time::timeout(DEADLINE, async {
            let bad = raw(200, &[("content-length", "10")], b"short");
            let server = FaultServer::start([
                Step::redirect("/elsewhere"),
                Step::ReplyThenClose(bad.clone()),
            ])
            .await
            .unwrap();
            let addr = server.addr();
            let (redirect, short) = client(move || {
                let mut stream = connect(addr);
                stream.write_all(GET).unwrap();
                let redirect = read_response(&mut stream);
                stream.write_all(GET).unwrap();
                (redirect, read_to_end(&mut stream))
            })
            .await;
            assert_eq!(
                redirect,
                b"HTTP/1.1 302 Found\r\nlocation: /elsewhere\r\ncontent-length: 0\r\n\r\n"
            );
            assert_eq!(short, (bad, None));
        })
        .await
        .expect("the test finishes in time");
    }

    #[tokio::test]
    async fn huge_bodies_are_streamed_in_full_or_until_the_client_leaves() {
        tokio::time::timeout(DEADLINE, async {
            const SIZE: u64 = 3 * 1024 * 1024 + 7;
            const ANNOUNCED: u64 = 200 * 1024 * 1024;
            let server = FaultServer::start([
                Step::Huge {
                    content_length: Some(SIZE),
                    bytes: SIZE,
                },
                Step::Huge {
                    content_length: None,
                    bytes: 200_000,
                },
                Step::Huge {
                    content_length: Some(ANNOUNCED),
                    bytes: ANNOUNCED,
                },
            ])
            .await
            .unwrap();
            let addr = server.addr();
            let (sized, chunked) = client(move || {
                let mut stream = connect(addr);
                stream.write_all(GET).unwrap();
                let sized = read_to_end(&mut stream);
                let mut stream = connect(addr);
                stream.write_all(GET).unwrap();
                (sized, read_to_end(&mut stream))
            })
            .await;
            let (sized, error) = sized;
            assert_eq!(error, None);
            let head_end = find(&sized, b"\r\n\r\n").unwrap() + 4;
            assert!(
                sized[..head_end].ends_with(format!("content-length: {SIZE}\r\n\r\n").as_bytes())
            );
            assert_eq!(sized.len() as u64 - head_end as u64, SIZE);
            assert!(sized[head_end..].starts_with(b"[0,0,0"));

            let (chunked, error) = chunked;
            assert_eq!(error, None);
            let head_end = find(&chunked, b"\r\n\r\n").unwrap() + 4;
            assert!(chunked[..head_end].ends_with(b"transfer-encoding: chunked\r\n\r\n"));
            // Decode the chunks: the body has exactly the bytes asked for.
            let mut rest = &chunked[head_end..];
            let mut body = 0usize;
            for _ in 0..1_000 {
                let line_end = find(rest, b"\r\n").unwrap();
                let size =
                    usize::from_str_radix(std::str::from_utf8(&rest[..line_end]).unwrap(), 16)
                        .unwrap();
                rest = &rest[line_end + 2..];
                if size == 0 {
                    assert_eq!(rest, b"\r\n");
                    break;
                }
                body += size;
                assert_eq!(&rest[size..size + 2], b"\r\n");
                rest = &rest[size + 2..];
            }
            assert_eq!(body, 200_000);
            assert_eq!(server.body_bytes_written(), SIZE + 200_000);

            // A client that reads a little of a 200 MiB body and leaves: the server stops.
            let read = client(move || {
                let mut stream = connect(addr);
                stream.write_all(GET).unwrap();
                let mut buf = vec![0u8; 1024 * 1024];
                stream.read_exact(&mut buf).unwrap();
                buf.len()
            })
            .await;
            assert_eq!(read, 1024 * 1024);
            assert!(
                server.wait_for_idle(Duration::from_secs(10)).await,
                "the server stopped writing"
            );
            let written = server.body_bytes_written() - SIZE - 200_000;
            assert!(
                written < ANNOUNCED / 4,
                "wrote {written} bytes to a client that left"
            );
        })
        .await
        .expect("the test finishes in time");
    }

    #[tokio::test]
    async fn a_bad_request_is_answered_400_and_not_recorded() {
        tokio::time::timeout(DEADLINE, async {
            let server = FaultServer::start([Step::Reply(json(200, "{}"))])
                .await
                .unwrap();
            let addr = server.addr();
            let answer = client(move || {
                let mut stream = connect(addr);
                stream.write_all(b"NONSENSE\r\n\r\n").unwrap();
                read_to_end(&mut stream)
            })
            .await;
            assert!(answer.0.starts_with(b"HTTP/1.1 400 "), "{answer:?}");
            assert_eq!(server.request_count(), 0);
            assert_eq!(server.steps_left(), 1, "no step was taken");
        })
        .await
        .expect("the test finishes in time");
    }

    #[tokio::test]
    async fn two_servers_are_independent_and_a_closed_port_refuses() {
        tokio::time::timeout(DEADLINE, async {
            let a = FaultServer::start([Step::ReplyThenClose(json(200, r#""a""#))])
                .await
                .unwrap();
            let b = FaultServer::start([Step::ReplyThenClose(json(200, r#""b""#))])
                .await
                .unwrap();
            assert_ne!(a.addr(), b.addr());
            assert_eq!(a.base_url(), format!("http://{}", a.addr()));
            assert_eq!(b.url("/x"), format!("http://{}/x", b.addr()));
            let (a_addr, b_addr) = (a.addr(), b.addr());
            let closed = closed_port().await.unwrap();
            assert!(closed.ip().is_loopback());
            let (from_b, refused) = client(move || {
                let mut stream = connect(b_addr);
                stream.write_all(GET).unwrap();
                (
                    read_to_end(&mut stream),
                    TcpStream::connect(closed).map(drop).map_err(|e| e.kind()),
                )
            })
            .await;
            assert!(from_b.0.ends_with(br#""b""#));
            assert_eq!(refused, Err(io::ErrorKind::ConnectionRefused));
            assert_eq!((a.request_count(), b.request_count()), (0, 1));
            assert_eq!(a.connection_count(), 0);

            // Dropped, a server closes its connections and stops listening. A connection held
            // open shows when: it is closed by the same drop that closes the listener.
            let held = client(move || {
                let mut stream = connect(a_addr);
                stream.write_all(b"GET / HT").unwrap();
                stream
            })
            .await;
            assert!(a.wait_for(DEADLINE, |s| s.connection_count() == 1).await);
            drop(a);
            let (ended, refused) = client(move || {
                let mut held = held;
                (
                    read_to_end(&mut held),
                    TcpStream::connect(a_addr).map(drop).map_err(|e| e.kind()),
                )
            })
            .await;
            assert_eq!(ended.0, b"");
            assert_eq!(refused, Err(io::ErrorKind::ConnectionRefused));
        })
        .await
        .expect("the test finishes in time");
    }
}
