import { useEffect, useEffectEvent } from 'react';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Calls `onIdle` once after `minutes` without keyboard or pointer input. A counter PC is left
 * unattended between customers: the session must not stay open for the next person at the desk.
 */
export function useIdleLock(minutes: number | null, onIdle: () => void): void {
  // Always the latest callback, without restarting the timer when it changes.
  const fireIdle = useEffectEvent(onIdle);

  useEffect(() => {
    if (minutes === null) return undefined;
    const limitMs = minutes * 60_000;
    let lastInput = Date.now();
    const touch = () => {
      lastInput = Date.now();
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, touch, { capture: true, passive: true });
    // Polling instead of one timer reset per keystroke: a scanner types ten keys in a few milliseconds.
    const timer = window.setInterval(
      () => {
        if (Date.now() - lastInput >= limitMs) {
          window.clearInterval(timer);
          fireIdle();
        }
      },
      Math.min(5_000, limitMs),
    );
    return () => {
      window.clearInterval(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, touch, { capture: true });
    };
  }, [minutes]);
}
