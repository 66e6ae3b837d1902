// The portal as a reader sees it: the real `accord serve --demo` on a fresh
// store, Debian's Chromium driven by Playwright. Run by .ci/run.
//
//   ACCORD_BIN=target/release/accord node --test tests/browser/portal.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";

const bin = resolve(process.env.ACCORD_BIN ?? "target/debug/accord");
const shots = resolve(process.env.ACCORD_SCREENSHOTS ?? "target/screenshots");
let server, browser, base, dataDir;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "accord-browser-"));
  mkdirSync(shots, { recursive: true });
  // A secretariat account, made the way an operator makes the first one.
  const dbUrl = `sqlite://${join(dataDir, "accord.db")}`;
  const made = spawnSync(bin, ["user", "add", "--email", "amina@example.org", "--name", "Amina Secretary",
    "--role", "secretariat", "--password-stdin", "--database", dbUrl], { input: "a long enough passphrase\n" });
  assert.equal(made.status, 0, String(made.stderr));
  // A synthetic consultation (labelled so wherever it shows) for the stocktaking.
  const synthetic = spawnSync(bin, ["demo", "synthetic", "--inputs", "1500", "--seed", "2", "--database", dbUrl]);
  assert.equal(synthetic.status, 0, String(synthetic.stderr));
  server = spawn(bin, ["serve", "--demo", "--addr", "127.0.0.1:0"], {
    cwd: dataDir,
    env: { ...process.env, ACCORD_LOG: "warn", ACCORD_DATABASE_URL: `sqlite://${join(dataDir, "accord.db")}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  base = await new Promise((ok, fail) => {
    server.on("exit", (code) => fail(new Error(`accord serve exited with ${code}`)));
    createInterface({ input: server.stdout }).on("line", (line) => {
      const m = line.match(/http:\/\/[^/ ]+/);
      if (m) ok(m[0]);
    });
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A page in a fresh context with the given language preference. */
async function open(path, { lang = "en", width = 1280, height = 900, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({
    locale: lang,
    extraHTTPHeaders: { "Accept-Language": lang },
    viewport: { width, height },
    javaScriptEnabled,
  });
  const page = await context.newPage();
  const response = await page.goto(base + path);
  return { page, context, status: response.status() };
}

// Set up through the API alone, as a script would: a token from
// POST /api/v1/sessions, no form, no anti-forgery value.
async function call(method, path, body, token, type = "application/json") {
  const res = await fetch(base + path, {
    method,
    headers: { "Content-Type": type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const answer = await res.text();
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${answer}`);
  return answer ? JSON.parse(answer) : null;
}

async function signIn(email, password) {
  return (await call("POST", "/api/v1/sessions", { email, password })).token;
}

/** A test process (not a real one) in its negotiation phase, with a draft
 * `text` of one paragraph (`p1`), and a delegate account per [email, state]. */
async function negotiatingProcess(slug, delegates) {
  const sec = await signIn("amina@example.org", "a long enough passphrase");
  await call("POST", "/api/v1/processes", {
    slug, title: "Browser test process", mandate: [], languages: ["en"],
    co_facilitators: [], secretariat: [], meeting_kinds: ["negotiation_round"],
  }, sec);
  await call("POST", `/api/v1/processes/${slug}/phases`, { kind: "negotiation", start_date: "2020-01-01" }, sec);
  await call("POST", `/api/v1/processes/${slug}/drafts`, { slug: "text", title: "Test text" }, sec);
  await call("POST", `/api/v1/processes/${slug}/drafts/text/versions?label=Zero%20draft`,
    "# Test text\n\n## Preamble {#pre}\n\n1. We agree on this text. {#p1}\n", sec, "text/markdown");
  for (const [email, state] of delegates) {
    await call("POST", "/api/v1/accounts", {
      email, name: `Delegate of ${state}`, password: "a long enough passphrase",
      roles: [{ role: "delegate", process: slug, actor: state }],
    }, sec);
  }
}

/** A browser without JavaScript, signed in as `email`. */
async function signedInWithoutScript(email) {
  const { page, context } = await open("/login", { javaScriptEnabled: false });
  await page.fill("#email", email);
  await page.fill("#password", "a long enough passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { page, context };
}

async function text(page, selector) {
  return (await page.locator(selector).first().innerText()).trim();
}

async function noHorizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

test("home page lists the GCM process", async () => {
  const { page, context, status } = await open("/");
  assert.equal(status, 200);
  assert.equal(await text(page, "h1"), "Intergovernmental processes");
  assert.match(await text(page, ".card h2"), /Global Compact for Safe, Orderly and Regular Migration/);
  assert.match(await text(page, ".card .phase-line"), /Current phase:\s*Follow-up and review/);
  await page.screenshot({ path: join(shots, "home-en.png"), fullPage: true });
  await context.close();
});

test("process page shows the co-facilitators, the timeline and the phases", async () => {
  const { page, context, status } = await open("/processes/gcm");
  assert.equal(status, 200);
  assert.equal(await text(page, "h1"), "Global Compact for Safe, Orderly and Regular Migration");
  const facts = await text(page, ".facts");
  for (const name of ["Juan José Gómez Camacho", "Jürg Lauber", "Louise Arbour", "A/RES/71/1", "A/RES/72/244"]) {
    assert.ok(facts.includes(name), `key facts lack ${name}`);
  }
  assert.equal(await page.locator("svg.timeline rect.mark").count() > 20, true, "meetings on the time axis");
  assert.equal(await page.locator("ol.phases > li").count(), 5);
  // Clicking a meeting on the timeline opens its page.
  await page.locator("svg.timeline a").first().click();
  await page.waitForURL(/\/processes\/gcm\/meetings\/\d+$/);
  assert.match(await text(page, "h1"), /Human rights of all migrants/);
  await context.close();
});

test("meetings filter by kind, without JavaScript", async () => {
  const { page, context } = await open("/processes/gcm/meetings");
  await page.selectOption("select#kind", "negotiation_round");
  await page.locator("form.filter button").click();
  await page.waitForURL(/kind=negotiation_round/);
  assert.equal(await page.locator("li.meeting-item").count(), 6);
  assert.equal(await text(page, "#meeting-count"), "6 meetings");
  assert.match(await text(page, "li.meeting-item"), /20–23 February 2018/);
  await context.close();
});

test("meeting page shows dates, venue and documents", async () => {
  const { page, context } = await open("/processes/gcm/meetings?kind=conference");
  await page.locator("li.meeting-item h2 a").first().click();
  const details = await text(page, "dl.details");
  assert.match(details, /10–11 December 2018/);
  assert.match(details, /Marrakech, Morocco/);
  assert.match(details, /Nasser Bourita/);
  assert.match(await text(page, "aside"), /A\/CONF\.231\/3/);
  await context.close();
});

test("actors directory lists the 193 member states", async () => {
  const { page, context } = await open("/actors?kind=member_state");
  assert.equal(await page.locator("table.data tbody tr").count(), 193);
  assert.equal(await text(page, "#actor-count"), "193 actors");
  await page.getByRole("link", { name: "Mexico", exact: true }).click();
  assert.equal(await text(page, "h1"), "Mexico");
  assert.match(await text(page, "dl.details"), /MEX/);
  await context.close();
});

for (const path of ["/", "/processes/gcm", "/processes/gcm/meetings/1", "/actors", "/processes/gcm/drafts/gcm-draft/versions/4/compilation",
  "/processes/gcm/adoptions/2"]) {
  test(`Arabic: ${path} is laid out right to left`, async () => {
    const { page, context, status } = await open(path, { lang: "ar" });
    assert.equal(status, 200);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ar");
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), "rtl");
    // What a reader sees: Arabic navigation, with the brand on the right.
    assert.equal(await text(page, ".mainnav a:first-child"), "العمليات");
    const brand = await page.locator(".brand").boundingBox();
    const nav = await page.locator(".mainnav").boundingBox();
    assert.ok(brand.x > nav.x, "brand at the right of the navigation");
    await page.screenshot({ path: join(shots, `ar${path.replaceAll("/", "_")}.png`), fullPage: true });
    await context.close();
  });
}

