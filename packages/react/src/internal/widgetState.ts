import type { ReactNode } from 'react';

/** What a widget is showing: its data, a skeleton, an empty message or an error. */
export type WidgetState = 'ready' | 'loading' | 'empty' | 'error';

/** Props every widget shares for its states. */
export interface WidgetStateProps {
  /** Show the skeleton of the widget's shape while data is on its way. */
  readonly loading?: boolean | undefined;
  /**
   * An error to show instead of the data, keeping the widget's frame. A string
   * or element is shown as given; `true` shows the catalogue's generic message;
   * an `Error` shows its message.
   */
  readonly error?: ReactNode | Error;
}

/** Resolves the state: an error wins over loading, loading over empty. */
export function resolveState({ loading, error }: WidgetStateProps, empty: boolean): WidgetState {
  if (error !== undefined && error !== null && error !== false) return 'error';
  if (loading) return 'loading';
  return empty ? 'empty' : 'ready';
}

/** The error content to show, or the generic message. */
export function errorContent(error: WidgetStateProps['error'], fallback: string): ReactNode {
  if (error === true || error === undefined || error === null || error === false || error === '') return fallback;
  if (error instanceof Error) return error.message || fallback;
  return error;
}
