// Copies the files the app serves from node_modules into OpsConsole/wwwroot/lib.
// Usage: node copy-assets.mjs <target-dir>
import { cpSync, mkdirSync, readdirSync, existsSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";

const target = process.argv[2];
if (!target) { console.error("usage: node copy-assets.mjs <target-dir>"); process.exit(2); }
const nm = join(dirname(new URL(import.meta.url).pathname), "node_modules");
if (!existsSync(nm)) { console.error("node_modules missing: run 'npm ci' in wwwroot-assets first."); process.exit(1); }

// Bootstrap and its icon font are gone (ADR 0044): drop what an older build copied, or it would still be served.
for (const gone of ["bootstrap", "bootstrap-icons"]) rmSync(join(target, gone), { recursive: true, force: true });

const copy = (from, to) => { mkdirSync(dirname(join(target, to)), { recursive: true }); cpSync(join(nm, from), join(target, to), { recursive: true }); };

copy("echarts/dist/echarts.min.js", "echarts/echarts.min.js");
copy("@microsoft/signalr/dist/browser/signalr.min.js", "signalr/signalr.min.js");

// Noto Sans SC / Noto Serif SC: regular and bold, woff2 only, one CSS file per family.
for (const [pkg, name] of [["noto-sans-sc", "noto-sans-sc"], ["noto-serif-sc", "noto-serif-sc"]]) {
  const dir = join(nm, "@fontsource", pkg);
  mkdirSync(join(target, "fonts", name, "files"), { recursive: true });
  let css = "";
  for (const weight of ["400", "700"]) {
    css += readFileSync(join(dir, `${weight}.css`), "utf8")
      .replace(/, url\([^)]*\.woff\) format\('woff'\)/g, "");
  }
  for (const f of readdirSync(join(dir, "files"))) {
    if (/-(400|700)-normal\.woff2$/.test(f)) cpSync(join(dir, "files", f), join(target, "fonts", name, "files", f));
  }
  writeFileSync(join(target, "fonts", name, `${name}.css`), css);
}
console.log(`front-end assets copied to ${target}`);
