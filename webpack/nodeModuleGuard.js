// @ts-check
// The add-in runs in Excel's webview: a Node builtin (fs, worker_threads, …) or a Node-only package
// (exceljs and what it drags in) in the bundle would fail there, or only at run time. This plugin
// makes the build fail instead, naming the request and the module that asked for it.
const { builtinModules } = require('node:module');

// Every builtin name is refused, even where an npm polyfill of that name exists (events, buffer, …):
// the engine needs none, and a polyfill should be a decision, not an accident.
const NODE_BUILTINS = new Set(builtinModules);
/** Packages that are Node-only (the xlsx adapter's reader/writer and its zip/stream stack). */
const NODE_ONLY_PACKAGES = ['exceljs', 'archiver', 'unzipper', 'tmp', 'fast-csv', 'saxes'];

/** The package a bare request names (`@scope/name/x` → `@scope/name`), or null for a relative one. */
function packageOf(request) {
  if (request.startsWith('.') || request.startsWith('/')) return null;
  const parts = request.split('/');
  return request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why a request is refused, or null. */
function forbidden(request) {
  const bare = (request.split('!').pop() ?? request).split('?')[0] ?? request;
  if (bare.startsWith('node:') || NODE_BUILTINS.has(packageOf(bare) ?? '')) {
    return `the Node builtin "${bare}"`;
  }
  const pkg = packageOf(bare);
  if (pkg && NODE_ONLY_PACKAGES.includes(pkg)) return `the Node-only package "${pkg}"`;
  return null;
}

/** The dev server's own client code (hot reload), injected by `webpack serve` only: not the add-in's. */
const DEV_TOOLING = /[\\/]node_modules[\\/](webpack[\\/]hot|webpack-dev-server[\\/]client)[\\/]/;

class NodeModuleGuardPlugin {
  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    compiler.hooks.compilation.tap('NodeModuleGuard', (compilation, { normalModuleFactory }) => {
      normalModuleFactory.hooks.beforeResolve.tap('NodeModuleGuard', (data) => {
        const why = forbidden(data.request);
        if (!why || DEV_TOOLING.test(data.contextInfo.issuer ?? '')) return undefined;
        const from = data.contextInfo.issuer ? ` (imported by ${data.contextInfo.issuer})` : '';
        const error = new compiler.webpack.WebpackError(
          `NodeModuleGuard: the add-in bundle must not pull ${why}${from}. Keep it in the CLI or an adapter the add-in does not import.`,
        );
        compilation.errors.push(error);
        return false; // do not resolve it: nothing of it enters the bundle
      });
    });
  }
}

module.exports = { NodeModuleGuardPlugin, forbidden, NODE_ONLY_PACKAGES };
