//! Streamed responses: the head at once, the body as it arrives.

use std::fmt;
use std::future::poll_fn;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use bytes::{Bytes, BytesMut};
use futures_core::Stream;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderMap};

use crate::description::Endpoint;
use crate::error::{BodyError, BodyErrorKind, Error, Result, StatusError};
use crate::response::{Binary, Response};

/// A response whose body is handed over as it arrives: the return type
/// `declarest::Result<declarest::ByteStream>` declares a download too large to hold in memory.
///
/// The call returns as soon as a 2xx head arrived (a status outside 2xx is [`Error::Status`],
/// its body read, as for any endpoint). The body is then a [`Stream`] of chunks, read with
/// [`chunk`](Self::chunk) or any stream combinator. Through [`Client`](crate::Client) it keeps
/// the client's bounds:
/// - **size**: a body larger than
///   [`ClientBuilder::max_response_size`](crate::ClientBuilder::max_response_size) is refused:
///   at once, by the call, when its `Content-Length` says so; else the stream yields an
///   [`Error::Body`] of kind [`BodyErrorKind::TooLarge`] instead of the chunk that would go
///   over, and ends. Raise the limit on a client used for large downloads.
/// - **time**: the body must arrive within what the client's
///   [`timeout`](crate::ClientBuilder::timeout) (and attempt timeout) left when the request was
///   sent; past it the stream yields an [`Error::Body`] of kind [`BodyErrorKind::TimedOut`].
///
/// A stream's request is retried, as any other, until a head arrives that is not retried
/// (see [`RetryPolicy`](crate::RetryPolicy)); a body cut short once the stream is handed over is
/// an error of the stream ([`BodyErrorKind::Interrupted`]), never retried.
///
/// A stream yields no empty chunks, and nothing after an error.
pub struct ByteStream {
    status: StatusCode,
    headers: HeaderMap,
    body: Body,
    /// Set by the retry layer, carried into errors.
    attempts: u32,
    /// The endpoint's name, for the errors of the body.
    endpoint: &'static str,
    /// Bytes handed over so far, and the most that may be.
    read: u64,
    limit: u64,
    /// Whether reqwest's errors must lose their URL: it carries a secret value.
    redact_url: bool,
}

enum Body {
    /// Read whole already; `None` once handed over.
    Whole(Option<Bytes>),
    /// The client's connection, read frame by frame.
    Http(reqwest::Body),
    /// A stream of an `Api` of your own.
    Dyn(Pin<Box<dyn Stream<Item = Result<Bytes>> + Send>>),
    /// Ended: the whole body was handed over, or an error was.
    Done,
}

impl ByteStream {
    /// A stream of `body`'s chunks, for an [`Api`](crate::Api) of your own that overrides
    /// [`Api::send_streaming`](crate::Api::send_streaming). An `Err` item ends the stream.
    pub fn new(
        status: StatusCode,
        headers: HeaderMap,
        body: impl Stream<Item = Result<Bytes>> + Send + 'static,
    ) -> Self {
        ByteStream::with_body(status, headers, Body::Dyn(Box::pin(body)))
    }

    fn with_body(status: StatusCode, headers: HeaderMap, body: Body) -> Self {
        ByteStream {
            status,
            headers,
            body,
            attempts: 1,
            endpoint: "",
            read: 0,
            limit: u64::MAX,
            redact_url: false,
        }
    }

    /// The client's response, its body unread: refused when its `Content-Length` is over
    /// `limit`, else streamed within it.
    pub(crate) fn open(
        endpoint: &'static Endpoint,
        response: reqwest::Response,
        limit: u64,
        redact_url: bool,
    ) -> Result<Self> {
        let status = response.status();
        let declared = response.content_length();
        let (parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
        let mut stream = ByteStream::with_body(status, parts.headers, Body::Http(body));
        stream.endpoint = endpoint.name();
        stream.limit = limit;
        stream.redact_url = redact_url;
        if declared.is_some_and(|length| length > limit) {
            return Err(stream.body_error(BodyErrorKind::TooLarge { limit }, None));
        }
        Ok(stream)
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The `Content-Type` the service sent, if it sent one that is text.
    pub fn content_type(&self) -> Option<&str> {
        self.headers.get(CONTENT_TYPE)?.to_str().ok()
    }

    /// The length the service announced (`Content-Length`), if it announced one.
    pub fn content_length(&self) -> Option<u64> {
        self.headers
            .get(CONTENT_LENGTH)?
            .to_str()
            .ok()?
            .parse()
            .ok()
    }

    /// How many attempts the call made to get this response: 1 unless it was retried.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    pub(crate) fn set_attempts(&mut self, attempts: u32) {
        self.attempts = attempts;
    }

    /// The next chunk of the body; `None` at its end.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx))
            .await
            .transpose()
    }

