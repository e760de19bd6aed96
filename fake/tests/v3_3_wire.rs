//! The fake's v3.3 routes on the wire, with raw HTTP requests (no generated client): status
//! codes (207 vs 200, 202 vs 204), bodies in the spec's shape, artifacts as bytes, errors as
//! `{code, message}` with the spec's codes, and one state shared with v2.0. The same operations
//! through the typed client are in the workspace's `tests/training_ops_v3_3.rs`.

use std::time::{Duration, Instant};

use customvision_fake::{FakeTraining, GENERAL_COMPACT_DOMAIN, OBJECT_DETECTION_DOMAIN};
use serde_json::{Value, json};

const KEY: &str = "v3-3-wire-key";

struct Fake {
    fake: FakeTraining,
    http: reqwest::Client,
}

struct Answer {
    status: u16,
    content_type: Option<String>,
    bytes: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or_else(|e| {
            panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(&self.bytes))
        })
    }

    /// The answer is an error with this status and code.
    fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.bytes)
        );
        let body = self.json();
        assert_eq!(body["code"], code, "{body}");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

impl Fake {
    async fn start() -> Self {
        // reqwest is built without a TLS provider; the fake is plain HTTP, but a client needs one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let fake = FakeTraining::builder()
            .training_key(KEY)
            .training_duration(Duration::from_millis(20))
            .export_duration(Duration::from_millis(20))
            .start()
            .await
            .expect("the fake starts");
        Fake {
            fake,
            http: reqwest::Client::new(),
        }
    }

    /// Sends `method` to `path` under a version's base URL, with the key.
    async fn send(
        &self,
        version: &str,
        method: reqwest::Method,
        path: &str,
        body: Option<reqwest::Body>,
        content_type: &str,
    ) -> Answer {
        let base = match version {
            "v2.0" => self.fake.base_url(),
            _ => self.fake.base_url_v3_3(),
        };
        let mut request = self
            .http
            .request(method, format!("{base}{path}"))
            .header("Training-Key", KEY)
            .timeout(Duration::from_secs(10));
        if let Some(body) = body {
            request = request.header("Content-Type", content_type).body(body);
        }
        let response = request.send().await.expect("the fake answers");
        Answer {
            status: response.status().as_u16(),
            content_type: response
                .headers()
                .get("content-type")
                .map(|v| v.to_str().unwrap().to_owned()),
            bytes: response.bytes().await.unwrap().to_vec(),
        }
    }

    async fn get(&self, path: &str) -> Answer {
        self.send("v3.3", reqwest::Method::GET, path, None, "")
            .await
    }

    async fn delete(&self, path: &str) -> Answer {
        self.send("v3.3", reqwest::Method::DELETE, path, None, "")
            .await
    }

    async fn post(&self, path: &str, body: Option<Value>) -> Answer {
        let body = body.map(|b| reqwest::Body::from(b.to_string()));
        self.send(
            "v3.3",
            reqwest::Method::POST,
            path,
            body,
            "application/json",
        )
        .await
    }

    async fn patch(&self, path: &str, body: Value) -> Answer {
        let body = Some(reqwest::Body::from(body.to_string()));
        self.send(
            "v3.3",
            reqwest::Method::PATCH,
            path,
            body,
            "application/json",
        )
        .await
    }

    /// One image as an octet-stream upload.
    async fn upload(&self, project: &str, query: &str, bytes: Vec<u8>) -> Answer {
        let path = format!("/projects/{project}/images?{query}");
        self.send(
            "v3.3",
            reqwest::Method::POST,
            &path,
            Some(bytes.into()),
            "application/octet-stream",
        )
        .await
    }

    /// Polls GetIteration until it is `Completed` (2 s at most).
    async fn completed(&self, project: &str, iteration: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(2);
        loop {
            let answer = self
                .get(&format!("/projects/{project}/iterations/{iteration}"))
                .await;
            let body = answer.json();
            if body["status"] == "Completed" {
                return body;
            }
            assert!(Instant::now() < deadline, "not completed: {body}");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

/// The smallest PNG the fake reads: signature and IHDR (with a per-image seed after it).
fn png(seed: u8) -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    bytes.extend_from_slice(b"IHDR");
    bytes.extend_from_slice(&40u32.to_be_bytes());
    bytes.extend_from_slice(&30u32.to_be_bytes());
    bytes.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0, seed, seed, seed]);
    bytes
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("not a string: {value}"))
}

