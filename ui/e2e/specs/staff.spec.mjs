// The manager's and the admin's screens, and the four-eyes rule seen by a user with two roles:
// lena, who did the legal review of a case, is refused its approval in plain words; max finds
// that case on the SLA dashboard and on the process heat map and drills down to it; max's
// escalations and open work; max suspends and reinstates a licence and reads it "in force", the
// audit trail telling the reinstatement from the issue; adam checks country groups and the audit
// trail; leo screens a listed name on "Screen a name" and reads why it is a potential match.

const state = {};

async function api(h, username, method, path, body) {
  const response = await fetch(h.config.baseUrl + path, {
    method,
    headers: {
      Authorization: `Bearer ${await h.token(username)}`,
      "Content-Type": "application/json",
      Accept: "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(
      `${method} ${path} as ${username}: ${response.status} ${await response.text()}`,
    );
  }
  return response.status === 204 ? null : response.json();
}

async function openTask(h, caseId, type) {
  return h.eventually(`an open ${type} task`, async () => {
    const tasks = await h.apiGet("max", `/api/tasks?all=true&caseId=${caseId}`);
    return tasks.items.find((t) => t.type === type && t.status === "OPEN");
  });
}

const APPLICATION = {
  contact: { name: "Alice Adeyemi", email: "alice@acme-ai.example.com" },
  items: [
    {
      kind: "AI_MODEL",
      description: "Model weights, 70B parameters",
      eccn: "4E091",
      quantity: 1,
      unit: "model",
      unitValue: 1000000,
      currency: "USD",
      aiModel: {
        parameterCount: 70000000000,
        trainingComputeOperations: 2e24,
        weights: "CLOSED",
        hostingControls: "Hosted in an ISO 27001 enclave",
      },
    },
  ],
  parties: [
    {
      role: "CONSIGNEE",
      name: "Kumo Research KK",
      address: "1-1 Marunouchi, Tokyo",
      country: "JP",
    },
    {
      role: "END_USER",
      name: "Kumo Research KK",
      address: "1-1 Marunouchi, Tokyo",
      country: "JP",
    },
  ],
  destinations: ["JP"],
  endUseStatement: "Weather forecasting research; no military end use.",
};

/** A new case of alice's, audited by audrey and reviewed by lena (through the API), at approval. */
async function caseAtApproval(h) {
  const created = await api(h, "alice", "POST", "/api/cases", APPLICATION);
  await api(h, "alice", "POST", `/api/cases/${created.id}/submit`);
  const audit = await openTask(h, created.id, "TECHNICAL_AUDIT");
  await api(h, "audrey", "POST", `/api/tasks/${audit.id}/claim`);
  await api(h, "audrey", "POST", `/api/tasks/${audit.id}/complete`, { outcome: "COMPLETE" });
  const legal = await openTask(h, created.id, "LEGAL_REVIEW");
  await api(h, "lena", "POST", `/api/tasks/${legal.id}/claim`);
  await api(h, "lena", "POST", `/api/tasks/${legal.id}/complete`, { outcome: "COMPLETE" });
  const approval = await openTask(h, created.id, "APPROVAL");
  return { created, approval };
}

export const tests = [
  {
    name: "lena, who reviewed a case, is refused its approval (four eyes)",
    async run(h) {
      // a case whose legal review lena completed, up to its approval
      const { created, approval } = await caseAtApproval(h);
      state.caseId = created.id;
      state.reference = created.reference;

      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "lena", `/tasks/${approval.id}`);
      await page.getByRole("button", { name: "Take this task" }).click();
      await page
        .getByText(/Four-eyes rule/)
        .first()
        .waitFor();
      await h.checkA11y(page, "approver: four-eyes refusal");
      await h.screenshot(page, "approver-four-eyes");
      await context.close();
    },
  },
  {
    name: "max finds the case awaiting approval on the dashboard and the heat map",
    async run(h) {
      h.expect(state.reference, "lena's test left a case awaiting approval");

      const context = await h.newContext(h.browser);
      // The page notes when each chart's SVG enters the document: Playwright's own waits see it
      // only at their next poll, which lagged the drawing by 150-350 ms on a loaded machine.
      await context.addInitScript(() => {
        const drawnAt = (window.clearanceChartsDrawnAt = []);
        new MutationObserver(() => {
          const drawn = document.querySelectorAll(".clearance-chart svg").length;
          while (drawnAt.length < drawn) drawnAt.push(Date.now());
        }).observe(document, { childList: true, subtree: true });
      });
      const { page, signedInAt } = await h.signIn(context, "max");
      // max's home is the dashboard; "rendered" = the first chart has drawn its SVG
      await page.getByRole("heading", { name: "SLA dashboard", exact: true }).waitFor();
      // charts are drawn one per task: the last one comes a little later
      await page.waitForFunction(
        () => document.querySelectorAll(".clearance-chart svg").length >= 6,
        null,
        { polling: 50 },
      );
      const drawnAt = await page.evaluate(() => window.clearanceChartsDrawnAt);
      h.figure("manager dashboard rendered after sign-in", `${drawnAt[0] - signedInAt} ms`);
      h.figure("manager dashboard, every chart drawn", `${drawnAt[5] - signedInAt} ms`);
      await page.waitForLoadState("networkidle");
      await h.checkA11y(page, "manager: SLA dashboard");
      // each chart is an image named by ECharts' aria description of its figures, not by its
      // title only
      const undescribed = await page.evaluate(() =>
        [...document.querySelectorAll(".clearance-chart")]
          .filter((c) => {
            const title = c.closest(".pf-v6-c-card").querySelector(".pf-v6-c-card__title");
            const name = c.getAttribute("aria-label") ?? "";
            return (
              c.getAttribute("role") !== "img" || !name.endsWith(".") || name === title.textContent
            );
          })
          .map((c) => c.getAttribute("aria-label")),
      );
      h.expect(undescribed.length === 0, `charts without a description: ${undescribed.join(", ")}`);
      await h.screenshot(page, "manager-dashboard");

      // drill down from "Cases per stage": Closed
      await page.getByRole("button", { name: /Cases behind “Cases per stage”/ }).click();
      await page.getByRole("link", { name: /^Approval \([\d,]+\)$/ }).click();
      await page.getByRole("heading", { name: "Cases", exact: true }).waitFor();
      await page.getByText("Stage: Approval").waitFor();
      await page.getByRole("link", { name: state.reference }).waitFor();
      await h.checkA11y(page, "manager: case list (drill-down)");

      // save the drill-down as a view and get it back
      const viewName = `Awaiting approval ${Date.now()}`;
      await page.getByRole("button", { name: "Save view" }).click();
      await page.getByRole("dialog").getByLabel("Name").fill(viewName);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("option", { name: viewName }).waitFor({ state: "attached" });

      // the heat map: the deployed diagram with badges; the approved end event leads to the case
      await page.getByRole("link", { name: "Process heat map" }).click();
      await page.getByRole("region", { name: /Process diagram/ }).waitFor();
      await page.locator(".clearance-heat-badge").first().waitFor();
      await h.checkA11y(page, "manager: process heat map");
      await h.screenshot(page, "manager-heatmap");
      await page.getByRole("button", { name: /^Approve or deny: / }).click();
      await page.getByText("Process step: Task_Approval").waitFor();
      await page.getByRole("link", { name: state.reference }).waitFor();
      await context.close();
    },
  },
  {
    name: "max sees escalations, open work and a case's manager actions",
    async run(h) {
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "max", "/manage/escalations");
      await page.getByRole("heading", { name: "Escalations", exact: true }).waitFor();
      await page
        .getByText(/No escalation|Late by/)
        .first()
        .waitFor();
      await h.checkA11y(page, "manager: escalations");
      await page.getByRole("link", { name: "Open work & countersign" }).click();
      await page.getByRole("heading", { name: "Open work", exact: true }).waitFor();
      await page
        .getByText(/No open task|Held by/)
        .first()
        .waitFor();
      await h.checkA11y(page, "manager: open work");
      await context.close();
    },
  },
  {
    name: "max suspends and reinstates a licence: it is in force again, and audited as reinstated",
    async run(h) {
      // a case ava approves (through the API), and its licence
      const { created, approval } = await caseAtApproval(h);
      await api(h, "ava", "POST", `/api/tasks/${approval.id}/claim`);
      await api(h, "ava", "POST", `/api/tasks/${approval.id}/complete`, {
        outcome: "APPROVE",
        conditions: [],
      });
      // issued by the process a moment after the approval: 404 until then
      const licence = await h.eventually("the case's licence", () =>
        h.apiGet("max", `/api/cases/${created.id}/licence`),
      );
      const number = licence.number;

      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "max", `/manage/cases/${created.id}`);
      await page.getByText(number, { exact: true }).waitFor();
      await page.getByText("In force", { exact: true }).waitFor();

      await page.getByRole("button", { name: "Suspend licence" }).click();
      const suspend = page.getByRole("dialog");
      await suspend.getByLabel("Reason").fill("end user under investigation");
      await suspend.getByRole("button", { name: "Suspend licence" }).click();
      await page.getByText(`Licence ${number} is now suspended.`).waitFor();
      await page.getByText("Suspended", { exact: true }).waitFor();

      await page.getByRole("button", { name: "Reinstate licence" }).click();
      const reinstate = page.getByRole("dialog");
      await reinstate.getByLabel("Reason (optional)").fill("investigation closed");
      await reinstate.getByRole("button", { name: "Reinstate licence" }).click();
      await page.getByText(`Licence ${number} is now in force.`).waitFor();
      await page.getByText("In force", { exact: true }).waitFor();
      await h.checkA11y(page, "manager: licence reinstated");
      await h.screenshot(page, "manager-licence-reinstated");

      // the audit trail: issued once, then suspended and reinstated by max, in words
      await page.goto(`${h.config.baseUrl}/cases/${created.id}`);
      await page.getByRole("tab", { name: "Audit trail" }).click();
      const trail = page.getByRole("grid", { name: "Audit trail" });
      const reinstated = trail.getByText(
        `max reinstated licence ${number}: it is in force again (“investigation closed”)`,
      );
      await reinstated.waitFor();
      await trail
        .getByText(`max suspended licence ${number}: “end user under investigation”`)
        .waitFor();
      const issued = await trail.getByText(`Licence ${number} was issued`).count();
      h.expect(issued === 1, `the licence reads as issued once in the audit trail (${issued})`);
      await reinstated.scrollIntoViewIfNeeded();
      await h.screenshot(page, "manager-licence-audit-trail");
      await context.close();
    },
  },
  {
    name: "adam checks country groups and the audit trail",
    async run(h) {
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "adam");
      await page.getByRole("heading", { name: "Country groups", exact: true }).waitFor();
      await page.getByLabel("Country groups in force").waitFor();
      await h.checkA11y(page, "admin: country groups");
      await h.screenshot(page, "admin-country-groups");

      // a change without a date is refused on its field
      await page.getByRole("button", { name: "Change a country's groups" }).click();
      await page.getByLabel(/Country code \(ISO/).fill("XX1");
      await page.getByRole("button", { name: "Save change" }).click();
      await page.locator(".pf-m-error").first().waitFor();

      await page.getByRole("link", { name: "Audit trail check" }).click();
      await page.getByRole("button", { name: "Check the audit trail" }).click();
      await page.getByText("The audit trail is intact").waitFor({ timeout: 60_000 });
      await page.getByRole("link", { name: /Open the Keycloak console/ }).waitFor();
      await h.checkA11y(page, "admin: audit trail check");
      await h.screenshot(page, "admin-audit-check");
      await context.close();
    },
  },
  {
    name: "leo screens a listed name and sees the explained potential match",
    async run(h) {
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "leo");
      await page.getByRole("link", { name: "Screen a name" }).click();
      await page.getByRole("heading", { name: "Screen a name", exact: true }).waitFor();

      // a date the API refuses comes back on the date-of-birth field
      await page.getByLabel(/^Name/).fill("Mostafa Norouzi");
      await page.getByLabel(/^Date of birth/).fill("1971-13");
      await page.getByRole("button", { name: "Screen", exact: true }).click();
      await page.getByText("The date of birth must be YYYY or YYYY-MM-DD.").waitFor();
      h.expect(
        (await page.getByLabel(/^Date of birth/).getAttribute("aria-invalid")) === "true",
        "the date of birth is marked invalid",
      );

      // the synthetic SDN entry csl-p01 (Mostafa Norouzi, IR, born 1971-04-12)
      await page.getByLabel(/^Country/).fill("ir");
      await page.getByLabel(/^Type/).selectOption("PERSON");
      await page.getByLabel(/^Date of birth/).fill("1971-04-12");
      await page.getByRole("button", { name: "Screen", exact: true }).click();
      const hits = page.getByRole("grid", { name: "Screening hits" });
      const first = hits.getByRole("row").nth(1);
      await first.getByText("Mostafa Norouzi").waitFor();
      await first.getByText("Potential match").waitFor();
      await page.getByText(/Lists searched: /).waitFor();
      h.expect(
        new URL(page.url()).searchParams.get("name") === "Mostafa Norouzi",
        `the query is in the address (${page.url()})`,
      );

      // the search survives a reload, and its explanation opens on the row
      await page.reload();
      await first.getByText("Potential match").waitFor();
      await first.getByRole("button", { name: /Details/ }).click();
      await page.getByRole("grid", { name: /Aligned words of Mostafa Norouzi/ }).waitFor();
      await page.getByText(/same date of birth 1971-04-12/).waitFor();
      await h.checkA11y(page, "staff: screen a name");
      await h.screenshot(page, "screen-a-name");
      await context.close();
    },
  },
];
