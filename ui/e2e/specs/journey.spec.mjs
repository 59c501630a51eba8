// The whole journey of one application, every step in the browser as its user does it:
// alice drafts (with a document) and submits; screening raises a match on the restricted-party
// list (the synthetic "Shenhai Supercomputing Centre") that leo adjudicates; audrey asks for
// information, alice answers, audrey certifies; leo completes the legal review with a proviso;
// ava approves with it as a licence condition; alice downloads the licence PDF.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

const state = {};

async function openTask(h, page, caseRef, taskLabel) {
  await page.getByRole("tab", { name: "Unassigned in my roles" }).click();
  const take = page.getByRole("button", { name: `Take ${taskLabel} of ${caseRef}` });
  await h.eventually(`the ${taskLabel} of ${caseRef} in the inbox`, async () => {
    if (await take.isVisible()) return true;
    await page.reload();
    await page.getByRole("tab", { name: "Unassigned in my roles" }).click();
    return take.isVisible();
  });
  await take.click();
  await page.getByText(`You have the ${taskLabel.toLowerCase()} of ${caseRef}`).waitFor();
  await page.getByRole("tab", { name: "Assigned to me" }).click();
  await page.getByTestId("inbox-table").getByRole("link", { name: caseRef }).first().click();
  await page.getByRole("heading", { name: `${taskLabel} of ${caseRef}` }).waitFor();
}

async function waitForTask(h, caseId, type) {
  return h.eventually(`an open ${type} task`, async () => {
    const tasks = await h.apiGet("max", `/api/tasks?all=true&caseId=${caseId}`);
    return tasks.items.find((t) => t.type === type && t.status === "OPEN");
  });
}

async function waitForStatus(h, caseId, status) {
  return h.eventually(`case status ${status}`, async () => {
    const c = await h.apiGet("alice", `/api/cases/${caseId}`);
    return c.status === status ? c : null;
  });
}

