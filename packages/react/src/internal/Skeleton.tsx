import type { CSSProperties, ReactNode } from 'react';

/** A grey placeholder block of the widget's real shape (pulses unless reduced motion is asked for). */
export function SkeletonBlock({
  width,
  height,
  style,
}: {
  readonly width: string | number;
  readonly height: number;
  readonly style?: CSSProperties;
}): ReactNode {
  return <span className="kpikit-skeleton" aria-hidden="true" style={{ width, height, ...style }} />;
}
