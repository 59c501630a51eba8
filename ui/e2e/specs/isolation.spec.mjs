// An applicant never sees another organisation's case: not in the list, not by its address,
// not through the search.
export const tests = [
  {
    name: "bob never sees alice's case",
    async run(h) {
      const aliceToken = await h.token("alice");
      const created = await fetch(h.config.baseUrl + "/api/cases", {
        method: "POST",
        headers: { Authorization: `Bearer ${aliceToken}`, "Content-Type": "application/json" },
        body: JSON.stringify({ contact: { name: "Alice Adeyemi" }, destinations: ["SG"] }),
      });
      h.expect(created.status === 201, `alice's draft was created (${created.status})`);
      const aliceCase = await created.json();

      const context = await h.newContext(h.browser);
      const { page } = await h.signIn(context, "bob");
      await page.getByRole("heading", { name: "Applications of borealis-chips" }).waitFor();
      await page
        .getByText(/No applications yet|Reference/)
        .first()
        .waitFor();
      h.expect(
        (await page.getByText(aliceCase.reference).count()) === 0,
        "alice's reference is not in bob's list",
      );
      await page.goto(`${h.config.baseUrl}/cases/${aliceCase.id}`);
      await page.getByText("This case could not be opened").waitFor();
      await page.getByText(/not visible to you/).waitFor();
      h.expect(
        (await page.getByText(aliceCase.reference).count()) === 0,
        "the case page shows nothing of alice's case",
      );
      await h.checkA11y(page, "applicant: case not visible");
      await page.goto(`${h.config.baseUrl}/search?q=${encodeURIComponent(aliceCase.reference)}`);
      await page.getByText("No case matches").waitFor();
      await context.close();
    },
  },
];