test("Arabic headings are translated on the process page", async () => {
  const { page, context } = await open("/processes/gcm", { lang: "ar" });
  assert.equal(await text(page, "#timeline-h"), "الجدول الزمني");
  assert.equal(await text(page, "#phases-h"), "المراحل");
  assert.equal(await text(page, ".phase-line .badge"), "المتابعة والاستعراض");
  await context.close();
});

test("the language switcher is remembered across pages", async () => {
  const { page, context } = await open("/processes/gcm");
  await page.locator(".languages a[lang=fr]").click();
  await page.waitForURL(base + "/processes/gcm");
  assert.equal(await text(page, "#timeline-h"), "Chronologie");
  await page.locator(".mainnav a[href='/actors']").click();
  assert.equal(await text(page, "h1"), "Acteurs");
  await page.locator(".languages a[lang=ar]").click();
  assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
  await context.close();
});

for (const path of ["/", "/processes/gcm", "/processes/gcm/meetings", "/processes/gcm/meetings/1", "/processes/gcm/documents", "/actors", "/actors/EU",
  "/processes/gcm/drafts/gcm-draft", "/processes/gcm/drafts/gcm-draft/versions/5", "/processes/gcm/drafts/gcm-draft/versions/4/compilation",
  "/processes/gcm/drafts/gcm-draft/redline?from=1&to=5", "/processes/gcm/stocktaking", "/processes/gcm/stocktaking/report",
  "/processes/gcm/campaigns", "/processes/gcm/campaigns/1", "/processes/gcm/coverage",
  "/processes/gcm/adoptions", "/processes/gcm/adoptions/2", "/processes/gcm/pledges", "/processes/gcm/objectives/5",
  "/processes/gcm/drafts/gcm-draft/versions/5/languages"]) {
  test(`phone width: ${path} fits the screen`, async () => {
    const { page, context } = await open(path, { width: 390, height: 844 });
    assert.ok(await noHorizontalOverflow(page), "the page scrolls sideways on a phone");
    await page.screenshot({ path: join(shots, `phone${path.replaceAll(/[/?=&]/g, "_")}.png`), fullPage: true });
    await context.close();
  });
}

