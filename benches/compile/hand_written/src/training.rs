//! The 41 operations of the Custom Vision Training API v2.0 written by hand on reqwest: what the
//! declared `customvision_training::Training` sends and reads, as one writes it without
//! declarest, with the same models.
//!
//! Each operation checks its documented limits before sending, builds the URL with every path
//! segment and query value percent-encoded (lists comma-joined, absent values left out), sends
//! the JSON or `multipart/form-data` body where there is one, checks the status and decodes the
//! body into the operation's type. The client sends `Accept: application/json` and the
//! `Training-Key` (marked sensitive, so it never shows in `Debug`), with the same timeouts as
//! declarest's client, and follows redirects to the same origin only.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use customvision_training::{
    Domain, Export, ExportFlavor, ExportPlatform, Image, ImageCreateSummary, ImageFileCreateBatch,
    ImageIdCreateBatch, ImageOrderBy, ImagePerformance, ImagePrediction, ImageRegionCreateBatch,
    ImageRegionCreateSummary, ImageRegionProposal, ImageTagCreateBatch, ImageTagCreateSummary,
    ImageUrl, ImageUrlCreateBatch, Iteration, IterationPatch, IterationPerformance,
    PredictionQueryResult, PredictionQueryToken, Project, ProjectPatch, Tag, TagPatch,
};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

/// Everything but RFC 3986's unreserved characters is encoded, so that a value is always
/// exactly one path segment or one query value.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

const JSON: HeaderValue = HeaderValue::from_static("application/json; charset=utf-8");
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const TIMEOUT: Duration = Duration::from_secs(100);
const MAX_REDIRECTS: usize = 10;

