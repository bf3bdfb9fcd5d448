// @ts-check
// custom-functions-metadata writes functions.json without `allowErrorForDataTypeAny` (Microsoft:
// "works only with hand-written JSON metadata"). Without it Excel never calls a function whose
// argument holds an error (#N/A): it answers the error itself, and the function cannot name the bad
// cell. The property is top-level (custom-functions-json.md, "Metadata reference": "Unlike the other
// JSON metadata properties, allowErrorForDataTypeAny is a top-level property") and applies to every
// parameter of type any, so the build sets it whenever one such parameter exists.

/** Whether a parameter of functions.json takes any value (type "any", or no type: the default). */
function takesAny(parameter) {
  return parameter.type === undefined || parameter.type === 'any';
}

/** functions.json's text with allowErrorForDataTypeAny set when some parameter is of type any. */
function patchFunctionsMetadata(json) {
  const metadata = JSON.parse(json);
  const functions = Array.isArray(metadata.functions) ? metadata.functions : [];
  const anyParameter = functions.some((f) => (f.parameters ?? []).some(takesAny));
  if (!anyParameter) return json;
  const { allowErrorForDataTypeAny: _old, ...rest } = metadata;
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...rest }, null, 4);
}

class FunctionsMetadataPatchPlugin {
  /** @param {{ asset?: string }} [options] */
  constructor(options = {}) {
    this.asset = options.asset ?? 'functions.json';
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FunctionsMetadataPatch', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionsMetadataPatch', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.asset);
          if (!asset) {
            compilation.errors.push(new compiler.webpack.WebpackError(`FunctionsMetadataPatch: no ${this.asset} was generated.`));
            return;
          }
          const patched = patchFunctionsMetadata(asset.source.source().toString());
          compilation.updateAsset(this.asset, new sources.RawSource(patched));
        },
      );
    });
  }
}

module.exports = { FunctionsMetadataPatchPlugin, patchFunctionsMetadata };
