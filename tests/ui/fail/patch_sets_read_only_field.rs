// Expected: "struct `IterationPatch` has no field named `id`": a read-only field is not on the patch.
use customvision_training::IterationPatch;

fn main() {
    let _patch = IterationPatch {
        id: Some(uuid::Uuid::nil()),
        ..Default::default()
    };
}
