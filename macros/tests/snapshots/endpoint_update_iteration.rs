pub trait Api: declarest::Api {
    #[doc(hidden)]
    #[allow(non_upper_case_globals)]
    const __declarest_endpoint_update_iteration: &'static ::declarest::Endpoint = &::declarest::Endpoint::__new(
        "update_iteration",
        ::declarest::Method::Patch,
        "/projects/<projectId>/iterations/<iterationId>",
        "/projects/{projectId}/iterations/{iterationId}",
        &[
            ::declarest::Param::__new(
                "projectId",
                "project_id",
                ::declarest::ParamKind::Path,
            ),
            ::declarest::Param::__new(
                "iterationId",
                "iteration_id",
                ::declarest::ParamKind::Path,
            ),
            ::declarest::Param::__new("", "updated", ::declarest::ParamKind::Body),
        ],
        ::declarest::BodyKind::Json,
    );
    /// Update a specific iteration.
    fn update_iteration(
        &self,
        project_id: Uuid,
        iteration_id: Uuid,
        updated: &IterationPatch,
    ) -> impl ::core::future::Future<
        Output = declarest::Result<Iteration>,
    > + ::core::marker::Send {
        let mut __request = ::declarest::__private_v0_1::RequestBuilder::new(
            Self::__declarest_endpoint_update_iteration,
            94,
        );
        __request.literal("/projects/");
        __request.path::<Uuid>("projectId", project_id);
        __request.literal("/iterations/");
        __request.path::<Uuid>("iterationId", iteration_id);
        {
            #[allow(unused_imports)]
            use ::declarest::__private_v0_1::{CheckModelLimits as _, CheckNoLimits as _};
            __request
                .limit(
                    (&::declarest::__private_v0_1::BodyLimits(&updated)).check_limits(),
                );
        }
        __request.json::<&IterationPatch>(&updated);
        ::declarest::__private_v0_1::call(
            self,
            __request.finish(),
            ::declarest::__private_v0_1::decode_json::<Iteration>,
        )
    }
}
