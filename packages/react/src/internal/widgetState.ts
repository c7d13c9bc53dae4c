import type { CSSProperties, ReactNode } from 'react';
import type { Messages } from '../format/messages';
import type { Theme } from '../theme/theme';

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

/** Options every widget takes besides its data: its states, words, locale and look. */
export interface WidgetOptions extends WidgetStateProps {
  /** What the empty state says. Default: the catalogue's message for this widget. */
  readonly emptyMessage?: ReactNode;
  /** Replaces the generated text description. */
  readonly description?: string | undefined;
  /** BCP 47 locale for numbers, dates and labels. Default: the provider's, else `en`. */
  readonly locale?: string | undefined;
  /** Overrides of catalogue strings. */
  readonly messages?: Partial<Messages> | undefined;
  readonly theme?: Theme | undefined;
  readonly className?: string | undefined;
  readonly style?: CSSProperties | undefined;
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
