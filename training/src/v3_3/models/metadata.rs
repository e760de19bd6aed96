//! Image metadata (new in v3.3): [`ImageMetadata`], the key-value pairs a request sets, and the
//! answer of UpdateImageMetadata ([`ImageMetadataUpdateSummary`],
//! [`ImageMetadataUpdateEntry`]).

use std::collections::BTreeMap;

use declarest::Model;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{ImageMetadataUpdateStatus, null_as_empty};

/// Metadata to set on images: key-value pairs, sent as a JSON object (the body of
/// UpdateImageMetadata, and `metadata` of the create batches).
///
/// The spec gives three limits, in its descriptions only. The length limits are this type's
/// invariant: a key longer than [`MAX_KEY_LENGTH`](Self::MAX_KEY_LENGTH) or a value longer than
/// [`MAX_VALUE_LENGTH`](Self::MAX_VALUE_LENGTH) is refused when it is inserted (lengths count
/// UTF-16 code units, as the service, a .NET one, measures strings). The limit of
/// [`MAX_PAIRS`](Self::MAX_PAIRS) pairs is per image, so it is declared where metadata is sent
/// (`#[max_items(50)]`) and checked before the request goes out, like the other list limits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "BTreeMap<String, String>")]
pub struct ImageMetadata(BTreeMap<String, String>);

/// Why a key or value cannot be image metadata.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MetadataError {
    /// The key is longer than [`ImageMetadata::MAX_KEY_LENGTH`].
    #[error(
        "metadata key `{key}` is {length} long, over its limit of {max}",
        max = ImageMetadata::MAX_KEY_LENGTH
    )]
    KeyTooLong {
        /// The key.
        key: String,
        /// Its length in UTF-16 code units.
        length: usize,
    },
    /// The value is longer than [`ImageMetadata::MAX_VALUE_LENGTH`].
    #[error(
        "the value of metadata key `{key}` is {length} long, over its limit of {max}",
        max = ImageMetadata::MAX_VALUE_LENGTH
    )]
    ValueTooLong {
        /// The key whose value it is.
        key: String,
        /// The value's length in UTF-16 code units.
        length: usize,
    },
}

impl ImageMetadata {
    /// The most key-value pairs an image may have.
    pub const MAX_PAIRS: usize = 50;
    /// The longest key, in UTF-16 code units.
    pub const MAX_KEY_LENGTH: usize = 256;
    /// The longest value, in UTF-16 code units.
    pub const MAX_VALUE_LENGTH: usize = 512;

    /// No pairs.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `key` to `value`, returning the value it replaces, or refuses a key or value over its
    /// length limit (leaving the metadata as it was).
    pub fn insert(
        &mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> Result<Option<String>, MetadataError> {
        let (key, value) = (key.into(), value.into());
        check_pair(&key, &value)?;
        Ok(self.0.insert(key, value))
    }

    /// The value of `key`, if set.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.0.remove(key)
    }

    /// The number of pairs.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The pairs as a map.
    pub fn as_map(&self) -> &BTreeMap<String, String> {
        &self.0
    }

    /// The pairs as a map, owned.
    pub fn into_map(self) -> BTreeMap<String, String> {
        self.0
    }
}

fn utf16_length(text: &str) -> usize {
    text.encode_utf16().count()
}

fn check_pair(key: &str, value: &str) -> Result<(), MetadataError> {
    let key_length = utf16_length(key);
    if key_length > ImageMetadata::MAX_KEY_LENGTH {
        return Err(MetadataError::KeyTooLong {
            key: key.to_owned(),
            length: key_length,
        });
    }
    let value_length = utf16_length(value);
    if value_length > ImageMetadata::MAX_VALUE_LENGTH {
        return Err(MetadataError::ValueTooLong {
            key: key.to_owned(),
            length: value_length,
        });
    }
    Ok(())
}

/// Every pair is checked: a map with a key or value over its limit is refused whole. Reading
/// an `ImageMetadata` from JSON goes through here too.
impl TryFrom<BTreeMap<String, String>> for ImageMetadata {
    type Error = MetadataError;

    fn try_from(pairs: BTreeMap<String, String>) -> Result<Self, Self::Error> {
        for (key, value) in &pairs {
            check_pair(key, value)?;
        }
        Ok(ImageMetadata(pairs))
    }
}

impl<K: Into<String>, V: Into<String>, const N: usize> TryFrom<[(K, V); N]> for ImageMetadata {
    type Error = MetadataError;

    fn try_from(pairs: [(K, V); N]) -> Result<Self, Self::Error> {
        let mut metadata = ImageMetadata::new();
        for (key, value) in pairs {
            metadata.insert(key, value)?;
        }
        Ok(metadata)
    }
}

/// For `#[max_items(50)]`: the number of pairs.
impl declarest::Count for ImageMetadata {
    fn count(&self) -> usize {
        self.0.len()
    }
}

/// The answer of UpdateImageMetadata: one entry per image. With HTTP 207 (partial success),
/// `is_batch_successful` is false and each entry says what became of its image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageMetadataUpdateSummary {
    /// Whether every image's metadata was updated.
    #[read_only]
    #[serde(alias = "IsBatchSuccessful", default)]
    pub is_batch_successful: bool,
    /// The outcome for each image.
    #[read_only]
    #[serde(alias = "Images", default, deserialize_with = "null_as_empty")]
    pub images: Vec<ImageMetadataUpdateEntry>,
}

/// The outcome of updating one image's metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
pub struct ImageMetadataUpdateEntry {
    /// The id of the image.
    #[serde(alias = "ImageId")]
    pub image_id: Uuid,
    /// The outcome.
    #[serde(alias = "Status")]
    pub status: ImageMetadataUpdateStatus,
    /// The image's metadata after the update (empty, or left out by the service, when it
    /// failed).
    #[serde(alias = "Metadata", default, deserialize_with = "null_as_empty")]
    pub metadata: BTreeMap<String, String>,
}
