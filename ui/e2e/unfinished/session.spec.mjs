// The session-expiry path: an idle user is warned before the session ends; once it has ended
// (here an administrator ends it in Keycloak), the app says so and signs in again cleanly,
// back to the same screen.
export const tests = [
  {
    name: "an idle session is announced, ends, and signing in again returns to the screen",
    async run(h) {
      const context = await h.newContext(h.browser);
      await context.clock.install();
      const { page } = await h.signIn(context, "alice", "/notifications");
      await page.getByRole("heading", { name: "Notifications", exact: true }).waitFor();
      // The realm ends idle sessions after 30 minutes; the warning comes 2 minutes before.
      await page.clock.fastForward("28:30");
      await page.getByText("You will be signed out soon").waitFor();
      await page.getByText(/Your session ends in/).waitFor();
      await h.checkA11y(page, "session-expiry warning");
      await h.screenshot(page, "session-expiry-warning");

      await h.endSessions("alice");
      // Whichever comes first — the user pressing "Stay signed in" or the app's next token
      // refresh — finds the session gone.
      const stay = page.getByRole("button", { name: "Stay signed in" });
      if (await stay.isVisible()) await stay.click().catch(() => {});
      await page.getByText("Your session has ended").waitFor();
      await h.checkA11y(page, "session ended");
      await page.getByRole("button", { name: "Sign in again" }).click();
      await page.waitForSelector("#username", { timeout: 30_000 });
      await page.fill("#username", "alice");
      await page.fill("#password", h.config.password);
      await page.click("#kc-login");
      await page.getByTestId("signed-in-user").waitFor();
      await page.getByRole("heading", { name: "Notifications", exact: true }).waitFor();
      h.expect(
        new URL(page.url()).pathname === "/notifications",
        `back on the same screen (${page.url()})`,
      );
      h.expect(
        (await page.getByText("Your session has ended").count()) === 0,
        "no session dialog after signing in",
      );
      await context.close();
    },
  },
];
