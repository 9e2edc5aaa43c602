// Learners join from the QR code, mostly on phones. The desktop board (the Phaser scenes) is
// drawn for 16:9 screens from 1280×720 up; on anything narrower than a laptop, or as low as a
// phone held sideways, the learner's board and planning are HTML laid out for touch instead.

/** Portrait phones and tablets (narrow), and phones held sideways (low). */
export const PHONE_QUERY = '(max-width: 1023px), (max-height: 599px)';

export function phoneLayout(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches;
}

/** Calls the listener when the window crosses between the phone and the desktop layouts (a rotation, a resize). */
export function onLayoutChange(listener: (phone: boolean) => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  const changed = (event: MediaQueryListEvent) => listener(event.matches);
  query.addEventListener('change', changed);
  return () => query.removeEventListener('change', changed);
}
