// Bundles the portal's and the console's browser code and styles into wwwroot/dist: site.* for
// every page, editor.* (TipTap, drop zone) only for the pages with a rich-text field or an
// attachment drop zone, so the others do not download the editor; designer.* (X6, dagre) only for
// the workflow designer; reports.* (Chart.js) only for the report pages with a chart.
import { build } from 'esbuild';
import { content as x6Core } from '@antv/x6/es/style/raw.js';

// X6 inserts its style sheet as a <style> element, which the Content-Security-Policy (style-src
// 'self') refuses; the designer turns that off and its bundled CSS imports the same rules instead.
const x6Styles = {
    name: 'x6-styles',
    setup(pluginBuild) {
        pluginBuild.onResolve({ filter: /^x6-styles$/ }, () => ({ path: 'x6-styles', namespace: 'x6-styles' }));
        pluginBuild.onLoad({ filter: /.*/, namespace: 'x6-styles' }, () => ({ contents: x6Core, loader: 'css' }));
    },
};

const production = process.env.CI === 'true' || process.env.NODE_ENV === 'production';

await build({
    entryPoints: {
        site: 'ClientApp/site.js',
        editor: 'ClientApp/editor.js',
        designer: 'ClientApp/designer.js',
        reports: 'ClientApp/reports.js',
    },
    bundle: true,
    minify: production,
    sourcemap: true,
    format: 'iife',
    target: ['es2020'],
    outdir: 'wwwroot/dist',
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'text' },
    logLevel: 'warning',
    plugins: [x6Styles],
});
