const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * What a number field sends: null when empty, the number when the text is a decimal number
 * ("42", "2.5", "3.1E25", "1e-3"), otherwise the text itself, so that the API names the field
 * in its answer instead of the value being dropped here. Grouping commas or spaces are not a
 * number ("1,000" goes as text and comes back as the field's error).
 */
export function numberOrText(v: string): number | string | null {
  const t = v.trim();
  if (t === "") return null;
  if (!DECIMAL.test(t)) return t;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
