//! The string enums of the spec, models' properties and operations' query parameters alike.
//!
//! The service's enums drift (`MultiLabel` vs `Multilabel`) and grow, so each enum here is
//! tolerant: a known value is matched whatever its casing, anything else is kept as
//! `Other(value)`, and reading one never fails on its value.

/// Declares a tolerant string enum: the known variants with their wire spelling, plus
/// `Other(String)`; `as_str`, `Display`, `FromStr` / `From<&str>` / `From<String>` (never
/// failing), serde as the wire string (read case-insensitively), and `declarest::ParamValue`
/// so it can be a query value.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
            /// A value this client does not know, kept as the service sent it.
            Other(String),
        }

        impl $name {
            /// The value as the spec spells it (an `Other` value as it was given).
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Other(value) => value,
                }
            }

            /// The known value spelled like `value` in any casing, or `Other(value)`.
            fn parse_lenient(value: &str) -> Self {
                $(
                    if value.eq_ignore_ascii_case($wire) {
                        return Self::$variant;
                    }
                )+
                Self::Other(value.to_owned())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::parse_lenient(value))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::parse_lenient(value)
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(value: String) -> Self {
                Self::parse_lenient(&value)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value = <String as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::parse_lenient(&value))
            }
        }

        impl ::declarest::ParamValue for $name {
            fn write_param(&self, out: &mut ::declarest::ParamWriter<'_>) {
                out.push_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// The kind of a [`Domain`](crate::Domain) (`Domain.type`; the spec's `DomainType`).
    pub enum DomainType {
        /// `Classification`: tags whole images.
        Classification = "Classification",
        /// `ObjectDetection`: tags regions of images.
        ObjectDetection = "ObjectDetection",
    }
}

string_enum! {
    /// The outcome of creating one image (`ImageCreateResult.status`; the spec's
    /// `ImageUploadStatus`).
    pub enum ImageCreateStatus {
        /// `OK`: the image was created.
        Ok = "OK",
        /// `OKDuplicate`: the image was already in the project.
        OkDuplicate = "OKDuplicate",
        /// `ErrorSource`: the source could not be read.
        ErrorSource = "ErrorSource",
        /// `ErrorImageFormat`: the image format is not supported.
        ErrorImageFormat = "ErrorImageFormat",
        /// `ErrorImageSize`: the image is too large.
        ErrorImageSize = "ErrorImageSize",
        /// `ErrorStorage`: the image could not be stored.
        ErrorStorage = "ErrorStorage",
        /// `ErrorLimitExceed`: the project holds too many images.
        ErrorLimitExceed = "ErrorLimitExceed",
        /// `ErrorTagLimitExceed`: the image has too many tags.
        ErrorTagLimitExceed = "ErrorTagLimitExceed",
        /// `ErrorRegionLimitExceed`: the image has too many regions.
        ErrorRegionLimitExceed = "ErrorRegionLimitExceed",
        /// `ErrorUnknown`: another error.
        ErrorUnknown = "ErrorUnknown",
    }
}

string_enum! {
    /// The order of a prediction query (`PredictionQueryToken.orderBy`; the spec's `OrderBy`).
    pub enum PredictionOrderBy {
        /// `Newest` first.
        Newest = "Newest",
        /// `Oldest` first.
        Oldest = "Oldest",
        /// `Suggested`: the predictions most worth tagging first.
        Suggested = "Suggested",
    }
}

string_enum! {
    /// The order of an image listing: the `orderBy` query parameter of GetTaggedImages,
    /// GetUntaggedImages and GetImagePerformances (the service defaults to `Newest`).
    pub enum ImageOrderBy {
        /// `Newest` first.
        Newest = "Newest",
        /// `Oldest` first.
        Oldest = "Oldest",
    }
}

string_enum! {
    /// The platform of an export (`Export.platform`, and the `platform` query parameter of
    /// ExportIteration; the spec's `ExportPlatform`).
    pub enum ExportPlatform {
        /// `CoreML`.
        CoreMl = "CoreML",
        /// `TensorFlow`.
        TensorFlow = "TensorFlow",
        /// `DockerFile`.
        DockerFile = "DockerFile",
        /// `ONNX`.
        Onnx = "ONNX",
    }
}

string_enum! {
    /// The state of an export (`Export.status`; the spec's `ExportStatusModel`).
    pub enum ExportStatus {
        /// `Exporting`: still in progress.
        Exporting = "Exporting",
        /// `Failed`.
        Failed = "Failed",
        /// `Done`: ready to download.
        Done = "Done",
    }
}

string_enum! {
    /// The flavor of an export's platform (`Export.flavor`, and the `flavor` query parameter of
    /// ExportIteration; the spec's `ExportFlavor`). The parameter's description also names
    /// `ARM` and `GPU`, which are not in the spec's enum: pass them as `Other`.
    pub enum ExportFlavor {
        /// `Linux`.
        Linux = "Linux",
        /// `Windows`.
        Windows = "Windows",
    }
}
