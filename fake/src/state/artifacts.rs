//! The project's artifacts (v3.3's GetArtifact): image files and export packages, under paths
//! relative to the project's storage, the form the service answers with when its VNET feature
//! is on:
//!
//! - `images/{original|resized|thumbnail}/{imageId}`: an image's bytes (the fake resizes
//!   nothing: all three are the uploaded file);
//! - `predictions/{original|resized|thumbnail}/{predictionId}`: a quick-tested image's bytes;
//! - `exports/{iterationId}/{platform}[-{flavor}].zip`: a finished export, a small valid zip
//!   archive whose comment names what was exported.

use std::sync::Arc;

use uuid::Uuid;

use super::{ExportView, ImageData, State};
use crate::errors::{ServiceError, not_found_image};

/// Which file of an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArtifactKind {
    Original,
    Resized,
    Thumbnail,
}

impl ArtifactKind {
    fn as_str(self) -> &'static str {
        match self {
            ArtifactKind::Original => "original",
            ArtifactKind::Resized => "resized",
            ArtifactKind::Thumbnail => "thumbnail",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [
            ArtifactKind::Original,
            ArtifactKind::Resized,
            ArtifactKind::Thumbnail,
        ]
        .into_iter()
        .find(|k| k.as_str() == text)
    }
}

/// An artifact's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Artifact {
    /// A training image.
    Image(ArtifactKind, Uuid),
    /// A stored prediction's image.
    Prediction(ArtifactKind, Uuid),
    /// An export package.
    Export {
        iteration_id: Uuid,
        platform: String,
        flavor: Option<String>,
    },
}

impl Artifact {
    /// The export package of `export`.
    pub fn export(export: &ExportView) -> Self {
        Artifact::Export {
            iteration_id: export.iteration_id,
            platform: export.platform.clone(),
            flavor: export.flavor.clone(),
        }
    }

    /// The path, relative to the project's storage.
    pub fn path(&self) -> String {
        match self {
            Artifact::Image(kind, id) => format!("images/{}/{}", kind.as_str(), id.simple()),
            Artifact::Prediction(kind, id) => {
                format!("predictions/{}/{}", kind.as_str(), id.simple())
            }
            Artifact::Export {
                iteration_id,
                platform,
                flavor,
            } => match flavor {
                Some(flavor) => {
                    format!("exports/{}/{platform}-{flavor}.zip", iteration_id.simple())
                }
                None => format!("exports/{}/{platform}.zip", iteration_id.simple()),
            },
        }
    }

    /// Reads a path this module wrote.
    pub fn parse(path: &str) -> Option<Self> {
        let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match parts.as_slice() {
            ["images", kind, id] => Some(Artifact::Image(
                ArtifactKind::parse(kind)?,
                Uuid::try_parse(id).ok()?,
            )),
            ["predictions", kind, id] => Some(Artifact::Prediction(
                ArtifactKind::parse(kind)?,
                Uuid::try_parse(id).ok()?,
            )),
            ["exports", iteration, file] => {
                let name = file.strip_suffix(".zip")?;
                let (platform, flavor) = match name.split_once('-') {
                    Some((platform, flavor)) => (platform, Some(flavor.to_owned())),
                    None => (name, None),
                };
                if platform.is_empty() || flavor.as_deref() == Some("") {
                    return None;
                }
                Some(Artifact::Export {
                    iteration_id: Uuid::try_parse(iteration).ok()?,
                    platform: platform.to_owned(),
                    flavor,
                })
            }
            _ => None,
        }
    }
}

/// An empty zip archive (just its end-of-central-directory record) with `comment`.
fn zip_with_comment(comment: &str) -> Vec<u8> {
    let comment = &comment.as_bytes()[..comment.len().min(u16::MAX as usize)];
    let mut bytes = vec![0x50, 0x4B, 0x05, 0x06];
    bytes.extend_from_slice(&[0; 16]);
    bytes.extend_from_slice(&(comment.len() as u16).to_le_bytes());
    bytes.extend_from_slice(comment);
    bytes
}

fn image_bytes(data: &ImageData, id: Uuid) -> Result<Arc<[u8]>, ServiceError> {
    data.bytes.clone().ok_or_else(|| {
        ServiceError::new(
            "NotFound",
            format!("Image {id} was created from a URL, which the fake never fetched"),
        )
    })
}

impl State {
    /// GetArtifact: the bytes at `path` in the project's storage. A path the fake never hands
    /// out is BadRequestInvalidArtifactUri; an image or prediction it names that is gone is
    /// NotFoundImage; an export that is not (or no longer) done is NotFound.
    pub fn artifact(&self, project_id: Uuid, path: &str) -> Result<Arc<[u8]>, ServiceError> {
        let project = self.project(project_id)?;
        let artifact = Artifact::parse(path).ok_or_else(|| {
            ServiceError::new(
                "BadRequestInvalidArtifactUri",
                format!("{path:?} is not the path of one of the project's artifacts"),
            )
        })?;
        match artifact {
            Artifact::Image(_, id) => {
                let snapshots = project
                    .iterations
                    .iter()
                    .filter_map(|i| i.run.as_ref())
                    .flat_map(|run| &run.snapshot.images);
                let image = project
                    .images
                    .iter()
                    .chain(snapshots)
                    .find(|i| i.id == id)
                    .ok_or_else(|| not_found_image(id))?;
                image_bytes(&image.data, id)
            }
            Artifact::Prediction(_, id) => {
                let prediction = project
                    .predictions
                    .iter()
                    .find(|p| p.id == id)
                    .ok_or_else(|| not_found_image(id))?;
                image_bytes(&prediction.data, id)
            }
            Artifact::Export {
                iteration_id,
                platform,
                flavor,
            } => {
                let record = project.iteration(iteration_id)?;
                let export = record
                    .exports
                    .iter()
                    .map(|e| &e.export)
                    .find(|e| e.platform == platform && e.flavor == flavor && e.is_done())
                    .ok_or_else(|| {
                        ServiceError::new(
                            "NotFound",
                            format!("No finished {path:?} export of iteration {iteration_id}"),
                        )
                    })?;
                let comment = format!(
                    "customvision-fake export of project {project_id}, iteration {iteration_id}: {}{}",
                    export.platform,
                    export
                        .flavor
                        .as_deref()
                        .map(|f| format!(" ({f})"))
                        .unwrap_or_default()
                );
                Ok(Arc::from(zip_with_comment(&comment)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_back() {
        let id = Uuid::new_v4();
        for artifact in [
            Artifact::Image(ArtifactKind::Original, id),
            Artifact::Image(ArtifactKind::Thumbnail, id),
            Artifact::Prediction(ArtifactKind::Resized, id),
            Artifact::Export {
                iteration_id: id,
                platform: "TensorFlow".to_owned(),
                flavor: Some("TensorFlowLite".to_owned()),
            },
            Artifact::Export {
                iteration_id: id,
                platform: "CoreML".to_owned(),
                flavor: None,
            },
        ] {
            assert_eq!(Artifact::parse(&artifact.path()), Some(artifact));
        }
        for bad in [
            "",
            "images",
            "images/big/x",
            "exports/x/CoreML.zip",
            "a/b/c",
        ] {
            assert_eq!(Artifact::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn export_packages_are_zip_archives() {
        let zip = zip_with_comment("hi");
        assert_eq!(&zip[..4], b"PK\x05\x06");
        assert_eq!(zip.len(), 22 + 2);
        assert_eq!(&zip[22..], b"hi");
    }
}
