import { useEffect, useRef } from 'react';

/** A page's single-key shortcuts, by `KeyboardEvent.key` ('j', 'Enter', '/'). */
export type Shortcuts = Readonly<Record<string, (event: KeyboardEvent) => void>>;

/** Whether a key press belongs to a field being typed in rather than to the page. */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * Listens for the page's single-key shortcuts while it is shown. A key typed in a field, or pressed
 * with Ctrl, Alt or Meta, is left alone, so shortcuts never swallow text or the browser's own keys.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || typingIn(event.target)) return;
      const action = current.current[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
