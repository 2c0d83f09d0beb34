// Stands in for antd's tooltip UniqueProvider inside its ConfigProvider (the build's
// withoutTooltipUniqueProvider, vite.config.ts). ConfigProvider renders it only when `tooltip.unique`
// is configured, which this app never does (providers.tsx), yet imports it, and with it the whole
// popup engine (@rc-component/trigger, about 10 kB gzip), into the first load of every page.
export default function NoTooltipUniqueProvider(): never {
  throw new Error("ConfigProvider's tooltip.unique is left out of the build (vite.config.ts, withoutTooltipUniqueProvider)");
}
