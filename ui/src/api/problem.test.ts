import { describe, expect, it } from "vitest";
import {
  ApiError,
  errorsUnder,
  explain,
  NetworkError,
  normaliseField,
  toFieldMap,
} from "./problem";
import { toError } from "./client";

describe("problem+json errors", () => {
  it("keeps the problem's short type, title, detail and field errors", () => {
    const e = new ApiError(400, {
      type: "https://clearance.example.org/problems/validation-failed",
      title: "The application is not valid",
      detail: "2 fields are invalid",
      errors: [
        { field: "items[0].eccn", message: "must look like 4E091" },
        { field: "destinations[1]", message: "must be an ISO 3166-1 alpha-2 code" },
      ],
    });
    expect(e.type).toBe("validation-failed");
    expect(e.status).toBe(400);
    expect(e.fieldErrors()).toEqual({
      "items[0].eccn": "must look like 4E091",
      "destinations[1]": "must be an ISO 3166-1 alpha-2 code",
    });
  });

  it("normalises the field paths the API may use", () => {
    expect(normaliseField("items.0.eccn")).toBe("items[0].eccn");
    expect(normaliseField("parties/1/country")).toBe("parties[1].country");
    expect(normaliseField("contact.email")).toBe("contact.email");
  });

  it("keeps only the first message of a field, and selects the errors under a prefix", () => {
    const map = toFieldMap([
      { field: "items[0].eccn", message: "first" },
      { field: "items[0].eccn", message: "second" },
      { field: "items[0].aiModel.weights", message: "weights" },
      { field: "items[1].unit", message: "other item" },
    ]);
    expect(map["items[0].eccn"]).toBe("first");
    expect(errorsUnder(map, "items[0]")).toEqual({ eccn: "first", "aiModel.weights": "weights" });
  });

  it("reads a problem+json response into an ApiError", async () => {
    const response = new Response(
      JSON.stringify({
        type: "https://clearance.example.org/problems/task-already-claimed",
        title: "Task already claimed",
        status: 409,
        detail: "audrey claimed it",
      }),
      { status: 409, headers: { "Content-Type": "application/problem+json" } },
    );
    const error = await toError(response);
    expect(error.status).toBe(409);
    expect(error.type).toBe("task-already-claimed");
    expect(explain(error)).toMatch(/Someone else claimed this task/);
  });

  it("gives a readable title when the body is not JSON", async () => {
    const error = await toError(new Response("<html>oops</html>", { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.errors).toEqual([]);
    expect(explain(error)).toMatch(/Clearance ran into an error/);
  });

  it("explains a four-eyes refusal in plain words", () => {
    const e = new ApiError(403, {
      type: "https://clearance.example.org/problems/forbidden",
      title: "Not allowed",
      detail:
        "Four eyes: lena completed the [LEGAL_REVIEW] task(s) of this case and so cannot take its APPROVAL task.",
    });
    expect(explain(e)).toMatch(/^Four-eyes rule: you took part in an earlier step/);
  });

  it("tells the user when the server could not be reached", () => {
    expect(explain(new NetworkError(new TypeError("fetch failed")))).toMatch(
      /could not be reached/,
    );
  });
});
