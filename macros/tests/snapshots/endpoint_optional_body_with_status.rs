pub trait Api: declarest::Api {
    #[doc(hidden)]
    #[allow(non_upper_case_globals)]
    const __declarest_endpoint_train_project: &'static ::declarest::Endpoint = &::declarest::Endpoint::__new(
        "train_project",
        ::declarest::Method::Post,
        "/projects/<projectId>/train?<$filter>",
        "/projects/{projectId}/train",
        &[
            ::declarest::Param::__new(
                "projectId",
                "project_id",
                ::declarest::ParamKind::Path,
            ),
            ::declarest::Param::__new(
                "$filter",
                "filter",
                ::declarest::ParamKind::Query,
            ),
            ::declarest::Param::__new("", "parameters", ::declarest::ParamKind::Body),
        ],
        ::declarest::BodyKind::Json,
    );
    fn train_project(
        &self,
        project_id: Uuid,
        filter: Option<&str>,
        parameters: Option<&TrainingParameters>,
    ) -> impl ::core::future::Future<
        Output = declarest::Result<declarest::WithStatus<Iteration>>,
    > + ::core::marker::Send {
        let mut __request = ::declarest::__private_v0_1::RequestBuilder::new(
            Self::__declarest_endpoint_train_project,
            97,
        );
        __request.literal("/projects/");
        __request.path::<Uuid>("projectId", project_id);
        __request.literal("/train");
        __request.query::<Option<&str>>("$filter", filter);
        if let ::core::option::Option::Some(__body) = &parameters {
            {
                #[allow(unused_imports)]
                use ::declarest::__private_v0_1::{
                    CheckModelLimits as _, CheckNoLimits as _,
                };
                __request
                    .limit(
                        (&::declarest::__private_v0_1::BodyLimits(__body)).check_limits(),
                    );
            }
            __request.json::<&TrainingParameters>(__body);
        }
        ::declarest::__private_v0_1::call(
            self,
            __request.finish(),
            ::declarest::__private_v0_1::decode_with_status::<Iteration>,
        )
    }
}
