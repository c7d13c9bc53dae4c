import { useCallback, useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';

/** A cell of a grid: its row and column. */
export interface GridCellPosition {
  readonly row: number;
  readonly column: number;
}

/** Handlers of the grid (its `table`), delegated: the cells carry none. Cells are found by their `data-cell="row:column"`. */
export interface GridProps {
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
  readonly onPointerMove: (event: PointerEvent<HTMLElement>) => void;
  readonly onPointerLeave: () => void;
}

const cellOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[data-cell]') : null;

function positionOf(element: HTMLElement | null): GridCellPosition | null {
  const [row, column] = (element?.dataset['cell'] ?? '').split(':').map(Number);
  return row === undefined || column === undefined || Number.isNaN(row) || Number.isNaN(column) ? null : { row, column };
}

const same = (a: GridCellPosition | null, b: GridCellPosition | null) =>
  a === b || (a !== null && b !== null && a.row === b.row && a.column === b.column);

/**
 * A grid's keyboard and pointer model (the attribution chart's table, the
 * activation candidates' table): one tab stop (roving tabindex), the
 * arrow keys between cells, Home / End to the row's ends, Ctrl+Home / Ctrl+End
 * to the first / last cell, Page Up / Down five rows; the cell pointed at, or
 * else the focused one, is the `target` (the readout's).
 */
export function useGridKeyboard(
  rows: number,
  columns: number,
): { active: GridCellPosition; target: GridCellPosition | null; gridProps: GridProps } {
  const [activeState, setActive] = useState<GridCellPosition>({ row: 0, column: 0 });
  const [focused, setFocused] = useState(false);
  const [hover, setHover] = useState<GridCellPosition | null>(null);
  const clamp = useCallback(
    (cell: GridCellPosition) => ({
      row: Math.max(0, Math.min(rows - 1, cell.row)),
      column: Math.max(0, Math.min(columns - 1, cell.column)),
    }),
    [rows, columns],
  );
  const active = clamp(activeState);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const from = positionOf(cellOf(event.target));
      if (!from || rows === 0 || columns === 0) return;
      const ctrl = event.ctrlKey || event.metaKey;
      let to: GridCellPosition;
      switch (event.key) {
        case 'ArrowRight':
          to = { row: from.row, column: from.column + 1 };
          break;
        case 'ArrowLeft':
          to = { row: from.row, column: from.column - 1 };
          break;
        case 'ArrowDown':
          to = { row: from.row + 1, column: from.column };
          break;
        case 'ArrowUp':
          to = { row: from.row - 1, column: from.column };
          break;
        case 'PageDown':
          to = { row: from.row + 5, column: from.column };
          break;
        case 'PageUp':
          to = { row: from.row - 5, column: from.column };
          break;
        case 'Home':
          to = ctrl ? { row: 0, column: 0 } : { row: from.row, column: 0 };
          break;
        case 'End':
          to = ctrl ? { row: rows - 1, column: columns - 1 } : { row: from.row, column: columns - 1 };
          break;
        default:
          return;
      }
      event.preventDefault();
      const next = clamp(to);
      setActive(next);
      setHover(null);
      event.currentTarget.querySelector<HTMLElement>(`[data-cell="${next.row}:${next.column}"]`)?.focus();
    },
    [rows, columns, clamp],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const cell = positionOf(cellOf(event.target));
    if (!cell) return;
    setActive((previous) => (same(previous, cell) ? previous : cell));
    setFocused(true);
  }, []);

  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setFocused(false);
  }, []);

  const onPointerMove = useCallback((event: PointerEvent<HTMLElement>) => {
    const cell = positionOf(cellOf(event.target));
    setHover((previous) => (same(previous, cell) ? previous : cell));
  }, []);

  const onPointerLeave = useCallback(() => {
    setHover(null);
  }, []);

  return {
    active,
    target: hover ? clamp(hover) : focused ? active : null,
    gridProps: { onKeyDown, onFocus, onBlur, onPointerMove, onPointerLeave },
  };
}
