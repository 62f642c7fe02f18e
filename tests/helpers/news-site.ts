import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { projectRoot } from "../../src/paths";

/** Pages written for these tests, in tests/fixtures/news-site/. */
const page = (name: string) =>
  readFileSync(join(projectRoot(), "tests", "fixtures", "news-site", name), "utf8");

/** An article served as plain text, as some outlets' print views do. */
export const PLAIN_TEXT_ARTICLE = `Kupang (Suara Flobamora) - Dinas Koperasi Provinsi Nusa Tenggara Timur mencatat jumlah UMKM di Nusa Tenggara Timur mencapai 98.300 unit pada 2023. Sebagian besar adalah usaha tenun dan olahan pangan lokal.
`;

export type NewsSite = {
  url(path: string): string;
  /** Paths requested so far, in order. */
  hits: string[];
  close(): Promise<void>;
};

/**
 * A news site on loopback: an article with full metadata, one without any, a page that is not
 * an article, a plain-text article, and the misbehaving kinds (slow, huge, a PDF, redirects,
 * one of them into a private network).
 */
export async function startNewsSite(): Promise<NewsSite> {
  const hits: string[] = [];
  const html = (res: ServerResponse, body: string) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    hits.push(path);
    switch (path) {
      case "/berita/umkm-jatim":
        return html(res, page("umkm-jatim.html"));
      case "/berita/tanpa-meta":
        return html(res, page("tanpa-meta.html"));
      case "/indeks":
        return html(res, page("indeks.html"));
      case "/cetak/umkm-ntt":
        return res.writeHead(200, { "content-type": "text/plain" }).end(PLAIN_TEXT_ARTICLE);
      case "/laporan.pdf":
        return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4 ...");
      case "/besar":
        // No content-length: the cap must hold while reading, not only on the header.
        res.writeHead(200, { "content-type": "text/html" });
        for (let i = 0; i < 400; i++) res.write(`<p>${"UMKM tumbuh pesat. ".repeat(50)}</p>`);
        return res.end();
      case "/pindah":
        return res.writeHead(302, { location: "/berita/umkm-jatim" }).end();
      case "/ke-dalam":
        return res.writeHead(302, { location: "http://10.0.0.1/rahasia" }).end();
      case "/lambat":
        return; // never answers: the bot's timeout must end it
      default:
        return res.writeHead(404, { "content-type": "text/html" }).end("<h1>Tidak ada</h1>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
