/**
 * The place a news article is filed from: "Bandarlampung (ANTARA) -", "REPUBLIKA.CO.ID,
 * BANDUNG---", "Bisnis.com, JAKARTA –". Only the forms with an outlet next to the place
 * are taken, so an ordinary sentence with a dash is not mistaken for one.
 */
const DATELINE = [
  /^(?<place>\p{Lu}[\p{L} ]{1,40}?)\s*\([^)]{2,40}\)\s*(?:-{1,3}|–|—)\s*/u,
  /^[\w.-]+\.(?:com|co\.id|id|net)\s*,\s*(?<place>\p{Lu}[\p{L} ]{1,40}?)\s*(?:-{1,3}|–|—)\s*/iu,
];

export function findDateline(sentence: string): { place: string; length: number } | undefined {
  for (const re of DATELINE) {
    const m = sentence.match(re);
    if (m?.groups?.place) return { place: m.groups.place, length: m[0].length };
  }
  return undefined;
}