test("a secretariat member signs in, reads the audit log and signs out", async () => {
  const { page, context } = await open("/processes/gcm");
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.fill("#email", "amina@example.org");
  await page.fill("#password", "not the passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  assert.match(await text(page, "[role=alert]"), /not right/);
  await page.fill("#password", "a long enough passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(base + "/processes/gcm");
  assert.match(await text(page, ".signout .who"), /Amina Secretary/);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "accord_session");
  assert.ok(session.httpOnly, "the session cookie is HttpOnly");
  assert.equal(session.sameSite, "Lax");
  await page.getByRole("link", { name: "Audit log" }).click();
  assert.equal(await text(page, "h1"), "Audit log");
  assert.ok((await page.locator("table.audit tbody tr").count()) > 50);
  await page.screenshot({ path: join(shots, "audit-en.png"), fullPage: false });
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(base + "/");
  assert.equal(await page.locator(".signout").count(), 0);
  await context.close();
});

test("the secretariat creates an account; its holder sets a password and makes an API token", async () => {
  const { page, context } = await open("/login");
  await page.fill("#email", "amina@example.org");
  await page.fill("#password", "a long enough passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Accounts" }).click();
  assert.equal(await text(page, "h1"), "Accounts");
  await page.getByLabel("E-mail address").first().fill("mex.delegate@example.org");
  await page.getByLabel("Name", { exact: true }).fill("Delegate of Mexico");
  await page.getByLabel("Role").selectOption("delegate");
  await page.getByLabel("Process").selectOption("gcm");
  await page.getByLabel(/Acting for/).fill("MEX");
  await page.getByRole("button", { name: "Create the account" }).click();
  const link = await text(page, "#reset-link");
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[0-9a-f]{64}$/);
  await page.screenshot({ path: join(shots, "accounts-en.png"), fullPage: true });
  await context.close();

  // The new delegate, in a browser of their own.
  const own = await open(link.slice(base.length));
  await own.page.fill("#password", "mexico's own passphrase");
  await own.page.fill("#confirm", "mexico's own passphrase");
  await own.page.getByRole("button", { name: "Set the password" }).click();
  await own.page.goto(base + "/login");
  await own.page.fill("#email", "mex.delegate@example.org");
  await own.page.fill("#password", "mexico's own passphrase");
  await own.page.getByRole("button", { name: "Sign in" }).click();
  await own.page.getByRole("link", { name: /Signed in as Delegate of Mexico/ }).click();
  assert.equal(await text(own.page, "h1"), "Your account");
  assert.match(await text(own.page, "ul.roles"), /Delegate.*MEX/);
  await own.page.getByLabel("Name").fill("statements export");
  await own.page.getByRole("button", { name: "Create the token" }).click();
  const token = await text(own.page, "#new-token");
  assert.match(token, /^acc_[0-9a-f]{64}$/);
  await own.page.screenshot({ path: join(shots, "account-en.png"), fullPage: true });
  // The token works as a bearer; once revoked it no longer does.
  const asBearer = () => fetch(base + "/api/v1/audit", { headers: { Authorization: `Bearer ${token}` } });
  assert.equal((await asBearer()).status, 403, "known, but not the secretariat");
  await own.page.getByRole("button", { name: "Revoke" }).click();
  assert.match(await text(own.page, "table.tokens tbody"), /Revoked/);
  assert.equal((await asBearer()).status, 401);
  await own.context.close();
});

