// End-to-end harness: a real Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against a running platform — the real Keycloak login page, case-api and the workflow engine.
// Specs (e2e/specs/*.spec.mjs) get these helpers; add a spec file per journey.
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = join(here, "..", "target", "screenshots");

export const config = {
  baseUrl: process.env.CLEARANCE_E2E_BASE_URL ?? "http://localhost:8080",
  keycloakUrl: process.env.CLEARANCE_E2E_KEYCLOAK_URL ?? "http://localhost:8180",
  chromium: process.env.CLEARANCE_E2E_CHROMIUM ?? "/usr/bin/chromium",
  password: "demo",
  /** How long to wait for the platform's asynchronous steps (screening, licence issue). */
  processTimeout: 60_000,
};

export async function launch() {
  return chromium.launch({
    executablePath: config.chromium,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-background-timer-throttling",
      "--disable-component-update",
      "--disable-default-apps",
      "--disable-sync",
      "--metrics-recording-only",
      "--no-first-run",
    ],
  });
}

/** A fresh browser context (own cookies, so its own Keycloak session) at 1280 px laptop width. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    locale: "en-GB",
    ...options,
  });
  context.setDefaultTimeout(20_000);
  openContexts.add(context);
  context.on("close", () => openContexts.delete(context));
  return context;
}

/** Contexts a test opened and has not closed yet: on a failure run.mjs photographs and closes them. */
export const openContexts = new Set();

/** Saves every page still open as failure-<label>-<n>.png, closes their contexts; returns the files. */
export async function captureFailure(label) {
  const files = [];
  for (const context of [...openContexts]) {
    for (const page of context.pages()) {
      try {
        files.push(await screenshot(page, `failure-${label}-${files.length + 1}`));
      } catch {
        // a crashed page has nothing to show
      }
    }
    await context.close().catch(() => {});
  }
  return files;
}

/**
 * Opens the app, signs in on the real Keycloak login page and waits for the shell.
 * Returns the page and the time "Sign In" was pressed (for figures).
 */
export async function signIn(context, username, path = "/") {
  const page = await context.newPage();
  await page.goto(config.baseUrl + path);
  await page.waitForSelector("#username", { timeout: 30_000 });
  await page.fill("#username", username);
  await page.fill("#password", config.password);
  const signedInAt = Date.now();
  await page.click("#kc-login");
  await page.getByTestId("signed-in-user").waitFor();
  return { page, signedInAt };
}

export async function signOut(page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForSelector("#username", { timeout: 30_000 });
}

/** axe-core on the page as it is now; fails on any serious or critical violation. */
export async function checkA11y(page, screen) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length > 0) {
    const detail = bad
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(" | ")})`,
      )
      .join("\n  ");
    throw new Error(`axe: ${bad.length} serious/critical violation(s) on ${screen}:\n  ${detail}`);
  }
  a11yChecked.push(screen);
  return result.violations.length;
}
export const a11yChecked = [];

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A token for direct API calls (setup and checks), got as the smoke test gets one. */
export async function token(username) {
  const response = await fetch(
    `${config.keycloakUrl}/realms/clearance/protocol/openid-connect/token`,
    {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "password",
        client_id: "clearance-api",
        client_secret: "clearance-api-dev-secret",
        username,
        password: config.password,
      }),
    },
  );
  if (!response.ok) throw new Error(`no token for ${username}: ${response.status}`);
  return (await response.json()).access_token;
}

export async function apiGet(username, path) {
  const response = await fetch(config.baseUrl + path, {
    headers: { Authorization: `Bearer ${await token(username)}`, Accept: "application/json" },
  });
  if (!response.ok) {
    throw new Error(`GET ${path} as ${username}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Ends every Keycloak session of a user, as an administrator would, through the admin API. */
/** Headers with a token of Keycloak's master-realm administrator, for the admin REST API. */
async function adminHeaders() {
  const body = new URLSearchParams({
    grant_type: "password",
    client_id: "admin-cli",
    username: process.env.CLEARANCE_KEYCLOAK_ADMIN ?? "admin",
    password: process.env.CLEARANCE_KEYCLOAK_ADMIN_PASSWORD ?? "admin",
  });
  const admin = await fetch(`${config.keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    method: "POST",
    body,
  });
  if (!admin.ok) throw new Error(`no Keycloak admin token: ${admin.status}`);
  return { Authorization: `Bearer ${(await admin.json()).access_token}` };
}

/** Ends every Keycloak session of a user of the clearance realm (as an administrator would). */
export async function endSessions(username) {
  const headers = await adminHeaders();
  const users = await (
    await fetch(
      `${config.keycloakUrl}/admin/realms/clearance/users?username=${username}&exact=true`,
      { headers },
    )
  ).json();
  const logout = await fetch(
    `${config.keycloakUrl}/admin/realms/clearance/users/${users[0].id}/logout`,
    { method: "POST", headers },
  );
  if (!logout.ok) throw new Error(`logout of ${username} failed: ${logout.status}`);
}

/**
 * Changes settings of the clearance realm (a partial representation, e.g. a session timeout)
 * and returns the previous values of those settings, to put them back with the same call.
 */
export async function changeRealm(settings) {
  const headers = { ...(await adminHeaders()), "Content-Type": "application/json" };
  const url = `${config.keycloakUrl}/admin/realms/clearance`;
  const current = await (await fetch(url, { headers })).json();
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, current[k]]));
  const put = await fetch(url, { method: "PUT", headers, body: JSON.stringify(settings) });
  if (!put.ok) throw new Error(`the realm settings were not changed: ${put.status}`);
  return previous;
}

/** Polls until fn returns something truthy. */
export async function eventually(what, fn, timeout = config.processTimeout) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

export const figures = [];
/** A measured figure, printed at the end of the run (never asserted against a time). */
export function figure(name, value) {
  figures.push({ name, value });
}

/**
 * What makes the page wider than its window: the document itself, or a scroll container of the
 * page layout (PatternFly's main area) whose content is wider than it. Content that scrolls inside
 * its own card (a wide table in a scroll wrapper) does not count: that is the intended fallback.
 * Returns descriptions of the offenders (none: the page fits).
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const found = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) {
      found.push(`the page is ${doc.scrollWidth} px wide in a ${window.innerWidth} px window`);
    }
    for (const el of document.querySelectorAll(
      ".pf-v6-c-page, .pf-v6-c-page__main-container, .pf-v6-c-page__main, .pf-v6-c-masthead",
    )) {
      if (el.scrollWidth > el.clientWidth + 1) {
        // name what sticks out furthest, so the failure says what to fix
        const right = el.getBoundingClientRect().right;
        let widest = null;
        for (const child of el.querySelectorAll("*")) {
          const r = child.getBoundingClientRect();
          if (r.right > right + 1 && (!widest || r.right > widest.r))
            widest = { child, r: r.right };
        }
        const what = widest
          ? `${widest.child.tagName.toLowerCase()}.${[...widest.child.classList].join(".")} ` +
            `"${(widest.child.textContent ?? "").trim().slice(0, 40)}"`
          : "its content";
        found.push(
          `${el.className.split(" ")[0]} scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px): ${what}`,
        );
      }
    }
    return found;
  });
}

/** 1280 px at 200 % zoom: a 640 CSS-pixel-wide window at device scale 2. */
export const ZOOM_200 = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };
