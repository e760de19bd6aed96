//! Raw and multipart bodies: what `#[body(bytes)]` and `#[multipart("field")]` send.

use bytes::{BufMut, Bytes, BytesMut};

/// A file to upload in a `multipart/form-data` part.
///
/// ```
/// let image = declarest::File::new(vec![0xFF, 0xD8, 0xFF])
///     .with_file_name("bird.jpg")
///     .with_content_type("image/jpeg");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
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

    /// The file name the part carries (default: the field's name).
    #[must_use]
    pub fn with_file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// The part's `Content-Type` (default: `application/octet-stream`).
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The contents.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// The file name, if one was set.
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The content type, if one was set.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }
}

/// What a `#[multipart("field")]` argument can be: one [`File`] or a list of them (one part each,
/// all under the field's name), or an `Option` of those.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as multipart parts",
    label = "expected a `declarest::File`, a slice or `Vec` of them, or an `Option` of those",
    note = "wrap bytes in `declarest::File::new(bytes)`"
)]
pub trait Parts {
    /// Calls `part` for each file, in order.
    fn for_each_file(&self, part: &mut dyn FnMut(&File));
}

impl Parts for File {
    fn for_each_file(&self, part: &mut dyn FnMut(&File)) {
        part(self)
    }
}

impl<T: Parts + ?Sized> Parts for &T {
    fn for_each_file(&self, part: &mut dyn FnMut(&File)) {
        (**self).for_each_file(part)
    }
}

impl Parts for [File] {
    fn for_each_file(&self, part: &mut dyn FnMut(&File)) {
        self.iter().for_each(part)
    }
}

impl Parts for Vec<File> {
    fn for_each_file(&self, part: &mut dyn FnMut(&File)) {
        self.iter().for_each(part)
    }
}

impl<T: Parts> Parts for Option<T> {
    fn for_each_file(&self, part: &mut dyn FnMut(&File)) {
        if let Some(files) = self {
            files.for_each_file(part)
        }
    }
}

/// What a `#[body(bytes)]` argument can be: the raw body, sent as `application/octet-stream`.
/// Owned buffers are taken without a copy.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a raw body",
    label = "expected bytes: `&[u8]`, `Vec<u8>`, `bytes::Bytes`, or a `declarest::File`"
)]
pub trait RawBody {
    /// The bytes to send.
    fn into_bytes(self) -> Bytes;
}

impl RawBody for Vec<u8> {
    fn into_bytes(self) -> Bytes {
        Bytes::from(self)
    }
}

impl RawBody for Bytes {
    fn into_bytes(self) -> Bytes {
        self
    }
}

impl RawBody for &[u8] {
    fn into_bytes(self) -> Bytes {
        Bytes::copy_from_slice(self)
    }
}

impl RawBody for &Vec<u8> {
    fn into_bytes(self) -> Bytes {
        Bytes::copy_from_slice(self)
    }
}

impl RawBody for &Bytes {
    fn into_bytes(self) -> Bytes {
        self.clone()
    }
}

impl RawBody for File {
    fn into_bytes(self) -> Bytes {
        self.bytes
    }
}

impl RawBody for &File {
    fn into_bytes(self) -> Bytes {
        self.bytes.clone()
    }
}

/// Builds a `multipart/form-data` body (RFC 7578).
#[derive(Debug)]
pub(crate) struct MultipartWriter {
    boundary: String,
    body: BytesMut,
}

impl MultipartWriter {
    pub(crate) fn new() -> Self {
        // 128 random bits: a boundary that occurs in a file by chance is not a practical concern.
        let boundary = format!("declarest-{}", uuid::Uuid::new_v4().simple());
        MultipartWriter {
            boundary,
            body: BytesMut::new(),
        }
    }

    /// The `Content-Type` header value.
    pub(crate) fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    /// Appends one part; `Err` names what cannot go in a part header.
    pub(crate) fn file(&mut self, field: &str, file: &File) -> Result<(), String> {
        let file_name = file.file_name().unwrap_or(field);
        let content_type = file.content_type().unwrap_or("application/octet-stream");
        if content_type.chars().any(char::is_control) {
            return Err(format!(
                "the content type of a `{field}` part contains a control character"
            ));
        }
        self.body.reserve(file.bytes.len() + 160);
        self.body.put_slice(b"--");
        self.body.put_slice(self.boundary.as_bytes());
        self.body
            .put_slice(b"\r\nContent-Disposition: form-data; name=\"");
        put_quoted(&mut self.body, field);
        self.body.put_slice(b"\"; filename=\"");
        put_quoted(&mut self.body, file_name);
        self.body.put_slice(b"\"\r\nContent-Type: ");
        self.body.put_slice(content_type.as_bytes());
        self.body.put_slice(b"\r\n\r\n");
        self.body.put_slice(&file.bytes);
        self.body.put_slice(b"\r\n");
        Ok(())
    }

    /// The finished body, closing delimiter included.
    pub(crate) fn finish(mut self) -> Bytes {
        self.body.put_slice(b"--");
        self.body.put_slice(self.boundary.as_bytes());
        self.body.put_slice(b"--\r\n");
        self.body.freeze()
    }
}

/// A quoted-string parameter as browsers write it (WHATWG HTML): `"`, CR and LF
/// percent-encoded, so a file name can never end the header.
fn put_quoted(out: &mut BytesMut, text: &str) {
    for byte in text.bytes() {
        match byte {
            b'"' => out.put_slice(b"%22"),
            b'\r' => out.put_slice(b"%0D"),
            b'\n' => out.put_slice(b"%0A"),
            other => out.put_u8(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_framed_by_the_boundary() {
        let mut writer = MultipartWriter::new();
        let boundary = writer.boundary.clone();
        writer
            .file(
                "imageData",
                &File::new(&b"\x89PNG"[..])
                    .with_file_name("a\"b\r\n.png")
                    .with_content_type("image/png"),
            )
            .unwrap();
        writer.file("imageData", &File::new(vec![1, 2])).unwrap();
        let body = writer.finish();
        let mut expected = Vec::new();
        expected.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"imageData\"; filename=\"a%22b%0D%0A.png\"\r\nContent-Type: image/png\r\n\r\n").as_bytes());
        expected.extend_from_slice(b"\x89PNG\r\n");
        expected.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"imageData\"; filename=\"imageData\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
        expected.extend_from_slice(b"\x01\x02\r\n");
        expected.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        assert_eq!(body.as_ref(), expected.as_slice());
    }

    #[test]
    fn a_control_character_in_a_content_type_is_refused() {
        let mut writer = MultipartWriter::new();
        let error = writer
            .file(
                "imageData",
                &File::new(vec![1]).with_content_type("image/png\r\nX: y"),
            )
            .unwrap_err();
        assert!(error.contains("imageData"), "{error}");
    }
}
