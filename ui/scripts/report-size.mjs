// Prints the gzipped size of the JavaScript the first route loads: the entry chunk and every
// chunk it imports statically (modulepreload links in index.html). Lazy routes are not counted.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const out = process.env.CLEARANCE_UI_OUT ?? "target/classes/META-INF/resources";
const html = readFileSync(join(out, "index.html"), "utf8");
const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of new Set(scripts)) {
  const gz = gzipSync(readFileSync(join(out, file))).length;
  total += gz;
  console.log(`first route: ${file} ${(gz / 1024).toFixed(1)} kB gzipped`);
}
console.log(`first-route JavaScript: ${(total / 1024).toFixed(1)} kB gzipped (budget 300 kB)`);
if (total > 300 * 1024) {
  console.error("first-route JavaScript is over the 300 kB budget");
  process.exit(1);
}
