// Files the add-in bundle ships beside its scripts (webpack's asset/resource: the import is the URL
// the built file is served at). Fetched on first use, so the pane does not load 1.3 MB of fonts to start.
declare module '*.ttf' {
  const url: string;
  export default url;
}
declare module '*.docx' {
  const url: string;
  export default url;
}
