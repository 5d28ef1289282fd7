// candor's browser test: Debian's headless Chromium (/usr/bin/chromium), driven by
// playwright-core (which never downloads a browser of its own), walks the account manager's
// main path in the web app that `candor demo --serve` starts: sign in, open a delay incident,
// complete investigate and prepare, compose the Dutch email, watch the live checker mark a
// bad sentence and then report no findings, log the call. Screenshots go to
// CANDOR_SCREENSHOTS (default: a temp folder); their paths are printed.
//
// Run by crates/candor/tests/browser.rs (so `cargo test --workspace` runs it), or by hand:
//   CANDOR_BIN=target/debug/candor node tests/browser/run.mjs

import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const started = Date.now();
const bin = process.env.CANDOR_BIN;
if (!bin) throw new Error("set CANDOR_BIN to the candor binary");
const chromiumPath = process.env.CANDOR_CHROMIUM || "/usr/bin/chromium";
const work = mkdtempSync(join(tmpdir(), "candor-browser-"));
const shots = resolve(process.env.CANDOR_SCREENSHOTS || join(work, "screenshots"));
mkdirSync(shots, { recursive: true });
const saved = [];

function fail(msg) {
  throw new Error(msg);
}

/** Starts `candor demo --serve` on a fresh SQLite file and a free port; resolves with the URL and password. */
function startServer() {
  const db = `sqlite://${join(work, "candor.db")}`;
  const child = spawn(bin, ["--db", db, "demo", "--serve", "--addr", "127.0.0.1:0"], {
    env: { ...process.env, CANDOR_SEARCH_DIR: join(work, "search"), NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  return new Promise((ok, bad) => {
    const timer = setTimeout(() => bad(new Error(`candor did not start in 30 s:\n${out}\n${err}`)), 30000);
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d) => {
      out += d;
      const url = out.match(/running at (http:\/\/[0-9.:]+)\//);
      const pw = out.match(/Sign in as (\S+) with password (\S+)/);
      if (url && pw) {
        clearTimeout(timer);
        ok({ child, url: url[1], email: pw[1], password: pw[2], out });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      bad(new Error(`candor exited with ${code}:\n${out}\n${err}`));
    });
  });
}

async function shot(page, name) {
  const path = join(shots, `${String(saved.length + 1).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  saved.push(path);
}

const server = await startServer();
const context = await chromium.launchPersistentContext(join(work, "profile"), {
  executablePath: chromiumPath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1280, height: 900 },
  locale: "en-GB",
});
const problems = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(10000);
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // Failed loads are reported with their URL below; the browser's own favicon probe is not ours.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
      problems.push(`console: ${m.text()}`);
    }
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) problems.push(`${r.status()} ${r.url()}`);
  });

  // Sign in with the login the demo printed.
  await page.goto(`${server.url}/login`);
  await page.fill("input[name=email]", server.email);
  await page.fill("input[name=password]", server.password);
  await Promise.all([page.waitForURL(`${server.url}/`), page.click("form button[type=submit]")]);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await shot(page, "dashboard");

  // Open a delay incident for the Dutch bakery's web shop.
  await page.goto(`${server.url}/incidents`);
  await page.click("text=Open an incident");
  await page.selectOption("#io-kind", "delay");
  await page.selectOption("#io-client", { label: "Bakkerij Van Dijk" });
  await page.selectOption("#io-project", { label: "Bakkerij Van Dijk / Webwinkel" });
  await Promise.all([page.waitForURL(/\/incidents\/\d+$/), page.click("#io-deadline ~ button[type=submit]")]);
  const incidentUrl = page.url();
  await page.getByText("Incident opened.").waitFor();

  // Investigate: the cause, then on to prepare.
  await page.fill("#f-cause", "The POS vendor changed its API without notice; the integration needs a rewrite.");
  await Promise.all([page.waitForURL(incidentUrl), page.click("#ed-h ~ form button[type=submit]")]);
  await Promise.all([page.waitForURL(incidentUrl), page.click("text=Go to the next step")]);
  await page.getByText("Moved to the next step.").waitFor();

  // Prepare: new date, plan, remedy and team; then on to contact.
  const newDate = new Date(Date.now() + 45 * 86400000);
  while ([0, 6].includes(newDate.getUTCDay())) newDate.setUTCDate(newDate.getUTCDate() + 1);
  await page.fill("#f-date", newDate.toISOString().slice(0, 10));
  await page.fill(
    "#f-plan",
    "Een tweede ontwikkelaar werkt mee aan de koppeling met het kassasysteem.\nElke vrijdag sturen we een korte voortgangsupdate met de actuele planning.",
  );
  await page.fill("#f-remedy", "future-discount:10%");
  await page.fill("#f-team", "Lisa de Boer (project lead), Tom Okafor");
  await Promise.all([page.waitForURL(incidentUrl), page.click("#ed-h ~ form button[type=submit]")]);
  await Promise.all([page.waitForURL(incidentUrl), page.click("text=Go to the next step")]);
  const flash = await page.locator(".flash").innerText();
  if (!flash.includes("Moved to the next step")) fail(`prepare was not completed: ${flash}`);
  const step = await page.locator(".badge").first().innerText();
  if (!/contact/i.test(step)) fail(`expected the contact step, got: ${step}`);
  await shot(page, "incident-prepared");

  // Compose the Dutch delay email.
  await page.selectOption("#cp-type", "delay_email");
  await page.selectOption("#cp-lang", "nl");
  await Promise.all([page.waitForURL(/\/compose\?/), page.click("text=Write draft")]);
  const draft = await page.inputValue("#cp-text");
  if (!draft.includes("tweede ontwikkelaar")) fail(`the Dutch draft lacks the plan:\n${draft}`);
  await page.locator("#findings .ok").waitFor();

  // The live checker: type a sentence that blames a colleague; it is marked without a reload.
  const before = page.url();
  await page.click("#cp-text");
  await page.keyboard.press("Control+End");
  await page.keyboard.type("\n\nTom vergat de koppeling te testen.", { delay: 5 });
  const mark = page.locator("#findings mark").first();
  await mark.waitFor();
  const marked = await mark.innerText();
  if (!marked.includes("Tom")) fail(`the blame is not what is marked: ${marked}`);
  if (page.url() !== before) fail("the live check reloaded the page");
  await page.locator("#findings").scrollIntoViewIfNeeded();
  await shot(page, "checker-finding");

  // Back to the draft as written: the checker reports no findings.
  await page.fill("#cp-text", draft);
  await page.locator("#findings .ok").waitFor();
  const ok = await page.locator("#findings .ok").innerText();
  if (!ok.includes("No findings")) fail(`expected no findings, got: ${ok}`);
  await page.locator("#composer").scrollIntoViewIfNeeded();
  await shot(page, "composer-no-findings");

  // Keep the draft as edited: the save button sends the editor's text, and the outbox holds it.
  const ps = "Ik bel u morgen om 10 uur om de nieuwe planning door te nemen.";
  await page.fill("#cp-text", `${draft}\n\n${ps}`);
  await page.fill("#cp-subject", "Webwinkel: een nieuwe opleverdatum (bewerkt)");
  await Promise.all([page.waitForURL(incidentUrl), page.click("#cp-save")]);
  await page.getByText("The draft is in the client's record.").waitFor();
  await page.goto(`${server.url}/outbox`);
  await Promise.all([page.waitForURL(/\/outbox\/\d+$/), page.click("text=Webwinkel: een nieuwe opleverdatum (bewerkt)")]);
  await page.getByText(ps).first().waitFor();

  // Log the call.
  await page.goto(incidentUrl);
  await page.click("text=Log a contact attempt");
  await page.selectOption("#lg-ch", "call");
  await page.fill("#lg-out", "Sanne begreep het en gaat akkoord met de nieuwe datum.");
  await Promise.all([page.waitForURL(incidentUrl), page.click("#lg-out ~ button[type=submit]")]);
  await page.getByText("Sanne begreep het").first().waitFor();
  await shot(page, "call-logged");

  if (problems.length) fail(`the browser reported problems:\n${problems.join("\n")}`);
  for (const p of saved) console.log(`screenshot: ${p}`);
  console.log(`browser test passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await context.close();
  server.child.kill("SIGTERM");
  if (shots.startsWith(work)) rmSync(join(work, "profile"), { recursive: true, force: true });
  else rmSync(work, { recursive: true, force: true });
}
