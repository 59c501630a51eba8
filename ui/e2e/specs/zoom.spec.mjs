// The quality bar "works at 1280 px and at 200 % zoom": 1280 px at 200 % leaves 640 CSS pixels.
// Each role's main screen, in a 640 × 400 window at device scale 2, must not scroll sideways
// (wide tables may scroll inside their own card). Screenshots: zoom200-<screen>.png.

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
  { user: "ava", path: "/inbox", ready: { heading: "Inbox" }, name: "approver-inbox" },
  {
    user: "max",
    path: "/manage/dashboard",
    ready: { heading: "SLA dashboard" },
    name: "manager-dashboard",
  },
  {
    user: "max",
    path: "/manage/heatmap",
    ready: { heading: "Process heat map" },
    name: "manager-heatmap",
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
        for (const problem of await h.horizontalOverflow(page)) {
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
      h.expect(
        problems.length === 0,
        `sideways scrolling at 200 % zoom:\n  ${problems.join("\n  ")}`,
      );
    },
  },
];
