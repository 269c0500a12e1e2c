import { existsSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { renderReport, type ReportInput } from "../../src/analyze/report.js";
import { tempDir } from "../helpers.js";

const t = tempDir();
afterAll(() => t.cleanup());

function input(): ReportInput {
  const weeks = Array.from({ length: 20 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`);
  return {
    generatedAt: "2024-06-01T00:00:00Z",
    model: "risk-v1",
    ads: 1000,
    networks: 50,
    top: [
      { id: "N-<b>1</b>", score: 0.93, confidence: 0.8, ads: 40, reasons: ["5 ages", "youthful language in 70% of ads"], visits: [{ city: "Toronto, ON", from: 19700, to: 19710, ads: 10 }, { city: "Ottawa, ON", from: 19711, to: 19720, ads: 12 }] },
      { id: "N-2", score: 0.5, confidence: 0.6, ads: 12, reasons: ["3 cities"], visits: [{ city: "Montreal, QC", from: 19700, to: 19705, ads: 12 }] },
    ],
    flows: [{ from: "Toronto, ON", to: "Ottawa, ON", networks: 3, moves: 5 }],
    spikes: [{ area: "Montreal, QC", week: "2024-06-03", value: 20, baseline: 2, z: 9 }],
    hotCities: [{ city: "Toronto, ON", ads: 500, risk: 120.5 }],
    weekly: { weeks, ads: weeks.map((_, i) => 50 + i), risk: weeks.map((_, i) => 10 + (i % 3)) },
    samples: { "N-<b>1</b>": `<script>alert("x")</script><img src="https://evil.example/x.png"> new girl in town` },
  };
}

describe("HTML report", () => {
  const html = renderReport(input());

  it("is self-contained and escapes ad text", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("N-&lt;b&gt;1&lt;/b&gt;");
    expect(html).toMatch(/triage signals, not evidence/);
  });

  it("has the charts and tables", () => {
    for (const id of ["chart-top", "chart-weekly", "trail-0", "table-top", "table-spikes", "table-flows", "table-hotspots"]) expect(html).toContain(`id="${id}"`);
  });

  // Browser check: needs Debian chromium (apt-get install -y chromium); skipped where it is absent.
  it.skipIf(!existsSync("/usr/bin/chromium"))("opens in chromium without errors and renders the charts", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      const file = t.file("report.html");
      writeFileSync(file, html);
      await page.goto(`file://${file}`);
      const charts = await page.$$eval("svg.chart", (els) => els.map((e) => ({ id: e.id, w: e.getBoundingClientRect().width, kids: e.childElementCount })));
      expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(["chart-top", "chart-weekly", "trail-0"]));
      for (const c of charts) {
        expect(c.w).toBeGreaterThan(100);
        expect(c.kids).toBeGreaterThan(2);
      }
      expect(await page.locator("#chart-top rect.bar").count()).toBe(2);
      expect(await page.locator("#chart-weekly polyline").count()).toBe(2);
      const shot = await page.screenshot({ fullPage: true, path: t.file("report.png") });
      expect(shot.length).toBeGreaterThan(10_000);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
