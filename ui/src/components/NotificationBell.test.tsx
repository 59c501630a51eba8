import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter, useLocation } from "react-router";
import { api, type Notification } from "../api";
import { NotificationBell } from "./NotificationBell";

function Where() {
  return <output aria-label="where">{useLocation().pathname}</output>;
}

const note = (id: string, read: boolean): Notification => ({
  id,
  type: "TASK_CREATED",
  recipientKind: "USER",
  recipient: "leo",
  caseId: `case-${id}`,
  caseReference: `EL-2026-00${id}`,
  subject: `Subject ${id}`,
  body: "",
  createdAt: "2026-12-01T10:00:00Z",
  read,
  readAt: null,
});

function renderBell() {
  vi.spyOn(api.notifications, "unreadCount").mockResolvedValue({ unread: 1 });
  const list = vi.spyOn(api.notifications, "list").mockResolvedValue({
    items: [note("1", false), note("2", true)],
    page: 0,
    size: 8,
    totalItems: 2,
    totalPages: 1,
  });
  const markRead = vi.spyOn(api.notifications, "markRead").mockResolvedValue(undefined);
  render(
    <QueryClientProvider
      client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <MemoryRouter initialEntries={["/inbox"]}>
        <NotificationBell />
        <Where />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { list, markRead };
}

afterEach(() => vi.restoreAllMocks());

describe("the notification bell", () => {
  it("shows the unread count and asks for the latest only once opened", async () => {
    const { list } = renderBell();
    const bell = await screen.findByRole("button", { name: "Notifications: 1 unread" });
    expect(bell).toHaveAttribute("aria-expanded", "false");
    expect(list).not.toHaveBeenCalled();
    expect(screen.queryByText("Subject 1")).toBeNull();

    await userEvent.click(bell);
    expect(await screen.findByText("Subject 1")).toBeVisible();
    expect(screen.getByText("Subject 2")).toBeVisible();
    expect(bell).toHaveAttribute("aria-expanded", "true");
    expect(list).toHaveBeenCalledWith(0, 8);
  });

  it("opens a notification's case and marks it read", async () => {
    const { markRead } = renderBell();
    await userEvent.click(await screen.findByRole("button", { name: /^Notifications:/ }));
    await userEvent.click(await screen.findByRole("button", { name: "Subject 1" }));
    expect(markRead).toHaveBeenCalledWith("1");
    expect(screen.getByRole("status", { name: "where" })).toHaveTextContent("/cases/case-1");
    await waitFor(() => expect(screen.queryByText("Subject 2")).toBeNull());
  });

  it("closes on Escape and on a second press of the bell", async () => {
    renderBell();
    const bell = await screen.findByRole("button", { name: "Notifications: 1 unread" });
    await userEvent.click(bell);
    await screen.findByText("Subject 1");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByText("Subject 1")).toBeNull());
    expect(bell).toHaveAttribute("aria-expanded", "false");

    await userEvent.click(bell);
    await screen.findByText("Subject 1");
    await userEvent.click(bell);
    await waitFor(() => expect(screen.queryByText("Subject 1")).toBeNull());
  });
});
