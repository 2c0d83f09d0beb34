// `import('./zh-CN.json?part=shell')`: a part of a catalogue (parts.mjs), cut out by the i18nParts
// plugin in vite.config.ts. Its keys are a subset of the catalogue's, which i18next.d.ts types.
declare module '*.json?part=shell' {
  const catalogue: object;
  export default catalogue;
}
declare module '*.json?part=mobile' {
  const catalogue: object;
  export default catalogue;
}
