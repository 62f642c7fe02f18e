import type { Figures } from "../facts/fact-table";
import { foldWords } from "../text/fold";

/**
 * "debitur KUR mikro": of several figures of one measure, those whose own clause says what the
 * question adds ("KUR Mikro", not "KUR Kluster Super Mikro"). Phrases of the question found in
 * the clause count above single words; figures that say none of it drop out, unless none says it.
 */
export function narrowed(
  figures: Figures,
  words: readonly string[],
  phrases: readonly string[],
): Figures {
  if (!words.length) return figures;
  const score = (g: Figures["realised"][number]) =>
    Math.max(
      ...g.map((f) => {
        const said = ` ${foldWords(f.said || f.quote)} `;
        const hits = words.filter((w) => said.includes(` ${w}`)).length;
        return hits + 2 * phrases.filter((p) => said.includes(` ${p} `)).length;
      }),
    );
  const pick = (groups: Figures["realised"]) => {
    const scored = groups.map((g) => ({ g, s: score(g) }));
    const best = Math.max(0, ...scored.map((x) => x.s));
    return best === 0 ? groups : scored.filter((x) => x.s === best).map((x) => x.g);
  };
  return { realised: pick(figures.realised), targets: pick(figures.targets) };
}