/// A compact project with tags a and b, two images each, trained; returns (project, a, b,
/// iteration).
async fn trained(f: &Fake, name: &str) -> (String, String, String, String) {
    let project = f
        .post(
            &format!("/projects?name={name}&domainId={GENERAL_COMPACT_DOMAIN}"),
            None,
        )
        .await
        .json();
    let project = text(&project["id"]).to_owned();
    let a = f
        .post(&format!("/projects/{project}/tags?name=a"), None)
        .await;
    let b = f
        .post(&format!("/projects/{project}/tags?name=b"), None)
        .await;
    let (a, b) = (
        text(&a.json()["id"]).to_owned(),
        text(&b.json()["id"]).to_owned(),
    );
    for (tag, seeds) in [(&a, [1, 2]), (&b, [3, 4])] {
        for seed in seeds {
            let answer = f
                .upload(&project, &format!("tagIds={tag}"), png(seed))
                .await;
            assert_eq!(answer.status, 200);
        }
    }
    let iteration = f.post(&format!("/projects/{project}/train"), None).await;
    assert_eq!(iteration.status, 200);
    let iteration = text(&iteration.json()["id"]).to_owned();
    f.completed(&project, &iteration).await;
    (project, a, b, iteration)
}

#[tokio::test]
async fn both_versions_share_one_state_and_one_key() {
    let f = Fake::start().await;
    // Created through v2.0 ...
    let v2 = f
        .send(
            "v2.0",
            reqwest::Method::POST,
            "/projects?name=Shared",
            None,
            "",
        )
        .await;
    assert_eq!(v2.status, 200);
    let id = text(&v2.json()["id"]).to_owned();
    // ... read through v3.3, in v3.3's shape.
    let project = f.get(&format!("/projects/{id}")).await.json();
    assert_eq!(project["name"], "Shared");
    assert_eq!(project["status"], "Succeeded");
    assert_eq!(project["settings"]["classificationType"], "Multiclass");
    // Created through v3.3, listed through v2.0.
    let v3 = f.post("/projects?name=Other", None).await.json();
    let listed = f
        .send("v2.0", reqwest::Method::GET, "/projects", None, "")
        .await
        .json();
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| text(&p["name"]))
        .collect();
    assert_eq!(names, ["Shared", "Other"]);
    assert_eq!(listed[1]["id"], v3["id"]);

    // The key check covers v3.3 too.
    let url = format!("{}/projects", f.fake.base_url_v3_3());
    let wrong = f
        .http
        .get(&url)
        .header("Training-Key", "wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 401);
    let missing = f.http.get(&url).send().await.unwrap();
    assert_eq!(missing.status().as_u16(), 401);
    // v3.3's paths are lower-case `training`: v2.0's casing is not v3.3's.
    let v2_casing = f
        .http
        .get(format!(
            "{}/customvision/v3.3/Training/projects",
            f.fake.endpoint()
        ))
        .header("Training-Key", KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(v2_casing.status().as_u16(), 404);
    f.get("/nowhere").await.assert_error(404, "NotFound");
}

#[tokio::test]
async fn batches_answer_207_when_part_fails_and_200_when_all_succeed() {
    let f = Fake::start().await;
    let project = text(&f.post("/projects?name=Batches", None).await.json()["id"]).to_owned();
    let tag = f
        .post(&format!("/projects/{project}/tags?name=t"), None)
        .await;
    let tag = text(&tag.json()["id"]).to_owned();

    let first = f.upload(&project, &format!("tagIds={tag}"), png(1)).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.json()["isBatchSuccessful"], true);
    let image = first.json()["images"][0]["image"].clone();
    assert_eq!(
        image["originalImageUri"],
        format!("images/original/{}", text(&image["id"]).replace('-', ""))
    );
    assert!(image.get("imageUri").is_none(), "v3.3 has no imageUri");

    // The same bytes again: a duplicate, so 207 with the same shape.
    let again = f.upload(&project, "", png(1)).await;
    assert_eq!(again.status, 207);
    let body = again.json();
    assert_eq!(body["isBatchSuccessful"], false);
    assert_eq!(body["images"][0]["status"], "OKDuplicate");

    // URLs with metadata: one good, one not a URL the service reads.
    let batch = json!({
        "images": [{"url": "https://images.invalid/a.jpg"}, {"url": "ftp://x/b.jpg"}],
        "tagIds": [tag],
        "metadata": {"camera": "north"},
    });
    let answer = f
        .post(&format!("/projects/{project}/images/urls"), Some(batch))
        .await;
    assert_eq!(answer.status, 207);
    let body = answer.json();
    assert_eq!(body["images"][0]["status"], "OK");
    assert_eq!(body["images"][0]["image"]["metadata"]["camera"], "north");
    assert_eq!(body["images"][1]["status"], "ErrorSource");
    let all_good = json!({"images": [{"url": "https://images.invalid/c.jpg"}]});
    let answer = f
        .post(&format!("/projects/{project}/images/urls"), Some(all_good))
        .await;
    assert_eq!(answer.status, 200);

    // An unknown tag fails the whole request, as in v2.0.
    let unknown = json!({"images": [{"url": "https://images.invalid/d.jpg"}], "tagIds": [uuid::Uuid::new_v4()]});
    f.post(&format!("/projects/{project}/images/urls"), Some(unknown))
        .await
        .assert_error(404, "NotFoundTag");
    // Metadata over its limits: the service's codes.
    let long_key = json!({"images": [{"url": "https://images.invalid/e.jpg"}], "metadata": {"k".repeat(257): "v"}});
    f.post(&format!("/projects/{project}/images/urls"), Some(long_key))
        .await
        .assert_error(400, "BadRequestImageMetadataKey");

    // A Negative tag with a regular one on one image.
    let negative = f
        .post(
            &format!("/projects/{project}/tags?name=none&type=Negative"),
            None,
        )
        .await;
    assert_eq!(negative.json()["type"], "Negative");
    let negative = text(&negative.json()["id"]).to_owned();
    f.post(
        &format!("/projects/{project}/tags?name=none2&type=negative"),
        None,
    )
    .await
    .assert_error(400, "BadRequestMultipleNegativeTag");
    f.post(&format!("/projects/{project}/tags?name=x&type=Odd"), None)
        .await
        .assert_error(400, "BadRequestTagType");
    let mixed = f
        .upload(&project, &format!("tagIds={tag},{negative}"), png(9))
        .await;
    assert_eq!(mixed.status, 207);
    assert_eq!(
        mixed.json()["images"][0]["status"],
        "ErrorNegativeAndRegularTagOnSameImage"
    );

    // Regions: all created is 200; one already there is 207.
    let image_id = text(&image["id"]).to_owned();
    let region = json!({"imageId": image_id, "tagId": tag, "left": 0.1, "top": 0.1, "width": 0.5, "height": 0.5});
    let answer = f
        .post(
            &format!("/projects/{project}/images/regions"),
            Some(json!({"regions": [region]})),
        )
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["created"].as_array().unwrap().len(), 1);
    let answer = f
        .post(
            &format!("/projects/{project}/images/regions"),
            Some(json!({"regions": [region]})),
        )
        .await;
    assert_eq!(answer.status, 207);
    assert_eq!(answer.json()["duplicated"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn metadata_updates_limits_and_filters() {
    let f = Fake::start().await;
    let project = text(&f.post("/projects?name=Meta", None).await.json()["id"]).to_owned();
    let mut ids = Vec::new();
    for seed in 1..=3 {
        let answer = f.upload(&project, "", png(seed)).await;
        ids.push(text(&answer.json()["images"][0]["image"]["id"]).to_owned());
    }
    let path =
        |image_ids: &str| format!("/projects/{project}/images/metadata?imageIds={image_ids}");

    let answer = f
        .post(
            &path(&ids[..2].join(",")),
            Some(json!({"site": "north", "camera": "c1"})),
        )
        .await;
    assert_eq!(answer.status, 200);
    let body = answer.json();
    assert_eq!(body["isBatchSuccessful"], true);
    assert_eq!(body["images"][0]["status"], "OK");
    assert_eq!(
        body["images"][0]["metadata"],
        json!({"camera": "c1", "site": "north"})
    );
    // Merged, not replaced.
    let answer = f.post(&path(&ids[1]), Some(json!({"site": "south"}))).await;
    assert_eq!(
        answer.json()["images"][0]["metadata"],
        json!({"camera": "c1", "site": "south"})
    );

    // An unknown image: 207, that image ErrorImageNotFound, the other updated.
    let unknown = uuid::Uuid::new_v4().to_string();
    let answer = f
        .post(
            &path(&format!("{},{unknown}", ids[2])),
            Some(json!({"site": "east"})),
        )
        .await;
    assert_eq!(answer.status, 207);
    let body = answer.json();
    assert_eq!(body["isBatchSuccessful"], false);
    assert_eq!(body["images"][0]["status"], "OK");
    assert_eq!(body["images"][1]["status"], "ErrorImageNotFound");

    // 50 pairs per image: 48 more fit on the first image (which has 2), 49 do not.
    let pairs = |n: usize| -> Value {
        (0..n)
            .map(|i| (format!("k{i}"), json!("v")))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let answer = f.post(&path(&ids[0]), Some(pairs(49))).await;
    assert_eq!(answer.status, 207);
    assert_eq!(answer.json()["images"][0]["status"], "ErrorLimitExceed");
    let answer = f.post(&path(&ids[0]), Some(pairs(48))).await;
    assert_eq!(answer.status, 200);
    // Keys up to 256 characters, values up to 512.
    let answer = f
        .post(
            &path(&ids[2]),
            Some(json!({"k".repeat(256): "v".repeat(512)})),
        )
        .await;
    assert_eq!(answer.status, 200);
    f.post(&path(&ids[2]), Some(json!({"k".repeat(257): "v"})))
        .await
        .assert_error(400, "BadRequestImageMetadataKey");
    f.post(&path(&ids[2]), Some(json!({"k": "v".repeat(513)})))
        .await
        .assert_error(400, "BadRequestImageMetadataValue");
    let many: Vec<String> = (0..65).map(|_| uuid::Uuid::new_v4().to_string()).collect();
    f.post(&path(&many.join(",")), Some(json!({"k": "v"})))
        .await
        .assert_error(400, "BadRequestExceededBatchSize");

    // $filter: eq, ne, and, or.
    let listed = |filter: &'static str| {
        let project = project.clone();
        let f = &f;
        async move {
            let encoded: String = filter
                .bytes()
                .map(|b| match b {
                    b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
                    _ => format!("%{b:02X}"),
                })
                .collect();
            let images = f
                .get(&format!(
                    "/projects/{project}/images?$filter={encoded}&orderBy=Oldest"
                ))
                .await
                .json();
            let count = f
                .get(&format!(
                    "/projects/{project}/images/count?%24filter={encoded}"
                ))
                .await
                .json();
            let ids: Vec<String> = images
                .as_array()
                .unwrap()
                .iter()
                .map(|i| text(&i["id"]).to_owned())
                .collect();
            assert_eq!(count, json!(ids.len()));
            ids
        }
    };
    assert_eq!(listed("site eq 'north'").await, [ids[0].clone()]);
    assert_eq!(
        listed("site ne 'north'").await,
        [ids[1].clone(), ids[2].clone()]
    );
    assert_eq!(
        listed("site eq 'south' or site eq 'east'").await,
        [ids[1].clone(), ids[2].clone()]
    );
    assert_eq!(
        listed("camera eq 'c1' and site eq 'south'").await,
        [ids[1].clone()]
    );
    f.get(&format!(
        "/projects/{project}/images?$filter=site%20gt%20'a'"
    ))
    .await
    .assert_error(400, "BadRequest");
}

#[tokio::test]
async fn tagging_status_and_deletes() {
    let f = Fake::start().await;
    let project = text(&f.post("/projects?name=Status", None).await.json()["id"]).to_owned();
    let tag = text(
        &f.post(&format!("/projects/{project}/tags?name=t"), None)
            .await
            .json()["id"],
    )
    .to_owned();
    let tagged = f
        .upload(&project, &format!("tagIds={tag}"), png(1))
        .await
        .json();
    let tagged = text(&tagged["images"][0]["image"]["id"]).to_owned();
    let untagged = f.upload(&project, "", png(2)).await.json();
    let untagged = text(&untagged["images"][0]["image"]["id"]).to_owned();
    let count = |status: &'static str| {
        let path = format!("/projects/{project}/images/count?taggingStatus={status}");
        let f = &f;
        async move { f.get(&path).await.json() }
    };
    assert_eq!(count("All").await, json!(2));
    assert_eq!(count("Tagged").await, json!(1));
    assert_eq!(count("untagged").await, json!(1));
    let images = f
        .get(&format!(
            "/projects/{project}/images?taggingStatus=Untagged"
        ))
        .await
        .json();
    assert_eq!(images[0]["id"], untagged.as_str());
    f.get(&format!(
        "/projects/{project}/images/count?taggingStatus=Some"
    ))
    .await
    .assert_error(400, "BadRequest");

    // By ids: 204. Nothing to delete named: an error.
    let answer = f
        .delete(&format!("/projects/{project}/images?imageIds={untagged}"))
        .await;
    assert_eq!((answer.status, answer.bytes.len()), (204, 0));
    f.delete(&format!("/projects/{project}/images"))
        .await
        .assert_error(400, "BadRequestInvalidIds");
    // All of them: 202, and they are gone.
    let answer = f
        .delete(&format!("/projects/{project}/images?allImages=true"))
        .await;
    assert_eq!(answer.status, 202);
    assert_eq!(count("All").await, json!(0));
    let _ = tagged;
}

#[tokio::test]
async fn publishing_replaces_the_default_iteration() {
    let f = Fake::start().await;
    let (project, _, _, iteration) = trained(&f, "Publish").await;
    let got = f
        .get(&format!("/projects/{project}/iterations/{iteration}"))
        .await
        .json();
    assert!(got.get("isDefault").is_none(), "v3.3 has no default: {got}");
    assert_eq!(got["trainingType"], "Regular");
    assert_eq!(got["exportableTo"].as_array().unwrap().len(), 5);
    assert!(got.get("publishName").is_none_or(Value::is_null));

    let resource = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/pred";
    let publish = |name: &'static str, target: &'static str, iteration: String| {
        let project = project.clone();
        let f = &f;
        async move {
            f.post(
                &format!(
                    "/projects/{project}/iterations/{iteration}/publish?publishName={name}&predictionId={target}"
                ),
                None,
            )
            .await
        }
    };
    let answer = publish("birds", resource, iteration.clone()).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.bytes, b"true", "a bare JSON true");
    let got = f
        .get(&format!("/projects/{project}/iterations/{iteration}"))
        .await
        .json();
    assert_eq!(got["publishName"], "birds");
    assert_eq!(got["originalPublishResourceId"], resource);
    publish("bad name!", resource, iteration.clone())
        .await
        .assert_error(400, "BadRequestInvalidPublishName");
    publish("birds", "not-a-resource", iteration.clone())
        .await
        .assert_error(400, "BadRequestInvalidPublishTarget");

    // Published: not deleted, through either version.
    f.delete(&format!("/projects/{project}/iterations/{iteration}"))
        .await
        .assert_error(400, "BadRequestIterationIsPublished");
    let v2 = f
        .send(
            "v2.0",
            reqwest::Method::DELETE,
            &format!("/projects/{project}/iterations/{iteration}"),
            None,
            "",
        )
        .await;
    v2.assert_error(400, "BadRequestIterationIsPublished");

    let answer = f
        .delete(&format!(
            "/projects/{project}/iterations/{iteration}/publish"
        ))
        .await;
    assert_eq!(answer.status, 204);
    f.delete(&format!(
        "/projects/{project}/iterations/{iteration}/publish"
    ))
    .await
    .assert_error(400, "BadRequestIterationNotPublished");
    // v3.3 has no default to protect: the iteration (v2.0's default) is deleted.
    let answer = f
        .delete(&format!("/projects/{project}/iterations/{iteration}"))
        .await;
    assert_eq!(answer.status, 204);
    f.get(&format!("/projects/{project}/iterations/{iteration}"))
        .await
        .assert_error(404, "NotFoundIteration");
}

