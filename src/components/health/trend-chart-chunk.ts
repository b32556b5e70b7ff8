// What the /health island loads when a view first needs a chart it draws itself (HealthTrend): the chart, in a chunk
// of its own. Imported through this module, and only dynamically, so that the page's static import of the chart (it
// draws the whole list's at build time) does not make the bundler keep the chart in the island's first script.
export { TrendChart } from './TrendChart';
