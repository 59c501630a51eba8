import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ListPagination } from "./ListPagination";

describe("list pagination", () => {
  it("shows the API's page (from 0) as PatternFly's (from 1) and asks for the API's page", async () => {
    const setState = vi.fn();
    render(
      <ListPagination total={45} state={{ page: 1, size: 20 }} setState={setState} label="cases" />,
    );
    expect(screen.getByRole("navigation", { name: "Pages of cases" })).toBeInTheDocument();
    expect(screen.getByRole("spinbutton", { name: /Current page/ })).toHaveValue(2);
    await userEvent.click(screen.getByRole("button", { name: /next page/i }));
    expect(setState).toHaveBeenCalledWith({ page: 2 });
    await userEvent.click(screen.getByRole("button", { name: /previous page/i }));
    expect(setState).toHaveBeenLastCalledWith({ page: 0 });
  });
});