    /// The rest of the body, read whole (within the same bounds as the stream).
    pub async fn into_binary(mut self) -> Result<Binary> {
        let mut body = BytesMut::new();
        let mut single = None;
        while let Some(chunk) = self.chunk().await? {
            // A body that comes in one chunk is not copied.
            match single.take() {
                None if body.is_empty() => single = Some(chunk),
                None => body.extend_from_slice(&chunk),
                Some(first) => {
                    body.extend_from_slice(&first);
                    body.extend_from_slice(&chunk);
                }
            }
        }
        let body = single.unwrap_or_else(|| body.freeze());
        Ok(Binary::new(self.status, self.headers, body))
    }

    /// Itself if the status is 2xx; else [`Error::Status`] with the body, read whole.
    pub(crate) async fn success(self, endpoint: &'static Endpoint) -> Result<Self> {
        if self.status.is_success() {
            return Ok(self);
        }
        let attempts = self.attempts;
        let whole = self.into_binary().await?;
        let (status, headers) = (whole.status(), whole.headers().clone());
        Err(Error::Status(Box::new(StatusError::new(
            endpoint.name(),
            status,
            headers,
            whole.into_bytes(),
            attempts,
        ))))
    }

    fn body_error(&self, kind: BodyErrorKind, source: Option<reqwest::Error>) -> Error {
        let source = source.map(|e| if self.redact_url { e.without_url() } else { e });
        Error::Body(Box::new(BodyError {
            endpoint: self.endpoint,
            status: self.status,
            headers: self.headers.clone(),
            kind,
            source: source.map(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>),
            attempts: self.attempts,
        }))
    }

    /// The next item of the body as it comes, before the size limit is applied.
    fn poll_body(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes>>> {
        match &mut self.body {
            Body::Whole(whole) => Poll::Ready(whole.take().filter(|b| !b.is_empty()).map(Ok)),
            Body::Dyn(stream) => stream.as_mut().poll_next(cx),
            Body::Done => Poll::Ready(None),
            Body::Http(body) => loop {
                let frame = ready!(http_body::Body::poll_frame(Pin::new(&mut *body), cx));
                match frame {
                    None => return Poll::Ready(None),
                    Some(Ok(frame)) => {
                        // Trailers and empty frames carry nothing to hand over.
                        if let Ok(data) = frame.into_data()
                            && !data.is_empty()
                        {
                            return Poll::Ready(Some(Ok(data)));
                        }
                    }
                    Some(Err(e)) => {
                        let kind = if e.is_timeout() {
                            BodyErrorKind::TimedOut
                        } else {
                            BodyErrorKind::Interrupted
                        };
                        return Poll::Ready(Some(Err(self.body_error(kind, Some(e)))));
                    }
                }
            },
        }
    }
}

impl Stream for ByteStream {
    type Item = Result<Bytes>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Bytes>>> {
        let this = self.get_mut();
        let item = loop {
            match ready!(this.poll_body(cx)) {
                // Only a stream of your own yields one: nothing to hand over.
                Some(Ok(chunk)) if chunk.is_empty() => continue,
                Some(Ok(chunk)) if this.read.saturating_add(chunk.len() as u64) > this.limit => {
                    let limit = this.limit;
                    break Some(Err(this.body_error(BodyErrorKind::TooLarge { limit }, None)));
                }
                Some(Ok(chunk)) => {
                    this.read += chunk.len() as u64;
                    return Poll::Ready(Some(Ok(chunk)));
                }
                other => break other,
            }
        };
        // The end, or an error: nothing more, and the connection goes now.
        this.body = Body::Done;
        Poll::Ready(item)
    }
}

/// The body, whole, as a stream of one chunk: what [`Api::send_streaming`](crate::Api::send_streaming)
/// hands back by default.
impl From<Response> for ByteStream {
    fn from(response: Response) -> Self {
        let attempts = response.attempts();
        let (status, headers, body) = response.into_parts();
        let mut stream = ByteStream::with_body(status, headers, Body::Whole(Some(body)));
        stream.attempts = attempts;
        stream
    }
}

/// The status and headers; not the body.
impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ByteStream")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("read", &self.read)
            .finish_non_exhaustive()
    }
}
