// The portal as a reader sees it: the real `accord serve --demo` on a fresh
// store, Debian's Chromium driven by Playwright. Run by .ci/run.
//
//   ACCORD_BIN=target/release/accord node --test tests/browser/portal.test.mjs

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
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
async function open(path, { lang = "en", width = 1280, height = 900, javaScriptEnabled = true, bypassCSP = false } = {}) {
  const context = await browser.newContext({
    bypassCSP,
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
async function signedInWithoutScript(email, { javaScriptEnabled = false, bypassCSP = false } = {}) {
  const { page, context } = await open("/login", { javaScriptEnabled, bypassCSP });
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
  "/processes/gcm/campaigns", "/processes/gcm/meetings/20", "/processes/gcm/coverage",
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
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Sign in" }).click();
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

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";
  test(`a delegate amends a paragraph where it reads: a mistake keeps everything, the preview shows the redline, then it is tabled (${mode})`, async () => {
    const slug = javaScriptEnabled ? "browser-amend-js" : "browser-amend";
    const email = javaScriptEnabled ? "mex.baj@example.org" : "mex.ba@example.org";
    await negotiatingProcess(slug, [[email, "MEX"]]);
    const { page, context } = await signedInWithoutScript(email, { javaScriptEnabled });
    const version = `/processes/${slug}/drafts/text/versions/1`;
    await page.goto(base + version);
    // Click 1: the paragraph's own "propose an amendment".
    await page.locator("#p1 a.propose").click();
    await page.waitForURL(/\/paragraphs\/p1\/amend$/);
    assert.match(await text(page, ".amend-quote"), /We agree on this text\./);
    const form = page.locator("form#propose");
    // Only the chosen kind of change shows: the words, not the new paragraph.
    assert.ok(await form.locator("textarea[name='wording[revised]']").isVisible());
    assert.ok(!(await form.locator("textarea[name='wording[text]']").isVisible()));
    const revised = "We, the Member States, agree on this text.";
    await form.locator("textarea[name='wording[revised]']").fill(revised);
    await form.locator("input[name='co_sponsors[]'] >> nth=0").fill("ZZZ");
    await form.locator("textarea[name=justification]").fill("Ownership by every state.");
    await form.getByRole("button", { name: "Table the amendment" }).click();
    await page.waitForLoadState();
    // Refused (no such state): the same page, the message beside the
    // co-sponsors, and all that was typed still there.
    assert.match(page.url(), /\/paragraphs\/p1\/amendments$/);
    const cos = form.locator("input[name='co_sponsors[]'] >> nth=0");
    assert.equal(await form.locator("fieldset.co-sponsors").getAttribute("aria-invalid"), "true");
    assert.match(await text(page, "#propose-co_sponsors-error"), /ZZZ/);
    assert.equal(await cos.inputValue(), "ZZZ");
    assert.equal(await form.locator("textarea[name='wording[revised]']").inputValue(), revised);
    assert.equal(await form.locator("textarea[name=justification]").inputValue(), "Ownership by every state.");
    assert.ok(await form.locator("input[name='wording[op]'][value=revise]").isChecked());
    await cos.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, `amendment-error-kept-${javaScriptEnabled ? "js" : "nojs"}-en.png`), fullPage: false });
    // Mended; the preview shows the tracked edit, nothing tabled yet.
    await cos.fill("CHE");
    await form.getByRole("button", { name: "Preview as redline" }).click();
    await page.waitForLoadState();
    assert.equal(await text(page, ".amend-preview ins"), ", the Member States,");
    assert.equal(await page.locator(".amend-preview del").count(), 0);
    assert.match(await text(page, ".amend-preview .draft-text"), /We, the Member States, agree on this text\./);
    assert.equal(await form.locator("textarea[name='wording[revised]']").inputValue(), revised);
    assert.equal(await form.locator("input[name='co_sponsors[]'] >> nth=0").inputValue(), "CHE");
    const compilation = `/api/v1/processes/${slug}/drafts/text/versions/1/compilation`;
    assert.equal((await call("GET", compilation)).compilation.proposals.length, 0, "a preview tables nothing");
    await page.screenshot({ path: join(shots, `amendment-preview-${javaScriptEnabled ? "js" : "nojs"}-en.png`), fullPage: true });
    // Click 3: table it; the amendment's own page.
    await form.getByRole("button", { name: "Table the amendment" }).click();
    await page.waitForURL(/\/amendments\/\d+$/);
    assert.match(await text(page, "h1"), /Amendment|MEX/);
    const tabled = (await call("GET", compilation)).compilation.proposals;
    assert.equal(tabled.length, 1);
    assert.equal(tabled[0].proposers[0], "MEX");
    assert.deepEqual(tabled[0].operation, { op: "insert_text", node: "p1", at: 2, text: ", the Member States," });
    await context.close();
  });
}

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

