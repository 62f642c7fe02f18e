// Only the common-words list: the package's index also unpacks name and Wikipedia lists
// the bot does not need, at about 50 MB of memory.
import commonWords from "@zxcvbn-ts/language-id/dist/commonWords.json.mjs";

/**
 * 20,000 common Indonesian words (from zxcvbn-ts). A real word is not a typo: "hingga" is
 * not Lingga and "tenaga" is no place, so fuzzy matching never tries them.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(commonWords);
