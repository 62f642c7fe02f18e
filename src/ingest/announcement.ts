import { factValue } from "../answer/wording";
import type { Fact } from "../facts/fact-schema";
import { formatPeriod } from "../format/period";
import type { Article } from "../seeds/article";

// One short message: a subscriber wants to know there is news, the bot answers the rest.
const SHOWN = 5;

/** What subscribed chats are told when an article is saved: its figures and its source. */
export function newFiguresText(article: Article, facts: readonly Fact[]): string {
  const ordered = [...facts].sort((a, b) => Number(b.sure) - Number(a.sure));
  const lines = ordered.slice(0, SHOWN).map((f) => {
    const where = f.region === "nasional" ? "nasional" : f.regionName;
    return `• ${f.measure} ${where}: ${factValue(f)} (${formatPeriod(f.period)})${f.sure ? "" : " — belum pasti"}`;
  });
  if (ordered.length > SHOWN) lines.push(`• dan ${ordered.length - SHOWN} angka lain`);
  return [
    `Angka baru dari ${article.outlet}, ${formatPeriod(article.published)}: "${article.title}"`,
    ...lines,
    ...(article.url ? [`Sumber: ${article.url}`] : []),
    "Tanyakan rinciannya kepada saya. /berhenti untuk berhenti berlangganan.",
  ].join("\n");
}
