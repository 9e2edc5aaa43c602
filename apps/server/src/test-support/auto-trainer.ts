import { SERVER_EVENT } from '@ttc/protocol';
import type { TestClient } from './classroom-client.js';

/**
 * A trainer who starts the next round whenever the teams are planning, so a test class runs
 * on for as long as the test needs. Refusals (the round moved on already, a process is taking
 * the class over) are passed over: the next session message tries again.
 */
export function keepRoundsGoing(trainer: TestClient): () => void {
  let asked = 0;
  let stopped = false;
  const onUpdate = (payload: unknown) => {
    const message = payload as { type?: string; phase?: string; round?: number; status?: string };
    if (stopped || message.type !== 'session' || message.status !== 'running' || message.phase !== 'planning') return;
    const round = message.round ?? 0;
    if (asked === round) return;
    asked = round;
    void trainer.send({ type: 'nextRound' }, 20_000).then(
      (reply) => {
        if (!reply.ok) asked = 0;
      },
      () => {
        asked = 0;
      },
    );
  };
  trainer.socket.on(SERVER_EVENT, onUpdate);
  return () => {
    stopped = true;
    trainer.socket.off(SERVER_EVENT, onUpdate);
  };
}
