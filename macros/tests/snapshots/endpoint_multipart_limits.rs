pub trait Api: declarest::Api {
    #[doc(hidden)]
    #[allow(non_upper_case_globals)]
    const __declarest_endpoint_create_images_from_data: &'static ::declarest::Endpoint = &::declarest::Endpoint::__new(
        "create_images_from_data",
        ::declarest::Method::Post,
        "/projects/<projectId>/images?<tagIds>",
        "/projects/{projectId}/images",
        &[
            ::declarest::Param::__new(
                "projectId",
                "project_id",
                ::declarest::ParamKind::Path,
            ),
            ::declarest::Param::__new(
                "imageData",
                "image_data",
                ::declarest::ParamKind::Multipart,
            ),
            ::declarest::Param::__new("tagIds", "tag_ids", ::declarest::ParamKind::Query),
        ],
        ::declarest::BodyKind::Multipart,
    );
    /// Add the provided images to the set of training images.
    fn create_images_from_data(
        &self,
        project_id: Uuid,
        image_data: &[declarest::File],
        tag_ids: Option<&[Uuid]>,
    ) -> impl ::core::future::Future<
        Output = declarest::Result<ImageCreateSummary>,
    > + ::core::marker::Send {
        let mut __request = ::declarest::__private_v0_1::RequestBuilder::new(
            Self::__declarest_endpoint_create_images_from_data,
            97,
        );
        __request
            .limit(
                ::declarest::__private_v0_1::check_items("`imageData`", &image_data, 64),
            );
        __request
            .limit(::declarest::__private_v0_1::check_items("`tagIds`", &tag_ids, 20));
        __request.literal("/projects/");
        __request.path::<Uuid>("projectId", project_id);
        __request.literal("/images");
        __request.query::<Option<&[Uuid]>>("tagIds", tag_ids);
        __request.parts::<&[declarest::File]>("imageData", image_data);
        ::declarest::__private_v0_1::call(
            self,
            __request.finish(),
            ::declarest::__private_v0_1::decode_json::<ImageCreateSummary>,
        )
    }
}
