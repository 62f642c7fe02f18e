import type { Lexicon } from "../src/lexicon/load";

/** Telegram's longest message, in UTF-16 units as Telegram counts them. */
export const LONGEST = 4096;

export type Adversarial = { kind: string; text: string };

/** Chatter that names no place, measure or time: what comes before a question in a long message. */
export const CHATTER = [
  "selamat pagi bapak ibu,",
  "mohon maaf mengganggu waktunya.",
  "saya sedang menyusun bahan rapat dengan teman teman di kantor",
  "kemarin sudah saya cari di internet tapi belum ketemu juga",
  "terima kasih sebelumnya atas bantuannya 🙏",
  "semoga sehat selalu dan lancar pekerjaannya.",
  "nanti hasilnya akan saya sampaikan ke pimpinan",
  "kalau boleh saya ingin bertanya satu hal saja",
];

/**
 * Inputs made to be slow: messages of up to 4,096 characters of word salad from the bot's
 * own words, misspelt place names, repeated numbers, emoji, and long chatter with the
 * question at its end. Seeded, so every run asks the same.
 */
export function adversarialInputs(lex: Lexicon, count = 200): Adversarial[] {
  let seed = 1717;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const places = [...lex.places.values()].flatMap((p) => p.aliases);
  const metricWords = lex.metrics.flatMap((m) => m.synonyms);
  const timeWords = lex.time.months.flatMap((m) => m.names);
  const words = [
    ...places,
    ...metricWords,
    ...timeWords,
    ...lex.intents.questionWords,
    ...Object.keys(lex.slang.words),
    "umkm",
    "berapa",
    "tahun",
    "2023",
    "27 juta",
    "persen",
    "target",
    "lalu",
    "bandingkan",
    "dan",
    "yg",
  ];
  const typo = (w: string) => {
    if (w.length < 4) return w;
    const at = 1 + Math.floor(random() * (w.length - 2));
    const edit = Math.floor(random() * 3);
    if (edit === 0) return w.slice(0, at) + w.slice(at + 1);
    if (edit === 1) return `${w.slice(0, at)}${w[at + 1] ?? ""}${w[at]}${w.slice(at + 2)}`;
    return `${w.slice(0, at)}${pick([..."aeiouxkr"])}${w.slice(at)}`;
  };
  const emoji = ["😀", "🙏", "👍🏽", "🇮🇩", "❤️", "🔥", "👨‍👩‍👧", "✅", "📈"];
  const fill = (next: () => string, max = LONGEST) => {
    let out = "";
    for (;;) {
      const part = next();
      if (out.length + part.length + 1 > max) return out;
      out = out ? `${out} ${part}` : part;
    }
  };
  const question = () =>
    pick([
      "berapa jumlah umkm jawa barat 2023?",
      "brp persen umkm lampung yg udh digital",
      "target umkm go digital 2024",
      "bandingkan jumlah umkm jabar dan lampung",
    ]);
  const makers: [string, () => string][] = [
    ["word salad", () => fill(() => pick(words))],
    ["misspelt places", () => fill(() => typo(pick(places)))],
    [
      "misspelt place phrases",
      () => fill(() => `${typo(pick(places))} ${typo(pick(places))} ${typo(pick(places))}`),
    ],
    [
      "repeated numbers",
      () =>
        fill(() =>
          pick(["27 juta", "1.234.567", "64,2", "2023", "12,5 persen", "Rp 1,3 triliun", "3"]),
        ),
    ],
    ["emoji", () => fill(() => (random() < 0.5 ? pick(emoji) : pick(words)))],
    ["emoji only", () => fill(() => pick(emoji))],
    [
      "question at the end",
      () => {
        const q = question();
        return `${fill(() => pick(CHATTER), LONGEST - q.length - 1)} ${q}`;
      },
    ],
    [
      "many short words",
      () => fill(() => pick(["di", "yg", "a", "2", "ke", "jt", "rb", "x", "%"])),
    ],
    ["one long word", () => "umkm".repeat(LONGEST / 4)],
    ["no spaces", () => fill(() => pick(words)).replace(/ /g, "")],
    ["punctuation", () => fill(() => pick([".", ",", "?!", "-", "'21", "(", ")", "%"]))],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [kind, make] = makers[i % makers.length] as [string, () => string];
    return { kind, text: make() };
  });
}