test("a member of the public sends an input without JavaScript, then finds it by searching", async () => {
  // A call for inputs, opened through the API by the secretariat account.
  const { page, context } = await open("/login");
  await page.fill("#email", "amina@example.org");
  await page.fill("#password", "a long enough passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  const csrf = await page.locator("form.signout input[name=csrf]").getAttribute("value");
  const opened = await page.request.post(base + "/api/v1/processes/gcm/consultations", {
    headers: { "X-CSRF-Token": csrf },
    data: { slug: "browser-call", title: "A call for inputs (browser test)", opens_at: "2020-01-01T00:00:00Z", synthetic: true },
  });
  assert.equal(opened.status(), 201, await opened.text());
  await context.close();

  const visitor = await open("/processes/gcm/consultations/browser-call", { javaScriptEnabled: false });
  await visitor.page.getByLabel("Organisation (optional)").fill("A browser-test network");
  await visitor.page.getByLabel("Your input").fill("Seasonal workers need portable social protection wherever they work.");
  await visitor.page.getByRole("button", { name: "Send the input" }).click();
  await visitor.page.waitForURL(/\/processes\/gcm\/inputs\/\d+$/);
  assert.match(await text(visitor.page, ".lead"), /A browser-test network/);
  assert.match(await text(visitor.page, ".lead"), /English/);
  await visitor.page.goto(base + "/search?q=seasonal+workers&process=gcm");
  assert.match(await text(visitor.page, "#results-h"), /One result/);
  assert.equal(await visitor.page.locator(".hit .snippet mark").first().innerText(), "Seasonal");
  await visitor.page.screenshot({ path: join(shots, "search-en.png"), fullPage: true });
  await visitor.context.close();
});

test("the compilation text updates live when the co-facilitators decide; a reload without JavaScript shows the same", async () => {
  const draft = "/processes/gcm/drafts/gcm-draft";
  const watcher = await open(`${draft}/versions/4/compilation`);
  assert.equal(watcher.status, 200);
  assert.match(await text(watcher.page, ".notice.simulation"), /simulation/);
  await watcher.page.waitForSelector("html[data-live-connected]", { timeout: 5000 });
  const shown = async (page) => Number((await text(page, "#compilation > p.muted")).match(/^(\d+)/)[1]);
  const before = await shown(watcher.page);
  assert.ok(before > 0, "the simulation has tabled proposals");
  await watcher.page.screenshot({ path: join(shots, "compilation-en.png"), fullPage: false });
  // The first tabled proposal in the table, decided by the secretariat
  // (acting for the co-facilitators) in another browser.
  const first = await watcher.page.locator("table.proposals tbody tr th a").first().getAttribute("href");
  const chair = await open("/login");
  await chair.page.fill("#email", "amina@example.org");
  await chair.page.fill("#password", "a long enough passphrase");
  await chair.page.getByRole("button", { name: "Sign in" }).click();
  await chair.page.waitForURL(/\/processes\/gcm|\/$/);
  await chair.page.goto(base + first);
  await chair.page.selectOption("select[name=status]", "rejected");
  const started = Date.now();
  await chair.page.getByRole("button", { name: "Record the decision" }).click();
  await chair.page.waitForURL(base + first);
  assert.match(await text(chair.page, ".page-head .badge"), /Rejected/);
  // The open page changed by itself, within a second or so.
  await watcher.page.waitForSelector("html[data-live-updated]", { timeout: 3000 });
  const took = Date.now() - started;
  assert.equal(await shown(watcher.page), before - 1);
  assert.ok(took < 3000, `live update took ${took} ms`);
  // Without JavaScript, a reload shows the same.
  const plain = await open(`${draft}/versions/4/compilation`, { javaScriptEnabled: false });
  assert.equal(await shown(plain.page), before - 1);
  await Promise.all([watcher.context.close(), chair.context.close(), plain.context.close()]);
});

test("the General Assembly's vote reads as a map and a table, sorted by vote", async () => {
  const { page, context } = await open("/processes/gcm/adoptions");
  await page.getByRole("link", { name: /Endorsement of the Global Compact/ }).click();
  assert.match(await text(page, "h1"), /resolution 73\/195/);
  // The map: its own cacheable file, shown as an image whose text
  // alternative points at the table.
  const map = page.locator("img.vote-map");
  assert.ok(await map.isVisible());
  const box = await map.boundingBox();
  assert.ok(box.width > 600 && box.height > 200, `the map is drawn at a readable size (${box.width}×${box.height})`);
  // decode() settles once the file has loaded, and fails if it cannot be shown.
  assert.ok(await map.evaluate((img) => img.decode().then(() => img.naturalWidth > 0)), "the map file loaded");
  assert.match(await map.getAttribute("alt"), /table of member states/);
  // Every member state with a shape, coloured and patterned by its vote.
  const svg = await (await fetch(new URL(await map.getAttribute("src"), base))).text();
  assert.equal(svg.match(/<path class="state /g).length, 192, "192 member states have a shape; Tuvalu is listed");
  assert.equal(svg.match(/<path class="state vote-no"/g).length, 5);
  assert.match(svg, /class="state vote-no" fill="url\(#pat-no\)" d="[^"]*" data-state="HUN"/);
  assert.match(await text(page, "figcaption"), /Tuvalu/);
  // The votes the record counts without naming the states are said so,
  // above the map and in its legend, not left white as if nobody voted.
  const notice = page.locator("#unnamed-votes");
  assert.ok(await notice.isVisible());
  assert.match(await notice.innerText(), /152 in favour — not named in the record/);
  assert.match(await text(page, "figcaption .legend"), /In favour\s+\(152 in favour — not named in the record\)/);
  // The legend's swatches keep their patterns (defined once in the page).
  const swatch = await page.locator("figcaption .legend rect.vote-no").evaluate((el) => getComputedStyle(el).fill);
  assert.match(swatch, /url\(.*#pat-no.*\)/);
  await page.screenshot({ path: join(shots, "vote-map-en.png"), fullPage: false });
  await notice.screenshot({ path: join(shots, "vote-map-unnamed-en.png") });
  // Sorted by vote: the five against first.
  await page.getByRole("link", { name: "Vote", exact: true }).first().click();
  const first = await page.locator("#vote-table tbody tr td:first-child .code").allTextContents();
  assert.deepEqual(first.slice(0, 5), ["CZE", "HUN", "ISR", "POL", "USA"]);
  assert.equal(await page.locator("#vote-table th[aria-sort=ascending]").count(), 1);
  await page.screenshot({ path: join(shots, "vote-table-en.png"), fullPage: true });
  await context.close();
});

/** CLDR's name of a territory in a language, read from the data Accord vendors. */
function cldrName(lang, iso2) {
  const file = new URL(`../../crates/cldr/data/${lang}/territories.json`, import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")).main[lang].localeDisplayNames.territories[iso2];
}

test("the vote page in French names states in French", async () => {
  const { page, context } = await open("/processes/gcm/adoptions", { lang: "fr" });
  await page.locator("a[href^='/processes/gcm/adoptions/']", { hasText: /73\/195/ }).first().click();
  const row = (code) => page.locator(`#vote-table tr:has(a[href='/actors/${code}']) td:first-child a`);
  assert.equal((await row("MEX").innerText()).trim(), cldrName("fr", "MX"));
  assert.equal((await row("USA").innerText()).trim(), cldrName("fr", "US"));
  assert.equal(await row("USA").getAttribute("lang"), "fr");
  // In French alphabetical order: the United States among the E's.
  const names = (await page.locator("#vote-table tbody tr td:first-child a").allTextContents()).map((n) => n.trim());
  assert.ok(names.indexOf(cldrName("fr", "US")) < names.indexOf(cldrName("fr", "FI")), "États-Unis before Finlande");
  // The map's states in French too, and the notice.
  const svg = await (await fetch(new URL(await page.locator("img.vote-map").getAttribute("src"), base),
    { headers: { "Accept-Language": "fr" } })).text();
  assert.ok(svg.includes(`data-state="HUN"><title>${cldrName("fr", "HU")} : `) || svg.includes(`data-state="HUN"><title>${cldrName("fr", "HU")}: `));
  assert.match(await page.locator("#unnamed-votes").innerText(), /152 voix pour — non nommés dans le relevé/);
  await page.locator("#vote-table").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "vote-table-fr.png"), fullPage: false });
  await page.locator("#map-h").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "vote-map-fr.png"), fullPage: false });
  // The actors directory, in French as well.
  await page.goto(base + "/actors?kind=member_state");
  assert.equal((await page.locator("a[href='/actors/MEX']").first().innerText()).trim(), cldrName("fr", "MX"));
  await context.close();
  // And in Arabic, right to left.
  const ar = await open("/processes/gcm/adoptions/2", { lang: "ar" });
  const mex = ar.page.locator("#vote-table a[href='/actors/MEX']");
  assert.equal((await mex.innerText()).trim(), cldrName("ar", "MX"));
  assert.equal(await mex.getAttribute("dir"), "rtl");
  await ar.page.locator("#map-h").scrollIntoViewIfNeeded();
  await ar.page.screenshot({ path: join(shots, "vote-map-ar.png"), fullPage: false });
  await ar.context.close();
});

