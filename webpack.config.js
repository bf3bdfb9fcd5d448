// @ts-check
// The Excel add-in: one shared runtime page (taskpane.html) loading the functions, the ribbon
// commands and the task pane; functions.json generated from src/functions/functions.ts's JSDoc;
// manifest.xml with its origin taken from ADDIN_URL; the icons. `npm run build:addin` writes
// dist/addin/, `npm run dev-server` serves it on https://localhost:3000.
const path = require('node:path');
const { builtinModules } = require('node:module');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { NodeModuleGuardPlugin } = require('./webpack/nodeModuleGuard');
const { FunctionsMetadataPatchPlugin } = require('./webpack/functionsMetadataPatch');
const { addinBaseUrl, manifestForBaseUrl } = require('./webpack/manifestOrigin');

const root = __dirname;
const at = (...p) => path.join(root, ...p);

/**
 * The whole configuration, also used by tests (a tiny entry built with the same rules).
 * @param {{ mode?: 'production' | 'development', outDir?: string, addinUrl?: string,
 *           entry?: Record<string, string>, addin?: boolean }} [options]
 *   addin false: only the bundling rules (no page, functions.json, manifest or assets).
 * @returns {import('webpack').Configuration}
 */
function createConfig(options = {}) {
  const mode = options.mode ?? 'production';
  const addin = options.addin ?? true;
  const baseUrl = addinBaseUrl(options.addinUrl);
  const functionsSource = at('src/functions/functions.ts');
  return {
    mode,
    context: root,
    target: ['web', 'es2020'],
    devtool: mode === 'production' ? 'source-map' : 'eval-source-map',
    entry: options.entry ?? {
      functions: functionsSource,
      commands: at('src/commands/commands.ts'),
      taskpane: at('src/taskpane/index.tsx'),
      pdfviewer: at('src/adapters/documents/browser/pdfViewer/pdfViewerPage.ts'),
      auth: at('src/adapters/auth/dialog/authDialogPage.ts'),
    },
    output: { path: options.outDir ?? at('dist/addin'), filename: '[name].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // No Node polyfills: NodeModuleGuard reports any builtin instead of an empty module.
      fallback: Object.fromEntries(builtinModules.map((m) => [m, false])),
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: at('tsconfig.addin.json') } },
        },
        // The PDF font and the default Word templates ship beside the scripts, fetched when first used.
        { test: /\.(ttf|docx)$/, type: 'asset/resource', generator: { filename: 'assets/[name].[contenthash:8][ext]' } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new NodeModuleGuardPlugin(),
      ...(addin
        ? [
            new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: functionsSource }),
            new FunctionsMetadataPatchPlugin(),
            new HtmlWebpackPlugin({
              filename: 'taskpane.html',
              template: at('src/taskpane/taskpane.html'),
              chunks: ['functions', 'commands', 'taskpane'],
              chunksSortMode: 'manual',
            }),
            // The Office dialog that shows a PDF where downloads are blocked (documents/browser/deliver.ts).
            new HtmlWebpackPlugin({
              filename: 'pdfviewer.html',
              template: at('src/adapters/documents/browser/pdfViewer/pdfViewer.html'),
              chunks: ['pdfviewer'],
            }),
            // The sign-in dialog where nested app authentication is not supported (adapters/auth/browserTokenProvider.ts).
            new HtmlWebpackPlugin({
              filename: 'auth.html',
              template: at('src/adapters/auth/dialog/authDialog.html'),
              chunks: ['auth'],
            }),
            new CopyWebpackPlugin({
              patterns: [
                { from: at('assets/icon-*.png'), to: 'assets/[name][ext]' },
                {
                  from: at('manifest.xml'),
                  to: 'manifest.xml',
                  transform: (content) => manifestForBaseUrl(content.toString(), baseUrl),
                },
              ],
            }),
          ]
        : []),
    ],
    devServer: {
      port: 3000,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
    },
  };
}

/** webpack-cli: `webpack --mode production|development`; `webpack serve` adds the dev certificates. */
module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const config = createConfig({ mode, addinUrl: process.env.ADDIN_URL });
  if (env.WEBPACK_SERVE) {
    // Trusted localhost certificates for Excel (office-addin-dev-certs installs its CA on first use).
    const devCerts = require('office-addin-dev-certs');
    const https = await devCerts.getHttpsServerOptions();
    config.devServer = { ...config.devServer, server: { type: 'https', options: { ca: https.ca, key: https.key, cert: https.cert } } };
  }
  return config;
};
module.exports.createConfig = createConfig;
