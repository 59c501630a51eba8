import { describe, expect, it } from "vitest";
import { notificationParagraphs } from "./notificationText";
import { formatDateTime } from "./format";

const ID = "0b5e2c1a-3f4d-4e5f-8a9b-0c1d2e3f4a5b";

describe("notification bodies", () => {
  it("turns the case's address into a case link and instants into dates", () => {
    const body =
      "Task Legal review on case EL-2026-000042 is due 2026-12-05T10:30:00.123456Z.\n" +
      `http://localhost:8080/cases/${ID}`;
    expect(notificationParagraphs(body)).toEqual([
      [
        {
          kind: "text",
          text: `Task Legal review on case EL-2026-000042 is due ${formatDateTime("2026-12-05T10:30:00.123456Z")}. `,
        },
        { kind: "case", caseId: ID, href: `http://localhost:8080/cases/${ID}` },
      ],
    ]);
  });

  it("keeps blank lines as paragraphs and the words in between as they are", () => {
    const body =
      "The legal review of case EL-1 needs more information:\n\nWhat is the end use?\n\n" +
      `Please answer by 2026-12-20; an application without an answer is returned.\nhttps://clearance.example.gov/app/cases/${ID.toUpperCase()}`;
    const paragraphs = notificationParagraphs(body);
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toEqual([{ kind: "text", text: "What is the end use?" }]);
    // a plain date is already readable and stays; the address under a path prefix is found too
    expect(paragraphs[2][0]).toEqual({
      kind: "text",
      text: "Please answer by 2026-12-20; an application without an answer is returned. ",
    });
    expect(paragraphs[2][1]).toMatchObject({ kind: "case", caseId: ID });
  });

  it("leaves a body without addresses or instants alone", () => {
    expect(notificationParagraphs("Nothing to link here.")).toEqual([
      [{ kind: "text", text: "Nothing to link here." }],
    ]);
    expect(notificationParagraphs("")).toEqual([]);
  });
});
