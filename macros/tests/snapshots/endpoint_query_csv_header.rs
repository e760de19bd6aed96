pub trait Api: declarest::Api {
    #[doc(hidden)]
    #[allow(non_upper_case_globals)]
    const __declarest_endpoint_get_tagged_images: &'static ::declarest::Endpoint = &::declarest::Endpoint::__new(
        "get_tagged_images",
        ::declarest::Method::Get,
        "/projects/<projectId>/images/tagged?<iterationId>&<tagIds>&<take>&<skip>",
        "/projects/{projectId}/images/tagged",
        &[
            ::declarest::Param::__new(
                "projectId",
                "project_id",
                ::declarest::ParamKind::Path,
            ),
            ::declarest::Param::__new(
                "iterationId",
                "iteration_id",
                ::declarest::ParamKind::Query,
            ),
            ::declarest::Param::__new(
                "tagIds",
                "tag_ids",
                ::declarest::ParamKind::Query,
            ),
            ::declarest::Param::__new("take", "take", ::declarest::ParamKind::Query),
            ::declarest::Param::__new("skip", "skip", ::declarest::ParamKind::Query),
            ::declarest::Param::__new(
                "Training-Key",
                "key",
                ::declarest::ParamKind::Header,
            ),
        ],
        ::declarest::BodyKind::None,
    );
    fn get_tagged_images(
        &self,
        project_id: Uuid,
        iteration_id: Option<Uuid>,
        tag_ids: Option<&[Uuid]>,
        take: Option<u32>,
        skip: Option<u32>,
        key: &str,
    ) -> impl ::core::future::Future<
        Output = declarest::Result<Vec<Image>>,
    > + ::core::marker::Send {
        let mut __request = ::declarest::__private_v0_1::RequestBuilder::new(
            Self::__declarest_endpoint_get_tagged_images,
            237,
        );
        __request.literal("/projects/");
        __request.path::<Uuid>("projectId", project_id);
        __request.literal("/images/tagged");
        __request.query::<Option<Uuid>>("iterationId", iteration_id);
        __request.query::<Option<&[Uuid]>>("tagIds", tag_ids);
        __request.query::<Option<u32>>("take", take);
        __request.query::<Option<u32>>("skip", skip);
        {
            static NAME: ::declarest::__private_v0_1::HeaderName = ::declarest::__private_v0_1::HeaderName::from_static(
                "training-key",
            );
            __request.header::<&str>(&NAME, key, true);
        }
        ::declarest::__private_v0_1::call(
            self,
            __request.finish(),
            ::declarest::__private_v0_1::decode_json::<Vec<Image>>,
        )
    }
}
