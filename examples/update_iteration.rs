//! The main job: rename an iteration and make it the project's default (UpdateIteration).
//!
//! ```text
//! cargo run --example update_iteration                       # on the embedded fake
//! cargo run --example update_iteration -- "Best Iteration"   # the fake, another name
//!
//! CUSTOM_VISION_ENDPOINT=westeurope.api.cognitive.microsoft.com \
//! CUSTOM_VISION_TRAINING_KEY=... \
//! cargo run --example update_iteration -- <project-id> <iteration-id> <new-name> <true|false>
//! ```
//!
//! It prints each request line and the exact JSON body sent, and the iteration before and after.

use std::process::ExitCode;

use customvision_fake::FakeTraining;
use customvision_training::{Iteration, IterationPatch, Training};
use declarest::{Api, Request, Response};
use uuid::Uuid;

const USAGE: &str = "\
usage:
  cargo run --example update_iteration [-- <new-name> [<true|false>]]
      on the embedded fake (the default)
  CUSTOM_VISION_ENDPOINT=<host or URL> CUSTOM_VISION_TRAINING_KEY=<key> \\
  cargo run --example update_iteration -- <project-id> <iteration-id> <new-name> <true|false>
      against the real service";

/// What to change.
struct Job {
    project_id: Option<Uuid>,
    iteration_id: Option<Uuid>,
    name: String,
    is_default: bool,
}

/// An `Api` that prints every request before passing it on: the transport seam doubles as
/// middleware, and the endpoint's description is there to read.
struct Printed<A> {
    inner: A,
    base_url: String,
}

impl<A: Api> Api for Printed<A> {
    async fn send(&self, request: Request) -> declarest::Result<Response> {
        println!(
            "→ {} {}{}   [{}]",
            request.method(),
            self.base_url,
            request.target(),
            request.endpoint().name()
        );
        if !request.body().as_bytes().is_empty() {
            println!(
                "  body: {}",
                String::from_utf8_lossy(request.body().as_bytes())
            );
        }
        let response = self.inner.send(request).await?;
        println!("← {}", response.status());
        Ok(response)
    }
}

impl<A: Api> Training for Printed<A> {}

fn parse_bool(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" => Ok(false),
        _ => Err(format!("`{text}` is not true or false")),
    }
}

fn parse_id(text: &str, what: &str) -> Result<Uuid, String> {
    Uuid::parse_str(text).map_err(|e| format!("`{text}` is not a {what} id (a GUID): {e}"))
}

fn parse_args(real: bool, args: &[String]) -> Result<Job, String> {
    if real {
        let [project, iteration, name, is_default] = args else {
            return Err(format!(
                "against the real service, give 4 arguments, not {}",
                args.len()
            ));
        };
        return Ok(Job {
            project_id: Some(parse_id(project, "project")?),
            iteration_id: Some(parse_id(iteration, "iteration")?),
            name: name.clone(),
            is_default: parse_bool(is_default)?,
        });
    }
    let (name, is_default) = match args {
        [] => ("Best Iteration".to_owned(), true),
        [name] => (name.clone(), true),
        [name, is_default] => (name.clone(), parse_bool(is_default)?),
        _ => {
            return Err(format!(
                "on the fake, give at most 2 arguments, not {}",
                args.len()
            ));
        }
    };
    Ok(Job {
        project_id: None,
        iteration_id: None,
        name,
        is_default,
    })
}

fn show(label: &str, iteration: &Iteration) {
    println!(
        "{label:<7} {}  name={:?} isDefault={} status={} lastModified={}",
        iteration.id,
        iteration.name.as_deref().unwrap_or(""),
        iteration.is_default,
        iteration.status.as_deref().unwrap_or("-"),
        iteration.last_modified,
    );
}

async fn update(
    client: &impl Training,
    project_id: Uuid,
    iteration_id: Uuid,
    job: &Job,
) -> declarest::Result<()> {
    let before = client.get_iteration(project_id, iteration_id).await?;
    let patch = IterationPatch::default()
        .name(job.name.clone())
        .is_default(job.is_default);
    let after = client
        .update_iteration(project_id, iteration_id, &patch)
        .await?;
    println!();
    show("before", &before);
    show("after", &after);
    Ok(())
}

async fn run(job: Job, real: Option<(String, String)>) -> Result<(), Box<dyn std::error::Error>> {
    if let Some((endpoint, key)) = real {
        let client = Printed {
            inner: customvision_training::client(&endpoint, &key)?,
            base_url: customvision_training::base_url(&endpoint),
        };
        let (Some(project_id), Some(iteration_id)) = (job.project_id, job.iteration_id) else {
            return Err("missing ids".into());
        };
        update(&client, project_id, iteration_id, &job).await?;
        return Ok(());
    }

    println!(
        "Starting the embedded fake of the Training service (set CUSTOM_VISION_ENDPOINT and CUSTOM_VISION_TRAINING_KEY to use the real one)."
    );
    let fake = FakeTraining::start(Uuid::new_v4().to_string()).await?;
    let project_id = fake.add_project("Birds");
    let first = fake
        .add_iteration(project_id, "Iteration 1", true)
        .ok_or("seeding failed")?;
    let second = fake
        .add_iteration(project_id, "Iteration 2", false)
        .ok_or("seeding failed")?;
    println!(
        "Seeded project {project_id}: {:?} (default) and {:?}.\n",
        first.name.unwrap_or_default(),
        second.name.clone().unwrap_or_default()
    );

    let client = Printed {
        inner: fake.client()?,
        base_url: fake.base_url(),
    };
    update(&client, project_id, second.id, &job).await?;

    println!("\nThe project's iterations now:");
    for iteration in client.get_iterations(project_id).await? {
        show("", &iteration);
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let real = match (
        std::env::var("CUSTOM_VISION_ENDPOINT"),
        std::env::var("CUSTOM_VISION_TRAINING_KEY"),
    ) {
        (Ok(endpoint), Ok(key)) if !endpoint.is_empty() && !key.is_empty() => Some((endpoint, key)),
        (Ok(_), Err(_)) | (Err(_), Ok(_)) => {
            eprintln!(
                "error: set both CUSTOM_VISION_ENDPOINT and CUSTOM_VISION_TRAINING_KEY, or neither (to use the fake)\n\n{USAGE}"
            );
            return ExitCode::from(2);
        }
        _ => None,
    };
    let job = match parse_args(real.is_some(), &args) {
        Ok(job) => job,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(job, real).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            let mut source = error.source();
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::FAILURE
        }
    }
}
