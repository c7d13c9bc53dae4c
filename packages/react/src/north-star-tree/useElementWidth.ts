import { useEffect, useRef, useState, type RefObject } from 'react';

/** A ref for an element and its content width, followed while `observe` (`null` before it is measured, as on the server). */
export function useElementWidth(observe: boolean): [RefObject<HTMLDivElement | null>, number | null] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!observe || !element) return undefined;
    const read = () => {
      setWidth(element.clientWidth);
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [observe]);
  return [ref, width];
}
