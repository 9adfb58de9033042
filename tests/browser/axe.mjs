// Runs axe-core in Debian's Chromium over the URLs given on the command line and prints
// {"<url> @<width>": [violations]} as JSON. axe runs at phone width (360 px); at desktop width
// only the layout is checked (no sideways scrolling). Never downloads a browser.
// Usage: node tests/browser/axe.mjs http://127.0.0.1:8000/ http://127.0.0.1:8000/people/
import { AxeBuilder } from "@axe-core/playwright";
import { chromium } from "playwright-core";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const CHECKS = [
  { width: 360, axe: true },
  { width: 1280, axe: false },
];
const PARALLEL = 2;

async function check(context, url, { width, axe }) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "load" });
    const violations = [];
    if (axe) {
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of result.violations) {
        violations.push({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) });
      }
    }
    // A page wider than the window makes a reader scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) {
      violations.push({ id: "horizontal-overflow", impact: "serious", help: `Page is ${overflow}px wider than ${width}px`, targets: [] });
    }
    return violations;
  } finally {
    await page.close();
  }
}

const urls = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const report = {};
try {
  for (const options of CHECKS) {
    const context = await browser.newContext({ viewport: { width: options.width, height: 800 } });
    const queue = [...urls];
    const workers = Array.from({ length: PARALLEL }, async () => {
      while (queue.length) {
        const url = queue.shift();
        report[`${url} @${options.width}`] = await check(context, url, options);
      }
    });
    await Promise.all(workers);
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 2));
