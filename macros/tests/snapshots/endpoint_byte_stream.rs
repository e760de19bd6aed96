pub trait Api: declarest::Api {
    #[doc(hidden)]
    #[allow(non_upper_case_globals)]
    const __declarest_endpoint_download_artifact: &'static ::declarest::Endpoint = &::declarest::Endpoint::__new(
        "download_artifact",
        ::declarest::Method::Get,
        "/projects/<projectId>/artifacts?<path>",
        "/projects/{projectId}/artifacts",
        &[
            ::declarest::Param::__new(
                "projectId",
                "project_id",
                ::declarest::ParamKind::Path,
            ),
            ::declarest::Param::__new("path", "path", ::declarest::ParamKind::Query),
        ],
        ::declarest::BodyKind::None,
    );
    fn download_artifact(
        &self,
        project_id: Uuid,
        path: &str,
    ) -> impl ::core::future::Future<
        Output = declarest::Result<ByteStream>,
    > + ::core::marker::Send {
        let mut __request = ::declarest::__private_v0_1::RequestBuilder::new(
            Self::__declarest_endpoint_download_artifact,
            98,
        );
        __request.literal("/projects/");
        __request.path::<Uuid>("projectId", project_id);
        __request.literal("/artifacts");
        __request.query::<&str>("path", path);
        __request.accept_binary();
        ::declarest::__private_v0_1::call_stream(self, __request.finish())
    }
}
