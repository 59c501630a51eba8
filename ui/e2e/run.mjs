// Runs every e2e/specs/*.spec.mjs (or those named on the command line) in order against the
// platform at CLEARANCE_E2E_BASE_URL; exits non-zero if any test failed.
// A spec exports `tests`: [{ name, run: async (helpers) => {...} }].
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as helpers from "./platform.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(join(here, "specs"))
  .filter((f) => f.endsWith(".spec.mjs"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (!existsSync(helpers.config.chromium)) {
  console.error(
    `e2e: no Chromium at ${helpers.config.chromium}. Install Debian's: ` +
      "apt-get install -y --no-install-recommends chromium (or set CLEARANCE_E2E_CHROMIUM).",
  );
  process.exit(1);
}
const browser = await helpers.launch();
let passed = 0;
const failed = [];
try {
  for (const file of files) {
    const spec = await import(pathToFileURL(join(here, "specs", file)).href);
    // The tests of a spec are steps of one journey: after a failure the later ones cannot run.
    let broken = false;
    for (const test of spec.tests) {
      if (broken) {
        failed.push(`${file}: ${test.name}`);
        console.log(`e2e: FAIL - ${file}: ${test.name} (not run: an earlier step failed)`);
        continue;
      }
      const started = Date.now();
      try {
        await test.run({ ...helpers, browser });
        passed++;
        console.log(
          `e2e: ok   - ${file}: ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      } catch (e) {
        broken = true;
        failed.push(`${file}: ${test.name}`);
        console.log(
          `e2e: FAIL - ${file}: ${test.name}\n  ${String(e?.stack ?? e)
            .split("\n")
            .slice(0, 8)
            .join("\n  ")}`,
        );
        const label = `${file.replace(".spec.mjs", "")}-${spec.tests.indexOf(test) + 1}`;
        for (const shot of await helpers.captureFailure(label)) {
          console.log(`  the page at the failure: ${shot}`);
        }
      }
    }
  }
} finally {
  await browser.close();
}
for (const f of helpers.figures) console.log(`e2e: figure - ${f.name}: ${f.value}`);
console.log(
  `e2e: ${passed} passed, ${failed.length} failed; screenshots in ${helpers.SCREENSHOTS}`,
);
process.exit(failed.length === 0 ? 0 : 1);
