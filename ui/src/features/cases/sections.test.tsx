import { describe, expect, it } from "vitest";
import { useState } from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CaseContent } from "../../api";
import { ItemsSection, PartiesSection, type SectionProps } from "./sections";

function Harness({
  Section,
  initial,
  errors = {},
}: {
  Section: (props: SectionProps) => React.ReactNode;
  initial: CaseContent;
  errors?: Record<string, string>;
}) {
  const [content, setContent] = useState(initial);
  return (
    <>
      <Section content={content} update={(change) => setContent(change)} errors={errors} />
      <output aria-label="content">{JSON.stringify(content)}</output>
    </>
  );
}

const content = () => JSON.parse(screen.getByLabelText("content").textContent!) as CaseContent;

describe("list sections (items, parties)", () => {
  it("numbers the parties, shows the server's errors on the list and on each party's field", () => {
    render(
      <Harness
        Section={PartiesSection}
        initial={{ parties: [{ role: "CONSIGNEE", name: "Kumo" }, { role: "END_USER" }] } as never}
        errors={{ parties: "an end user is required", "parties[1].country": "unknown country" }}
      />,
    );
    expect(screen.getByText("Parties: an end user is required")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Party 1" })).toBeInTheDocument();
    const second = screen.getByRole("heading", { name: "Party 2" }).closest(".pf-v6-c-card")!;
    const country = within(second as HTMLElement).getByRole("textbox", { name: /Country/ });
    expect(country).toHaveAttribute("aria-invalid", "true");
    expect(country).toHaveAccessibleDescription(/^unknown country/);
    const first = screen.getByRole("heading", { name: "Party 1" }).closest(".pf-v6-c-card")!;
    expect(within(first as HTMLElement).queryByText("unknown country")).toBeNull();
  });

  it("adds a party with the role still missing and removes the one asked for", async () => {
    const user = userEvent.setup();
    render(<Harness Section={PartiesSection} initial={{ parties: [] } as never} />);
    await user.click(screen.getByRole("button", { name: "Add a party" }));
    await user.click(screen.getByRole("button", { name: "Add a party" }));
    await user.click(screen.getByRole("button", { name: "Add a party" }));
    expect(content().parties!.map((p) => p.role)).toEqual(["CONSIGNEE", "END_USER", null]);
    await user.click(screen.getByRole("button", { name: "Remove party 1" }));
    expect(content().parties!.map((p) => p.role)).toEqual(["END_USER", null]);
  });

  it("edits the field of the right item", async () => {
    const user = userEvent.setup();
    render(<Harness Section={ItemsSection} initial={{ items: [{}, {}] } as never} />);
    const second = screen.getByRole("heading", { name: "Item 2" }).closest(".pf-v6-c-card")!;
    await user.type(
      within(second as HTMLElement).getByRole("textbox", { name: /Classification/ }),
      "4E091",
    );
    expect(content().items).toEqual([{}, { eccn: "4E091" }]);
    await user.click(screen.getByRole("button", { name: "Remove item 1" }));
    expect(content().items).toEqual([{ eccn: "4E091" }]);
  });
});
