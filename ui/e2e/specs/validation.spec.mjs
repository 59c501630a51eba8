// The server's field errors (problem+json errors[]) appear on the field they name, and what the
// user typed is kept.
export const tests = [
  {
    name: "a malformed e-mail address and ECCN are shown on their fields",
    async run(h) {
      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "alice", "/applications/new");
      await page.getByRole("button", { name: "Start application" }).click();
      await page.getByRole("link", { name: "1. Contact details" }).click();
      await page.fill('[name="contact.name"]', "Alice Adeyemi");
      await page.fill('[name="contact.email"]', "alice-at-acme");
      const email = page.locator('[name="contact.email"]');
      await page.locator('[data-save="invalid"]').waitFor();
      await h.eventually(
        "the e-mail field marked invalid",
        async () => (await email.getAttribute("aria-invalid")) === "true",
      );
      const describedBy = await email.getAttribute("aria-describedby");
      const message = await page.locator(`[id="${describedBy}"]`).innerText();
      h.expect(/e-mail/.test(message), `the e-mail field says why (${message})`);
      h.expect((await email.inputValue()) === "alice-at-acme", "what was typed is kept");
      await h.checkA11y(page, "applicant: field error");
      await h.screenshot(page, "applicant-field-error");

      await page.fill('[name="contact.email"]', "alice@acme-ai.example.com");
      await page.locator('[data-save="saved"]').waitFor();
      h.expect((await email.getAttribute("aria-invalid")) !== "true", "the error goes once fixed");

      await page.getByRole("button", { name: "Save and continue" }).click();
      await page.getByRole("button", { name: "Add an item" }).click();
      await page.fill('[name="items[0].eccn"]', "not an eccn");
      await page.locator('[data-save="invalid"]').waitFor();
      const eccn = page.locator('[name="items[0].eccn"]');
      await h.eventually(
        "the ECCN field marked invalid",
        async () => (await eccn.getAttribute("aria-invalid")) === "true",
      );
      await context.close();
    },
  },
];
