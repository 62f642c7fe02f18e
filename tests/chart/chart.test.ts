import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartCaption } from "../../src/chart/caption";
import { textWidth } from "../../src/chart/labels";
import { CHART_HEIGHT, CHART_WIDTH, renderChartPng } from "../../src/chart/png";
import type { ChartSeries } from "../../src/chart/series";
import { renderChartSvg } from "../../src/chart/svg";
import { valueTicks } from "../../src/chart/value-axis";
import { writeChart } from "../../src/chart/write-chart";
import type { Fact, FactKind } from "../../src/facts/fact-schema";

function fact(
  period: string,
  value: number,
  written: string,
  outlet: string,
  published: string,
  kind: FactKind = "realisasi",
): Fact {
  return {
    id: `umkm_go_digital:nasional:${period}:${kind}:${outlet}`,
    article: `${outlet.toLowerCase().replaceAll(/\W+/g, "-")}-${published}`,
    metric: "umkm_go_digital",
    measure: "UMKM go digital",
    region: "nasional",
    regionName: "Nasional",
    regionLevel: "nasional",
    province: "nasional",
    period,
    periodAssumed: false,
    kind,
    value,
    unit: "UMKM",
    written,
    quote: `Jumlah UMKM yang go digital mencapai ${written}.`,
    said: `Jumlah UMKM yang go digital mencapai ${written}`,
    outlet,
    published,
    sure: true,
  };
}

const goDigital: ChartSeries = {
  title: "Perkembangan UMKM go digital nasional",
  unit: "UMKM",
  facts: [
    fact("2023-06", 22_800_000, "22,8 juta", "Bisnis.com", "2023-12-04"),
    fact("2021", 17_280_000, "17,28 juta", "ANTARA", "2023"),
    fact("2024", 30_000_000, "30 juta", "Lampost.co", "2024-03-05", "target"),
    fact("2022-05", 18_500_000, "18,5 juta", "ANTARA News Bali", "2022"),
    fact("2023-03", 22_000_000, "22 juta", "Bisnis.com", "2023-12-04"),
    fact("2023-12-04", 27_000_000, "27 juta", "Bisnis.com", "2023-12-04"),
    fact("2023", 24_500_000, "24,5 juta", "ANTARA News Bali", "2022", "target"),
  ],
};

const only = (keep: (f: Fact) => boolean): ChartSeries => ({
  ...goDigital,
  facts: goDigital.facts.filter(keep),
});

/** Data dots (r="5"), left to right; the legend's dot lies below the plot. */
function dots(svg: string): { x: number; y: number }[] {
  return [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="5"/g)]
    .map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))
    .filter((d) => d.y < CHART_HEIGHT - 60)
    .sort((a, b) => a.x - b.x);
}

/** Every point label's box, from the bold centred texts the chart writes. */
function labelBoxes(svg: string) {
  return [
    ...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="(\d+)"[^>]*bold[^>]*>([^<]+)</g),
  ]
    .filter((m) => Number(m[2]) > 60)
    .map((m) => {
      const [x, y, size, text] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ?? ""];
      const w = textWidth(text, size, true);
      return { text, x0: x - w / 2, x1: x + w / 2, y0: y - size, y1: y };
    });
}

function overlapping(svg: string): string[] {
  const boxes = labelBoxes(svg);
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
      .map((b) => `${a.text} / ${b.text}`),
  );
}

