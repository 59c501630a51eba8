// The quality bar "works at 1280 px and at 200 % zoom": 1280 px at 200 % leaves 640 CSS pixels.
// Each role's main screen, in a 640 × 400 window at device scale 2, must not scroll sideways
// (wide tables may scroll inside their own card), its masthead stays one compact row, and a
// screen's own check (`check`, after `prepare`) finds nothing cut off. Screenshots:
// zoom200-<screen>.png.

/** The masthead may take at most this much of the 400 px high window (one row is 69 px). */
const MASTHEAD_MAX_HEIGHT = 80;

/** Chart texts (axis names, labels, value labels) that reach outside their chart's SVG. */
async function clippedChartTexts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".clearance-chart-frame svg")].flatMap((svg) => {
      const chart =
        svg.closest(".pf-v6-c-card")?.querySelector(".pf-v6-c-card__title")?.textContent ??
        "a chart";
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll("text")]
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .map((t) => ({ t, r: t.getBoundingClientRect() }))
        .filter(
          ({ r }) =>
            r.left < box.left - 1 ||
            r.right > box.right + 1 ||
            r.top < box.top - 1 ||
            r.bottom > box.bottom + 1,
        )
        .map(({ t }) => `${chart}: "${t.textContent}" is cut at the chart's edge`);
    }),
  );
}

/** Heat-map badges that are not wholly inside the diagram's canvas. */
async function badgesOutsideCanvas(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector(".clearance-bpmn")?.getBoundingClientRect();
    if (!canvas) return ["no diagram canvas"];
    const badges = [...document.querySelectorAll(".clearance-heat-badge")];
    if (badges.length === 0) return ["no badge on the diagram"];
    return badges
      .filter((b) => {
        const r = b.getBoundingClientRect();
        return (
          r.left < canvas.left ||
          r.right > canvas.right ||
          r.top < canvas.top ||
          r.bottom > canvas.bottom
        );
      })
      .map((b) => `badge "${b.getAttribute("aria-label")}" reaches outside the canvas`);
  });
}

const SCREENS = [
  {
    user: "alice",
    path: "/applications",
    ready: { heading: /^Applications of / },
    name: "applicant-applications",
  },
  {
    user: "alice",
    path: "/applications/new",
    ready: { heading: "Apply for an export licence" },
    name: "applicant-new",
  },
  { user: "audrey", path: "/inbox", ready: { heading: "Inbox" }, name: "auditor-inbox" },
  { user: "leo", path: "/inbox", ready: { heading: "Inbox" }, name: "legal-inbox" },
  {
    user: "leo",
    path: "/screening?name=Shenhai+Supercomputing+Center&country=CN",
    ready: { heading: "Screen a name" },
    name: "legal-screening",
    // the best hit's explanation open: its aligned-words table is the widest part of the page
    async prepare(page) {
      await page.getByRole("grid", { name: "Screening hits" }).waitFor();
      await page
        .getByRole("button", { name: /Details$/ })
        .first()
        .click();
      await page
        .getByRole("grid", { name: /^Aligned words of / })
        .first()
        .waitFor();
    },
    // the Screen button stands apart from the fields above it, as in every form
    async check(page) {
      const gap = await page.evaluate(() => {
        const form = document.querySelector('form[aria-label="Screen a name"]');
        const button = [...form.querySelectorAll("button[type=submit]")].find(
          (b) => b.textContent.trim() === "Screen",
        );
        const fields = [...form.querySelectorAll(".pf-v6-c-form__group:not(.pf-m-action)")];
        const lastField = Math.max(...fields.map((f) => f.getBoundingClientRect().bottom));
        return button.getBoundingClientRect().top - lastField;
      });
      return gap >= 16 ? [] : [`the Screen button is ${gap} px below the last field (< 16 px)`];
    },
  },
  { user: "ava", path: "/inbox", ready: { heading: "Inbox" }, name: "approver-inbox" },
  {
    user: "max",
    path: "/manage/dashboard",
    ready: { heading: "SLA dashboard" },
    name: "manager-dashboard",
    async prepare(page) {
      // all seven charts drawn (each is drawn in a task of its own)
      await page.waitForFunction(
        () => document.querySelectorAll(".clearance-chart-frame svg").length >= 6,
      );
    },
    check: clippedChartTexts,
  },
  {
    user: "max",
    path: "/manage/heatmap",
    ready: { heading: "Process heat map" },
    name: "manager-heatmap",
    async prepare(page) {
      await page.locator(".clearance-heat-badge").first().waitFor();
    },
    async check(page) {
      const problems = await badgesOutsideCanvas(page);
      // with many cases badges are wider ("1234 · 56 late"): the fitted view makes room for them
      await page.evaluate(() => {
        const badges = [...document.querySelectorAll(".clearance-heat-badge")];
        const rightMost = badges.reduce((a, b) =>
          b.getBoundingClientRect().right > a.getBoundingClientRect().right ? b : a,
        );
        rightMost.dataset.shown = rightMost.textContent;
        rightMost.textContent = "1234 · 56 late";
      });
      const fit = page.getByRole("button", { name: "Fit the diagram" });
      await fit.click();
      for (const p of await badgesOutsideCanvas(page)) problems.push(`with a wide badge: ${p}`);
      // back to the true figures for the screenshot
      await page.evaluate(() => {
        const widened = document.querySelector(".clearance-heat-badge[data-shown]");
        widened.textContent = widened.dataset.shown;
        delete widened.dataset.shown;
      });
      await fit.click();
      return problems;
    },
  },
  { user: "max", path: "/cases", ready: { heading: "Cases" }, name: "manager-cases" },
  {
    user: "max",
    path: "/manage/escalations",
    ready: { heading: "Escalations" },
    name: "manager-escalations",
  },
  { user: "max", path: "/manage/work", ready: { heading: "Open work" }, name: "manager-work" },
  {
    user: "max",
    path: "/notifications",
    ready: { heading: "Notifications" },
    name: "manager-notifications",
  },
  {
    user: "adam",
    path: "/admin/country-groups",
    ready: { heading: "Country groups" },
    name: "admin-country-groups",
  },
  {
    user: "adam",
    path: "/admin/audit",
    ready: { heading: "Audit trail check" },
    name: "admin-audit",
  },
];

