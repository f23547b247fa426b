/**
 * Chart colours for the light and dark themes. The bands of a fan chart use one hue at two
 * strengths so the inner 50 % reads as "more likely" without a legend.
 */
export interface ChartTheme {
  name: 'light' | 'dark';
  text: string;
  muted: string;
  grid: string;
  background: string;
  /** P10–P90 band. */
  outerBand: string;
  /** P25–P75 band. */
  innerBand: string;
  median: string;
  budget: string;
  good: string;
  bad: string;
  /** Categorical colours for workloads, tags and variants. */
  series: readonly string[];
}

export const lightTheme: ChartTheme = {
  name: 'light',
  text: '#1f2933',
  muted: '#616e7c',
  grid: '#e4e7eb',
  background: '#ffffff',
  outerBand: 'rgba(37, 99, 235, 0.16)',
  innerBand: 'rgba(37, 99, 235, 0.32)',
  median: '#1d4ed8',
  budget: '#c2410c',
  good: '#15803d',
  bad: '#b91c1c',
  series: ['#2563eb', '#0d9488', '#d97706', '#7c3aed', '#db2777', '#65a30d', '#0891b2', '#9f1239', '#4b5563', '#ca8a04'],
};

export const darkTheme: ChartTheme = {
  name: 'dark',
  text: '#e4e7eb',
  muted: '#9aa5b1',
  grid: '#323f4b',
  background: '#1b2330',
  outerBand: 'rgba(96, 165, 250, 0.18)',
  innerBand: 'rgba(96, 165, 250, 0.36)',
  median: '#93c5fd',
  budget: '#fb923c',
  good: '#4ade80',
  bad: '#f87171',
  series: ['#60a5fa', '#2dd4bf', '#fbbf24', '#a78bfa', '#f472b6', '#a3e635', '#22d3ee', '#fb7185', '#9ca3af', '#facc15'],
};

export function chartTheme(dark: boolean): ChartTheme {
  return dark ? darkTheme : lightTheme;
}

/** The i-th categorical colour, cycling. */
export function seriesColor(theme: ChartTheme, i: number): string {
  return theme.series[i % theme.series.length] ?? theme.median;
}