/// Why an operation failed.
#[derive(Debug)]
pub enum Error {
    /// An argument breaks a documented limit; nothing was sent.
    InvalidRequest {
        operation: &'static str,
        message: String,
    },
    /// The client could not be built.
    Build(reqwest::Error),
    /// The request could not be sent, or its response not read.
    Transport {
        operation: &'static str,
        source: reqwest::Error,
    },
    /// The service answered with a status outside 2xx; the body has its `{code, message}`.
    Status {
        operation: &'static str,
        status: StatusCode,
        body: Bytes,
    },
    /// A 2xx body that is not the operation's type.
    Decode {
        operation: &'static str,
        source: serde_json::Error,
        body: Bytes,
    },
    /// A body that could not be serialized.
    Encode {
        operation: &'static str,
        source: serde_json::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest { operation, message } => {
                write!(f, "{operation}: not sent: {message}")
            }
            Error::Build(source) => write!(f, "the HTTP client could not be built: {source}"),
            Error::Transport { operation, source } => write!(f, "{operation}: {source}"),
            Error::Status {
                operation,
                status,
                body,
            } => write!(
                f,
                "{operation}: the service answered {status}: {}",
                String::from_utf8_lossy(&body[..body.len().min(512)])
            ),
            Error::Decode {
                operation,
                source,
                body,
            } => write!(
                f,
                "{operation}: the response does not decode: {source}: {}",
                String::from_utf8_lossy(&body[..body.len().min(512)])
            ),
            Error::Encode { operation, source } => {
                write!(f, "{operation}: the body could not be serialized: {source}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Build(source) | Error::Transport { source, .. } => Some(source),
            Error::Decode { source, .. } | Error::Encode { source, .. } => Some(source),
            Error::InvalidRequest { .. } | Error::Status { .. } => None,
        }
    }
}

/// A file to upload as a `multipart/form-data` part.
#[derive(Debug, Clone)]
pub struct File {
    bytes: Bytes,
    file_name: Option<String>,
    content_type: Option<String>,
}

impl File {
    /// A file with these contents, sent as `application/octet-stream` under the field's name.
    pub fn new(bytes: impl Into<Bytes>) -> Self {
        File {
            bytes: bytes.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// The file name the part carries.
    pub fn with_file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// The part's `Content-Type`.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

/// A client of one resource's Training API.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base_url: String,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

/// A request body and its `Content-Type`.
struct Body {
    content_type: HeaderValue,
    bytes: Bytes,
}

/// A URL being written: the base URL, the path, then the query.
struct Target {
    url: String,
    has_query: bool,
}

impl Target {
    /// Literal path text, valid in a URL as it is.
    fn literal(&mut self, text: &str) {
        self.url.push_str(text);
    }

    /// An id as one path segment (hyphenated, lower case).
    fn id(&mut self, id: Uuid) {
        let mut buf = Uuid::encode_buffer();
        let text = id.hyphenated().encode_lower(&mut buf);
        self.url.extend(utf8_percent_encode(text, COMPONENT));
    }

    fn key(&mut self, name: &str) {
        self.url.push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
        self.url.push_str(name);
        self.url.push('=');
    }

    fn query_str(&mut self, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.key(name);
            self.url.extend(utf8_percent_encode(value, COMPONENT));
        }
    }

    fn query_id(&mut self, name: &str, value: Option<Uuid>) {
        if let Some(value) = value {
            self.key(name);
            self.id(value);
        }
    }

    /// A list, comma-joined; left out when empty.
    fn query_ids(&mut self, name: &str, values: &[Uuid]) {
        for (i, value) in values.iter().enumerate() {
            if i == 0 {
                self.key(name);
            } else {
                self.url.push(',');
            }
            self.id(*value);
        }
    }

    fn query_int(&mut self, name: &str, value: Option<i32>) {
        if let Some(value) = value {
            self.key(name);
            self.url.push_str(&value.to_string());
        }
    }

    /// Rust's `Display` of a float is the shortest text that reads back the same.
    fn query_float(&mut self, name: &str, value: Option<f64>) {
        if let Some(value) = value {
            self.key(name);
            self.url.push_str(&value.to_string());
        }
    }
}

/// `Err` when a list has more than `max` items.
fn check_items(operation: &'static str, name: &str, len: usize, max: usize) -> Result<(), Error> {
    if len <= max {
        return Ok(());
    }
    Err(Error::InvalidRequest {
        operation,
        message: format!(
            "`{name}` has {len} items, over its limit of {max} by {}",
            len - max
        ),
    })
}

/// `Err` when a number is over `max`.
fn check_max(
    operation: &'static str,
    name: &str,
    value: Option<i32>,
    max: i32,
) -> Result<(), Error> {
    match value {
        Some(value) if value > max => Err(Error::InvalidRequest {
            operation,
            message: format!("`{name}` is {value}, over its limit of {max}"),
        }),
        _ => Ok(()),
    }
}

/// A JSON body, as `application/json; charset=utf-8`.
fn json<T: Serialize>(operation: &'static str, value: &T) -> Result<Body, Error> {
    let bytes = serde_json::to_vec(value).map_err(|source| Error::Encode { operation, source })?;
    Ok(Body {
        content_type: JSON,
        bytes: Bytes::from(bytes),
    })
}

/// A `multipart/form-data` body (RFC 7578): one part per file, all under `field`.
fn multipart(operation: &'static str, field: &str, files: &[&File]) -> Result<Body, Error> {
    if files.is_empty() {
        return Err(Error::InvalidRequest {
            operation,
            message: format!("`{field}` has no file: a multipart body needs at least one part"),
        });
    }
    let boundary = format!("hand-written-{}", Uuid::new_v4().simple());
    let size: usize = files.iter().map(|file| file.bytes.len() + 160).sum();
    let mut body = Vec::with_capacity(size + boundary.len() + 8);
    for file in files {
        let content_type = file
            .content_type
            .as_deref()
            .unwrap_or("application/octet-stream");
        if content_type.chars().any(char::is_control) {
            return Err(Error::InvalidRequest {
                operation,
                message: format!(
                    "the content type of a `{field}` part contains a control character"
                ),
            });
        }
        body.extend_from_slice(b"--");
        body.extend_from_slice(boundary.as_bytes());
        body.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
        put_quoted(&mut body, field);
        body.extend_from_slice(b"\"; filename=\"");
        put_quoted(&mut body, file.file_name.as_deref().unwrap_or(field));
        body.extend_from_slice(b"\"\r\nContent-Type: ");
        body.extend_from_slice(content_type.as_bytes());
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(&file.bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(b"--");
    body.extend_from_slice(boundary.as_bytes());
    body.extend_from_slice(b"--\r\n");
    let content_type = HeaderValue::try_from(format!("multipart/form-data; boundary={boundary}"))
        .expect("the boundary is a valid header value");
    Ok(Body {
        content_type,
        bytes: Bytes::from(body),
    })
}

/// A quoted-string parameter as browsers write it: `"`, CR and LF percent-encoded.
fn put_quoted(out: &mut Vec<u8>, text: &str) {
    for byte in text.bytes() {
        match byte {
            b'"' => out.extend_from_slice(b"%22"),
            b'\r' => out.extend_from_slice(b"%0D"),
            b'\n' => out.extend_from_slice(b"%0A"),
            other => out.push(other),
        }
    }
}

/// The operation's value from a 2xx JSON body.
fn decode<T: DeserializeOwned>(operation: &'static str, body: Bytes) -> Result<T, Error> {
    serde_json::from_slice(&body).map_err(|source| Error::Decode {
        operation,
        source,
        body,
    })
}

impl Client {
    /// A client for a resource's endpoint (a host or a URL), sending the training key with
    /// every request.
    pub fn new(endpoint: &str, training_key: &str) -> Result<Self, Error> {
        // reqwest is built without a crypto provider: install ring's, once per process.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut key = HeaderValue::from_str(training_key).map_err(|_| Error::InvalidRequest {
            operation: "client",
            message: "the training key contains a character a header cannot carry".to_owned(),
        })?;
        key.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(customvision_training::TRAINING_KEY_HEADER, key);
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(CONNECT_TIMEOUT)
            .timeout(TIMEOUT)
            // The key goes with every request: never to another origin.
            .redirect(reqwest::redirect::Policy::custom(|attempt| {
                let same_origin = attempt
                    .previous()
                    .first()
                    .is_some_and(|first| first.origin() == attempt.url().origin());
                if same_origin && attempt.previous().len() <= MAX_REDIRECTS {
                    attempt.follow()
                } else {
                    attempt.stop()
                }
            }))
            .user_agent(concat!("hand-written/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(Error::Build)?;
        Ok(Client {
            http,
            base_url: customvision_training::base_url(endpoint),
        })
    }

    /// A URL starting with the base URL and `path`.
    fn target(&self, path: &str) -> Target {
        let mut url = String::with_capacity(self.base_url.len() + 128);
        url.push_str(&self.base_url);
        url.push_str(path);
        Target {
            url,
            has_query: false,
        }
    }

    /// Sends the request and reads the whole response; `Err` unless the status is 2xx.
    async fn send(
        &self,
        operation: &'static str,
        method: Method,
        target: Target,
        body: Option<Body>,
    ) -> Result<Bytes, Error> {
        let mut request = self.http.request(method, target.url);
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, body.content_type)
                .body(body.bytes);
        }
        let response = request
            .send()
            .await
            .map_err(|source| Error::Transport { operation, source })?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|source| Error::Transport { operation, source })?;
        if !status.is_success() {
            return Err(Error::Status {
                operation,
                status,
                body,
            });
        }
        Ok(body)
    }

    // Domains.

    /// GetDomains: `GET /domains`.
    pub async fn get_domains(&self) -> Result<Vec<Domain>, Error> {
        const OP: &str = "get_domains";
        let target = self.target("/domains");
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetDomain: `GET /domains/{domainId}`.
    pub async fn get_domain(&self, domain_id: Uuid) -> Result<Domain, Error> {
        const OP: &str = "get_domain";
        let mut target = self.target("/domains/");
        target.id(domain_id);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    // Images.

    /// GetTaggedImages: `GET /projects/{projectId}/images/tagged` (`tagIds` at most 20, `take`
    /// at most 256).
    pub async fn get_tagged_images(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        tag_ids: Option<&[Uuid]>,
        order_by: Option<ImageOrderBy>,
        take: Option<i32>,
        skip: Option<i32>,
    ) -> Result<Vec<Image>, Error> {
        const OP: &str = "get_tagged_images";
        let tag_ids = tag_ids.unwrap_or_default();
        check_items(OP, "tagIds", tag_ids.len(), 20)?;
        check_max(OP, "take", take, 256)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/tagged");
        target.query_id("iterationId", iteration_id);
        target.query_ids("tagIds", tag_ids);
        target.query_str("orderBy", order_by.as_ref().map(ImageOrderBy::as_str));
        target.query_int("take", take);
        target.query_int("skip", skip);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetUntaggedImages: `GET /projects/{projectId}/images/untagged` (`take` at most 256).
    pub async fn get_untagged_images(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        order_by: Option<ImageOrderBy>,
        take: Option<i32>,
        skip: Option<i32>,
    ) -> Result<Vec<Image>, Error> {
        const OP: &str = "get_untagged_images";
        check_max(OP, "take", take, 256)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/untagged");
        target.query_id("iterationId", iteration_id);
        target.query_str("orderBy", order_by.as_ref().map(ImageOrderBy::as_str));
        target.query_int("take", take);
        target.query_int("skip", skip);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetTaggedImageCount: `GET /projects/{projectId}/images/tagged/count`.
    pub async fn get_tagged_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        tag_ids: Option<&[Uuid]>,
    ) -> Result<i32, Error> {
        const OP: &str = "get_tagged_image_count";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/tagged/count");
        target.query_id("iterationId", iteration_id);
        target.query_ids("tagIds", tag_ids.unwrap_or_default());
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetUntaggedImageCount: `GET /projects/{projectId}/images/untagged/count`.
    pub async fn get_untagged_image_count(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> Result<i32, Error> {
        const OP: &str = "get_untagged_image_count";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/untagged/count");
        target.query_id("iterationId", iteration_id);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetImagesByIds: `GET /projects/{projectId}/images/id` (`imageIds` at most 256).
    pub async fn get_images_by_ids(
        &self,
        project_id: Uuid,
        image_ids: Option<&[Uuid]>,
        iteration_id: Option<Uuid>,
    ) -> Result<Vec<Image>, Error> {
        const OP: &str = "get_images_by_ids";
        let image_ids = image_ids.unwrap_or_default();
        check_items(OP, "imageIds", image_ids.len(), 256)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/id");
        target.query_ids("imageIds", image_ids);
        target.query_id("iterationId", iteration_id);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// CreateImagesFromData: `POST /projects/{projectId}/images`, one `imageData` part per
    /// image (at most 64 images and 20 tags).
    pub async fn create_images_from_data(
        &self,
        project_id: Uuid,
        tag_ids: Option<&[Uuid]>,
        image_data: &[File],
    ) -> Result<ImageCreateSummary, Error> {
        const OP: &str = "create_images_from_data";
        let tag_ids = tag_ids.unwrap_or_default();
        check_items(OP, "tagIds", tag_ids.len(), 20)?;
        check_items(OP, "imageData", image_data.len(), 64)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images");
        target.query_ids("tagIds", tag_ids);
        let files: Vec<&File> = image_data.iter().collect();
        let form = multipart(OP, "imageData", &files)?;
        let body = self.send(OP, Method::POST, target, Some(form)).await?;
        decode(OP, body)
    }

    /// DeleteImages: `DELETE /projects/{projectId}/images` (`imageIds` at most 256).
    pub async fn delete_images(&self, project_id: Uuid, image_ids: &[Uuid]) -> Result<(), Error> {
        const OP: &str = "delete_images";
        check_items(OP, "imageIds", image_ids.len(), 256)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images");
        target.query_ids("imageIds", image_ids);
        self.send(OP, Method::DELETE, target, None).await?;
        Ok(())
    }

    /// CreateImagesFromFiles: `POST /projects/{projectId}/images/files` (at most 64 images and
    /// 20 tags).
    pub async fn create_images_from_files(
        &self,
        project_id: Uuid,
        batch: &ImageFileCreateBatch,
    ) -> Result<ImageCreateSummary, Error> {
        const OP: &str = "create_images_from_files";
        check_items(OP, "images", batch.images.len(), 64)?;
        check_items(OP, "tagIds", batch.tag_ids.len(), 20)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/files");
        let body = self
            .send(OP, Method::POST, target, Some(json(OP, batch)?))
            .await?;
        decode(OP, body)
    }

    /// CreateImagesFromUrls: `POST /projects/{projectId}/images/urls` (at most 64 images and 20
    /// tags).
    pub async fn create_images_from_urls(
        &self,
        project_id: Uuid,
        batch: &ImageUrlCreateBatch,
    ) -> Result<ImageCreateSummary, Error> {
        const OP: &str = "create_images_from_urls";
        check_items(OP, "images", batch.images.len(), 64)?;
        check_items(OP, "tagIds", batch.tag_ids.len(), 20)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/urls");
        let body = self
            .send(OP, Method::POST, target, Some(json(OP, batch)?))
            .await?;
        decode(OP, body)
    }

    /// CreateImagesFromPredictions: `POST /projects/{projectId}/images/predictions` (at most
    /// 64 images and 20 tags).
    pub async fn create_images_from_predictions(
        &self,
        project_id: Uuid,
        batch: &ImageIdCreateBatch,
    ) -> Result<ImageCreateSummary, Error> {
        const OP: &str = "create_images_from_predictions";
        check_items(OP, "images", batch.images.len(), 64)?;
        check_items(OP, "tagIds", batch.tag_ids.len(), 20)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/predictions");
        let body = self
            .send(OP, Method::POST, target, Some(json(OP, batch)?))
            .await?;
        decode(OP, body)
    }

    /// CreateImageTags: `POST /projects/{projectId}/images/tags` (at most 128).
    pub async fn create_image_tags(
        &self,
        project_id: Uuid,
        batch: &ImageTagCreateBatch,
    ) -> Result<ImageTagCreateSummary, Error> {
        const OP: &str = "create_image_tags";
        check_items(OP, "tags", batch.tags.len(), 128)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/tags");
        let body = self
            .send(OP, Method::POST, target, Some(json(OP, batch)?))
            .await?;
        decode(OP, body)
    }

    /// DeleteImageTags: `DELETE /projects/{projectId}/images/tags` (at most 64 images and 20
    /// tags).
    pub async fn delete_image_tags(
        &self,
        project_id: Uuid,
        image_ids: &[Uuid],
        tag_ids: &[Uuid],
    ) -> Result<(), Error> {
        const OP: &str = "delete_image_tags";
        check_items(OP, "imageIds", image_ids.len(), 64)?;
        check_items(OP, "tagIds", tag_ids.len(), 20)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/tags");
        target.query_ids("imageIds", image_ids);
        target.query_ids("tagIds", tag_ids);
        self.send(OP, Method::DELETE, target, None).await?;
        Ok(())
    }

    /// CreateImageRegions: `POST /projects/{projectId}/images/regions` (at most 64).
    pub async fn create_image_regions(
        &self,
        project_id: Uuid,
        batch: &ImageRegionCreateBatch,
    ) -> Result<ImageRegionCreateSummary, Error> {
        const OP: &str = "create_image_regions";
        check_items(OP, "regions", batch.regions.len(), 64)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/regions");
        let body = self
            .send(OP, Method::POST, target, Some(json(OP, batch)?))
            .await?;
        decode(OP, body)
    }

    /// DeleteImageRegions: `DELETE /projects/{projectId}/images/regions` (at most 64).
    pub async fn delete_image_regions(
        &self,
        project_id: Uuid,
        region_ids: &[Uuid],
    ) -> Result<(), Error> {
        const OP: &str = "delete_image_regions";
        check_items(OP, "regionIds", region_ids.len(), 64)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/images/regions");
        target.query_ids("regionIds", region_ids);
        self.send(OP, Method::DELETE, target, None).await?;
        Ok(())
    }

    /// GetImageRegionProposals: `POST /{projectId}/images/{imageId}/regionproposals` (no
    /// `/projects`: that is how the v2.0 spec declares it).
    pub async fn get_image_region_proposals(
        &self,
        project_id: Uuid,
        image_id: Uuid,
    ) -> Result<ImageRegionProposal, Error> {
        const OP: &str = "get_image_region_proposals";
        let mut target = self.target("/");
        target.id(project_id);
        target.literal("/images/");
        target.id(image_id);
        target.literal("/regionproposals");
        let body = self.send(OP, Method::POST, target, None).await?;
        decode(OP, body)
    }

    // Predictions.

    /// DeletePrediction: `DELETE /projects/{projectId}/predictions` (`ids` at most 64).
    pub async fn delete_prediction(&self, project_id: Uuid, ids: &[Uuid]) -> Result<(), Error> {
        const OP: &str = "delete_prediction";
        check_items(OP, "ids", ids.len(), 64)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/predictions");
        target.query_ids("ids", ids);
        self.send(OP, Method::DELETE, target, None).await?;
        Ok(())
    }

    /// QueryPredictions: `POST /projects/{projectId}/predictions/query` (at most 2 tags).
    pub async fn query_predictions(
        &self,
        project_id: Uuid,
        query: &PredictionQueryToken,
    ) -> Result<PredictionQueryResult, Error> {
        const OP: &str = "query_predictions";
        check_items(OP, "tags", query.tags.len(), 2)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/predictions/query");
        let body = self
            .send(OP, Method::POST, target, Some(json(OP, query)?))
            .await?;
        decode(OP, body)
    }

    /// QuickTestImageUrl: `POST /projects/{projectId}/quicktest/url`.
    pub async fn quick_test_image_url(
        &self,
        project_id: Uuid,
        image_url: &ImageUrl,
        iteration_id: Option<Uuid>,
    ) -> Result<ImagePrediction, Error> {
        const OP: &str = "quick_test_image_url";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/quicktest/url");
        target.query_id("iterationId", iteration_id);
        let body = self
            .send(OP, Method::POST, target, Some(json(OP, image_url)?))
            .await?;
        decode(OP, body)
    }

    /// QuickTestImage: `POST /projects/{projectId}/quicktest/image`, the image as the
    /// `imageData` part.
    pub async fn quick_test_image(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        image_data: &File,
    ) -> Result<ImagePrediction, Error> {
        const OP: &str = "quick_test_image";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/quicktest/image");
        target.query_id("iterationId", iteration_id);
        let form = multipart(OP, "imageData", &[image_data])?;
        let body = self.send(OP, Method::POST, target, Some(form)).await?;
        decode(OP, body)
    }

    // Projects and iterations.

    /// TrainProject: `POST /projects/{projectId}/train`.
    pub async fn train_project(&self, project_id: Uuid) -> Result<Iteration, Error> {
        const OP: &str = "train_project";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/train");
        let body = self.send(OP, Method::POST, target, None).await?;
        decode(OP, body)
    }

    /// GetProjects: `GET /projects`.
    pub async fn get_projects(&self) -> Result<Vec<Project>, Error> {
        const OP: &str = "get_projects";
        let target = self.target("/projects");
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// CreateProject: `POST /projects?name=...`.
    pub async fn create_project(
        &self,
        name: &str,
        description: Option<&str>,
        domain_id: Option<Uuid>,
    ) -> Result<Project, Error> {
        const OP: &str = "create_project";
        let mut target = self.target("/projects");
        target.query_str("name", Some(name));
        target.query_str("description", description);
        target.query_id("domainId", domain_id);
        let body = self.send(OP, Method::POST, target, None).await?;
        decode(OP, body)
    }

    /// GetProject: `GET /projects/{projectId}`.
    pub async fn get_project(&self, project_id: Uuid) -> Result<Project, Error> {
        const OP: &str = "get_project";
        let mut target = self.target("/projects/");
        target.id(project_id);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// DeleteProject: `DELETE /projects/{projectId}`.
    pub async fn delete_project(&self, project_id: Uuid) -> Result<(), Error> {
        const OP: &str = "delete_project";
        let mut target = self.target("/projects/");
        target.id(project_id);
        self.send(OP, Method::DELETE, target, None).await?;
        Ok(())
    }

    /// UpdateProject: `PATCH /projects/{projectId}`, only the patch's set fields.
    pub async fn update_project(
        &self,
        project_id: Uuid,
        updated_project: &ProjectPatch,
    ) -> Result<Project, Error> {
        const OP: &str = "update_project";
        let mut target = self.target("/projects/");
        target.id(project_id);
        let body = self
            .send(OP, Method::PATCH, target, Some(json(OP, updated_project)?))
            .await?;
        decode(OP, body)
    }

    /// GetIterations: `GET /projects/{projectId}/iterations`.
    pub async fn get_iterations(&self, project_id: Uuid) -> Result<Vec<Iteration>, Error> {
        const OP: &str = "get_iterations";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations");
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetIteration: `GET /projects/{projectId}/iterations/{iterationId}`.
    pub async fn get_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<Iteration, Error> {
        const OP: &str = "get_iteration";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations/");
        target.id(iteration_id);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// DeleteIteration: `DELETE /projects/{projectId}/iterations/{iterationId}`.
    pub async fn delete_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<(), Error> {
        const OP: &str = "delete_iteration";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations/");
        target.id(iteration_id);
        self.send(OP, Method::DELETE, target, None).await?;
        Ok(())
    }

    /// UpdateIteration: `PATCH /projects/{projectId}/iterations/{iterationId}`, only the patch's
    /// set fields.
    pub async fn update_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        updated_iteration: &IterationPatch,
    ) -> Result<Iteration, Error> {
        const OP: &str = "update_iteration";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations/");
        target.id(iteration_id);
        let body = self
            .send(
                OP,
                Method::PATCH,
                target,
                Some(json(OP, updated_iteration)?),
            )
            .await?;
        decode(OP, body)
    }

    /// GetIterationPerformance: `GET /projects/{projectId}/iterations/{iterationId}/performance`.
    pub async fn get_iteration_performance(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        threshold: Option<f64>,
        overlap_threshold: Option<f64>,
    ) -> Result<IterationPerformance, Error> {
        const OP: &str = "get_iteration_performance";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations/");
        target.id(iteration_id);
        target.literal("/performance");
        target.query_float("threshold", threshold);
        target.query_float("overlapThreshold", overlap_threshold);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetImagePerformances: `GET
    /// /projects/{projectId}/iterations/{iterationId}/performance/images` (`tagIds` at most 20,
    /// `take` at most 256).
    pub async fn get_image_performances(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        tag_ids: Option<&[Uuid]>,
        order_by: Option<ImageOrderBy>,
        take: Option<i32>,
        skip: Option<i32>,
    ) -> Result<Vec<ImagePerformance>, Error> {
        const OP: &str = "get_image_performances";
        let tag_ids = tag_ids.unwrap_or_default();
        check_items(OP, "tagIds", tag_ids.len(), 20)?;
        check_max(OP, "take", take, 256)?;
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations/");
        target.id(iteration_id);
        target.literal("/performance/images");
        target.query_ids("tagIds", tag_ids);
        target.query_str("orderBy", order_by.as_ref().map(ImageOrderBy::as_str));
        target.query_int("take", take);
        target.query_int("skip", skip);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetImagePerformanceCount: `GET
    /// /projects/{projectId}/iterations/{iterationId}/performance/images/count`.
    pub async fn get_image_performance_count(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        tag_ids: Option<&[Uuid]>,
    ) -> Result<i32, Error> {
        const OP: &str = "get_image_performance_count";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations/");
        target.id(iteration_id);
        target.literal("/performance/images/count");
        target.query_ids("tagIds", tag_ids.unwrap_or_default());
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// GetExports: `GET /projects/{projectId}/iterations/{iterationId}/export`.
    pub async fn get_exports(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
    ) -> Result<Vec<Export>, Error> {
        const OP: &str = "get_exports";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations/");
        target.id(iteration_id);
        target.literal("/export");
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// ExportIteration: `POST /projects/{projectId}/iterations/{iterationId}/export`.
    pub async fn export_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        platform: ExportPlatform,
        flavor: Option<ExportFlavor>,
    ) -> Result<Export, Error> {
        const OP: &str = "export_iteration";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/iterations/");
        target.id(iteration_id);
        target.literal("/export");
        target.query_str("platform", Some(platform.as_str()));
        target.query_str("flavor", flavor.as_ref().map(ExportFlavor::as_str));
        let body = self.send(OP, Method::POST, target, None).await?;
        decode(OP, body)
    }

    // Tags.

    /// GetTag: `GET /projects/{projectId}/tags/{tagId}`.
    pub async fn get_tag(
        &self,
        project_id: Uuid,
        tag_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> Result<Tag, Error> {
        const OP: &str = "get_tag";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/tags/");
        target.id(tag_id);
        target.query_id("iterationId", iteration_id);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// DeleteTag: `DELETE /projects/{projectId}/tags/{tagId}`.
    pub async fn delete_tag(&self, project_id: Uuid, tag_id: Uuid) -> Result<(), Error> {
        const OP: &str = "delete_tag";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/tags/");
        target.id(tag_id);
        self.send(OP, Method::DELETE, target, None).await?;
        Ok(())
    }

    /// UpdateTag: `PATCH /projects/{projectId}/tags/{tagId}`, only the patch's set fields.
    pub async fn update_tag(
        &self,
        project_id: Uuid,
        tag_id: Uuid,
        updated_tag: &TagPatch,
    ) -> Result<Tag, Error> {
        const OP: &str = "update_tag";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/tags/");
        target.id(tag_id);
        let body = self
            .send(OP, Method::PATCH, target, Some(json(OP, updated_tag)?))
            .await?;
        decode(OP, body)
    }

    /// GetTags: `GET /projects/{projectId}/tags`.
    pub async fn get_tags(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
    ) -> Result<Vec<Tag>, Error> {
        const OP: &str = "get_tags";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/tags");
        target.query_id("iterationId", iteration_id);
        let body = self.send(OP, Method::GET, target, None).await?;
        decode(OP, body)
    }

    /// CreateTag: `POST /projects/{projectId}/tags?name=...`.
    pub async fn create_tag(
        &self,
        project_id: Uuid,
        name: &str,
        description: Option<&str>,
    ) -> Result<Tag, Error> {
        const OP: &str = "create_tag";
        let mut target = self.target("/projects/");
        target.id(project_id);
        target.literal("/tags");
        target.query_str("name", Some(name));
        target.query_str("description", description);
        let body = self.send(OP, Method::POST, target, None).await?;
        decode(OP, body)
    }
}
