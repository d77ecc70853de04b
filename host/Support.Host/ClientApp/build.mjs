// Bundles the portal's and the console's browser code and styles into wwwroot/dist: site.* for
// every page, editor.* (TipTap, drop zone) only for the pages with a rich-text field or an
// attachment drop zone, so the others do not download the editor.
import { build } from 'esbuild';

const production = process.env.CI === 'true' || process.env.NODE_ENV === 'production';

await build({
    entryPoints: {
        site: 'ClientApp/site.js',
        editor: 'ClientApp/editor.js',
    },
    bundle: true,
    minify: production,
    sourcemap: true,
    format: 'iife',
    target: ['es2020'],
    outdir: 'wwwroot/dist',
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'text' },
    logLevel: 'warning',
});
