//! What generated code uses. Not a public API: no stability promise.

pub use reqwest::header::HeaderName;
pub use serde;

pub use crate::request::RequestBuilder;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::api::Api;
use crate::error::Result;
use crate::request::Request;

/// Sends the request (unless building it failed) and decodes the JSON response.
pub async fn call<A: Api + ?Sized, T: DeserializeOwned>(
    api: &A,
    request: Result<Request>,
) -> Result<T> {
    let request = request?;
    let endpoint = request.endpoint();
    api.send(request).await?.decode(endpoint)
}

/// Sends the request (unless building it failed) and accepts any 2xx response: endpoints that
/// return `()`.
pub async fn call_no_content<A: Api + ?Sized>(api: &A, request: Result<Request>) -> Result<()> {
    let request = request?;
    let endpoint = request.endpoint();
    api.send(request).await?.no_content(endpoint)
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
