import { dictionary } from "@zxcvbn-ts/language-id";

/**
 * 20,000 common Indonesian words (from zxcvbn-ts). A real word is not a typo: "hingga" is
 * not Lingga and "tenaga" is no place, so fuzzy matching never tries them.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(dictionary["commonWords-id"]);
