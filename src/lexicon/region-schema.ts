import { z } from "zod";

/** Aliases are written as normalised questions are: lowercase letters, digits and single spaces. */
const alias = z
  .string()
  .regex(/^[a-z0-9]+( [a-z0-9]+)*$/, "alias must be lowercase words separated by single spaces");

const regionId = z.string().regex(/^[a-z][a-z_]*$/, "region id must be snake_case");

export const provinceSchema = z.object({
  id: regionId,
  name: z.string().min(1),
  aliases: z.array(alias).min(1),
});

export const regionsFileSchema = z.object({
  nasional: provinceSchema,
  provinces: z.array(provinceSchema).length(38),
  /** Words that name several provinces at once ("jawa"): the bot asks back. */
  groups: z.record(alias, z.array(regionId).min(2)),
  /** Named groups of places ("Pulau Jawa", "Jabodetabek"): a region of their own, never a member province. */
  kelompok: z.array(provinceSchema.extend({ members: z.array(regionId) })),
  /** Words that look like region names to a fuzzy matcher but are not ("sumber" ~ "sumbar"). */
  notRegions: z.array(alias),
});

export const cityFileSchema = z.array(
  z.object({
    name: z.string().min(1),
    province: regionId,
    aliases: z.array(alias).min(1),
  }),
);

export type Province = z.infer<typeof provinceSchema>;
export type RegionsFile = z.infer<typeof regionsFileSchema>;
export type CityFile = z.infer<typeof cityFileSchema>;