#[tokio::test]
async fn training_options_and_body() {
    let f = Fake::start().await;
    let (project, a, _, _) = trained(&f, "Options").await;
    let train = |query: String, body: Option<Value>| {
        let project = project.clone();
        let f = &f;
        async move {
            f.post(&format!("/projects/{project}/train?{query}"), body)
                .await
        }
    };
    train(String::new(), None)
        .await
        .assert_error(400, "BadRequestTrainingNotNeeded");
    train("trainingType=Advanced".into(), None)
        .await
        .assert_error(
            400,
            "BadRequestReservedBudgetInHoursNotEnoughForAdvancedTraining",
        );
    train(
        "forceTrain=true&notificationEmailAddress=nobody".into(),
        None,
    )
    .await
    .assert_error(400, "BadRequestInvalidEmailAddress");
    let answer = train(
        "forceTrain=true&trainingType=Advanced&reservedBudgetInHours=2&notificationEmailAddress=me%40example.com".into(),
        Some(json!({"selectedTags": [a]})),
    )
    .await;
    assert_eq!(answer.status, 200);
    let iteration = answer.json();
    assert_eq!(iteration["trainingType"], "Advanced");
    assert_eq!(iteration["reservedBudgetInHours"], 2);
    let id = text(&iteration["id"]).to_owned();
    let done = f.completed(&project, &id).await;
    assert_eq!(done["trainingTimeInMinutes"], 1);
    // Trained on the selected tag only.
    let tags = f
        .get(&format!("/projects/{project}/tags?iterationId={id}"))
        .await
        .json();
    assert_eq!(tags.as_array().unwrap().len(), 1);
    assert_eq!(tags[0]["id"], a.as_str());
}

