// A tiny static file server over a built site folder, for browser tests.
// Loopback only, random free port; files are served by `sirv` (directory → index.html),
// with a 404 that serves the site's own 404.html when there is one.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  /** Origin without a trailing slash, e.g. "http://127.0.0.1:40123". */
  origin: string;
  /** Absolute URL for a site path ("/van-ban/x/" → "http://127.0.0.1:40123/van-ban/x/"). */
  url(path: string): string;
  stop(): Promise<void>;
}

/** Content types mrmime does not know (or gets wrong for our purposes), by file extension. */
const EXTRA_TYPES: ReadonlyArray<[RegExp, string]> = [
  // Pagefind's index, fragments, metadata and filters are opaque (gzip-framed) binaries.
  [/\.pf_[a-z]+$/, 'application/octet-stream'],
  [/\.pagefind$/, 'application/octet-stream'],
  [/\.wasm$/, 'application/wasm'],
  [/\.json$/, 'application/json; charset=utf-8'],
  [/\.m?js$/, 'text/javascript; charset=utf-8'],
  [/\.css$/, 'text/css; charset=utf-8'],
  [/\.(txt|md)$/, 'text/plain; charset=utf-8'],
  [/\.svg$/, 'image/svg+xml'],
  [/\.xml$/, 'application/xml; charset=utf-8'],
];

export function contentTypeFor(pathname: string): string | null {
  for (const [pattern, type] of EXTRA_TYPES) if (pattern.test(pathname)) return type;
  return null;
}

function notFound(root: string) {
  const page = join(root, '404.html');
  return (_req: IncomingMessage, res: ServerResponse) => {
    const body = existsSync(page) ? readFileSync(page) : Buffer.from('404 Not Found\n');
    res.writeHead(404, {
      'Content-Type': existsSync(page) ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
      'Content-Length': body.length,
    });
    res.end(body);
  };
}

/** Serve `folder` on 127.0.0.1 at a free port until `stop()` is called. */
export async function startServer(folder: string): Promise<StaticServer> {
  const root = resolve(folder);
  if (!existsSync(root)) throw new Error(`startServer: ${root} does not exist`);
  const fallback = notFound(root);
  const serve = sirv(root, {
    dev: true, // read from disk on each request: the folder may be rebuilt while tests run
    dotfiles: false,
    setHeaders(res, pathname) {
      const type = contentTypeFor(pathname);
      if (type) res.setHeader('Content-Type', type);
    },
  });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    serve(req, res, () => fallback(req, res));
  });
  // Keep-alive sockets would hold stop() open; tests open few connections.
  server.keepAliveTimeout = 1000;
  server.headersTimeout = 5000;
  server.requestTimeout = 10_000;
  server.maxConnections = 64;

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin + '/').href,
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
