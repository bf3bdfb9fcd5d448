// @ts-check
// `npm run preview`'s own page (dist/preview): the grid, the .xlsx reader (exceljs's browser bundle)
// and the office.js stand-in that hands the pane the in-memory Excel. A separate build from the
// add-in's: never loaded by taskpane.html, and free of NodeModuleGuard (exceljs is allowed here).
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const root = __dirname;
const at = (...p) => path.join(root, ...p);

/** @param {{ outDir?: string }} [options] @returns {import('webpack').Configuration} */
function createPreviewConfig(options = {}) {
  return {
    mode: 'development',
    devtool: false,
    context: root,
    target: ['web', 'es2020'],
    entry: { preview: at('preview/previewPage.ts'), 'office-stub': at('preview/officeStub.ts') },
    output: { path: options.outDir ?? at('dist/preview'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: at('tsconfig.addin.json') } } }],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: at('preview/index.html'), chunks: ['preview'] }),
      new CopyWebpackPlugin({ patterns: [{ from: at('examples/sample-ledger.xlsx'), to: 'sample-ledger.xlsx' }] }),
    ],
  };
}

module.exports = () => createPreviewConfig();
module.exports.createPreviewConfig = createPreviewConfig;