export const tests = [
  {
    name: "every role's main screens fit 1280 px at 200 % zoom (640 CSS px)",
    async run(h) {
      const problems = [];
      const contexts = new Map();
      for (const screen of SCREENS) {
        let page = contexts.get(screen.user);
        if (!page) {
          const context = await h.newContext(h.browser, h.ZOOM_200);
          ({ page } = await h.signIn(context, screen.user, screen.path));
          contexts.set(screen.user, page);
        } else {
          await page.goto(h.config.baseUrl + screen.path);
        }
        await page
          .getByRole("heading", { name: screen.ready.heading, exact: true, level: 1 })
          .waitFor();
        // let lists, charts and the diagram arrive: their size is what may not fit
        await page.waitForLoadState("networkidle");
        await page.waitForTimeout(300);
        if (screen.prepare) await screen.prepare(page);
        const found = await h.horizontalOverflow(page);
        const masthead = await page.locator(".pf-v6-c-masthead").boundingBox();
        if (masthead.height > MASTHEAD_MAX_HEIGHT) {
          found.push(`the masthead is ${masthead.height} px high (at most ${MASTHEAD_MAX_HEIGHT})`);
        }
        if (screen.check) found.push(...(await screen.check(page)));
        for (const problem of found) {
          problems.push(`${screen.path} (${screen.user}): ${problem}`);
        }
        // the page's main area scrolls, not the document: make the window as tall as the
        // content for the screenshot only (the check above ran at 640 × 400)
        const height = await page.evaluate(() =>
          Math.max(
            ...[...document.querySelectorAll(".pf-v6-c-page__main, body")].map(
              (e) => e.scrollHeight + e.getBoundingClientRect().top,
            ),
          ),
        );
        await page.setViewportSize({ width: 640, height: Math.min(Math.ceil(height), 4000) });
        await h.screenshot(page, `zoom200-${screen.name}`);
        await page.setViewportSize(h.ZOOM_200.viewport);
      }
      for (const page of contexts.values()) await page.context().close();
      h.expect(problems.length === 0, `does not fit at 200 % zoom:\n  ${problems.join("\n  ")}`);
    },
  },
  {
    name: "a list's columns: hidden with Manage columns, kept by the URL and a saved view, at 1280 and 640 px",
    async run(h) {
      const cases = await h.apiGet("max", "/api/cases?size=1");
      h.expect(cases.totalItems > 0, "no submitted case on the platform: run journey.spec first");
      for (const [width, options] of [
        ["1280", {}],
        ["640", h.ZOOM_200],
      ]) {
        const context = await h.newContext(h.browser, options);
        const { page } = await h.signIn(context, "max", "/cases");
        const table = page.getByRole("grid", { name: "Cases" });
        // at 640 px the table stacks its cells under their labels and hides its header row
        // (display: none), so the headers are looked up hidden or not; a hidden column has none
        const header = (name) =>
          table.getByRole("columnheader", { name, exact: true, includeHidden: true });
        await table.getByRole("link").first().waitFor();
        h.expect((await header("Organisation").count()) === 1, "Organisation shown by default");
        await h.screenshot(page, `columns-${width}-closed`);

        // by keyboard: the button opens the dialog, Save closes it and gives the focus back
        const toggle = page.getByRole("button", { name: "Manage columns" });
        await toggle.focus();
        await page.keyboard.press("Enter");
        const dialog = page.getByRole("dialog", { name: "Manage columns" });
        await dialog.waitFor();
        h.expect(
          await dialog.getByRole("checkbox", { name: /^Reference/ }).isDisabled(),
          "the case reference cannot be hidden",
        );
        await h.checkA11y(page, `manager: Manage columns open at ${width} px`);
        if (width === "640") {
          const problems = await h.horizontalOverflow(page);
          h.expect(problems.length === 0, `the open chooser does not fit: ${problems.join("; ")}`);
        }
        await h.screenshot(page, `columns-${width}-open`);
        await dialog.getByRole("checkbox", { name: "Organisation" }).uncheck();
        await dialog.getByRole("button", { name: "Save", exact: true }).click();
        await dialog.waitFor({ state: "hidden" });
        await page.waitForFunction(
          () => document.activeElement?.textContent?.trim() === "Manage columns",
        );
        await header("Organisation").waitFor({ state: "detached" });
        const cols = new URL(page.url()).searchParams.get("cols");
        h.expect(
          cols === "reference,status,destinations,goods,submitted,due",
          `the URL names the shown columns (cols=${cols})`,
        );
        // the main area scrolls, not the document: as tall as the content for the screenshot
        await page.setViewportSize({ width: Number(width), height: 900 });
        await h.screenshot(page, `columns-${width}-hidden`);
        await page.setViewportSize(options.viewport ?? { width: 1280, height: 860 });

        // the URL in a fresh page (its own sign-in) shows the same columns
        const fresh = await h.newContext(h.browser, options);
        const url = new URL(page.url());
        const { page: again } = await h.signIn(fresh, "max", url.pathname + url.search);
        const againTable = again.getByRole("grid", { name: "Cases" });
        await againTable.getByRole("link").first().waitFor();
        h.expect(
          (await againTable
            .getByRole("columnheader", { name: "Organisation", includeHidden: true })
            .count()) === 0 &&
            (await againTable
              .getByRole("columnheader", { name: "Status", includeHidden: true })
              .count()) === 1,
          "the reloaded URL still hides Organisation and shows Status",
        );
        if (width === "640") {
          const problems = await h.horizontalOverflow(again);
          h.expect(problems.length === 0, `the list does not fit: ${problems.join("; ")}`);
        }
        await fresh.close();

        if (width === "1280") {
          // a saved view keeps the columns: save it, open the plain list, pick the view
          const viewName = `Without organisation ${Date.now()}`;
          await page.getByRole("button", { name: "Save view" }).click();
          await page.getByRole("dialog").getByLabel("Name").fill(viewName);
          await page.getByRole("button", { name: "Save", exact: true }).click();
          await page.getByRole("option", { name: viewName }).waitFor({ state: "attached" });
          await page.goto(h.config.baseUrl + "/cases");
          await header("Organisation").waitFor({ state: "attached" });
          await page.getByLabel("Saved view").selectOption({ label: viewName });
          await header("Organisation").waitFor({ state: "detached" });
          await header("Status").waitFor({ state: "attached" });
        }
        await context.close();
      }

      // the applicant's nine columns scroll inside their card when their content does not fit
      // 1280 px (long goods or destination lists); a narrower choice must not scroll at all
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "alice", "/applications");
      const apps = page.getByRole("grid", { name: "Applications" });
      const scrolled = () =>
        page
          .locator(".pf-v6-c-scroll-inner-wrapper")
          .evaluate((e) => Math.max(0, e.scrollWidth - e.clientWidth));
      await apps.getByRole("link").first().waitFor();
      h.figure("applications at 1280 px, nine columns: sideways scroll", `${await scrolled()} px`);
      await page.goto(h.config.baseUrl + "/applications?cols=reference,status,stage,due,changed");
      await apps.getByRole("link").first().waitFor();
      await apps
        .getByRole("columnheader", { name: "Goods", includeHidden: true })
        .waitFor({ state: "detached" });
      const five = await scrolled();
      h.figure("applications at 1280 px, five columns: sideways scroll", `${five} px`);
      h.expect(five === 0, `five columns still scroll sideways by ${five} px at 1280 px`);
      await context.close();
    },
  },
  {
    name: "at 200 % zoom the masthead's search opens from its toggle, by keyboard",
    async run(h) {
      const context = await h.newContext(h.browser, h.ZOOM_200);
      const { page } = await h.signIn(context, "leo", "/inbox");
      await page.getByRole("heading", { name: "Inbox", level: 1 }).waitFor();
      const field = page.getByLabel("Search cases by reference, organisation or party name", {
        exact: true,
      });
      const toggle = page.getByRole("button", { name: "Search cases" });
      h.expect(!(await field.isVisible()), "the search field is folded away at 640 px");
      h.expect((await toggle.getAttribute("aria-expanded")) === "false", "the toggle is closed");
      await toggle.focus();
      await page.keyboard.press("Enter");
      await field.waitFor();
      h.expect(
        await field.evaluate((e) => e === document.activeElement),
        "the opened search field has the focus",
      );
      h.expect((await toggle.getAttribute("aria-expanded")) === "true", "the toggle says open");
      await h.checkA11y(page, "legal: inbox at 200 % zoom, search open");
      await h.screenshot(page, "zoom200-masthead-search");
      await page.keyboard.press("Escape");
      await field.waitFor({ state: "hidden" });
      h.expect(
        await toggle.evaluate((e) => e === document.activeElement),
        "Escape closes the search and gives the focus back to its toggle",
      );
      await page.keyboard.press("Enter");
      await field.waitFor();
      await page.keyboard.type("Shenhai");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/search\?q=Shenhai/);
      await field.waitFor({ state: "hidden" });
      await context.close();
    },
  },
  {
    name: "at 200 % zoom a hit's explanation in the case workspace stays inside the page",
    async run(h) {
      // journey.spec leaves a case whose screening raised a match; any adjudication shows it
      const tasks = await h.apiGet("max", "/api/tasks?all=true&status=ANY&type=ADJUDICATE_MATCHES");
      h.expect(
        tasks.items.length > 0,
        "no screening-match adjudication on the platform: run journey.spec first",
      );
      const context = await h.newContext(h.browser, h.ZOOM_200);
      const { page } = await h.signIn(context, "leo", `/tasks/${tasks.items[0].id}`);
      await page.getByRole("heading", { name: /^Screening-match adjudication of / }).waitFor();
      await page.getByRole("tab", { name: "Parties and screening" }).click();
      await page
        .getByRole("grid", { name: "Potential screening matches" })
        .getByRole("button", { name: /Details$/ })
        .first()
        .click();
      await page
        .getByRole("grid", { name: /^Aligned words of / })
        .first()
        .waitFor();
      const problems = await h.horizontalOverflow(page);
      await h.checkA11y(page, "legal: a match's explanation at 200 % zoom");
      await h.screenshot(page, "zoom200-legal-explanation");
      await context.close();
      h.expect(problems.length === 0, `the explanation does not fit:\n  ${problems.join("\n  ")}`);
    },
  },
];
