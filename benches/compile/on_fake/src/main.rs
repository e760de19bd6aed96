//! `on_fake PROGRAM...`: starts customvision-fake on 127.0.0.1 (quick training and exports) and
//! runs each program with `CUSTOMVISION_ENDPOINT` and `CUSTOMVISION_TRAINING_KEY` set to it, in
//! the fake's normal mode and with its v2.0 quirks; fails if any program does.

use std::process::ExitCode;
use std::time::Duration;

use customvision_fake::FakeTraining;

const KEY: &str = "compile-bench-key";

fn main() -> ExitCode {
    let programs: Vec<String> = std::env::args().skip(1).collect();
    if programs.is_empty() {
        eprintln!("usage: on_fake PROGRAM...");
        return ExitCode::from(2);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let mut failed = false;
        for quirks in [false, true] {
            let fake = FakeTraining::builder()
                .training_key(KEY)
                .training_duration(Duration::from_millis(300))
                .export_duration(Duration::from_millis(50))
                .v2_0_quirks(quirks)
                .start()
                .await
                .expect("the fake starts");
            for program in &programs {
                let status = tokio::process::Command::new(program)
                    .env("CUSTOMVISION_ENDPOINT", fake.endpoint())
                    .env("CUSTOMVISION_TRAINING_KEY", KEY)
                    .status()
                    .await;
                let mode = if quirks { "v2.0 quirks" } else { "normal" };
                match status {
                    Ok(status) if status.success() => println!("ok: {program} ({mode})"),
                    other => {
                        eprintln!("FAILED: {program} ({mode}): {other:?}");
                        failed = true;
                    }
                }
            }
        }
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    })
}
