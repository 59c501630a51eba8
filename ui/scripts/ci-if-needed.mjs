// Runs `npm ci` unless node_modules was installed by `npm ci` from exactly this
// package-lock.json with this node version (a stamp written after a successful install).
// A fresh clone has no stamp, so it always installs; an edited lock file or another node
// version reinstalls; a half-finished install leaves no stamp, so it reinstalls too.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `ui: node ${process.versions.node} is too old; the UI build needs node 20.19 or newer ` +
      "(e.g. 'apt-get install nodejs' from NodeSource, or nvm install 22).",
  );
  process.exit(1);
}
const stampFile = "node_modules/.clearance-ci-stamp";
const lock = readFileSync("package-lock.json");
const stamp = createHash("sha256").update(lock).update(process.version).digest("hex");
if (existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === stamp) {
  console.log("ui: node_modules matches package-lock.json; skipping npm ci");
  process.exit(0);
}
rmSync(stampFile, { force: true });
console.log("ui: npm ci");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
if (result.status !== 0) {
  console.error("ui: npm ci failed" + (result.error ? `: ${result.error.message}` : ""));
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, stamp + "\n");
