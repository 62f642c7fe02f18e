// The package types its index only; this file of it is an array of words.
declare module "@zxcvbn-ts/language-id/dist/commonWords.json.mjs" {
  const words: string[];
  export default words;
}
