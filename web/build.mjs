// Bundles the shell with esbuild into dist/ and writes .gz and .br beside every file that a
// server would compress. The WebAssembly core is built into dist/ by Go before this runs.
import * as esbuild from 'esbuild';
import { copyFile, cp, mkdir, readdir, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = 'dist';

// Chunk names carry their hash: drop the last build's, or the offline cache would keep them all.
await rm(join(dist, 'chunks'), { recursive: true, force: true });
await rm(join(dist, 'embed'), { recursive: true, force: true });

// The app's markup is the page's <body>; the embedded element puts the same into its shadow root.
const page = await readFile('index.html', 'utf8');
const body = /<body>([\s\S]*)<\/body>/.exec(page);
if (!body) throw new Error('index.html has no <body> to take the markup from');
const define = { CASEWRIGHT_MARKUP: JSON.stringify(body[1].trim()) };

// lang-markdown's markdown() nests lang-html, and lang-html lang-css and lang-javascript; it
// also imports @codemirror/autocomplete for HTML tag names. The editor's Markdown mode comes
// from lang-markdown, so esbuild would put all of them in the chunks loaded before the editor
// starts, used or not: lang-markdown gets plain HTML and no tag completion instead
// (src/markdown-without-html.js). Fenced code in those languages still loads them when it
// appears, and the editor loads autocomplete after ready (src/editor-aids.js).
const markdownWithoutHTML = {
  name: 'markdown-without-html',
  setup(build) {
    const fromMarkdown = `${sep}@codemirror${sep}lang-markdown${sep}`;
    build.onResolve({ filter: /^@codemirror\/(lang-html|autocomplete)$/ }, (args) =>
      args.importer.includes(fromMarkdown) ? { path: resolve('src/markdown-without-html.js') } : undefined);
  },
};

const app = await esbuild.build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  format: 'esm',
  splitting: true, // mermaid and other heavy parts load only when first needed
  minify: true,
  target: 'es2022',
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  define,
  plugins: [markdownWithoutHTML],
  metafile: true,
});
// boot.js is a classic script, which the page runs before it fetches the modules.
await esbuild.build({ entryPoints: { boot: 'src/boot.js' }, bundle: true, format: 'iife', minify: true, target: 'es2022', outdir: dist });
await esbuild.build({ entryPoints: { app: 'src/app.css' }, bundle: true, minify: true, outdir: dist });
await writeFile(join(dist, 'index.html'), withModulePreloads(page, app.metafile));
await copyFile('manifest.webmanifest', join(dist, 'manifest.webmanifest'));
await mkdir(join(dist, 'icons'), { recursive: true });
await cp('icons', join(dist, 'icons'), { recursive: true });
await writeServiceWorker();
await buildEmbed(join(dist, 'embed'));

const compressible = /\.(html|js|css|wasm|json|svg|txt|webmanifest)$/;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

for await (const path of files(dist)) {
  if (!compressible.test(path)) continue;
  const data = await readFile(path);
  await writeFile(`${path}.gz`, gzipSync(data, { level: 9 }));
  await writeFile(`${path}.br`, brotliCompressSync(data, {
    // A 16 MB window (the most browsers accept) finds the repeats far apart in the WASM core.
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: (await stat(path)).size,
    },
  }));
}

// withModulePreloads lists in the page's <head> the chunks its scripts import, so that the
// browser fetches them with the page rather than after reading the scripts that name them.
function withModulePreloads(html, metafile) {
  const chunks = new Set();
  const visit = (output) => {
    for (const { path, kind } of metafile.outputs[output].imports) {
      if (kind !== 'import-statement' || chunks.has(path)) continue;
      chunks.add(path);
      visit(path);
    }
  };
  visit(join(dist, 'app.js'));
  const links = [...chunks].map((path) => `  <link rel="modulepreload" href="${relative(dist, path).split(sep).join('/')}">\n`).join('');
  const script = '  <script type="module" src="app.js"></script>';
  if (!html.includes(script)) throw new Error('index.html has no app.js script to put the module preloads before');
  return html.replace(script, () => links + script);
}

// writeServiceWorker writes sw.js with the list of the app's files and a hash of their
// contents, which names the offline cache: a new build is a new cache.
async function writeServiceWorker() {
  const offline = [];
  for await (const path of files(dist)) {
    const name = relative(dist, path).split(sep).join('/');
    if (/\.(br|gz)$|LEGAL\.txt$|^README\.md$|^sw\.js$|^embed\//.test(name)) continue;
    offline.push(name === 'index.html' ? './' : name);
  }
  offline.sort();
  const hash = createHash('sha256');
  for (const name of offline) hash.update(name).update('\0').update(await readFile(join(dist, name === './' ? 'index.html' : name)));
  const build = { version: hash.digest('hex').slice(0, 16), files: offline };
  const source = await readFile('sw.js', 'utf8');
  const line = /^const BUILD = .*;$/m;
  if (!line.test(source)) throw new Error('sw.js has no BUILD line to fill in');
  await writeFile(join(dist, 'sw.js'), source.replace(line, () => `const BUILD = ${JSON.stringify(build)};`));
}

// buildEmbed writes the embeddable editor into out: casewright.js (the <case-study-editor>
// element) with its chunks, casewright.css for its shadow root, and a copy of the WASM core.
async function buildEmbed(out) {
  await esbuild.build({
    entryPoints: { casewright: 'src/embed.js' },
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    target: 'es2022',
    outdir: out,
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'linked',
    define,
    plugins: [markdownWithoutHTML],
  });
  // Inside a shadow root there is no :root, html or body: the host and the app's frame take
  // their rules, and data-theme sits on the host element.
  const css = await esbuild.build({ entryPoints: ['src/app.css'], bundle: true, write: false, outdir: out });
  const own = await readFile('src/embed.css', 'utf8');
  const scoped = (css.outputFiles[0].text + own)
    .replace(/:root((?:\[[^\]]*\]|:not\([^)]*\))+)/g, ':host($1)')
    .replace(/:root\b/g, ':host')
    .replace(/\bhtml,\s*body\b/g, '.cw-app')
    .replace(/(^|[\s,}])body(?=\s*[{,])/g, '$1.cw-app')
    // rem is the page's root font size (a portal's may be 20px): the editor keeps its own.
    .replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${+(n * 16).toFixed(3)}px`);
  const min = await esbuild.transform(scoped, { loader: 'css', minify: true });
  await writeFile(join(out, 'casewright.css'), min.code);
  await copyFile(join(dist, 'casewright.wasm'), join(out, 'casewright.wasm'));
}
