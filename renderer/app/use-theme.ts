/** The colour theme follows the operating system (prefers-color-scheme), live. */
import { useSyncExternalStore } from 'react';
import { chartTheme, type ChartTheme } from '../charts/chart-theme.ts';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  const media = query();
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribe, () => query().matches, () => false);
}

export function useTheme(): ChartTheme {
  return chartTheme(usePrefersDark());
}
