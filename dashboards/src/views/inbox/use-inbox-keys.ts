import { useEffect, useRef } from 'react';

export interface InboxKeyHandlers {
  next(): void;
  prev(): void;
  claim(): void;
  respond(): void;
  resolve(): void;
  help(): void;
  escape(): void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** j/k move, c claim, r respond, e resolve, ? help. Ignored while typing or with modifiers. */
export function useInboxKeys(handlers: InboxKeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape') return ref.current.escape();
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const h = ref.current;
      const map: Record<string, () => void> = {
        j: h.next,
        k: h.prev,
        c: h.claim,
        r: h.respond,
        e: h.resolve,
        '?': h.help,
      };
      const fn = map[e.key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
