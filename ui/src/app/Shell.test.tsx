import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, useLocation } from "react-router";
import { api } from "../api";
import { MeContext } from "./me";
import { Shell } from "./Shell";

function Where() {
  return <output aria-label="where">{useLocation().pathname + useLocation().search}</output>;
}

function renderShell() {
  vi.spyOn(api.notifications, "unreadCount").mockResolvedValue({ unread: 0 });
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <MeContext.Provider
        value={{ username: "leo", name: "Leo", email: null, roles: ["legal"], organisation: null }}
      >
        <MemoryRouter initialEntries={["/inbox"]}>
          <Shell>
            <Where />
          </Shell>
        </MemoryRouter>
      </MeContext.Provider>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.restoreAllMocks());

// Below 60rem app.css shows the toggle instead of the field (jsdom applies no media query, so
// both are in the document here); what is tested is what the toggle does for keyboard users.
describe("the masthead's search toggle", () => {
  it("opens the search with the focus in it, and Escape gives the focus back", async () => {
    renderShell();
    const toggle = screen.getByRole("button", { name: "Search cases" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveAttribute("aria-controls", "masthead-search");
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(document.getElementById("masthead-search")).toHaveClass("is-open");
    const field = screen.getByLabelText("Search cases by reference, organisation or party name");
    expect(field).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(document.getElementById("masthead-search")).not.toHaveClass("is-open");
    expect(toggle).toHaveFocus();
  });

  it("closes once a search is sent", async () => {
    renderShell();
    await userEvent.click(screen.getByRole("button", { name: "Search cases" }));
    await userEvent.keyboard("Shenhai{Enter}");
    expect(screen.getByLabelText("where")).toHaveTextContent("/search?q=Shenhai");
    expect(screen.getByRole("button", { name: "Search cases" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
  });

  it("keeps the names of what it shortens for screen readers", () => {
    renderShell();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(screen.getByTestId("signed-in-user")).toHaveTextContent("Legal reviewer");
  });
});
