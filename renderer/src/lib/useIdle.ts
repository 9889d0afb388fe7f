// Runs: dom (renderer). Calls onIdle once after `seconds` with no touch, pointer, key or wheel
// input. The kiosk uses it to wipe the previous shopper's screen (privacy) and start fresh.
import { useEffect, useRef } from 'react';

const inputEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdle(seconds: number, onIdle: () => void, enabled = true): void {
  // Keep the latest callback without restarting the timer on every render.
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!enabled || !(seconds > 0)) return;
    let timer = window.setTimeout(fire, seconds * 1000);
    function fire() {
      onIdleRef.current();
    }
    function restart() {
      window.clearTimeout(timer);
      timer = window.setTimeout(fire, seconds * 1000);
    }
    for (const e of inputEvents) window.addEventListener(e, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of inputEvents) window.removeEventListener(e, restart, { capture: true });
    };
  }, [seconds, enabled]);
}
