//! `candor serve`: the web app and JSON API on one address; on a workspace without users it
//! prints a one-time setup link for the first admin.

use super::Ctx;
use anyhow::{Context, Result};
use candor_app::App;
use std::net::SocketAddr;
use std::process::ExitCode;

/// Arguments.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  candor --db sqlite:///tmp/demo.db serve --addr 127.0.0.1:8080")]
pub struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "CANDOR_ADDR")]
    pub addr: SocketAddr,
}

/// Binds, prints the address (and the setup link when there are no users), and serves.
pub async fn start(app: App, addr: SocketAddr) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    let url = format!("http://{local}");
    crate::out!("candor is running at {url}/");
    if app.needs_setup().await? {
        let token = app.create_setup_token().await?;
        crate::out!(
            "No users yet. Create the first admin here (the link works once, for 24 hours):"
        );
        crate::out!("  {url}/setup/{token}");
        crate::out!("or run: candor user add --admin --email you@example.com --name \"Your Name\"");
    }
    crate::out!("Press Ctrl+C to stop.");
    // Secure cookies need HTTPS; on a loopback address the server is reached over plain HTTP.
    let config = candor_server::Config {
        secure_cookies: !local.ip().is_loopback(),
    };
    candor_server::serve(listener, app, &config)
        .await
        .context("the web server stopped")?;
    Ok(())
}

/// Runs `candor serve`.
pub async fn run(ctx: &Ctx, a: Args) -> Result<ExitCode> {
    let app = ctx.app().await?;
    start(app, a.addr).await?;
    Ok(ExitCode::SUCCESS)
}