test("a version's languages show side by side, and the objectives have their pages", async () => {
  const { page, context } = await open("/processes/gcm/drafts/gcm-draft/versions/5");
  await page.getByRole("link", { name: "Languages", exact: true }).click();
  assert.equal(await page.locator("table.data").first().locator("tbody tr").count(), 6, "six languages");
  assert.ok(await noHorizontalOverflow(page));
  await page.selectOption("select[name=right]", "ar");
  await page.getByRole("button", { name: "Show" }).click();
  assert.equal(await page.locator("table.side-by-side td[lang=ar]").first().getAttribute("dir"), "rtl");
  await page.screenshot({ path: join(shots, "languages-en.png"), fullPage: false });
  await page.goto(base + "/processes/gcm/pledges");
  await page.getByRole("link", { name: /Promote faster, safer and cheaper transfer of remittances/ }).click();
  assert.match(await text(page, "h1"), /Objective 20/);
  await context.close();
});

test("the draft's pages read well: rounds, redline with a moved paragraph, lineage", async () => {
  const draft = "/processes/gcm/drafts/gcm-draft";
  const { page, context } = await open(draft);
  assert.equal(await page.locator("table.rounds tbody tr").count(), 5);
  assert.ok(await noHorizontalOverflow(page));
  await page.screenshot({ path: join(shots, "draft-en.png"), fullPage: true });
  await page.goto(base + `${draft}/redline?from=2&to=3`);
  assert.match(await text(page, "h1"), /Rev\.1 → Rev\.2/);
  assert.match(await text(page, ".change-added"), /Objective 23/);
  await page.check("#changes-only");
  assert.ok(await page.locator(".redline .unchanged").first().isHidden(), "only changes once ticked");
  await page.screenshot({ path: join(shots, "redline-en.png"), fullPage: false });
  await page.goto(base + `${draft}/versions/5/lineage/obj-23`);
  assert.match(await text(page, "table.data tbody"), /Rev\.2/);
  await context.close();
});

