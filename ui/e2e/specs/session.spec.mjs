// The session-expiry path: an idle user is warned before the session ends; once it has ended
// (here an administrator ends it in Keycloak), the app says so and signs in again cleanly,
// back to the same screen.
//
// The realm's idle timeout (30 minutes) is shortened to 150 s for this test, so the warning (2
// minutes before the end) comes after half a minute of real time. Moving the browser's clock
// instead does not work: keycloak-js takes a moved clock for clock skew on its next token
// refresh and computes the same time left as before.
export const tests = [
  {
    name: "an idle session is announced, ends, and signing in again returns to the screen",
    async run(h) {
      const previous = await h.changeRealm({ ssoSessionIdleTimeout: 150 });
      try {
        const context = await h.newContext(h.browser);
        const { page } = await h.signIn(context, "alice", "/notifications");
        await page.getByRole("heading", { name: "Notifications", exact: true }).waitFor();
        await page.getByText("You will be signed out soon").waitFor({ timeout: 60_000 });
        await page.getByText(/Your session ends in \d+:\d\d/).waitFor();
        await h.checkA11y(page, "session-expiry warning");
        await h.screenshot(page, "session-expiry-warning");

        await h.endSessions("alice");
        await page.getByRole("button", { name: "Stay signed in" }).click();
        await page.getByText("Your session has ended").waitFor();
        await h.checkA11y(page, "session ended");
        await h.screenshot(page, "session-ended");
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
      } finally {
        await h.changeRealm(previous);
      }
    },
  },
];