// Accessibility: axe-core (WCAG 2.1 A and AA rules) on the public pages and
// the working ones, in English and Arabic, on a desktop and a phone. No
// critical or serious finding is allowed; every finding is written to
// target/axe.json for the record.
const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const axePages = [
  "/", "/processes/gcm", "/processes/gcm/meetings", "/processes/gcm/meetings/1", "/processes/gcm/documents",
  "/actors", "/actors/MEX", "/actors/EU", "/search?q=migration", "/login",
  "/processes/gcm/drafts", "/processes/gcm/drafts/gcm-draft", "/processes/gcm/drafts/gcm-draft/versions/5",
  "/processes/gcm/drafts/gcm-draft/versions/4/compilation", "/processes/gcm/drafts/gcm-draft/redline?from=1&to=5",
  "/processes/gcm/drafts/gcm-draft/versions/5/languages", "/processes/gcm/objectives/1",
  "/processes/gcm/adoptions", "/processes/gcm/adoptions/2", "/processes/gcm/pledges",
  "/processes/gcm/stocktaking", "/processes/gcm/stocktaking/report", "/processes/gcm/recommendations",
  "/processes/gcm/campaigns", "/processes/gcm/meetings/20", "/processes/gcm/coverage", "/processes/gcm/accreditation",
  "/processes/gcm/consultations", "/processes/gcm/documents/1",
];
const axeFindings = [];

async function axeFindingsOn(page) {
  await page.addScriptTag({ path: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

for (const [lang, width] of [["en", 1280], ["ar", 1280], ["en", 390], ["ar", 390]]) {
  test(`axe finds nothing critical or serious on ${axePages.length} pages (${lang}, ${width} px wide)`, async () => {
    const bad = [];
    for (const path of axePages) {
      // axe is injected as a script: the page's Content-Security-Policy
      // (script-src 'self') would rightly refuse it.
      const { page, context, status } = await open(path, { lang, width, bypassCSP: true });
      assert.equal(status, 200, path);
      const found = await axeFindingsOn(page);
      axeFindings.push({ path, lang, width, found });
      for (const f of found.filter((f) => f.impact === "critical" || f.impact === "serious")) bad.push({ path, ...f });
      await context.close();
    }
    mkdirSync(resolve(shots, ".."), { recursive: true });
    writeFileSync(resolve(shots, "..", "axe.json"), JSON.stringify(axeFindings, null, 1));
    assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  });
}

test("axe finds nothing critical or serious on the working pages of a delegate and of the secretariat", async () => {
  await negotiatingProcess("browser-axe", [["mex.axe@example.org", "MEX"]]);
  const bad = [];
  for (const [email, paths] of [
    ["mex.axe@example.org", ["/processes/browser-axe/drafts/text/versions/1", "/processes/browser-axe/drafts/text/versions/1/paragraphs/p1/amend",
      "/processes/browser-axe/drafts/text/versions/1/compilation", "/account"]],
    ["amina@example.org", ["/processes/gcm/manage", "/processes/gcm/accreditation", "/audit", "/accounts", "/processes/gcm/stocktaking",
      "/processes/gcm/consultations", "/processes/gcm/meetings/1/edit", "/processes/gcm/adoptions"]],
  ]) {
    for (const lang of ["en", "ar"]) {
      const { page, context } = await signedInWithoutScript(email, { javaScriptEnabled: true, bypassCSP: true });
      for (const path of paths) {
        await page.setExtraHTTPHeaders({ "Accept-Language": lang });
        await page.goto(base + path);
        const found = await axeFindingsOn(page);
        axeFindings.push({ path, lang, width: 1280, signedIn: email, found });
        for (const f of found.filter((f) => f.impact === "critical" || f.impact === "serious")) bad.push({ path, lang, ...f });
      }
      await context.close();
    }
  }
  writeFileSync(resolve(shots, "..", "axe.json"), JSON.stringify(axeFindings, null, 1));
  assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
});

test("from any page, the sign-in form is three Tab stops away", async () => {
  const { page, context } = await open("/processes/gcm", { javaScriptEnabled: false });
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Skip to content");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Sign in");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/login/);
  // The third stop: the form's first field has the focus.
  assert.equal(await page.evaluate(() => document.activeElement.id), "email");
  await context.close();
});

test("a visitor finds Mexico's statement from the actor page and from search", async () => {
  // A test process (not a real one) with a meeting and a statement entered
  // for Mexico by the secretariat, labelled as test data.
  const sec = await signIn("amina@example.org", "a long enough passphrase");
  await call("POST", "/api/v1/processes", {
    slug: "browser-who", title: "Browser test process (who said what)", mandate: [], languages: ["en"],
    co_facilitators: [], secretariat: [], meeting_kinds: ["thematic_session"],
  }, sec);
  const { id: meeting } = await call("POST", "/api/v1/processes/browser-who/meetings", {
    slug: "session-1", kind: "thematic_session", number: 1, title: "Test session on labour mobility",
    start_date: "2020-03-02", end_date: "2020-03-03",
  }, sec);
  const title = "Test statement entered for Mexico on labour mobility";
  const { id: statement } = await call("POST", "/api/v1/processes/browser-who/statements", {
    meeting, actor: "MEX", title, delivered_on: "2020-03-02", distribution: "public", synthetic: true,
    texts: [{ language: "en", text: "Mr. Chair, this is a test statement entered by the browser suite." }],
  }, sec);
  const own = `/processes/browser-who/statements/${statement}`;

  // From the actor page: the statement, with its meeting and date, opens its page.
  const { page, context } = await open("/actors/MEX", { javaScriptEnabled: false });
  assert.equal(await text(page, "h1"), "Mexico");
  const record = page.locator("#process-browser-who");
  assert.match(await record.innerText(), /Test session on labour mobility/);
  assert.match(await record.innerText(), /2 March 2020/);
  await record.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "actor-record-mex-en.png"), fullPage: false });
  await record.getByRole("link", { name: title }).click();
  await page.waitForURL(base + own);
  assert.equal(await text(page, "h1"), title);

  // From search: "Mexico" finds Mexico itself; its page, then the statement.
  await page.goto(base + "/search?q=Mexico");
  const hit = page.locator("li.hit", { has: page.locator('a[href="/actors/MEX"]') });
  assert.equal(await hit.count(), 1);
  assert.match(await text(page, "li.hit .badge"), /Actor/);
  await page.screenshot({ path: join(shots, "search-mexico-en.png"), fullPage: false });
  await hit.getByRole("link", { name: "Mexico", exact: true }).click();
  await page.waitForURL(base + "/actors/MEX");
  await page.locator("#process-browser-who").getByRole("link", { name: title }).click();
  await page.waitForURL(base + own);
  assert.equal(await text(page, "h1"), title);
  await context.close();

  // The group's page shows its members over time: the United Kingdom left.
  const eu = await open("/actors/EU");
  assert.match(await text(eu.page, "ul.former-members"), /United Kingdom.*31 January 2020/s);
  await eu.page.locator("ul.former-members").scrollIntoViewIfNeeded();
  await eu.page.screenshot({ path: join(shots, "actor-eu-members-en.png"), fullPage: false });
  await eu.context.close();

  // A document's own page, from the meeting page's list.
  const doc = await open("/processes/gcm/meetings?kind=conference");
  await doc.page.locator("li.meeting-item h2 a").first().click();
  await doc.page.locator("aside .doc-list a").first().click();
  await doc.page.waitForURL(/\/documents\/\d+$/);
  assert.match(await text(doc.page, "dl.details"), /undocs|Official record/);
  assert.match(await doc.page.locator("a.official-record").getAttribute("href"), /^https:\/\/undocs\.org\/A\//);
  await doc.page.screenshot({ path: join(shots, "document-page-en.png"), fullPage: true });
  await doc.context.close();
});

