/**
 * The place a news article is filed from: "Bandarlampung (ANTARA) -", "MEDAN (Waspada):",
 * "REPUBLIKA.CO.ID, BANDUNG---", "Bisnis.com, JAKARTA –", "KONTAN.CO.ID - JAKARTA.",
 * "Jakarta, CNBC Indonesia -", "SAMARINDA–". Only forms with an outlet next to the place, or a
 * place in capitals, are taken, so an ordinary sentence with a dash is not mistaken for one.
 */
const DASH = "(?:-{1,3}|–|—)";
const DATELINE = [
  new RegExp(String.raw`^(?<place>\p{Lu}[\p{L} ]{1,40}?)\s*\([^)]{2,40}\)\s*(?:${DASH}|:)\s*`, "u"),
  new RegExp(
    String.raw`^[\w.-]+\.(?:com|co\.id|id|net)\s*,\s*(?<place>\p{Lu}[\p{L} ]{1,40}?)\s*${DASH}\s*`,
    "iu",
  ),
  new RegExp(
    String.raw`^[\w.-]+\.(?:com|co\.id|id|net)\s*${DASH}\s*(?<place>\p{Lu}[\p{Lu} ]{1,40}?)[.,]\s*`,
    "iu",
  ),
  new RegExp(
    String.raw`^(?<place>\p{Lu}[\p{L}]{1,20}(?: \p{Lu}[\p{L}]{1,20})?),\s*[\p{L}.]{2,20}(?: [\p{L}.]{2,20}){0,2}\s*${DASH}\s*`,
    "u",
  ),
  new RegExp(String.raw`^(?<place>\p{Lu}[\p{Lu} ]{2,30}?)\s*${DASH}\s*`, "u"),
];

export function findDateline(sentence: string): { place: string; length: number } | undefined {
  for (const re of DATELINE) {
    const m = sentence.match(re);
    if (m?.groups?.place) return { place: m.groups.place, length: m[0].length };
  }
  return undefined;
}
