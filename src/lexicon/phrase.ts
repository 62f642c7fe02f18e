import { z } from "zod";

/** Words as the readers look them up: lowercase, single spaces, as text is folded before a lookup. */
export const phrase = z
  .string()
  .regex(/^[a-z0-9]+( [a-z0-9]+)*$/, "lowercase words separated by single spaces");
