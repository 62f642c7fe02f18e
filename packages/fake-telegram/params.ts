import { badRequest } from "./errors.js";

export type Params = Record<string, unknown>;

// Form and multipart bodies carry every value as a string, JSON bodies carry real types, and
// Telegram accepts either for any parameter, so handlers read parameters only through these.

export function stringParam(p: Params, key: string): string | undefined {
  const value = p[key];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function intParam(p: Params, key: string): number | undefined {
  const value = p[key];
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

export function boolParam(p: Params, key: string): boolean {
  const value = p[key];
  return value === true || value === 1 || value === "true" || value === "1";
}

/** An object or array parameter, which form bodies send JSON-serialized. */
export function jsonParam(p: Params, key: string, unparsable: string): unknown {
  const value = p[key];
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(unparsable);
  }
}

export function isRecord(value: unknown): value is Params {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON with sorted keys, so that equal values compare equal however their keys were ordered. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