describe("trend chart SVG", () => {
  const svg = renderChartSvg(goDigital);

  it("labels every point the Indonesian way, targets as targets", () => {
    for (const label of ["17,28 juta", "18,5 juta", "22 juta", "22,8 juta", "27 juta"]) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).toContain(">target 24,5 juta (2023)</text>");
    expect(svg).toContain(">target 30 juta (2024)</text>");
    expect(labelBoxes(svg)).toHaveLength(7);
    expect(overlapping(svg)).toEqual([]);
  });

  it("draws targets as hollow rings joined to the last figure by dashed lines", () => {
    expect(svg.match(/<line [^>]*stroke-dasharray/g)?.length).toBeGreaterThanOrEqual(2);
    expect(svg.match(/<circle [^>]*r="6" fill="#fff"/g)?.length).toBe(3); // two targets, one legend
    expect(svg).toContain("Realisasi");
    expect(svg).toContain(">Target</text>");
  });

  it("puts the title at the top and round value gridlines from 0", () => {
    expect(svg).toContain(">Perkembangan UMKM go digital nasional</text>");
    for (const tick of [">0<", ">10 juta<", ">20 juta<", ">30 juta<"]) expect(svg).toContain(tick);
  });

  it("spaces points by real time, not by their order", () => {
    const [y2021, may2022, mar2023, jun2023] = dots(svg);
    if (!y2021 || !may2022 || !mar2023 || !jun2023) throw new Error("missing dots");
    // Mid 2021 → mid May 2022 is 318 days, mid May 2022 → mid March 2023 is 304, → mid June 91.
    expect((may2022.x - y2021.x) / (jun2023.x - mar2023.x)).toBeCloseTo(318 / 91.5, 1);
    expect((mar2023.x - may2022.x) / (jun2023.x - mar2023.x)).toBeCloseTo(304 / 91.5, 1);
  });

  it("names Indonesian months on the time axis", () => {
    for (const month of ["Jan 2022", "Jul 2022", "Jan 2023", "Jul 2023"])
      expect(svg).toContain(`>${month}</text>`);
    const recent = renderChartSvg(only((f) => f.period.startsWith("2023")));
    expect(recent).toMatch(/>(Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) 2023</);
    const one = renderChartSvg(only((f) => f.period === "2023-03"));
    expect(one).toContain(">Maret 2023</text>");
  });

  it("escapes text that would break the SVG", () => {
    const out = renderChartSvg({ ...goDigital, title: `UMKM <go digital> & "ekspor" 'Bali'` });
    expect(out).toContain("UMKM &lt;go digital&gt; &amp; &quot;ekspor&quot; &apos;Bali&apos;");
    expect(out).not.toContain("<go digital>");
  });

  it("writes percentages with a percent sign", () => {
    const share: ChartSeries = {
      title: "Pangsa UMKM digital",
      unit: "persen",
      facts: [
        { ...fact("2022", 20.5, "20,5 persen", "Kompas", "2022-11-02"), unit: "persen" },
        { ...fact("2023", 27, "27 persen", "Kompas", "2023-10-01"), unit: "persen" },
      ],
    };
    const out = renderChartSvg(share);
    expect(out).toContain(">20,5 %</text>");
    expect(out).toContain(">27 %</text>");
  });

  it("shows both dots of a period two sources report, labels apart", () => {
    const two = {
      ...goDigital,
      facts: [...goDigital.facts, fact("2023-06", 23_500_000, "23,5 juta", "Tempo", "2023-07-02")],
    };
    const out = renderChartSvg(two);
    expect(dots(out)).toHaveLength(6);
    expect(labelBoxes(out).map((b) => b.text)).toEqual(
      expect.arrayContaining(["22,8 juta", "23,5 juta"]),
    );
    expect(overlapping(out)).toEqual([]);
  });

  it("draws one figure reported by two sources as one dot with one label", () => {
    const twice = {
      ...goDigital,
      facts: [...goDigital.facts, fact("2023-06", 22_800_000, "22,8 juta", "Kontan", "2023-07-01")],
    };
    const out = renderChartSvg(twice);
    expect(dots(out)).toHaveLength(5);
    expect(out.match(/>22,8 juta</g)).toHaveLength(1);
  });

  it.each([
    ["no facts", only(() => false), ["Belum ada data"]],
    ["one point", only((f) => f.period === "2021"), ["17,28 juta"]],
    ["only targets", only((f) => f.kind === "target"), ["target 30 juta (2024)"]],
    [
      "equal values",
      { ...goDigital, facts: goDigital.facts.map((f) => ({ ...f, value: 5_000_000 })) },
      ["5 juta", "target 5 juta (2024)"],
    ],
    [
      "a starting point",
      {
        ...goDigital,
        facts: [{ ...goDigital.facts[1], kind: "awal" } as Fact, goDigital.facts[0] as Fact],
      },
      ["17,28 juta", "22,8 juta"],
    ],
  ])("draws %s without throwing", (_, series, texts) => {
    const out = renderChartSvg(series);
    for (const t of texts) expect(out).toContain(`>${t}</text>`);
    expect(out).not.toContain("NaN");
    expect(out).not.toContain("Infinity");
    expect(overlapping(out)).toEqual([]);
  });
});

describe("value gridlines", () => {
  it("are round and start from 0", () => {
    expect(valueTicks([17_280_000, 30_000_000])).toEqual([0, 10e6, 20e6, 30e6]);
    expect(valueTicks([5.4, 12])).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(valueTicks([-2.07, 12])).toEqual([-5, 0, 5, 10, 15]);
    expect(valueTicks([0])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe("trend chart PNG", () => {
  it.each([
    ["the go digital series", goDigital],
    ["no facts", only(() => false)],
  ])("renders %s at 1000×600", (_, series) => {
    const png = renderChartPng(series);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBe(CHART_HEIGHT);
    expect([CHART_WIDTH, CHART_HEIGHT]).toEqual([1000, 600]);
  });
});

describe("writing a chart for the CLI", () => {
  it("saves the PNG and returns its absolute path", () => {
    const dir = mkdtempSync(join(tmpdir(), "umkm-chart-"));
    const out = writeChart(goDigital, join(dir, "go-digital.png"));
    expect(isAbsolute(out)).toBe(true);
    expect(readFileSync(out).subarray(1, 4).toString("ascii")).toBe("PNG");
  });
});

describe("chart caption", () => {
  it("names each outlet once with its publication date, oldest first", () => {
    expect(chartCaption(goDigital)).toBe(
      "Perkembangan UMKM go digital nasional\n" +
        "Sumber: ANTARA News Bali (2022), Bisnis.com (4 Desember 2023), ANTARA (2023), Lampost.co (5 Maret 2024)",
    );
  });

  it("is the title alone when there is no data", () => {
    expect(chartCaption(only(() => false))).toBe("Perkembangan UMKM go digital nasional");
  });
});
