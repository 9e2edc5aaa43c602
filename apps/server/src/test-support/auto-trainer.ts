import { SERVER_EVENT } from '@ttc/protocol';
import type { TestClient } from './classroom-client.js';

/**
 * A trainer who starts the next round whenever the teams are planning, so a test class runs
 * on for as long as the test needs. A refusal or a reply that never came (a process is taking
 * the class over) is tried again shortly, while the class still plans that round.
 */
export function keepRoundsGoing(trainer: TestClient): () => void {
  let stopped = false;
  let busy = false;
  let planning: number | undefined;
  const ask = () => {
    if (stopped || busy || planning === undefined) return;
    busy = true;
    const round = planning;
    void trainer
      .send({ type: 'nextRound' }, 20_000)
      .then(
        (reply) => reply.ok,
        () => false,
      )
      .then((ok) => {
        busy = false;
        if (ok && planning === round) planning = undefined;
        if (!ok) setTimeout(ask, 300);
      });
  };
  const onUpdate = (payload: unknown) => {
    const message = payload as { type?: string; phase?: string; round?: number; status?: string };
    if (message.type !== 'session') return;
    planning = message.status === 'running' && message.phase === 'planning' ? (message.round ?? 0) : undefined;
    ask();
  };
  trainer.socket.on(SERVER_EVENT, onUpdate);
  return () => {
    stopped = true;
    trainer.socket.off(SERVER_EVENT, onUpdate);
  };
}
