import { describe, expect, it } from "vitest";
import { formatApprox, formatNumber, parseIndonesianNumber } from "../src/format/number";
import { comparePeriods, formatPeriod, periodSchema, periodWithin } from "../src/format/period";

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
});
