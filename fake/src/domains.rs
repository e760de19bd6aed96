//! The fixed set of domains the fake offers (the ids are the public service's).

use uuid::Uuid;

use customvision_training::{Domain, DomainType};

/// `General`, the classification domain CreateProject uses when it is given none.
pub const GENERAL: Uuid = Uuid::from_u128(0xee85a74c_405e_4adc_bb47_ffa8ca0c9f31);
/// `General (compact)`: classification, exportable.
pub const GENERAL_COMPACT: Uuid = Uuid::from_u128(0x0732100f_1a38_4e49_a514_c9b44c697ab5);
/// `General` object detection.
pub const OBJECT_DETECTION: Uuid = Uuid::from_u128(0xda2e3a8a_40a5_4171_82f4_58522f70fbc1);
/// `General (compact)` object detection: exportable.
pub const OBJECT_DETECTION_COMPACT: Uuid = Uuid::from_u128(0xa27d5ca5_bb19_49d8_a70a_fec086c47f5b);

const FOOD: Uuid = Uuid::from_u128(0xc151d5b5_dd07_472a_acc8_15d29dea8518);
const LANDMARKS: Uuid = Uuid::from_u128(0xca455789_012d_4b50_9fec_5bb63841c793);
const RETAIL: Uuid = Uuid::from_u128(0xb30a91ae_e3c1_4f73_a81e_c270bff27c39);

/// Id, name, type, exportable.
const DOMAINS: [(Uuid, &str, bool, bool); 7] = [
    (GENERAL, "General", false, false),
    (FOOD, "Food", false, false),
    (LANDMARKS, "Landmarks", false, false),
    (RETAIL, "Retail", false, false),
    (GENERAL_COMPACT, "General (compact)", false, true),
    (OBJECT_DETECTION, "General", true, false),
    (OBJECT_DETECTION_COMPACT, "General (compact)", true, true),
];

fn domain((id, name, detection, exportable): (Uuid, &str, bool, bool)) -> Domain {
    Domain {
        id,
        name: Some(name.to_owned()),
        r#type: Some(if detection {
            DomainType::ObjectDetection
        } else {
            DomainType::Classification
        }),
        exportable,
        enabled: true,
    }
}

/// All domains, in a fixed order.
pub fn all() -> Vec<Domain> {
    DOMAINS.into_iter().map(domain).collect()
}

/// One domain by id.
pub fn find(id: Uuid) -> Option<Domain> {
    DOMAINS.into_iter().find(|d| d.0 == id).map(domain)
}

/// Whether a domain detects objects (its predictions carry bounding boxes).
pub fn is_detection(id: Uuid) -> bool {
    DOMAINS.iter().any(|d| d.0 == id && d.2)
}

/// Whether iterations trained on a domain can be exported.
pub fn is_exportable(id: Uuid) -> bool {
    DOMAINS.iter().any(|d| d.0 == id && d.3)
}
