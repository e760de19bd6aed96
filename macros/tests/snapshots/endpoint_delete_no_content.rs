pub trait Api: declarest::Api {
    #[doc(hidden)]
    #[allow(non_upper_case_globals)]
    const __declarest_endpoint_delete_images: &'static ::declarest::Endpoint = &::declarest::Endpoint::__new(
        "delete_images",
        ::declarest::Method::Delete,
        "/projects/<projectId>/images?<imageIds>&api-version=2.0",
        "/projects/{projectId}/images",
        &[
            ::declarest::Param::__new(
                "projectId",
                "project",
                ::declarest::ParamKind::Path,
            ),
            ::declarest::Param::__new(
                "imageIds",
                "image_ids",
                ::declarest::ParamKind::Query,
            ),
        ],
        ::declarest::BodyKind::None,
    );
    fn delete_images(
        &self,
        project: Uuid,
        image_ids: &[Uuid],
    ) -> impl ::core::future::Future<
        Output = declarest::Result<()>,
    > + ::core::marker::Send {
        let mut __request = ::declarest::__private_v0_1::RequestBuilder::new(
            Self::__declarest_endpoint_delete_images,
            115,
        );
        __request.literal("/projects/");
        __request.path::<Uuid>("projectId", project);
        __request.literal("/images");
        __request.query::<&[Uuid]>("imageIds", image_ids);
        __request.query_literal("api-version=2.0");
        ::declarest::__private_v0_1::call(
            self,
            __request.finish(),
            ::declarest::__private_v0_1::decode_unit,
        )
    }
}
