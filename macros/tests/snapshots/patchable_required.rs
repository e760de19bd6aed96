///The writable fields of [`Iteration`], for a PATCH: the required ones (`name`, `publish_name`) are always sent, so a patch is built with [`new`](Self::new); any other field left `None` is not sent. Derived by `Patchable`.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::cmp::PartialEq,
    ::declarest::__private_v0_1::serde::Serialize,
    ::declarest::__private_v0_1::serde::Deserialize
)]
#[serde(crate = "::declarest::__private_v0_1::serde")]
#[serde(rename_all = "camelCase")]
pub struct IterationPatch {
    pub name: String,
    pub publish_name: Option<String>,
    #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
    pub is_default: ::core::option::Option<bool>,
}
impl IterationPatch {
    ///A patch that sends `name`, `publish_name`, and no other field until one is set.
    #[must_use]
    pub fn new(name: String, publish_name: Option<String>) -> Self {
        Self {
            name,
            publish_name,
            is_default: ::core::option::Option::None,
        }
    }
    ///Sets `name`.
    #[must_use]
    pub fn name(mut self, value: String) -> Self {
        self.name = value;
        self
    }
    ///Sets `publish_name`: a value, or `None` to send `null` and clear it.
    #[must_use]
    pub fn publish_name(
        mut self,
        value: impl ::core::convert::Into<::core::option::Option<String>>,
    ) -> Self {
        self.publish_name = value.into();
        self
    }
    ///Sets `is_default`.
    #[must_use]
    pub fn is_default(mut self, value: bool) -> Self {
        self.is_default = ::core::option::Option::Some(value);
        self
    }
}
impl ::declarest::Patch for IterationPatch {
    type Model = Iteration;
    fn is_empty(&self) -> bool {
        false
    }
    fn apply_to(&self, model: &mut Iteration) {
        model.name = ::core::clone::Clone::clone(&self.name);
        model.publish_name = ::core::clone::Clone::clone(&self.publish_name);
        if let ::core::option::Option::Some(value) = &self.is_default {
            model.is_default = ::core::clone::Clone::clone(value);
        }
    }
    fn between(before: &Iteration, after: &Iteration) -> Self {
        Self {
            name: ::core::clone::Clone::clone(&after.name),
            publish_name: ::core::clone::Clone::clone(&after.publish_name),
            is_default: (before.is_default != after.is_default)
                .then(|| ::core::clone::Clone::clone(&after.is_default)),
        }
    }
}
