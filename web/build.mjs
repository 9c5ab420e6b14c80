// Bundles the shell with esbuild into dist/ and writes .gz and .br beside every file that a
// server would compress. The WebAssembly core is built into dist/ by Go before this runs.
import * as esbuild from 'esbuild';
import { copyFile, readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = 'dist';

await esbuild.build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  format: 'esm',
  splitting: true, // mermaid and other heavy parts load only when first needed
  minify: true,
  target: 'es2022',
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
});
await esbuild.build({ entryPoints: { app: 'src/app.css' }, bundle: true, minify: true, outdir: dist });
await copyFile('index.html', join(dist, 'index.html'));

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
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: (await stat(path)).size },
  }));
}
