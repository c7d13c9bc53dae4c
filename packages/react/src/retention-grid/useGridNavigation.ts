import {
  useCallback,
  useState,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type PointerEvent,
  type TableHTMLAttributes,
} from 'react';
import type { RetentionCellPosition, RetentionGridModel, RetentionRowModel } from './retentionGrid.types';

const cellOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[data-cell]') : null;

function positionOf(element: HTMLElement | null): RetentionCellPosition | null {
  const value = element?.dataset['cell'];
  if (!value) return null;
  const [row, column] = value.split(':').map(Number);
  return row === undefined || column === undefined ? null : { row, column };
}

/** What {@link useGridNavigation} gives the grid's model. */
export interface GridNavigation {
  readonly active: RetentionCellPosition;
  readonly tooltip: RetentionGridModel['tooltip'];
  readonly tableProps: TableHTMLAttributes<HTMLTableElement>;
  readonly scrollProps: HTMLAttributes<HTMLDivElement>;
}

/**
 * The grid's keyboard, focus and pointer model: the focusable cell (a
 * roving tabindex over the whole grid, clamped to the rows given), the
 * arrow, Home / End, Page Up / Down and Escape keys of an ARIA grid, and the
 * cell whose tooltip is shown (hovered, else focused). Handlers are
 * delegated to the table, so that ten thousand cells carry none.
 *
 * @example
 * const { active, tooltip, tableProps } = useGridNavigation(rows, titleId, descriptionId);
 * <table {...tableProps}>…</table>
 */
export function useGridNavigation(rows: readonly RetentionRowModel[], titleId: string, descriptionId: string): GridNavigation {
  const [activeState, setActive] = useState<RetentionCellPosition>({ row: 0, column: 0 });
  const [hover, setHover] = useState<RetentionCellPosition | null>(null);
  const [focused, setFocused] = useState<RetentionCellPosition | null>(null);
  // Clamp to the rows of the current result (a new result may be smaller).
  const lastRow = Math.max(0, rows.length - 1);
  const activeRow = Math.min(activeState.row, lastRow);
  const active: RetentionCellPosition = {
    row: activeRow,
    column: Math.min(activeState.column, Math.max(0, (rows[activeRow]?.cells.length ?? 1) - 1)),
  };

  const shown = hover ?? focused;
  const shownCell = shown ? rows[shown.row]?.cells[shown.column] : undefined;
  const tooltip = shown && shownCell ? { ...shown, cell: shownCell } : null;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableElement>) => {
      const from = positionOf(cellOf(event.target));
      if (!from) return;
      let { row, column } = from;
      const rowLength = (r: number) => rows[r]?.cells.length ?? 0;
      switch (event.key) {
        case 'ArrowRight':
          column += 1;
          break;
        case 'ArrowLeft':
          column -= 1;
          break;
        case 'ArrowDown':
          row += 1;
          break;
        case 'ArrowUp':
          row -= 1;
          break;
        case 'PageDown':
          row += 10;
          break;
        case 'PageUp':
          row -= 10;
          break;
        case 'Home':
          if (event.ctrlKey || event.metaKey) row = 0;
          column = 0;
          break;
        case 'End':
          if (event.ctrlKey || event.metaKey) row = rows.length - 1;
          column = Number.MAX_SAFE_INTEGER;
          break;
        case 'Escape':
          setFocused(null);
          setHover(null);
          return;
        default:
          return;
      }
      event.preventDefault();
      row = Math.max(0, Math.min(rows.length - 1, row));
      // A triangle: a later cohort has fewer cells, so moving down keeps to its last one.
      column = Math.max(0, Math.min(rowLength(row) - 1, column));
      setActive({ row, column });
      setHover(null);
      const table = event.currentTarget;
      const target = table.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
      target?.focus();
    },
    [rows],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLTableElement>) => {
    const position = positionOf(cellOf(event.target));
    if (position) {
      setActive(position);
      setFocused(position);
    }
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLTableElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
  }, []);
  const onPointerOver = useCallback((event: PointerEvent<HTMLTableElement>) => {
    const position = positionOf(cellOf(event.target));
    setHover((current) => (position && current?.row === position.row && current.column === position.column ? current : position));
  }, []);
  const onPointerLeave = useCallback(() => {
    setHover(null);
  }, []);

  const tableProps: TableHTMLAttributes<HTMLTableElement> = {
    role: 'grid',
    'aria-readonly': true,
    'aria-labelledby': titleId,
    'aria-describedby': descriptionId,
    onKeyDown,
    onFocus,
    onBlur,
    onPointerOver,
    onPointerLeave,
  };
  const scrollProps: HTMLAttributes<HTMLDivElement> = {
    onScroll: () => {
      setHover(null);
    },
  };
  return { active, tooltip, tableProps, scrollProps };
}
