// The preset ships no types: a list of size-limit plugins, as sizeLimit() takes them.
declare module "@size-limit/preset-small-lib" {
  const plugins: ((...args: unknown[]) => unknown)[];
  export default plugins;
}
