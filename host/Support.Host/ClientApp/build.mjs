// Bundles the portal's and the console's browser code and styles into wwwroot/dist.
import { build } from 'esbuild';

const production = process.env.CI === 'true' || process.env.NODE_ENV === 'production';

await build({
    entryPoints: { site: 'ClientApp/site.js' },
    bundle: true,
    minify: production,
    sourcemap: true,
    format: 'iife',
    target: ['es2020'],
    outdir: 'wwwroot/dist',
    loader: { '.woff': 'file', '.woff2': 'file' },
    logLevel: 'warning',
});