test("the secretariat opens a call for inputs, postpones a meeting, records an adoption by recorded vote, and each shows in the audit log", async () => {
  await negotiatingProcess("browser-secretariat", []);
  const sec = await signIn("amina@example.org", "a long enough passphrase");
  const { id: meetingId } = await call("POST", "/api/v1/processes/browser-secretariat/meetings", {
    slug: "round-6", kind: "negotiation_round", number: 6, title: "Sixth round of negotiations",
    start_date: "2030-07-12", end_date: "2030-07-13", venue: { city: "New York", country: "USA" },
    agenda: [{ number: 1, title: "Rev.2" }],
  }, sec);
  // The text is adopted in the process's adoption phase (a rule of adoption).
  await call("POST", "/api/v1/processes/browser-secretariat/phases", { kind: "adoption", start_date: "2030-07-15" }, sec);
  const { page, context } = await signedInWithoutScript("amina@example.org");
  const slug = "/processes/browser-secretariat";

  // 1. A call for inputs, opened from the process's calls page.
  await page.goto(base + `${slug}/consultations`);
  const open = page.locator("form#open-call");
  await open.locator("input[name=slug]").fill("written-inputs");
  await open.locator("input[name=title]").fill("Written inputs on the zero draft");
  await open.locator("textarea[name=description]").fill("Send your comments on the zero draft.");
  await open.locator("input[name=opens_at]").fill("2020-01-01T09:00");
  await open.locator("input[name=closes_at]").fill("2099-01-01T17:00");
  await open.getByRole("button").click();
  await page.waitForLoadState();
  assert.equal(await text(page, "[role=status]"), "The call for inputs was opened.");
  assert.match(await text(page, "#call-written-inputs"), /Written inputs on the zero draft/);
  assert.ok(await page.locator("#call-written-inputs form[action$='/close']").count(), "an open call can be closed");
  await page.screenshot({ path: join(shots, "desk-call-opened-en.png"), fullPage: true });

  // 2. The meeting postponed, with a reason, from its page.
  await page.goto(base + `${slug}/meetings/${meetingId}`);
  await page.getByRole("link", { name: "Edit, postpone or cancel" }).click();
  const postpone = page.locator("form#postpone-meeting");
  await postpone.locator("input[name=start_date]").fill("2030-07-19");
  await postpone.locator("input[name=end_date]").fill("2030-07-20");
  await postpone.locator("input[name=reason]").fill("The General Assembly Hall is needed for a special session");
  await postpone.getByRole("button").click();
  await page.waitForLoadState();
  assert.equal(await text(page, "[role=status]"), "The meeting was postponed.");
  const history = await text(page, ".meeting-history");
  assert.match(history, /Postponed from 12–13 July 2030 to 19–20 July 2030/);
  assert.match(history, /The General Assembly Hall is needed for a special session/);
  assert.match(history, /Amina Secretary/);
  assert.match(await text(page, "dd time"), /19–20 July 2030/);
  await page.screenshot({ path: join(shots, "desk-meeting-postponed-en.png"), fullPage: true });

  // 3. The adoption of the zero draft by recorded vote, the states' votes pasted as lists.
  await page.goto(base + `${slug}/adoptions`);
  const record = page.locator("form#record-adoption");
  await record.locator("select[name=meeting]").selectOption({ label: "Sixth round of negotiations" });
  await record.locator("select[name=draft]").selectOption("text");
  await record.locator("input[name=version]").fill("1");
  await record.locator("input[name=title]").fill("Adoption of the test text");
  await record.locator("input[name=adopted_on]").fill("2030-07-20");
  await record.locator("select[name=method]").selectOption("recorded_vote");
  await record.locator("select[name='vote[majority]']").selectOption("simple");
  await record.locator("input[name='vote[totals][yes]']").fill("186");
  await record.locator("input[name='vote[totals][no]']").fill("5");
  await record.locator("input[name='vote[totals][abstain]']").fill("2");
  await record.locator("input[name='vote[totals][not_voting]']").fill("0");
  await record.locator("textarea[name='vote[ballots][no]']").fill("CZE, HUN, ISR\nPOL USA");
  await record.locator("textarea[name='vote[ballots][abstain]']").fill("aut che");
  // Its paragraph was never agreed ad ref: the meeting adopts it as it stands.
  await record.locator("input[name=as_it_stands]").check();
  await record.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "desk-adoption-form-en.png"), fullPage: false });
  await record.getByRole("button").click();
  await page.waitForLoadState();
  assert.equal(await text(page, "[role=status]"), "The adoption was recorded.");
  assert.match(page.url(), /\/adoptions\/\d+\?done=adoption-recorded$/);
  await page.screenshot({ path: join(shots, "desk-adoption-recorded-en.png"), fullPage: false });
  const adoptionId = page.url().match(/adoptions\/(\d+)/)[1];
  const adoption = await call("GET", `/api/v1/processes/browser-secretariat/adoptions/${adoptionId}`);
  const voteOf = (code) => adoption.rows.find((r) => r.code === code)?.vote ?? null;
  assert.equal(voteOf("HUN"), "no");
  assert.equal(voteOf("CHE"), "abstain");
  assert.equal(voteOf("FRA"), null, "a state not pasted is not recorded");

  // 4. Each in the audit log.
  await page.goto(base + "/audit?process=browser-secretariat");
  const log = await text(page, "table.audit tbody");
  for (const action of ["consultation.open", "meeting.postpone", "adoption.record"]) {
    assert.ok(log.includes(action), `${action} in the audit log:\n${log}`);
  }
  await page.screenshot({ path: join(shots, "desk-audit-en.png"), fullPage: false });

  // 5. The dashboard of what needs attention, on the secretariat's page.
  await page.goto(base + `${slug}/manage`);
  const dashboard = page.locator("ul.attention");
  assert.match(await text(page, ".attention-amendments-awaiting-decision"), /^0\s+amendments awaiting a decision$/);
  // Applications in their no-objection period, to decide, and referred
  // to the body the rules name: each links to the accreditation page.
  assert.equal(await dashboard.locator("a[href$='/accreditation']").count(), 3);
  assert.match(await text(page, ".attention-applications-referred"), /^0\s/);
  await page.screenshot({ path: join(shots, "desk-dashboard-en.png"), fullPage: false });
  await context.close();
});
