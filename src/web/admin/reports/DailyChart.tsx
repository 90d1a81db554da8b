// Daily counts of the case report as bars (completions stacked on time / late). Only the ECharts
// parts used here are registered, so the chunk stays small.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  DataZoomComponent,
  type DataZoomComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayCounters } from '../../api/reports';

echarts.use([BarChart, AriaComponent, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type ChartOption = echarts.ComposeOption<
  BarSeriesOption | AriaComponentOption | DataZoomComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

type SeriesKey = Exclude<keyof DayCounters, 'day'>;

// Colours follow the page: blue for the normal flow, green done, orange late, red breaches.
const SERIES: { key: SeriesKey; color: string; stack?: string }[] = [
  { key: 'noticesIssued', color: '#1a5fb4' },
  { key: 'accepted', color: '#13a8a8' },
  { key: 'completedOnTime', color: '#52c41a', stack: 'completed' },
  { key: 'completedLate', color: '#fa8c16', stack: 'completed' },
  { key: 'refusals', color: '#8c8c8c' },
  { key: 'secondRoundBreaches', color: '#f5222d' },
];

/** Beyond this many days the chart scrolls (a zoom bar) rather than squeezing bars to hairlines. */
const DAYS_WITHOUT_ZOOM = 62;

export function DailyChart({ days }: { days: DayCounters[] }) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const zoom = days.length > DAYS_WITHOUT_ZOOM;
    const option: ChartOption = {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: zoom ? 56 : 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisTick: { alignWithLabel: true } },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: zoom ? [{ type: 'slider', startValue: days.length - DAYS_WITHOUT_ZOOM, endValue: days.length - 1 }, { type: 'inside' }] : [],
      series: SERIES.map((s) => ({
        type: 'bar',
        name: t(`reports.chart.${s.key}`),
        data: days.map((d) => d[s.key]),
        itemStyle: { color: s.color },
        ...(s.stack ? { stack: s.stack } : {}),
        barMaxWidth: 18,
      })),
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [days, t, i18n.language]);

  return <div ref={box} data-testid="reports-chart" style={{ width: '100%', height: 320 }} />;
}
