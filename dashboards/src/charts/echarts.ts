/**
 * ECharts, imported piece by piece so the bundle holds only the charts the dashboard draws.
 * echarts-wordcloud registers itself on the same core.
 */
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import 'echarts-wordcloud';
import chinaGeo from 'virtual:china-geo';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

echarts.registerMap('china', chinaGeo as Parameters<typeof echarts.registerMap>[1]);

export { echarts };
/** Options are plain objects; the word-cloud series is not in ECharts' own option types. */
export type ChartOption = echarts.EChartsCoreOption;
