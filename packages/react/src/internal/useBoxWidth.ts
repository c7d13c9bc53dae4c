import { useEffect, useState } from 'react';

/**
 * A callback ref for an element and its content width, followed while it is
 * mounted; `null` before it is measured, as on the server and in the first
 * (hydrating) render. Unlike a ref object, it measures an element that
 * appears later (a chart shown once its data arrives).
 */
export function useBoxWidth(): [(element: HTMLDivElement | null) => void, number | null] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    if (!element) return undefined;
    const read = () => {
      setWidth(element.clientWidth);
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return [setElement, width];
}
