import { MONTHS, type Period, periodSchema } from "../format/period";

const MONTH_NUMBER = new Map<string, number>(
  MONTHS.flatMap((m, i) => [
    [m.toLowerCase(), i + 1],
    [m.slice(0, 3).toLowerCase(), i + 1],
  ]),
);
MONTH_NUMBER.set("agt", 8).set("okt", 10).set("des", 12);

const pad = (n: number) => String(n).padStart(2, "0");
const valid = (p: string): Period | undefined => {
  const parsed = periodSchema.safeParse(p);
  return parsed.success ? parsed.data : undefined;
};

/**
 * A date as an admin types it, or as an article's dateline writes it: "2024-05-06",
 * "6 Mei 2024", "Mei 2024", "6/5/2024", "2024". Undefined when it is none of those.
 */
export function readDate(text: string): Period | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d{4}(-\d{2}){0,2}$/.test(t)) return valid(t);
  const named = /^(?:(\d{1,2})\s+)?([a-z]+)\.?\s+(\d{4})$/.exec(t);
  const month = named && MONTH_NUMBER.get(named[2] ?? "");
  if (named && month)
    return valid(`${named[3]}-${pad(month)}${named[1] ? `-${pad(Number(named[1]))}` : ""}`);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (numeric) return valid(`${numeric[3]}-${pad(Number(numeric[2]))}-${pad(Number(numeric[1]))}`);
  return undefined;
}

// "Senin (6/5/2024)", "6 Mei 2024": the forms news articles date themselves with.
const IN_TEXT = new RegExp(
  `\\b(\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,2}\\s+(?:${MONTHS.join("|")})\\s+\\d{4})\\b`,
  "i",
);

/** The first date written near an article's start: a suggestion when the date must be asked. */
export function dateInText(text: string): Period | undefined {
  const found = IN_TEXT.exec(text.slice(0, 1500))?.[1];
  return found ? readDate(found) : undefined;
}
