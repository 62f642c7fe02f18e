import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Services } from "../../bot/services";
import { healthOf } from "./health";

/**
 * GET /healthz and GET /metrics, for an orchestrator and Prometheus. Returns false for any
 * other request, which the caller handles (the webhook) or refuses.
 */
export function serveOps(req: IncomingMessage, res: ServerResponse, s: Services): boolean {
  if (req.method !== "GET") return false;
  const path = req.url?.split("?")[0];
  if (path === "/healthz") {
    const h = healthOf(s);
    res
      .writeHead(h.status === "ok" ? 200 : 503, { "content-type": "application/json" })
      .end(JSON.stringify(h));
    return true;
  }
  if (path === "/metrics") {
    s.metrics.registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": s.metrics.registry.contentType }).end(text),
      (err: unknown) => {
        s.logger.error({ err }, "metrics failed");
        res.writeHead(500).end();
      },
    );
    return true;
  }
  return false;
}

/** Polling mode opens no port of its own: with HEALTH_PORT it opens one for these two. */
export async function startHealthServer(port: number, s: Services): Promise<() => Promise<void>> {
  const server = createServer((req, res) => {
    if (!serveOps(req, res, s)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  s.logger.info({ port }, "health and metrics listening");
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}
