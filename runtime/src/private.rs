//! What generated code uses. Not a public API: no stability promise.

pub use reqwest::header::HeaderName;
pub use serde;

pub use crate::limits::{check_items, check_max};
pub use crate::request::RequestBuilder;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::description::Endpoint;
use crate::error::Result;
use crate::request::Request;
use crate::response::{Binary, Response, WithStatus};
use crate::stream::ByteStream;
use crate::transport::Api;

/// Turns a response into the endpoint's return value. Passed to [`call`] as a function so that
/// the response type's bound is checked (and reported) at the response type, apart from the
/// `Api` bound, which is reported at the receiver.
pub type Decoder<T> = fn(Response, &'static Endpoint) -> Result<T>;

/// Sends the request (unless building it failed) and decodes the response.
pub async fn call<A: Api + ?Sized, T>(
    api: &A,
    request: Result<Request>,
    decode: Decoder<T>,
) -> Result<T> {
    let request = request?;
    let endpoint = request.endpoint();
    decode(api.send(request).await?, endpoint)
}

/// Sends the request (unless building it failed) for its response's head: endpoints that return
/// `ByteStream`. A status outside 2xx is [`Error::Status`](crate::Error::Status), its body read.
pub async fn call_stream<A: Api + ?Sized>(api: &A, request: Result<Request>) -> Result<ByteStream> {
    let request = request?;
    let endpoint = request.endpoint();
    api.send_streaming(request).await?.success(endpoint).await
}

/// Decodes a 2xx JSON body.
pub fn decode_json<T: DeserializeOwned>(
    response: Response,
    endpoint: &'static Endpoint,
) -> Result<T> {
    response.decode(endpoint)
}

/// Accepts any 2xx response, whatever its body: endpoints that return `()`.
pub fn decode_unit(response: Response, endpoint: &'static Endpoint) -> Result<()> {
    response.no_content(endpoint)
}

/// Decodes a 2xx JSON body and keeps its status: endpoints that return `WithStatus<T>`. The
/// same deserializer as [`decode_json`]'s for `T`.
pub fn decode_with_status<T: DeserializeOwned>(
    response: Response,
    endpoint: &'static Endpoint,
) -> Result<WithStatus<T>> {
    let (value, head) = response.decode_keeping_head(endpoint)?;
    Ok(WithStatus::from_head(value, head))
}

/// Keeps a 2xx body as bytes: endpoints that return `Binary`.
pub fn decode_binary(response: Response, endpoint: &'static Endpoint) -> Result<Binary> {
    response.binary(endpoint)
}

/// A patch field of a nullable model field: absent stays `None`, `null` becomes `Some(None)`.
pub fn deserialize_double_option<'de, D, T>(
    deserializer: D,
) -> std::result::Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Wraps a body so that its limits are checked when it is a [`Model`](crate::Model), and not
/// otherwise: generated code calls `(&BodyLimits(&body)).check_limits()`, and method lookup
/// picks [`CheckModelLimits`] when the (concrete) type implements `Model`, [`CheckNoLimits`]
/// otherwise.
pub struct BodyLimits<'a, T: ?Sized>(pub &'a T);

/// The body is a `Model`: check its declared limits.
pub trait CheckModelLimits {
    /// `Err` says which limit is broken.
    fn check_limits(&self) -> std::result::Result<(), String>;
}

impl<T: crate::Model + ?Sized> CheckModelLimits for BodyLimits<'_, T> {
    fn check_limits(&self) -> std::result::Result<(), String> {
        self.0.check_limits().map_err(|e| format!("the body's {e}"))
    }
}

/// The body is not a `Model`: it declares no limits.
pub trait CheckNoLimits {
    /// Always `Ok`.
    fn check_limits(&self) -> std::result::Result<(), String> {
        Ok(())
    }
}

impl<T: ?Sized> CheckNoLimits for &BodyLimits<'_, T> {}