test("the secretariat analyses the consultation from the stocktaking page and follows the job live", async () => {
  const { page, context } = await open("/login");
  await page.fill("#email", "amina@example.org");
  await page.fill("#password", "a long enough passphrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/processes\/gcm|\/$/);
  await page.goto(base + "/processes/gcm/stocktaking");
  await page.getByRole("button", { name: "Analyse now" }).click();
  await page.waitForURL(/\/processes\/gcm\/jobs\/\d+$/);
  // The job page updates by itself when the job ends.
  await page.waitForSelector(".badge.job-succeeded", { timeout: 60000 });
  // 1,500 synthetic inputs, and any an earlier test sent.
  assert.match(await text(page, ".job-message"), /^15\d\d inputs and \d+ statements analysed/);
  await page.getByRole("link", { name: /Stocktaking/ }).last().click();
  await page.waitForURL(base + "/processes/gcm/stocktaking");
  assert.equal(await page.locator("section.theme-block h3").count(), 6);
  assert.ok((await page.locator("svg.chart rect.chart-bar").count()) >= 6, "the theme chart is drawn");
  assert.ok((await page.locator("table.who tbody tr").count()) > 1, "who said what");
  await page.screenshot({ path: join(shots, "stocktaking-en.png"), fullPage: true });
  // An input of the largest campaign: its campaign and theme, and the correction form.
  await page.goto(base + "/processes/gcm/campaigns/1");
  await page.locator("table.data tbody tr td a").first().click();
  await page.waitForURL(/\/inputs\/\d+$/);
  assert.match(await text(page, "section.analysis"), /Campaign 1/);
  await page.selectOption("section.analysis select[name=theme]", "topic-4");
  await page.getByRole("button", { name: "Set the theme" }).click();
  await page.waitForURL(/#analysis-h$/);
  assert.match(await text(page, "section.analysis"), /labelled by the secretariat/);
  // The report prints: charts are SVG, the page has no sign-in furniture on paper.
  await page.goto(base + "/processes/gcm/stocktaking/report");
  assert.ok((await page.locator("svg.chart").count()) >= 4);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".masthead").isVisible(), false, "no masthead on paper");
  await page.pdf({ path: join(shots, "stocktaking-report.pdf") });
  await context.close();
});

