import { describe, expect, it } from "vitest";
import { formatApprox, formatNumber, parseIndonesianNumber } from "../src/format/number";
import {
  comparePeriods,
  formatPeriod,
  periodRange,
  periodSchema,
  periodWithin,
} from "../src/format/period";

describe("Indonesian numbers as articles write them", () => {
  it.each([
    ["273.457", 273457],
    ["64,2 juta", 64_200_000],
    ["500 ribu", 500_000],
    ["5,4 persen", 5.4],
    ["4.000", 4000],
    ["4000", 4000],
    ["27 juta", 27_000_000],
    ["17,28 juta", 17_280_000],
    ["1,5 miliar", 1_500_000_000],
  ])("reads %s as %d", (written, value) => {
    expect(parseIndonesianNumber(written)).toBe(value);
  });

  it("refuses text that is not a number", () => {
    expect(parseIndonesianNumber("juta")).toBeNaN();
    expect(parseIndonesianNumber("1.23.4")).toBeNaN();
  });

  it.each([
    [27_000_000, "27 juta"],
    [22_800_000, "22,8 juta"],
    [17_280_000, "17,28 juta"],
    [273_457, "273.457"],
    [500_000, "500 ribu"],
    [4000, "4.000"],
    [5.4, "5,4"],
    [599, "599"],
  ])("writes %d as %s", (value, written) => {
    expect(formatNumber(value)).toBe(written);
  });

  it("rounds computed figures to three significant digits", () => {
    expect(formatApprox(191_419.9)).toBe("191 ribu");
    expect(formatApprox(42.056)).toBe("42,1");
  });
});

describe("periods", () => {
  it("writes them in Indonesian", () => {
    expect(formatPeriod("2023-12-04")).toBe("4 Desember 2023");
    expect(formatPeriod("2023-03")).toBe("Maret 2023");
    expect(formatPeriod("2023-Q4")).toBe("triwulan IV 2023");
    expect(formatPeriod("2021")).toBe("2021");
  });

  it("refuses impossible dates", () => {
    expect(periodSchema.safeParse("2023-02-30").success).toBe(false);
    expect(periodSchema.safeParse("2023-13").success).toBe(false);
    expect(periodSchema.safeParse("2024-02-29").success).toBe(true);
  });

  it("orders and nests them", () => {
    expect(comparePeriods("2023-06", "2023-12-04")).toBeLessThan(0);
    expect(comparePeriods("2023", "2023-06")).toBeGreaterThan(0);
    expect(periodWithin("2023-Q4", "2023")).toBe(true);
    expect(periodWithin("2023", "2023-06")).toBe(false);
  });

  it("knows half years: written, ranged, ordered and nested", () => {
    expect(periodSchema.safeParse("2021-S1").success).toBe(true);
    expect(periodSchema.safeParse("2021-S3").success).toBe(false);
    expect(formatPeriod("2021-S1")).toBe("semester I 2021");
    expect(formatPeriod("2022-S2")).toBe("semester II 2022");
    expect(periodRange("2021-S1")).toEqual({ start: "2021-01-01", end: "2021-06-31" });
    expect(periodRange("2021-S2")).toEqual({ start: "2021-07-01", end: "2021-12-31" });
    // Ending together, the longer period comes first, as a year comes before its December.
    expect(comparePeriods("2021-S1", "2021-Q2")).toBeLessThan(0);
    expect(comparePeriods("2021-S1", "2021-07")).toBeLessThan(0);
    expect(comparePeriods("2021-S2", "2021")).toBeGreaterThan(0);
    expect(periodWithin("2021-Q2", "2021-S1")).toBe(true);
    expect(periodWithin("2021-Q3", "2021-S1")).toBe(false);
    expect(periodWithin("2021-05-17", "2021-S1")).toBe(true);
    expect(periodWithin("2021-S2", "2021")).toBe(true);
  });

  it("puts the last day of a year in that year's December", () => {
    expect(periodWithin("2019-12-31", "2019-12")).toBe(true);
    expect(periodWithin("2019-12-31", "2019")).toBe(true);
  });
});
