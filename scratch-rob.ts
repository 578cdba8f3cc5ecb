import { writeFileSync } from 'node:fs';
import { rasterizeSvgAsync, svgSize } from './scripts/lib/rasterize.ts';
import { layoutTrafficLight } from './src/lib/rob/traffic-light.ts';
import { layoutRobSummary } from './src/lib/rob/summary.ts';
import { renderTrafficLightSvg, renderRobSummarySvg } from './src/lib/rob/svg.ts';
import { domainColumns } from './src/lib/rob/input.ts';

const studies = [
  { id: 'a', label: 'Sahashi 2024', levels: ['low', 'high', 'low', 'unclear'] as const, weight: 30 },
  { id: 'b', label: 'Ouyang 2020 (external validation cohort)', levels: ['low', 'low', 'low', 'low'] as const, weight: 25 },
  { id: 'c', label: 'Kwan 2025', levels: ['unclear', 'unclear', 'high', 'low'] as const, weight: 20 },
  { id: 'd', label: '<script>alert(1)</script> & "Co"', levels: ['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed'] as const, weight: 15 },
  { id: 'e', label: 'Berman 2023', levels: ['high', 'low', 'unclear', 'low'] as const, weight: 10 },
];
const domains = domainColumns('QUADAS-2');
for (const [name, svg] of [
  ['traffic', renderTrafficLightSvg(layoutTrafficLight(studies as never, { title: 'Risk of bias (QUADAS-2)', domains, tool: 'QUADAS-2' }), { standalone: true })],
  ['summary', renderRobSummarySvg(layoutRobSummary(studies as never, { title: 'Risk of bias summary', domains, tool: 'QUADAS-2' }), { standalone: true })],
] as const) {
  const { width, height } = svgSize(svg);
  const r = await rasterizeSvgAsync(svg, width, height, 150);
  writeFileSync(`/tmp/robpng/${name}.png`, r.png);
  writeFileSync(`/tmp/robpng/${name}.svg`, svg);
  console.log(name, width, height);
}