export const tests = [
  {
    name: "alice drafts an application with a document and submits it",
    async run(h) {
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "alice");
      await page.getByRole("heading", { name: "Applications of acme-ai" }).waitFor();
      await page.getByRole("button", { name: "New application" }).first().waitFor();
      await h.checkA11y(page, "applicant: my applications");
      await h.screenshot(page, "applicant-applications");

      await page.getByRole("button", { name: "New application" }).first().click();
      await page.getByRole("heading", { name: "Apply for an export licence" }).waitFor();
      await h.checkA11y(page, "applicant: new application");
      await page.getByRole("button", { name: "Start application" }).click();
      await page.getByRole("link", { name: "1. Contact details" }).waitFor();
      state.caseId = page.url().match(/applications\/([0-9a-f-]{36})/)[1];
      await h.checkA11y(page, "applicant: wizard task list");

      await page.getByRole("link", { name: "1. Contact details" }).click();
      await page.fill('[name="contact.name"]', "Alice Adeyemi");
      await page.fill('[name="contact.email"]', "alice@acme-ai.example.com");
      await page.fill('[name="contact.phone"]', "+44 20 7946 0000");
      await page.getByRole("button", { name: "Save and continue" }).click();

      await page.getByRole("button", { name: "Add an item" }).click();
      await page.selectOption('[name="items[0].kind"]', "AI_MODEL");
      await page.fill('[name="items[0].eccn"]', "4E091");
      await page.fill('[name="items[0].description"]', "Frontier model weights, 400B parameters");
      await page.fill('[name="items[0].quantity"]', "1");
      await page.fill('[name="items[0].unit"]', "model");
      await page.fill('[name="items[0].unitValue"]', "2500000");
      await page.fill('[name="items[0].currency"]', "USD");
      await page.fill('[name="items[0].aiModel.parameterCount"]', "400000000000");
      await page.fill('[name="items[0].aiModel.trainingComputeOperations"]', "3.1E25");
      await page.getByLabel("Closed — weights are not published").check();
      await page.fill(
        '[name="items[0].aiModel.hostingControls"]',
        "Weights stay in an ISO 27001 enclave in Tokyo; no export of raw weights",
      );
      await h.checkA11y(page, "applicant: wizard items section");
      await h.screenshot(page, "applicant-wizard-items");
      await page.getByRole("button", { name: "Save and continue" }).click();

      await page.getByRole("button", { name: "Add a party" }).click();
      await page.fill('[name="parties[0].name"]', "Kumo Research KK");
      await page.fill('[name="parties[0].address"]', "1-1 Marunouchi, Tokyo");
      await page.fill('[name="parties[0].country"]', "JP");
      await page.getByRole("button", { name: "Add a party" }).click();
      await page.fill('[name="parties[1].name"]', "Shenhai Supercomputing Center");
      await page.fill('[name="parties[1].address"]', "88 Binhai Road, Tianjin");
      await page.fill('[name="parties[1].country"]', "CN");
      await page.getByRole("button", { name: "Save and continue" }).click();

      await page.fill('[name="destinations"]', "JP");
      await page.fill(
        '[name="endUseStatement"]',
        "Fine-tuning for Japanese medical triage; no military end use.",
      );
      await page.getByRole("button", { name: "Save and continue" }).click();

      await page.getByTestId("document-input").setInputFiles({
        name: "end-user-certificate.pdf",
        mimeType: "application/pdf",
        buffer: PDF,
      });
      await page.getByText("end-user-certificate.pdf").waitFor();
      await page.getByRole("button", { name: "Save and continue" }).click();

      await page.getByRole("heading", { name: "Check your answers" }).waitFor();
      await h.checkA11y(page, "applicant: check your answers");
      await h.screenshot(page, "applicant-check-answers");
      await page.getByLabel("I agree to this declaration").check();
      await page.getByRole("button", { name: "Submit application" }).click();
      await page.getByText(/Application EL-\d{4}-\d{6} submitted/).waitFor();
      state.reference = (await page.getByRole("heading", { level: 1 }).innerText()).split(" ")[0];
      await h.checkA11y(page, "applicant: case page");
      await context.close();
    },
  },
  {
    name: "leo adjudicates the screening match",
    async run(h) {
      h.expect(state.caseId, "needs the submitted case");
      await waitForTask(h, state.caseId, "ADJUDICATE_MATCHES");
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "leo");
      await page.getByRole("heading", { name: "Inbox" }).waitFor();
      await openTask(h, page, state.reference, "Screening-match adjudication");
      await page.getByText("Shenhai Supercomputing Centre").first().waitFor();
      await h.checkA11y(page, "legal: adjudication task");
      await h.screenshot(page, "legal-adjudication");
      // the hit's explanation (aligned words, weights, evidence) fits the workspace at 1280 px
      await page.getByRole("tab", { name: "Parties and screening" }).click();
      await page
        .getByRole("grid", { name: "Potential screening matches" })
        .getByRole("button", { name: /Details$/ })
        .first()
        .click();
      const aligned = page.getByRole("grid", { name: /^Aligned words of / }).first();
      await aligned.waitFor();
      await aligned.scrollIntoViewIfNeeded();
      const overflow = await h.horizontalOverflow(page);
      h.expect(overflow.length === 0, `the explanation does not fit:\n  ${overflow.join("\n  ")}`);
      await h.checkA11y(page, "legal: a match's explanation");
      await h.screenshot(page, "legal-explanation");
      await page.getByLabel("False match — a different party").check();
      await page.fill(
        '[name="dispositions[0].reason"]',
        "Different address and city (Tianjin, not the listed Shanghai campus); registration number differs.",
      );
      await page.getByRole("button", { name: "Record the adjudication" }).click();
      await page.getByText("Decision recorded").waitFor();
      await context.close();
    },
  },
  {
    name: "audrey asks for information; alice answers with a document",
    async run(h) {
      await waitForTask(h, state.caseId, "TECHNICAL_AUDIT");
      const context = await h.newContext(h.browser);
      const { page, signedInAt } = await h.signIn(context, "audrey");
      await page.getByRole("heading", { name: "Inbox" }).waitFor();
      await page.getByRole("tab", { name: "Unassigned in my roles" }).waitFor();
      h.figure("auditor inbox interactive after sign-in", `${Date.now() - signedInAt} ms`);
      await page.getByRole("tab", { name: "Unassigned in my roles" }).click();
      await page.getByTestId("inbox-table").waitFor();
      await h.checkA11y(page, "auditor: inbox");
      await h.screenshot(page, "auditor-inbox");
      await openTask(h, page, state.reference, "Technical audit");
      await page.getByLabel("Ask the applicant for information").check();
      await page.fill(
        '[name="question"]',
        "Please send the penetration-test report of the Tokyo enclave.",
      );
      await h.checkA11y(page, "auditor: technical audit task");
      await page.getByRole("button", { name: "Send the question" }).click();
      await page.getByText("Decision recorded").waitFor();

      await waitForStatus(h, state.caseId, "AWAITING_APPLICANT");
      const alice = await h.newContext(h.browser);
      const { page: ap } = await h.signIn(alice, "alice", `/cases/${state.caseId}`);
      await ap.getByText("A reviewer needs information from you").waitFor();
      await ap.getByText("Please send the penetration-test report").waitFor();
      await h.checkA11y(ap, "applicant: request for information");
      await h.screenshot(ap, "applicant-rfi");
      await ap.fill('[name="text"]', "The report of 12 November is attached.");
      await ap.getByTestId("document-input").setInputFiles({
        name: "pentest-report.pdf",
        mimeType: "application/pdf",
        buffer: PDF,
      });
      await ap.getByText("Attached: pentest-report.pdf").waitFor();
      await ap.getByRole("button", { name: "Send answer" }).click();
      await h.eventually("the answer recorded", async () => {
        const rfis = await h.apiGet("alice", `/api/cases/${state.caseId}/rfis`);
        return rfis.some((r) => r.status !== "OPEN" && r.answer?.includes("12 November"));
      });
      await alice.close();

      await waitForStatus(h, state.caseId, "UNDER_REVIEW");
      await waitForTask(h, state.caseId, "TECHNICAL_AUDIT");
      await page.goto(h.config.baseUrl + "/inbox");
      await openTask(h, page, state.reference, "Technical audit");
      await page.getByLabel("Technically certified").check();
      await page.getByRole("button", { name: "Add a finding" }).click();
      await page
        .getByLabel("Finding 1", { exact: true })
        .fill("Enclave access logs are kept 90 days only");
      await page.getByLabel("Severity of finding 1").selectOption("MAJOR");
      await page.fill('[name="evidence"]', "Penetration-test report of 12 November");
      await h.screenshot(page, "auditor-findings");
      await page.getByRole("button", { name: "Complete the technical audit" }).click();
      await page.getByText("Decision recorded").waitFor();
      const audits = await h.apiGet(
        "max",
        `/api/tasks?caseId=${state.caseId}&all=true&status=COMPLETED&type=TECHNICAL_AUDIT`,
      );
      const certified = audits.items.find((t) => t.decision?.outcome === "COMPLETE");
      h.expect(
        certified?.decision.findings?.[0]?.severity === "MAJOR" &&
          certified.decision.findings[0].text === "Enclave access logs are kept 90 days only" &&
          certified.decision.evidence === "Penetration-test report of 12 November",
        "the finding and the evidence are stored as fields of the audit's decision",
      );
      await context.close();
    },
  },
  {
    name: "leo completes the legal review with a proviso",
    async run(h) {
      await waitForTask(h, state.caseId, "LEGAL_REVIEW");
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "leo");
      await openTask(h, page, state.reference, "Legal review");
      await page.getByLabel("Review complete — send to approval").check();
      await page.fill(
        '[name="comment"]',
        "Approve: end use is civil and the end user is verified.",
      );
      await page.getByRole("button", { name: "Add a proviso" }).click();
      await page.fill('[name="conditions[0]"]', "No re-export to country group D:5");
      await h.checkA11y(page, "legal: legal review task");
      await page.getByRole("button", { name: "Complete the legal review" }).click();
      await page.getByText("Decision recorded").waitFor();
      await context.close();
    },
  },
  {
    name: "ava approves with the proviso as a licence condition",
    async run(h) {
      await waitForTask(h, state.caseId, "APPROVAL");
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "ava");
      await h.screenshot(page, "approver-inbox");
      await openTask(h, page, state.reference, "Approval");
      await page.getByRole("tab", { name: "Reviews and decisions" }).click();
      await page.getByRole("tab", { name: "Reviews and decisions", selected: true }).waitFor();
      const findings = page.getByRole("grid", { name: "Findings of the technical audit" });
      await findings.getByText("Enclave access logs are kept 90 days only").waitFor();
      await findings.getByText("Major", { exact: true }).waitFor();
      await h.checkA11y(page, "approver: earlier reviews with findings");
      await h.screenshot(page, "approver-reviews-findings");
      await page.getByLabel("Approve — issue the licence").check();
      await page.locator('[name="conditions[0]"]').waitFor();
      h.expect(
        (await page.inputValue('[name="conditions[0]"]')) === "No re-export to country group D:5",
        "the legal reviewer's proviso is offered as a licence condition",
      );
      await h.checkA11y(page, "approver: approval task");
      await h.screenshot(page, "approver-approval");
      await page.getByRole("button", { name: "Approve and issue the licence" }).click();
      await page.getByText("Decision recorded").waitFor();
      await context.close();
    },
  },
  {
    name: "alice downloads the licence PDF",
    async run(h) {
      await waitForStatus(h, state.caseId, "APPROVED");
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "alice", `/cases/${state.caseId}`);
      const button = page.getByRole("button", { name: "Download the licence (PDF)" });
      await button.waitFor({ timeout: 60_000 });
      await page.getByText("No re-export to country group D:5").waitFor();
      // the licence's status as the holder reads it, not its code (ISSUED)
      await page.getByText("In force", { exact: true }).waitFor();
      await h.checkA11y(page, "applicant: decided case with licence");
      await h.screenshot(page, "applicant-licence");
      const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
      h.expect(
        /^LIC-\d{4}-\d{6}\.pdf$/.test(download.suggestedFilename()),
        `licence file name ${download.suggestedFilename()}`,
      );
      const stream = await download.createReadStream();
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      h.expect(bytes.subarray(0, 5).toString() === "%PDF-", "the download is a PDF");
      await context.close();
    },
  },
];