#[tokio::test]
async fn artifacts_exports_and_project_copies() {
    let f = Fake::start().await;
    let (project, _, _, iteration) = trained(&f, "Artifacts").await;
    let image = f
        .get(&format!("/projects/{project}/images?orderBy=Oldest&take=1"))
        .await
        .json();
    for key in ["originalImageUri", "resizedImageUri", "thumbnailUri"] {
        let path = text(&image[0][key]).to_owned();
        let answer = f
            .get(&format!("/projects/{project}/artifacts?path={path}"))
            .await;
        assert_eq!(answer.status, 200, "{key}");
        assert_eq!(
            answer.content_type.as_deref(),
            Some("application/octet-stream")
        );
        assert_eq!(answer.bytes, png(1), "{key}: the uploaded bytes");
    }
    f.get(&format!("/projects/{project}/artifacts?path=elsewhere/x"))
        .await
        .assert_error(400, "BadRequestInvalidArtifactUri");
    f.get(&format!("/projects/{project}/artifacts"))
        .await
        .assert_error(400, "BadRequestRequiredParamIsNull");

    // An export's download is an artifact too, once done.
    let export = f
        .post(
            &format!("/projects/{project}/iterations/{iteration}/export?platform=TensorFlow&flavor=TensorFlowLite"),
            None,
        )
        .await;
    assert_eq!(export.json()["status"], "Exporting");
    let deadline = Instant::now() + Duration::from_secs(2);
    let uri = loop {
        let exports = f
            .get(&format!(
                "/projects/{project}/iterations/{iteration}/export"
            ))
            .await
            .json();
        if exports[0]["status"] == "Done" {
            assert_eq!(exports[0]["newerVersionAvailable"], false);
            break text(&exports[0]["downloadUri"]).to_owned();
        }
        assert!(Instant::now() < deadline);
        tokio::time::sleep(Duration::from_millis(5)).await;
    };
    let package = f
        .get(&format!("/projects/{project}/artifacts?path={uri}"))
        .await;
    assert_eq!(package.status, 200);
    assert_eq!(&package.bytes[..4], b"PK\x05\x06", "a zip archive");
    f.post(
        &format!("/projects/{project}/iterations/{iteration}/export?platform=Other"),
        None,
    )
    .await
    .assert_error(400, "BadRequestExportValidationFailed");

    // Export the project, import it twice.
    let exported = f.get(&format!("/projects/{project}/export")).await.json();
    assert_eq!(
        (
            &exported["iterationCount"],
            &exported["imageCount"],
            &exported["tagCount"]
        ),
        (&json!(1), &json!(4), &json!(2))
    );
    let token = text(&exported["token"]).to_owned();
    let copy = f
        .post(&format!("/projects/import?token={token}&name=Copy"), None)
        .await;
    assert_eq!(copy.status, 200);
    let copy = copy.json();
    assert_eq!(copy["name"], "Copy");
    assert_ne!(copy["id"], project.as_str());
    let copy_id = text(&copy["id"]).to_owned();
    let count = f
        .get(&format!("/projects/{copy_id}/images/count"))
        .await
        .json();
    assert_eq!(count, json!(4));
    let iterations = f
        .get(&format!("/projects/{copy_id}/iterations"))
        .await
        .json();
    assert_eq!(iterations[0]["status"], "Completed");
    assert_ne!(iterations[0]["id"], iteration.as_str());
    let second = f
        .post(&format!("/projects/import?token={token}"), None)
        .await
        .json();
    assert_eq!(second["name"], "Artifacts (imported)");
    f.post("/projects/import?token=made-up", None)
        .await
        .assert_error(400, "BadRequestInvalidImportToken");
    f.post(&format!("/projects/import?token={token}&name=Copy"), None)
        .await
        .assert_error(400, "BadRequestProjectNameNotUnique");
}

