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
