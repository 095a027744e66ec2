// A small static server for dist/ on 127.0.0.1, with the URL rules of a typical static host (`/eda`
// serves eda.html) and gzip, so that what the tests and the benchmark measure is what a reader gets.
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize} from "node:path";
import {createGzip} from "node:zlib";
import {distDir} from "./site.js";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8"
};
const compressible = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".txt"]);

function resolveFile(distDir: string, urlPath: string): string | undefined {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidates = path.endsWith("/") ? [join(path, "index.html")] : [path, `${path}.html`, join(path, "index.html")];
  for (const candidate of candidates) {
    const file = join(distDir, candidate);
    if (file.startsWith(distDir) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Serves `dir` (dist/ by default) on `host:port` (0: any free port). */
export function serve(port = 0, host = "127.0.0.1", dir = distDir): Promise<{server: Server; url: string}> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const file = resolveFile(dir, url.pathname);
    const status = file ? 200 : 404;
    const target = file ?? resolveFile(dir, "/404.html");
    if (!target) {
      response.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    const ext = extname(target);
    const headers: Record<string, string> = {"content-type": types[ext] ?? "application/octet-stream"};
    // Framework content-hashes everything but pages, so those files can be cached for good.
    headers["cache-control"] = /\/_(?:file|import|node|npm|observablehq)\//.test(target) ? "public, max-age=31536000, immutable" : "no-cache";
    const gzip = compressible.has(ext) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (gzip) headers["content-encoding"] = "gzip";
    response.writeHead(status, headers);
    const stream = createReadStream(target);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({server, url: `http://${host}:${actual}`});
    })
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(distDir, "index.html"))) {
    console.error("dist/ has no site: run `npm run build` first");
    process.exit(1);
  }
  const {url} = await serve(Number(process.env.PORT ?? 3000));
  console.log(`AR Cashflow Intelligence: ${url}/`);
}
