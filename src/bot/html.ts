/** Telegram's limit on a message's text, counted after HTML entities are parsed. */
export const MAX_MESSAGE_LENGTH = 4096;

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/**
 * Splits plain text into pieces Telegram accepts, at line breaks where it can, at spaces
 * where a single line is too long. Lengths are counted in UTF-16 units, as Telegram does.
 */
export function splitMessage(text: string, limit = MAX_MESSAGE_LENGTH): string[] {
  const pieces: string[] = [];
  let current = "";
  const push = (line: string) => {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= limit) {
      current = joined;
      return;
    }
    if (current) pieces.push(current);
    current = line;
  };
  for (const line of text.split("\n")) {
    if (line.length <= limit) {
      push(line);
      continue;
    }
    for (const word of hardWrap(line, limit)) push(word);
  }
  if (current || pieces.length === 0) pieces.push(current);
  return pieces;
}

function hardWrap(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const cut = rest.lastIndexOf(" ", limit);
    const at = cut > limit / 2 ? cut : limit;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * An answer as HTML messages: escaped, split to fit, its headline in bold. `links` maps a
 * citation as the answer writes it ("ANTARA, 2023") to its article's address: the outlet's
 * name in it becomes a link to the article.
 */
export function answerToHtml(
  text: string,
  links: ReadonlyMap<string, { outlet: string; url: string }> = new Map(),
): string[] {
  const linked = (line: string) => {
    let html = escapeHtml(line);
    for (const [cited, { outlet, url }] of links)
      html = html.replaceAll(
        escapeHtml(cited),
        `<a href="${escapeHtml(url)}">${escapeHtml(outlet)}</a>${escapeHtml(cited.slice(outlet.length))}`,
      );
    return html;
  };
  return splitMessage(text).map((piece, i) => {
    if (i > 0) return piece.split("\n").map(linked).join("\n");
    const [head = "", ...rest] = piece.split("\n");
    return [`<b>${linked(head)}</b>`, ...rest.map(linked)].join("\n");
  });
}

/**
 * The first message of answerToHtml, where one message is all there is room for: an edit, an
 * inline result, a confirmation.
 */
export function firstHtmlMessage(text: string): string {
  // splitMessage gives at least one piece, so answerToHtml does too.
  return answerToHtml(text)[0] as string;
}

/** Back to plain text, for the terminal chat. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}
