import type { RegionLevel } from "../facts/fact-schema";
import type { CityFile, RegionsFile } from "./region-schema";

/** A region at its real level, with the province it lies in. */
export type Place = {
  id: string;
  name: string;
  level: RegionLevel;
  /** Itself for a province, "nasional" for the country, the parent for a regency or city, null for a group. */
  province: string | null;
  aliases: readonly string[];
  /** A group's provinces: a question about it is answered with theirs, labelled as theirs. */
  members?: readonly string[];
};

/** "Kabupaten Bogor" → "kabupaten_bogor": unique, so Kabupaten Bogor and Kota Bogor stay apart. */
export function cityId(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** Every region the bot knows, by id: the country, 38 provinces, 514 regencies and cities, groups. */
export function placesOf(regions: RegionsFile, cities: CityFile): Map<string, Place> {
  const places = new Map<string, Place>();
  const add = (p: Place) => places.set(p.id, p);
  add({ ...regions.nasional, level: "nasional", province: "nasional" });
  for (const p of regions.provinces) add({ ...p, level: "provinsi", province: p.id });
  for (const c of cities) {
    const level = c.name.startsWith("Kota ") ? "kota" : "kabupaten";
    add({ id: cityId(c.name), name: c.name, level, province: c.province, aliases: c.aliases });
  }
  for (const g of regions.kelompok) add({ ...g, level: "kelompok", province: null });
  return places;
}

/**
 * The place of a region id, a named group of provinces ("papua_barat+papua_barat_daya", read
 * from "di Papua Barat maupun Papua Barat Daya") included: a group of its own, in no province.
 */
export function placeFor(places: ReadonlyMap<string, Place>, id: string): Place | undefined {
  if (!id.includes("+")) return places.get(id);
  const ids = id.split("+");
  const parts = ids.flatMap((p) => places.get(p) ?? []);
  if (parts.length < ids.length) return undefined;
  const names = parts.map((p) => p.name);
  return {
    id,
    name: `${names.slice(0, -1).join(", ")} dan ${names.at(-1)}`,
    level: "kelompok",
    province: null,
    aliases: [],
  };
}
