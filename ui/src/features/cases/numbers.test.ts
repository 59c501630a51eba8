import { describe, expect, it } from "vitest";
import { numberOrText } from "./numbers";

describe("numberOrText", () => {
  it("sends decimal notations as numbers, exponents included", () => {
    expect(numberOrText("42")).toBe(42);
    expect(numberOrText(" 2.5 ")).toBe(2.5);
    expect(numberOrText("3.1E25")).toBe(3.1e25);
    expect(numberOrText("1e-3")).toBe(0.001);
    expect(numberOrText("-7")).toBe(-7);
  });

  it("sends what is not a number as text, for the API to name the field", () => {
    expect(numberOrText("1,000")).toBe("1,000");
    expect(numberOrText("0x10")).toBe("0x10");
    expect(numberOrText("abc")).toBe("abc");
    expect(numberOrText("1e999")).toBe("1e999");
  });

  it("sends an empty field as null", () => {
    expect(numberOrText("   ")).toBeNull();
  });
});
