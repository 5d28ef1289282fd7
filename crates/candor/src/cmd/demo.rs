//! `candor demo`: a realistic workspace to explore, and what to try next.

use super::Ctx;
use crate::output;
use anyhow::Result;
use std::process::ExitCode;

/// Arguments.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  candor --db sqlite:///tmp/demo.db demo\n  candor --db sqlite:///tmp/demo.db demo --serve\n  candor --db sqlite:///tmp/demo.db demo --refresh-progress --json"
)]
pub struct Args {
    /// JSON output.
    #[arg(long)]
    pub json: bool,
    /// Then start the web app on the demo workspace, with a demo admin login.
    #[arg(long)]
    pub serve: bool,
    /// Import the bundled Jira export into the demo project Webwinkel (dates moved up to
    /// today) and show the forecast before and after.
    #[arg(long, conflicts_with = "serve")]
    pub refresh_progress: bool,
    /// Address for --serve.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}

/// The demo admin's login.
const DEMO_LOGIN: &str = "demo@candor.example";

/// Makes sure the demo admin exists with a fresh password, and says how to sign in.
async fn demo_login(app: &candor_app::App) -> Result<()> {
    let password = candor_app::accounts::generate_password()?;
    match app
        .users()
        .await?
        .into_iter()
        .find(|u| u.email == DEMO_LOGIN)
    {
        Some(u) => {
            app.set_user_password(u.id, &password).await?;
        }
        None => {
            let input = candor_app::accounts::UserInput {
                email: DEMO_LOGIN.into(),
                name: "Demo Admin".into(),
                password: password.clone(),
                role: Some("admin".into()),
                language: Some("en".into()),
            };
            app.add_user(&input).await?;
        }
    }
    crate::out!("\nSign in as {DEMO_LOGIN} with password {password}");
    Ok(())
}

/// Creates the demo workspace (or finds it) and prints next steps.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    if a.refresh_progress {
        return super::progress_import::run_demo_refresh(ctx, a.json).await;
    }
    let app = ctx.app().await?;
    let outcome = app.demo().await?;
    if a.json {
        output::json(&outcome)?;
        return Ok(ExitCode::SUCCESS);
    }
    if outcome.created {
        crate::out!(
            "Created the demo workspace: {} clients (en, nl, nb, bn), {} projects, {} progress entries.",
            outcome.clients,
            outcome.projects,
            outcome.progress_entries
        );
    } else {
        crate::out!(
            "The demo workspace is already here ({} clients).",
            outcome.clients
        );
    }
    if a.serve {
        demo_login(&app).await?;
        super::serve::start(app, a.addr).await?;
        return Ok(ExitCode::SUCCESS);
    }
    let db = candor_app::redact(ctx.db());
    crate::out!("\nTry next:");
    crate::out!("  candor --db {db} client list");
    crate::out!("  candor --db {db} project list");
    crate::out!("  candor --db {db} project show Webwinkel");
    crate::out!("  candor --db {db} client show \"Fjordlys AS\"");
    crate::out!("  candor --db {db} record list --client \"নদী ট্রেডার্স\"");
    crate::out!("  candor --db {db} commitment list");
    crate::out!("  candor --db {db} export --format json");
    Ok(ExitCode::SUCCESS)
}
