///The writable fields of [`Iteration`], for a PATCH: a field left `None` is not sent, so the request changes exactly the fields that are set. Derived by `Patchable`.
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::cmp::PartialEq,
    ::core::default::Default,
    ::declarest::__private_v0_1::serde::Serialize,
    ::declarest::__private_v0_1::serde::Deserialize
)]
#[serde(crate = "::declarest::__private_v0_1::serde")]
#[serde(rename_all = "camelCase")]
pub struct IterationPatch {
    /// The name.
    #[serde(alias = "Name")]
    #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
    #[serde(deserialize_with = "::declarest::__private_v0_1::deserialize_double_option")]
    pub name: ::core::option::Option<Option<String>>,
    #[serde(rename = "isDefault")]
    #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
    pub is_default: ::core::option::Option<bool>,
}
impl IterationPatch {
    ///Sets `name`: a value, or `None` to send `null` and clear it.
    #[must_use]
    pub fn name(
        mut self,
        value: impl ::core::convert::Into<::core::option::Option<String>>,
    ) -> Self {
        self.name = ::core::option::Option::Some(value.into());
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
        true && self.name.is_none() && self.is_default.is_none()
    }
    fn apply_to(&self, model: &mut Iteration) {
        if let ::core::option::Option::Some(value) = &self.name {
            model.name = ::core::clone::Clone::clone(value);
        }
        if let ::core::option::Option::Some(value) = &self.is_default {
            model.is_default = ::core::clone::Clone::clone(value);
        }
    }
    fn between(before: &Iteration, after: &Iteration) -> Self {
        Self {
            name: (before.name != after.name)
                .then(|| ::core::clone::Clone::clone(&after.name)),
            is_default: (before.is_default != after.is_default)
                .then(|| ::core::clone::Clone::clone(&after.is_default)),
        }
    }
}