test("a state named as co-sponsor is pending until its own delegation confirms, without JavaScript", async () => {
  await negotiatingProcess("browser-test", [["mex.bt@example.org", "MEX"], ["che.bt@example.org", "CHE"]]);
  const mex = await signIn("mex.bt@example.org", "a long enough passphrase");
  const { id } = await call("POST", "/api/v1/processes/browser-test/drafts/text/amendments", {
    proposer: "MEX", co_sponsors: ["CHE"],
    operation: { op: "insert_text", node: "p1", at: 0, text: "Together, " },
  }, mex);

  // Switzerland's delegate, in a browser without JavaScript.
  const { page, context } = await signedInWithoutScript("che.bt@example.org");
  const amendment = `/processes/browser-test/drafts/text/amendments/${id}`;
  await page.goto(base + amendment);
  const lead = await text(page, ".page-head .lead");
  assert.match(lead, /Named as co-sponsors, awaiting their own confirmation: CHE/);
  assert.doesNotMatch(lead, /Co-sponsors CHE/);
  await page.screenshot({ path: join(shots, "co-sponsor-pending-en.png"), fullPage: false });
  await page.getByRole("button", { name: "Confirm co-sponsorship for CHE" }).click();
  await page.waitForURL(base + amendment);
  assert.match(await text(page, ".page-head .lead"), /Co-sponsors CHE/);
  assert.equal(await page.getByRole("button", { name: "Confirm co-sponsorship for CHE" }).count(), 0);
  assert.equal(await page.getByRole("button", { name: "Withdraw CHE as co-sponsor" }).count(), 1);
  await page.screenshot({ path: join(shots, "co-sponsor-confirmed-en.png"), fullPage: false });
  await context.close();
});