#[tokio::test]
async fn suggestions_come_from_the_bytes_and_the_training_data() {
    let f = Fake::start().await;
    let (project, a, b, iteration) = trained(&f, "Suggest").await;
    let mut untagged = Vec::new();
    for seed in 10..16 {
        let answer = f.upload(&project, "", png(seed)).await.json();
        untagged.push(text(&answer["images"][0]["image"]["id"]).to_owned());
    }
    let path = format!(
        "/projects/{project}/tagsandregions/suggestions?iterationId={iteration}&imageIds={}",
        untagged.join(",")
    );
    let first = f.post(&path, None).await.json();
    let again = f.post(&path, None).await.json();
    let suggestions = first.as_array().unwrap();
    assert_eq!(suggestions.len(), 6);
    for (s, t) in suggestions.iter().zip(again.as_array().unwrap()) {
        assert_eq!(s["predictions"], t["predictions"], "deterministic");
        let top = s["predictions"][0]["probability"].as_f64().unwrap();
        let uncertainty = s["predictionUncertainty"].as_f64().unwrap();
        assert!((uncertainty - (1.0 - top)).abs() < 1e-9);
        assert_eq!(s["predictions"].as_array().unwrap().len(), 2);
    }

    // Counts per tag at a threshold agree with the suggestions.
    let threshold = 0.5;
    let expected =
        |tag: &str| {
            suggestions
                .iter()
                .filter(|s| {
                    s["predictions"].as_array().unwrap().iter().any(|p| {
                        p["tagId"] == tag && p["probability"].as_f64().unwrap() >= threshold
                    })
                })
                .count()
        };
    let counts = f
        .post(
            &format!("/projects/{project}/images/suggested/count?iterationId={iteration}"),
            Some(json!({"tagIds": [a, b], "threshold": threshold})),
        )
        .await
        .json();
    assert_eq!(counts[&a], json!(expected(&a)));
    assert_eq!(counts[&b], json!(expected(&b)));

    // The query pages through the same images, least certain last by default.
    let page = f
        .post(
            &format!("/projects/{project}/images/suggested?iterationId={iteration}"),
            Some(json!({"tagIds": [a], "threshold": threshold, "maxCount": 1})),
        )
        .await
        .json();
    let matching = expected(&a);
    assert_eq!(page["results"].as_array().unwrap().len(), matching.min(1));
    if matching > 1 {
        assert_eq!(page["token"]["continuation"], "1");
    }
    let all = f
        .post(
            &format!("/projects/{project}/images/suggested?iterationId={iteration}"),
            Some(json!({"threshold": 0.0, "sortBy": "UncertaintyDescending"})),
        )
        .await
        .json();
    let uncertainties: Vec<f64> = all["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["predictionUncertainty"].as_f64().unwrap())
        .collect();
    assert_eq!(uncertainties.len(), 6, "every untagged image");
    assert!(uncertainties.windows(2).all(|w| w[0] >= w[1]));
    assert!(all["results"][0]["originalImageUri"].is_string());

    // Errors: an untrained iteration, an unknown image, no iteration.
    let fresh = f.post("/projects?name=Fresh", None).await.json();
    let fresh = text(&fresh["id"]);
    let new_iteration = f
        .post(
            &format!(
                "/projects/{fresh}/tagsandregions/suggestions?iterationId={iteration}&imageIds={}",
                untagged[0]
            ),
            None,
        )
        .await;
    new_iteration.assert_error(404, "NotFoundIteration");
    f.post(
        &format!(
            "/projects/{project}/tagsandregions/suggestions?iterationId={iteration}&imageIds={}",
            uuid::Uuid::new_v4()
        ),
        None,
    )
    .await
    .assert_error(404, "NotFoundImage");
    f.post(
        &format!(
            "/projects/{project}/tagsandregions/suggestions?imageIds={}",
            untagged[0]
        ),
        None,
    )
    .await
    .assert_error(400, "BadRequestRequiredParamIsNull");
}

#[tokio::test]
async fn projects_settings_and_iteration_names() {
    let f = Fake::start().await;
    let created = f
        .post(
            &format!(
                "/projects?name=Settings&domainId={GENERAL_COMPACT_DOMAIN}&classificationType=Multilabel&targetExportPlatforms=CoreML,onnx"
            ),
            None,
        )
        .await
        .json();
    assert_eq!(created["settings"]["classificationType"], "Multilabel");
    assert_eq!(
        created["settings"]["targetExportPlatforms"],
        json!(["CoreML", "ONNX"])
    );
    f.post(
        "/projects?name=NotCompact&targetExportPlatforms=CoreML",
        None,
    )
    .await
    .assert_error(400, "BadRequestProjectUnsupportedExportPlatform");
    f.post("/projects?name=Odd&classificationType=Sometimes", None)
        .await
        .assert_error(400, "BadRequestProjectUnknownClassification");
    let detection = f
        .post(
            &format!("/projects?name=Boxes&domainId={OBJECT_DETECTION_DOMAIN}"),
            None,
        )
        .await
        .json();
    assert!(
        detection["settings"]
            .get("classificationType")
            .is_none_or(Value::is_null)
    );

    let id = text(&created["id"]).to_owned();
    let patched = f
        .patch(
            &format!("/projects/{id}"),
            json!({"name": "Renamed", "description": "d", "settings": {"domainId": GENERAL_COMPACT_DOMAIN, "targetExportPlatforms": ["TensorFlow"]}}),
        )
        .await
        .json();
    assert_eq!(patched["name"], "Renamed");
    assert_eq!(
        patched["settings"]["targetExportPlatforms"],
        json!(["TensorFlow"])
    );
    assert_eq!(patched["settings"]["classificationType"], "Multilabel");

    // An iteration's name is required in v3.3.
    let (project, _, _, iteration) = trained(&f, "Names").await;
    let path = format!("/projects/{project}/iterations/{iteration}");
    f.patch(&path, json!({"name": null}))
        .await
        .assert_error(400, "BadRequestIterationName");
    let renamed = f
        .patch(&path, json!({"name": "Final", "isDefault": false}))
        .await
        .json();
    assert_eq!(renamed["name"], "Final");
    // v2.0 still sees it as the default: v3.3 did not touch the flag.
    let v2 = f
        .send("v2.0", reqwest::Method::GET, &path, None, "")
        .await
        .json();
    assert_eq!(v2["isDefault"], true);
    assert_eq!(v2["name"], "Final");
}