test("a delegate's amendment with a mistake comes back with everything typed, the message beside the field", async () => {
  await negotiatingProcess("browser-amend", [["mex.ba@example.org", "MEX"]]);
  const { page, context } = await signedInWithoutScript("mex.ba@example.org");
  const version = "/processes/browser-amend/drafts/text/versions/1";
  await page.goto(base + version);
  const form = page.locator("form#propose");
  await form.locator("select[name='wording[node]']").selectOption({ label: "1." });
  await form.locator("select[name='wording[op]']").selectOption("replace");
  await form.locator("input[name='wording[words]']").fill("words that are not there");
  await form.locator("textarea[name='wording[text]']").fill("We, the Member States, agree on this text together.");
  await form.locator("input[name='co_sponsors[]'] >> nth=0").fill("CHE");
  await form.locator("textarea[name=justification]").fill("Ownership by every state.");
  await form.getByRole("button").click();
  // The same page, refused with 400: the message beside the words, and all
  // that was typed still there.
  await page.waitForLoadState();
  const words = form.locator("input[name='wording[words]']");
  assert.equal(await words.getAttribute("aria-invalid"), "true");
  assert.match(await text(page, "#propose-wording-words-error"), /not in the paragraph/);
  assert.equal(await words.inputValue(), "words that are not there");
  assert.equal(await form.locator("textarea[name='wording[text]']").inputValue(), "We, the Member States, agree on this text together.");
  assert.equal(await form.locator("select[name='wording[op]']").inputValue(), "replace");
  assert.equal(await form.locator("select[name='wording[node]'] option:checked").innerText(), "1.");
  assert.equal(await form.locator("input[name='co_sponsors[]'] >> nth=0").inputValue(), "CHE");
  assert.equal(await form.locator("textarea[name=justification]").inputValue(), "Ownership by every state.");
  await words.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "amendment-error-kept-en.png"), fullPage: false });
  // Corrected, it goes through to the amendment's own page.
  await words.fill("this text");
  await form.getByRole("button").click();
  await page.waitForURL(/\/amendments\/\d+$/);
  assert.match(await text(page, "h1"), /Amendment|MEX/);
  await context.close();
});

test("the secretariat's meeting form with a mistake comes back with everything typed, without JavaScript", async () => {
  await negotiatingProcess("browser-desk", []);
  const { page, context } = await signedInWithoutScript("amina@example.org");
  await page.goto(base + "/processes/browser-desk/manage");
  const form = page.locator("form#meeting-form");
  await form.locator("input[name=slug]").fill("round-9");
  await form.locator("input[name=title]").fill("Ninth round of negotiations");
  await form.locator("input[name=start_date]").fill("2030-03-10");
  // Ends before it starts: the rule refuses it.
  await form.locator("input[name=end_date]").fill("2030-03-08");
  await form.locator("input[name='venue[city]']").fill("Geneva");
  await form.locator("input[name='venue[country]']").fill("CHE");
  await form.locator("textarea[name=agenda]").fill("Opening\nThe zero draft\nOther matters");
  await form.getByRole("button").click();
  await page.waitForLoadState();
  assert.match(await text(page, "form#meeting-form"), /before|after|end/i);
  assert.equal(await form.locator("input[name=slug]").inputValue(), "round-9");
  assert.equal(await form.locator("input[name=title]").inputValue(), "Ninth round of negotiations");
  assert.equal(await form.locator("input[name=start_date]").inputValue(), "2030-03-10");
  assert.equal(await form.locator("input[name=end_date]").inputValue(), "2030-03-08");
  assert.equal(await form.locator("input[name='venue[city]']").inputValue(), "Geneva");
  assert.equal(await form.locator("textarea[name=agenda]").inputValue(), "Opening\nThe zero draft\nOther matters");
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "meeting-error-kept-en.png"), fullPage: false });
  // Mended, the meeting is made and its page lists the agenda.
  await form.locator("input[name=end_date]").fill("2030-03-12");
  await form.getByRole("button").click();
  await page.waitForLoadState();
  const meeting = await call("GET", "/api/v1/processes/browser-desk/meetings");
  const made = meeting.items.find((m) => m.slug === "round-9");
  assert.ok(made, JSON.stringify(meeting));
  assert.deepEqual(made.agenda_items.map((a) => a.title), ["Opening", "The zero draft", "Other matters"]);
  await context.close();
});
